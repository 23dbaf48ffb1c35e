import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireRunLock } from '../../pipeline/db/acquire-run-lock.ts';

function tempDb(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-lock-')), 'k.sqlite');
}

describe('acquireRunLock', () => {
  it('stops a second run on the same database with a message naming the first', () => {
    const db = tempDb();
    const first = acquireRunLock(db, 'run --period 2024');
    try {
      expect(() => acquireRunLock(db, 'ingest')).toThrow(/đang được một lượt chạy khác dùng \(lệnh "run --period 2024"/);
    } finally {
      first.release();
    }
  });

  it('lets the next run in once the first releases', () => {
    const db = tempDb();
    acquireRunLock(db, 'a').release();
    const second = acquireRunLock(db, 'b');
    second.release();
    expect(fs.existsSync(`${db}.lock`)).toBe(false);
  });

  it('takes over a lock left by a run that was killed', () => {
    const db = tempDb();
    // A pid that cannot be alive on this host.
    fs.writeFileSync(`${db}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), startedAt: 'x', command: 'run' }));
    const lock = acquireRunLock(db, 'run');
    lock.release();
  });
});
