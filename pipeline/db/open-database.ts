// Database: opens the SQLite file through better-sqlite3 and Kysely, checked rather than trusted: the path must be a
// file, a missing or empty one is an error unless the caller creates databases, the file passes PRAGMA quick_check,
// and it can be checked again before a run reports success: the same device and inode, and still a SQLite file (not
// truncated or overwritten in place). A file found changed gets nothing written back into it: a read-only guard
// connection holds a shared lock, so closing never checkpoints the run's WAL into a file that is no longer the
// database. Then the schema and views are brought up to date.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './database.ts';
import { applyMigrations } from './apply-migrations.ts';
import { applyViews } from './apply-views.ts';
import { PROJECT_PATHS, resolveDbFile } from '../shared/project-paths.ts';
import { PipelineError } from '../shared/pipeline-error.ts';
import { toOperationalError } from '../shared/to-operational-error.ts';

export { resolveDbFile } from '../shared/project-paths.ts';

/** Default database file when neither --db nor KEHOACH_DB is given. */
export const DEFAULT_DB_FILE = PROJECT_PATHS.database;

/** An open database: Kysely for typed queries, the raw connection for SQL files and transactions. */
export interface OpenDatabase {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  file: string;
  /**
   * Throws `PipelineError('database')` when the file at `file` is no longer the one opened (deleted, or replaced by
   * a restore or a copy during the run): what the run wrote is then not in that file. Call before reporting success.
   */
  assertSameFile(): void;
  close(): Promise<void>;
}

/** Options of `openDatabase`. */
export interface OpenDatabaseOptions {
  /** Path of the SQLite file, or ':memory:'. @default KEHOACH_DB, else data/kehoach.sqlite */
  file?: string;
  /** How long to wait for another run's write lock before failing, in ms. @default 30000 */
  busyTimeoutMs?: number;
  /**
   * Whether a missing file may be created (commands that start a database: seed, plan import, ingest, run, demo).
   * When false a missing file is an error naming the path, so a wrong --db or a deleted database is never silently
   * replaced by an empty one. @default true
   */
  create?: boolean;
}

const RESTORE = 'Hãy khôi phục tệp từ bản lưu gần nhất (hoặc chỉ --db đến tệp đúng) rồi chạy lại lệnh.';

interface FileIdentity {
  dev: number;
  ino: number;
}

/** Checks the path before SQLite sees it; returns whether the file exists. */
function checkPath(file: string, create: boolean): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw toOperationalError(error) ?? error;
    if (!create) {
      throw new PipelineError(
        'database',
        `Không thấy cơ sở dữ liệu ${file}. Nếu tệp đã có, hãy chỉ --db (hoặc KEHOACH_DB) đến đúng tệp hoặc khôi phục nó từ bản lưu; ` +
          `nếu đây là lần dùng đầu tiên, chạy "kehoach seed --db ${file}" để tạo.`,
      );
    }
    return false;
  }
  if (stat.isDirectory()) {
    throw new PipelineError(
      'database',
      `${file} là một thư mục, không phải tệp cơ sở dữ liệu. Hãy chỉ --db (hoặc KEHOACH_DB) đến một tệp, ví dụ ${path.join(file, 'kehoach.sqlite')}.`,
    );
  }
  // A fresh WAL database may keep everything in <db>-wal until its first checkpoint: empty is fine then.
  const walSize = fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0;
  if (stat.size === 0 && walSize === 0) {
    throw new PipelineError(
      'database',
      `Cơ sở dữ liệu ${file} rỗng (0 byte): tệp đã bị cắt cụt hoặc ghi dở, và kehoach không thay nó bằng một cơ sở dữ liệu trống. ${RESTORE} ` +
        'Nếu thật sự muốn bắt đầu lại từ đầu, hãy xoá tệp rỗng này rồi chạy "kehoach seed".',
    );
  }
  return true;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Why the file at `file` is no longer the database opened as `identity`, or null when it still is. */
function describeChange(file: string, identity: FileIdentity): string | null {
  const now = identityOf(file);
  if (!now || now.dev !== identity.dev || now.ino !== identity.ino) return 'đã bị xoá hoặc thay bằng tệp khác';
  const header = Buffer.alloc(SQLITE_HEADER.length);
  let read = 0;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      read = fs.readSync(fd, header, 0, header.length, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return 'đã bị xoá hoặc thay bằng tệp khác';
  }
  if (read < header.length || !header.equals(SQLITE_HEADER)) return 'đã bị cắt cụt hoặc ghi đè (không còn là tệp SQLite)';
  return null;
}

/** Opens a read-only connection that keeps a shared lock on the file, so the writer's close cannot checkpoint alone. */
function openGuard(file: string): BetterSqlite3.Database | null {
  try {
    const guard = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    guard.prepare('select count(*) from sqlite_schema').get();
    return guard;
  } catch {
    return null;
  }
}

/** Moves the WAL left beside a changed file aside (a WAL applied to another file corrupts it), drops its index. */
function setWalAside(file: string): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  try {
    if (fs.existsSync(`${file}-wal`)) fs.renameSync(`${file}-wal`, `${file}-wal.${stamp}.bo-ra`);
    fs.rmSync(`${file}-shm`, { force: true });
  } catch {
    // Nothing more to save: the message already says to restore the file.
  }
}

function identityOf(file: string): FileIdentity | null {
  try {
    const s = fs.statSync(file);
    return { dev: s.dev, ino: s.ino };
  } catch {
    return null;
  }
}

function connect(file: string, options: OpenDatabaseOptions, existed: boolean): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file);
  try {
    sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 30_000}`);
    if (existed) {
      const check = sqlite.pragma('quick_check', { simple: true }) as string;
      if (check !== 'ok') {
        throw new PipelineError('database', `Cơ sở dữ liệu ${file} bị hỏng (PRAGMA quick_check: ${check}). ${RESTORE}`);
      }
    }
    if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    applyMigrations(sqlite);
    applyViews(sqlite);
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Opens the database (creating it when allowed), checks it, and applies migrations and views.
 * The caller closes it in a `finally`.
 * @throws PipelineError('database') for a folder, a missing file (unless `create`), an empty, corrupt or foreign
 *   file; PipelineError('io') when the machine refuses (permissions, a full disk); each names the path and what to do
 */
export function openDatabase(options: OpenDatabaseOptions = {}): OpenDatabase {
  const file = resolveDbFile(options.file);
  const create = options.create ?? true;
  let sqlite: BetterSqlite3.Database;
  let identity: FileIdentity | null = null;
  let guard: BetterSqlite3.Database | null = null;
  try {
    const existed = file === ':memory:' ? false : checkPath(file, create);
    if (file !== ':memory:' && !existed) fs.mkdirSync(path.dirname(file), { recursive: true });
    sqlite = connect(file, options, existed);
    if (file !== ':memory:') {
      identity = identityOf(file);
      guard = openGuard(file);
    }
  } catch (error) {
    throw toOperationalError(error, { database: file }) ?? error;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    sqlite,
    file,
    assertSameFile() {
      if (!identity) return;
      const change = describeChange(file, identity);
      if (change) {
        throw new PipelineError(
          'database',
          `Cơ sở dữ liệu ${file} ${change} trong lúc chạy: những gì lượt này ghi không còn trong tệp đó. ${RESTORE}`,
        );
      }
    },
    async close() {
      const changed = identity !== null && describeChange(file, identity) !== null;
      if (!changed) guard?.close();
      await db.destroy();
      // Kysely's destroy closes the connection; close again is a no-op guard for raw-only use.
      if (sqlite.open) sqlite.close();
      if (changed) {
        // The guard's shared lock kept the writer from checkpointing into the changed file; a read-only connection
        // does not checkpoint either. The WAL is set aside so no later open applies it to whatever the file is now.
        guard?.close();
        setWalAside(file);
      }
    },
  };
}
