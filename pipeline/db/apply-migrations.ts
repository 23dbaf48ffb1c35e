// Database: applies sql/migrations/*.sql in name order, each once, each in its own transaction.
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { PipelineError } from '../shared/pipeline-error.ts';
import { PROJECT_PATHS } from '../shared/project-paths.ts';
import { toTimestamp } from '../shared/vietnam-time.ts';

/** Result of a migration run: the names applied now (empty when the schema was current). */
export interface MigrationResult {
  applied: string[];
}

/**
 * Brings the schema up to date. Migrations are never edited once shipped: a change is a new file.
 * @param sqlite an open better-sqlite3 connection
 * @param dir folder of `NNN_name.sql` files @default sql/migrations
 */
export function applyMigrations(sqlite: BetterSqlite3.Database, dir: string = PROJECT_PATHS.migrations): MigrationResult {
  sqlite.exec('create table if not exists schema_migrations (name text primary key, applied_at text not null)');
  const done = new Set(
    (sqlite.prepare('select name from schema_migrations').all() as { name: string }[]).map((r) => r.name),
  );
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    const name = path.basename(file, '.sql');
    if (done.has(name)) continue;
    const sql = fs.readFileSync(path.join(dir, file), 'utf8');
    const run = sqlite.transaction(() => {
      sqlite.exec(sql);
      sqlite.prepare('insert into schema_migrations (name, applied_at) values (?, ?)').run(name, toTimestamp());
    });
    try {
      run.immediate();
    } catch (cause) {
      throw new PipelineError('migration', `Không áp dụng được migration ${file}: ${(cause as Error).message}`, { cause });
    }
    applied.push(name);
  }
  return { applied };
}
