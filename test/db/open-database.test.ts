// Database: a file changed in place during a run (truncated, overwritten) is noticed before success is reported, and
// nothing is written back into it when the connection closes (issue 11 review F1).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../pipeline/db/open-database.ts';

function freshDb(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-opendb-'));
  return path.join(dir, 'k.sqlite');
}

describe('openDatabase: the file is checked again before success', () => {
  it('notices a file truncated to 0 bytes in place and leaves it empty on close', async () => {
    const file = freshDb();
    const database = openDatabase({ file });
    database.sqlite.exec('create table scratch(x text)');
    const insert = database.sqlite.prepare('insert into scratch values (?)');
    for (let i = 0; i < 500; i++) insert.run('x'.repeat(400));
    fs.truncateSync(file, 0);
    expect(() => database.assertSameFile()).toThrow(/bị cắt cụt hoặc ghi đè.*khôi phục/s);
    await database.close();
    expect(fs.statSync(file).size).toBe(0);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('notices a header overwritten in place', async () => {
    const file = freshDb();
    const database = openDatabase({ file });
    database.sqlite.exec('create table scratch(x text); insert into scratch values (1)');
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(100, 0), 0, 100, 0);
    fs.closeSync(fd);
    expect(() => database.assertSameFile()).toThrow(/bị cắt cụt hoặc ghi đè/);
    await database.close();
  });

  it('passes an untouched file, and closing it checkpoints as usual', async () => {
    const file = freshDb();
    const database = openDatabase({ file });
    database.sqlite.exec('create table scratch(x text); insert into scratch values (1)');
    expect(() => database.assertSameFile()).not.toThrow();
    await database.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const again = openDatabase({ file, create: false });
    expect(again.sqlite.prepare('select count(*) as n from scratch').get()).toEqual({ n: 1 });
    await again.close();
  });
});
