// Database: one writing run per database file at a time. The lock is a kernel lock (SQLite's own POSIX advisory
// lock, held by an open write transaction on `<db>-runlock`), so taking it is atomic and a killed run's lock dies
// with its process: there is no stale lock to take over and no race between two takers (issue 11: two processes that
// found the same stale lock could both take it). `<db>.lock` holds who has it, for the message a second run shows.
// The lock belongs to the database file, not to the path that named it: the path is resolved through symlinks, and
// an existing file's device and inode take a second kernel lock in the system's temporary folder, so a symlink
// (`/srv/kehoach/current.sqlite`) or a hard link to the same database waits for the same run (review F3).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { PipelineError } from '../shared/pipeline-error.ts';
import { toOperationalError } from '../shared/to-operational-error.ts';

/** A held lock; release it in a `finally`. */
export interface RunLock {
  /** The file naming the holder (`<db>.lock`). */
  file: string;
  release(): void;
}

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(infoFile: string): LockInfo | null {
  try {
    const held = JSON.parse(fs.readFileSync(infoFile, 'utf8')) as LockInfo;
    // A note left by a killed run names nobody: its kernel lock died with it.
    if (held.host === os.hostname() && !isAlive(held.pid)) return null;
    return held;
  } catch {
    return null;
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** The file whose kernel lock is the run lock; never deleted (deleting it would let two runs lock two files). */
export function runLockFile(dbFile: string): string {
  return `${dbFile}-runlock`;
}

/**
 * Takes the run lock of a database file, or throws `PipelineError('database-busy')` naming the run that holds it.
 * In-memory databases need no lock. The lock is released by `release()` or, whatever happens, when the process ends.
 * @param command what this run is, for the message another run will show
 * @throws PipelineError('io' | 'database') when the lock file cannot be created (permissions, a full disk)
 */
/** The path with symlinks resolved (its folder's, when the file does not exist yet). */
function realPathOf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

/** The lock file named by an existing database's device and inode, shared by all its hard links; null when absent. */
function identityLockFile(file: string): string | null {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? path.join(os.tmpdir(), `kehoach-runlock-${stat.dev}-${stat.ino}`) : null;
  } catch {
    return null;
  }
}

function takeKernelLock(lockFile: string): BetterSqlite3.Database {
  const connection = new BetterSqlite3(lockFile);
  try {
    connection.pragma('busy_timeout = 0');
    connection.exec('begin immediate');
    return connection;
  } catch (error) {
    connection.close();
    throw error;
  }
}

function releaseKernelLock(connection: BetterSqlite3.Database): void {
  try {
    connection.exec('rollback');
  } finally {
    connection.close();
  }
}

export function acquireRunLock(requestedFile: string, command: string): RunLock {
  if (requestedFile === ':memory:') return { file: requestedFile, release() {} };
  // The lock is taken before the database is opened, which is what creates its folder on a new machine.
  try {
    fs.mkdirSync(path.dirname(requestedFile), { recursive: true });
  } catch (error) {
    throw toOperationalError(error, { database: requestedFile }) ?? error;
  }
  const dbFile = realPathOf(requestedFile);
  const infoFile = `${dbFile}.lock`;
  const lockFile = runLockFile(dbFile);
  const identityFile = identityLockFile(dbFile);
  const connections: BetterSqlite3.Database[] = [];
  try {
    connections.push(takeKernelLock(lockFile));
    if (identityFile) connections.push(takeKernelLock(identityFile));
  } catch (error) {
    connections.forEach(releaseKernelLock);
    if (isBusy(error)) {
      const held = readHolder(infoFile);
      throw new PipelineError(
        'database-busy',
        `Cơ sở dữ liệu ${dbFile} đang được một lượt chạy khác dùng` +
          (held ? ` (lệnh "${held.command}", tiến trình ${held.pid} trên máy ${held.host}, bắt đầu lúc ${held.startedAt})` : '') +
          '. Hãy chờ lượt đó xong rồi chạy lại.',
      );
    }
    throw toOperationalError(error, { database: lockFile }) ?? error;
  }
  const info: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), command };
  try {
    fs.writeFileSync(infoFile, JSON.stringify(info));
  } catch (error) {
    connections.forEach(releaseKernelLock);
    throw toOperationalError(error) ?? error;
  }
  let released = false;
  return {
    file: infoFile,
    release() {
      if (released) return;
      released = true;
      // The note goes first, while the lock is still ours, so it never removes the next holder's note.
      fs.rmSync(infoFile, { force: true });
      connections.forEach(releaseKernelLock);
    },
  };
}
