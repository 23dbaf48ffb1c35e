// CLI: operational faults (paths, permissions, a full disk, a busy database) end in a Vietnamese message naming the
// path, exit code 2, and a stack only with --debug (issue 11: "read-only or full disks, --db pointing at a folder,
// --out pointing at a file: English stack traces").
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquireRunLock } from '../../pipeline/db/acquire-run-lock.ts';
import { PROJECT_ROOT } from '../../pipeline/shared/project-paths.ts';
import { captureCli, tempDir } from './capture-cli.ts';

const STACK_LINE = /\n\s+at /;

function errnoError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: ${syscall} '${file}'`) as NodeJS.ErrnoException;
  e.code = code;
  e.syscall = syscall;
  if (file !== undefined) e.path = file;
  return e;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('operational errors', () => {
  it('answers --db pointing at a folder with a Vietnamese message naming it and exit code 2', async () => {
    const dir = tempDir();
    const { code, stderr } = await captureCli(['values', '--period', '2024', '--db', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain(dir);
    expect(stderr).toMatch(/thư mục/);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr).not.toContain('không lường trước');
  });

  it('answers --out pointing at a file with a Vietnamese message naming it and exit code 2', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'not-a-folder.txt');
    fs.writeFileSync(file, 'x');
    const { code, stderr } = await captureCli(['reconcile', '--period', '2024', '--db', path.join(dir, 'k.sqlite'), '--out', file]);
    expect(code).toBe(2);
    expect(stderr).toContain(file);
    expect(stderr).toMatch(/không phải thư mục|là một tệp/);
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('answers a folder it may not write with a Vietnamese message naming it', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'sub', 'k.sqlite');
    const real = fs.mkdirSync;
    vi.spyOn(fs, 'mkdirSync').mockImplementation(((p: fs.PathLike, o?: fs.MakeDirectoryOptions) => {
      if (String(p).startsWith(path.join(dir, 'sub'))) throw errnoError('EACCES', 'mkdir', String(p));
      return real(p, o);
    }) as typeof fs.mkdirSync);
    const { code, stderr } = await captureCli(['seed', '--db', db]);
    expect(code).toBe(2);
    expect(stderr).toContain(path.join(dir, 'sub'));
    expect(stderr).toMatch(/không có quyền/i);
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('answers a full disk while writing an output with a Vietnamese message naming the file', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'k.sqlite');
    expect((await captureCli(['seed', '--db', db])).code).toBe(0);
    const real = fs.writeFileSync;
    vi.spyOn(fs, 'writeFileSync').mockImplementation(((target: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      const where = typeof target === 'number' ? fs.readlinkSync(`/proc/self/fd/${target}`) : String(target);
      // A real full disk gives ENOSPC from write(2), with no path on the error.
      if (where.startsWith(path.join(dir, 'out'))) throw errnoError('ENOSPC', 'write', undefined as unknown as string);
      return (real as (...a: unknown[]) => void)(target, ...rest);
    }) as typeof fs.writeFileSync);
    const { code, stderr } = await captureCli(['reconcile', '--period', '2024', '--db', db, '--out', path.join(dir, 'out')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/hết chỗ trống|đầy/);
    expect(stderr).toContain(path.join(dir, 'out'));
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('shows the stack only with --debug', async () => {
    const dir = tempDir();
    const plain = await captureCli(['values', '--period', '2024', '--db', dir]);
    const debug = await captureCli(['values', '--period', '2024', '--db', dir, '--debug']);
    expect(plain.stderr).not.toMatch(STACK_LINE);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(STACK_LINE);
  });
});

describe('every writing command takes the run lock', () => {
  const aliases = path.join(PROJECT_ROOT, 'seeds', 'aliases.csv');
  const aliasesBefore = fs.existsSync(aliases) ? fs.readFileSync(aliases) : null;
  afterEach(() => {
    // Should the lock not hold, `alias add` would have written to seeds/aliases.csv: put it back.
    if (aliasesBefore) fs.writeFileSync(aliases, aliasesBefore);
    else fs.rmSync(aliases, { force: true });
  });

  it.each([
    [['seed']],
    [['reconcile', '--period', '2024', '--out', 'OUT']],
    [['report', '--period', '2024', '--kind', 'annual', '--format', 'html', '--out', 'OUT']],
    [['alias', 'add', '--name', 'Tên thử khoá', '--indicator', 'grdp-tang-truong']],
    [['close', '--period', '2024']],
    [['ingest', '--period', '2024', '--inbox', 'OUT']],
    [['plan', 'import', 'OUT/plan.csv']],
    [['run', '--period', '2024', '--kind', 'annual', '--format', 'html', '--out', 'OUT']],
  ])('%j waits for a run that holds the database', async (argv) => {
    const dir = tempDir();
    const db = path.join(dir, 'k.sqlite');
    expect((await captureCli(['seed', '--db', db])).code).toBe(0);
    fs.mkdirSync(path.join(dir, 'out'));
    const lock = acquireRunLock(db, 'run --period 2024');
    try {
      const args = argv.map((a) => a.replace('OUT', path.join(dir, 'out')));
      const { code, stderr } = await captureCli([...args, '--db', db]);
      expect(stderr).toMatch(/đang được một lượt chạy khác dùng \(lệnh "run --period 2024"/);
      expect(code).toBe(2);
    } finally {
      lock.release();
    }
  });
});
