// CLI `kehoach report`: opens the database, seeds it, reconciles the period and writes the reports.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../pipeline/cli/main.ts';

async function capture(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await main(argv), stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('kehoach report', () => {
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-report-cli-'));
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.restoreAllMocks());

  it('writes the annual report of a period from the seeded registry', async () => {
    const db = path.join(dir, 'k.sqlite');
    const out = path.join(dir, 'out');
    // report reads an existing database (a missing one is an error, not an empty report): seed it first.
    expect((await capture(['seed', '--db', db])).code).toBe(0);
    const { code, stdout, stderr } = await capture(['report', '--db', db, '--period', '2024', '--kind', 'annual', '--format', 'html,docx', '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(path.join(out, '2024', 'annual.html'));
    const html = fs.readFileSync(path.join(out, '2024', 'annual.html'), 'utf8');
    expect(html).toContain('Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội năm 2024');
    expect(fs.existsSync(path.join(out, '2024', 'annual.docx'))).toBe(true);
  });

  it.each([
    [['report', '--kind', 'annual'], /--period/],
    [['report', '--period', '2024', '--kind', 'yearly'], /--kind nhận six-month, annual, review/],
    [['report', '--period', '2024', '--kind', 'annual', '--format', 'odt'], /--format nhận pdf, docx, html/],
  ])('stops with a usage error on %j', async (argv, message) => {
    const { code, stderr } = await capture([...argv, '--db', path.join(dir, 'u.sqlite')]);
    expect(code).toBe(64);
    expect(stderr).toMatch(message);
  });
});
