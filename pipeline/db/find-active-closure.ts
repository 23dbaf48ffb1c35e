// Database: whether a period is closed (chốt số liệu) right now, for intake (hold late files) and batch.
import type BetterSqlite3 from 'better-sqlite3';
import { prepareQuery } from './prepare-query.ts';

/** The closure in force for a period. */
export interface ActiveClosure {
  id: number;
  period: string;
  closedAt: string;
  closedBy: string;
  note: string | null;
}

/** Returns the closure in force for the period, or null when the period is open. */
export function findActiveClosure(sqlite: BetterSqlite3.Database, period: string): ActiveClosure | null {
  const row = prepareQuery<{ id: number; period: string; closed_at: string; closed_by: string; note: string | null }, [string]>(
    sqlite,
    `select id, period, closed_at, closed_by, note from period_closures
     where period = ? and reopened_at is null order by id desc limit 1`,
  ).get(period);
  return row ? { id: row.id, period: row.period, closedAt: row.closed_at, closedBy: row.closed_by, note: row.note } : null;
}
