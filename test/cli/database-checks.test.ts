// CLI + database: the database is checked, not trusted (issue 11: a database deleted during a run is not noticed; a
// 0-byte one is silently replaced by an empty one; a corrupt one ends in an English stack and leaves the lock).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireRunLock } from '../../pipeline/db/acquire-run-lock.ts';
import { captureCli, tempDir } from './capture-cli.ts';

const STACK_LINE = /\n\s+at /;

async function seededDb(): Promise<{ dir: string; db: string }> {
  const dir = tempDir('kehoach-dbcheck-');
  const db = path.join(dir, 'k.sqlite');
  expect((await captureCli(['seed', '--db', db])).code).toBe(0);
  return { dir, db };
}

describe('database checks', () => {
  it('refuses a 0-byte database instead of replacing it with an empty one', async () => {
    const dir = tempDir('kehoach-dbcheck-');
    const db = path.join(dir, 'k.sqlite');
    fs.writeFileSync(db, '');
    for (const argv of [['values', '--period', '2024'], ['run', '--period', '2024', '--kind', 'annual', '--format', 'html', '--out', path.join(dir, 'out')]]) {
      const { code, stderr } = await captureCli([...argv, '--db', db]);
      expect(code).toBe(2);
      expect(stderr).toContain(db);
      expect(stderr).toMatch(/0 byte|rỗng/);
      expect(stderr).toMatch(/khôi phục/);
      expect(fs.statSync(db).size).toBe(0);
    }
  });

  it('refuses a missing database for a command that only reads, and creates nothing', async () => {
    const dir = tempDir('kehoach-dbcheck-');
    const db = path.join(dir, 'k.sqlite');
    const { code, stderr } = await captureCli(['values', '--period', '2024', '--db', db]);
    expect(code).toBe(2);
    expect(stderr).toContain(db);
    expect(stderr).toMatch(/Không thấy cơ sở dữ liệu/);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('reports a corrupt database in Vietnamese with what to do, and releases the lock', async () => {
    const { dir, db } = await seededDb();
    // Keep the header page, overwrite the pages after it: the file still opens, its b-trees are garbage.
    const fd = fs.openSync(db, 'r+');
    const size = fs.fstatSync(fd).size;
    const junk = Buffer.alloc(size - 4096, 0x5a);
    fs.writeSync(fd, junk, 0, junk.length, 4096);
    fs.closeSync(fd);
    const { code, stderr } = await captureCli(['run', '--period', '2024', '--kind', 'annual', '--format', 'html', '--db', db, '--out', path.join(dir, 'out')]);
    expect(code).toBe(2);
    expect(stderr).toContain(db);
    expect(stderr).toMatch(/hỏng/);
    expect(stderr).toMatch(/khôi phục/);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr).not.toContain('không lường trước');
    acquireRunLock(db, 'after').release();
  });

  it('notices a database deleted during a run and does not report success', async () => {
    const { dir, db } = await seededDb();
    let deleted = false;
    const { code, stdout, stderr } = await captureCli(
      ['run', '--period', '2024', '--kind', 'annual', '--format', 'html', '--db', db, '--out', path.join(dir, 'out')],
      (chunk) => {
        if (!deleted && chunk.includes('Đối chiếu số liệu')) {
          deleted = true;
          for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${db}${suffix}`, { force: true });
        }
      },
    );
    expect(deleted).toBe(true);
    expect(code).toBe(2);
    expect(stdout).not.toMatch(/Hoàn thành|Đã lập báo cáo/);
    expect(stderr).toContain(db);
    expect(stderr).toMatch(/bị xoá hoặc thay/);
  });

  it('notices a database truncated in place during a run, exits 2, and writes nothing back into the emptied file', async () => {
    const { dir, db } = await seededDb();
    let truncated = false;
    const { code, stdout, stderr } = await captureCli(
      ['run', '--period', '2024', '--kind', 'annual', '--format', 'html', '--db', db, '--out', path.join(dir, 'out')],
      (chunk) => {
        if (!truncated && chunk.includes('bắt đầu: Lập báo cáo')) {
          truncated = true;
          fs.truncateSync(db, 0);
        }
      },
    );
    expect(truncated).toBe(true);
    expect(code).toBe(2);
    expect(stdout).not.toMatch(/Hoàn thành|Đã lập báo cáo/);
    expect(stderr).toContain(db);
    expect(stderr).toMatch(/cắt cụt|ghi đè|hỏng/);
    expect(stderr).toMatch(/khôi phục/);
    // Closing must not checkpoint the run's WAL into the emptied file: it stays empty, and the next command says so.
    expect(fs.statSync(db).size).toBe(0);
    const next = await captureCli(['values', '--period', '2024', '--db', db]);
    expect(next.code).toBe(2);
    expect(next.stderr).toMatch(/0 byte|rỗng/);
  });
});
