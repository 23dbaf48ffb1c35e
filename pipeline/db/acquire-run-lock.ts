// Database: one writing run per database file at a time. A second run stops with a clear message instead of
// interleaving its writes with the first; a lock left by a killed run is taken over.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PipelineError } from '../shared/pipeline-error.ts';

/** A held lock; release it in a `finally`. */
export interface RunLock {
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

/**
 * Takes the lock of a database file (`<db>.lock`), or throws `PipelineError('database-busy')` naming the run that
 * holds it. In-memory databases need no lock.
 * @param command what this run is, for the message another run will show
 */
export function acquireRunLock(dbFile: string, command: string): RunLock {
  if (dbFile === ':memory:') return { file: dbFile, release() {} };
  const file = `${dbFile}.lock`;
  // The lock is taken before the database is opened, which is what creates its folder on a new machine.
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const info: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), command };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx' });
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          try {
            const held = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
            if (held.pid === process.pid) fs.unlinkSync(file);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let held: LockInfo | null = null;
      try {
        held = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
      } catch {
        held = null;
      }
      const stale = !held || (held.host === os.hostname() && !isAlive(held.pid));
      if (stale && attempt === 0) {
        fs.rmSync(file, { force: true });
        continue;
      }
      throw new PipelineError(
        'database-busy',
        `Cơ sở dữ liệu ${dbFile} đang được một lượt chạy khác dùng` +
          (held ? ` (lệnh "${held.command}", tiến trình ${held.pid} trên máy ${held.host}, bắt đầu lúc ${held.startedAt})` : '') +
          `. Hãy chờ lượt đó xong rồi chạy lại. Nếu chắc chắn không còn lượt nào đang chạy, xoá tệp ${file}.`,
      );
    }
  }
  throw new PipelineError('database-busy', `Không lấy được khoá ${file}.`);
}
