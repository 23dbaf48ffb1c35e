import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireRunLock } from '../../pipeline/db/acquire-run-lock.ts';
import { fromProjectRoot } from '../../pipeline/shared/project-paths.ts';

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

  it('shares the lock between a database and a symlink or hard link to it (review F3)', () => {
    const db = tempDb();
    fs.writeFileSync(db, '');
    const dir = path.dirname(db);
    const symlink = path.join(dir, 'current.sqlite');
    fs.symlinkSync(db, symlink);
    fs.mkdirSync(path.join(dir, 'mount'));
    const hardLink = path.join(dir, 'mount', 'k.sqlite');
    fs.linkSync(db, hardLink);
    const first = acquireRunLock(db, 'run --period 2024');
    try {
      expect(() => acquireRunLock(symlink, 'alias add')).toThrow(/đang được một lượt chạy khác dùng \(lệnh "run --period 2024"/);
      expect(() => acquireRunLock(hardLink, 'alias add')).toThrow(/đang được một lượt chạy khác dùng/);
    } finally {
      first.release();
    }
    acquireRunLock(hardLink, 'after').release();
    acquireRunLock(symlink, 'after').release();
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

describe('acquireRunLock between processes', () => {
    const CHILD = fromProjectRoot('test', 'db', 'take-lock-child.ts');

  interface Child {
    proc: ChildProcess;
    lines: string[];
    exited: Promise<void>;
  }

  function spawnTaker(db: string, go: string, stop: string): Child {
    const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, db, go, stop], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines: string[] = [];
    let buffer = '';
    proc.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      lines.push(...parts);
    });
    const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
    return { proc, lines, exited };
  }

  async function until(check: () => boolean, ms = 60_000): Promise<void> {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it(
    'lets exactly one of many processes take over the lock of a killed run',
    async () => {
      for (let round = 0; round < 3; round++) {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-lock-race-'));
        const db = path.join(dir, 'k.sqlite');
        // A run that holds the lock and is killed: its lock is stale.
        const holder = spawnTaker(db, path.join(dir, 'go-holder'), path.join(dir, 'never'));
        await until(() => holder.lines.includes('ready'));
        fs.writeFileSync(path.join(dir, 'go-holder'), '');
        await until(() => holder.lines.includes('won'));
        holder.proc.kill('SIGKILL');
        await holder.exited;

        const go = path.join(dir, 'go');
        const stop = path.join(dir, 'stop');
        const takers = Array.from({ length: 10 }, () => spawnTaker(db, go, stop));
        await until(() => takers.every((t) => t.lines.includes('ready')));
        fs.writeFileSync(go, '');
        await until(() => takers.every((t) => t.lines.some((l) => l === 'won' || l.startsWith('busy'))));
        const winners = takers.filter((t) => t.lines.includes('won')).length;
        fs.writeFileSync(stop, '');
        await Promise.all(takers.map((t) => t.exited));
        expect(winners, `round ${round}: ${takers.map((t) => t.lines.at(-1)).join(' | ')}`).toBe(1);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
