// Test helper (intake): an in-memory database with the small test registry and a temp archive folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type OpenDatabase } from '../../pipeline/db/open-database.ts';
import { seedTestRegistry } from '../fixtures/seed-test-registry.ts';

/** Where the fixtures are. */
export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'intake');

/** Opens a fresh seeded database and a temp folder; call `cleanup` after. */
export function openTestDatabase(): { database: OpenDatabase; dir: string; cleanup(): Promise<void> } {
  const database = openDatabase({ file: ':memory:' });
  seedTestRegistry(database.sqlite);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-intake-'));
  return {
    database,
    dir,
    async cleanup() {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
