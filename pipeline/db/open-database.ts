// Database: opens the SQLite file through better-sqlite3 and Kysely, brings the schema and views up to date.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './database.ts';
import { applyMigrations } from './apply-migrations.ts';
import { applyViews } from './apply-views.ts';
import { fromProjectRoot } from './project-root.ts';

/** Default database file when neither --db nor KEHOACH_DB is given. */
export const DEFAULT_DB_FILE = fromProjectRoot('data', 'kehoach.sqlite');

/** An open database: Kysely for typed queries, the raw connection for SQL files and transactions. */
export interface OpenDatabase {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  file: string;
  close(): Promise<void>;
}

/** Options of `openDatabase`. */
export interface OpenDatabaseOptions {
  /** Path of the SQLite file, or ':memory:'. @default KEHOACH_DB, else data/kehoach.sqlite */
  file?: string;
  /** How long to wait for another run's write lock before failing, in ms. @default 30000 */
  busyTimeoutMs?: number;
}

/** Resolves the database file from the option, then KEHOACH_DB, then the default. */
export function resolveDbFile(file?: string): string {
  const chosen = file ?? process.env.KEHOACH_DB ?? DEFAULT_DB_FILE;
  return chosen === ':memory:' ? chosen : path.resolve(chosen);
}

/**
 * Opens (creating if needed) the database and applies migrations and views.
 * The caller closes it in a `finally`.
 */
export function openDatabase(options: OpenDatabaseOptions = {}): OpenDatabase {
  const file = resolveDbFile(options.file);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 30_000}`);
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  applyMigrations(sqlite);
  applyViews(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    sqlite,
    file,
    async close() {
      await db.destroy();
      // Kysely's destroy closes the connection; close again is a no-op guard for raw-only use.
      if (sqlite.open) sqlite.close();
    },
  };
}
