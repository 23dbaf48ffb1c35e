// Database: the one way to the database (README, "One way to the database"): plain SQL through better-sqlite3, each
// statement typed by its parameters and its row, prepared once per connection. Synchronous, so an intake file's
// writes stay one transaction; SQL stays SQL, as in sql/.
import type BetterSqlite3 from 'better-sqlite3';

const cache = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * A prepared statement typed by its row and parameters, cached per connection (preparing costs more than running).
 * @example prepareQuery<{ id: number }, [string]>(sqlite, 'select id from submissions where period = ?').all('2025')
 */
export function prepareQuery<Row, Params extends unknown[] = []>(sqlite: BetterSqlite3.Database, text: string): BetterSqlite3.Statement<Params, Row> {
  let statements = cache.get(sqlite);
  if (!statements) cache.set(sqlite, (statements = new Map()));
  let statement = statements.get(text);
  if (!statement) statements.set(text, (statement = sqlite.prepare(text)));
  return statement as unknown as BetterSqlite3.Statement<Params, Row>;
}
