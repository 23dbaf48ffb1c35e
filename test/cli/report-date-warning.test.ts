// Review R2, A6: a report dated long before its period ends is written (never refused), with a warning at the
// terminal and in kiem-tra.html; a usual date gives none.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureCli, tempDir } from './capture-cli.ts';
import { fromProjectRoot } from '../../pipeline/shared/project-paths.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

const WARNING = /Cảnh báo: Ngày báo cáo 15\/7\/2025 còn cách xa cuối kỳ năm 2025 \(31\/12\/2025; số liệu kỳ này chốt đến ngày 14\/12\/2025/;

describe('kehoach report and run: a report date long before the period ends', () => {
  it('writes the annual report of 2025 dated 15/7/2025 with a warning, and none when dated 24/12/2025', async () => {
    const root = tempDir();
    const db = path.join(root, 'k.sqlite');
    const config = (date: string) => {
      const file = path.join(root, `cfg-${date}.json`);
      fs.writeFileSync(file, JSON.stringify({ report: { date } }));
      return file;
    };
    const ingested = await captureCli(['ingest', '--period', '2025', '--inbox', fromProjectRoot('samples', 'inbox', '2025'), '--out', path.join(root, 'output'), '--db', db]);
    expect([0, 1]).toContain(ingested.code);

    const early = await captureCli(['report', '--period', '2025', '--kind', 'annual', '--format', 'html', '--config', config('2025-07-15'), '--out', path.join(root, 'early'), '--db', db]);
    expect(early.code).toBe(0);
    expect(early.stderr).toMatch(WARNING);
    expect(early.stdout).toMatch(/Đã ghi .*annual\.html/);
    expect(fs.existsSync(path.join(root, 'early', '2025', 'annual.html'))).toBe(true);
    const checklist = fs.readFileSync(path.join(root, 'early', '2025', 'kiem-tra.html'), 'utf8');
    expect(checklist).toMatch(/Ngày báo cáo 15\/7\/2025 còn cách xa cuối kỳ năm 2025/);

    const usual = await captureCli(['report', '--period', '2025', '--kind', 'annual', '--format', 'html', '--config', config('2025-12-24'), '--out', path.join(root, 'usual'), '--db', db]);
    expect(usual.code).toBe(0);
    expect(usual.stderr).not.toMatch(/Cảnh báo: Ngày báo cáo/);
    expect(fs.readFileSync(path.join(root, 'usual', '2025', 'kiem-tra.html'), 'utf8')).not.toMatch(/còn cách xa cuối kỳ/);

    // `run` prints it among the closing lines.
    const run = await captureCli(['run', '--period', '2025', '--kind', 'annual', '--format', 'html', '--config', config('2025-07-15'), '--out', path.join(root, 'run'), '--db', db]);
    expect(run.stdout).toMatch(/ {2}- Cảnh báo: Ngày báo cáo 15\/7\/2025 còn cách xa cuối kỳ năm 2025/);
  }, 180_000);
});
