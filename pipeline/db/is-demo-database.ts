// Database: whether the database holds the demo's data (meta `demo` = 1, set by `kehoach demo` / `npm start`), so
// that every report of it is marked "SỐ LIỆU MINH HỌA" whatever the command says.
import type BetterSqlite3 from 'better-sqlite3';
import { prepareQuery } from './prepare-query.ts';

/** True when the database is the demo's (meta `demo` = '1'). */
export function isDemoDatabase(sqlite: BetterSqlite3.Database): boolean {
  return prepareQuery<{ one: number }, []>(sqlite, "select 1 as one from meta where key = 'demo' and value = '1'").get() !== undefined;
}
