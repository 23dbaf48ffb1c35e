// Registry stage: loads seeds/ when the database does not hold the current version of it (by content hash).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { PROJECT_PATHS } from '../shared/project-paths.ts';
import { loadSeeds, type SeedResult } from './load-seeds.ts';

/** Hash of every CSV in the seeds folder, in name order. */
export function hashSeeds(dir: string = PROJECT_PATHS.seeds): string {
  const h = crypto.createHash('sha256');
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.csv')).sort()) {
    h.update(f);
    h.update(fs.readFileSync(path.join(dir, f)));
  }
  return h.digest('hex');
}

/**
 * Seeds the database if seeds/ changed since it was last loaded (or `force`).
 * @returns the load counts, or null when the database was already current
 */
export function ensureSeeded(
  sqlite: BetterSqlite3.Database,
  options: { dir?: string; force?: boolean } = {},
): SeedResult | null {
  const dir = options.dir ?? PROJECT_PATHS.seeds;
  const hash = hashSeeds(dir);
  const row = sqlite.prepare("select value from meta where key = 'seed_hash'").get() as { value: string } | undefined;
  if (!options.force && row?.value === hash) return null;
  const result = loadSeeds(sqlite, dir);
  sqlite.prepare("insert into meta (key, value) values ('seed_hash', ?) on conflict (key) do update set value = excluded.value").run(hash);
  return result;
}
