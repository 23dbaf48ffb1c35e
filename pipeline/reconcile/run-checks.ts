// Reconcile stage: runs the data checks of sql/checks (queries that return the failing rows; zero rows is a pass).
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { PROJECT_PATHS } from '../shared/project-paths.ts';
import { PipelineError } from '../shared/pipeline-error.ts';

/** Parameters a check may use: the report period's calendar dates and the date "now" for deadlines. */
export interface CheckParams {
  period_start: string;
  period_end: string;
  as_of: string;
}

/** One check and the rows that fail it. */
export interface CheckResult {
  name: string;
  rows: Record<string, unknown>[];
}

/**
 * Runs every `sql/checks/*.sql` in name order with the parameters it names (`:period_start`, `:period_end`,
 * `:as_of`), and returns each check's failing rows.
 * @param dir folder of check queries @default sql/checks
 */
export function runChecks(sqlite: BetterSqlite3.Database, params: CheckParams, dir: string = PROJECT_PATHS.checks): CheckResult[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(path.join(dir, file), 'utf8').trim().replace(/;\s*$/, '');
      const used = Object.fromEntries(Object.entries(params).filter(([k]) => new RegExp(`:${k}\\b`).test(sql)));
      try {
        return { name: path.basename(file, '.sql'), rows: sqlite.prepare(sql).all(used) as Record<string, unknown>[] };
      } catch (cause) {
        throw new PipelineError('reconcile', `Kiểm tra sql/checks/${file} lỗi: ${(cause as Error).message}`, { cause });
      }
    });
}
