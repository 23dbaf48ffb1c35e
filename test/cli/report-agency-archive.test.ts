// CLI: `kehoach report` after `kehoach ingest --archive DIR` reads the agencies' text from where the intake archived
// it (review R2 of issue 10, A1: it looked beside the database only, and the Sở Y tế text vanished from narrative.md
// and every report with no word). A file it cannot read is named, and its block in narrative.md is kept.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureCli, tempDir } from './capture-cli.ts';

const SAMPLES = path.resolve(import.meta.dirname, '..', '..', 'samples', 'inbox', '2025');

describe('kehoach report finds the archived agency files', () => {
  let dir: string;
  let db: string;
  let out: string;
  let archive: string;
  const report = () => captureCli(['report', '--db', db, '--period', '2025', '--kind', 'annual', '--format', 'html', '--out', out]);

  beforeAll(async () => {
    dir = tempDir('kehoach-report-archive-');
    db = path.join(dir, 'k.sqlite');
    out = path.join(dir, 'out');
    archive = path.join(dir, 'shared-archive');
    const inbox = path.join(dir, 'inbox');
    fs.mkdirSync(path.join(inbox, 'so-y-te'), { recursive: true });
    fs.copyFileSync(path.join(SAMPLES, 'so-y-te', 'so-lieu-y-te.xlsx'), path.join(inbox, 'so-y-te', 'so-lieu-y-te.xlsx'));
    expect((await captureCli(['seed', '--db', db])).code).toBe(0);
    const ingested = await captureCli(['ingest', '--db', db, '--period', '2025', '--inbox', inbox, '--archive', archive]);
    expect(ingested.code).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('puts the Sở Y tế text in narrative.md and the report, and keeps it when the archived file is gone', async () => {
    const first = await report();
    expect(first.code).toBe(0);
    const narrative = path.join(out, '2025', 'narrative.md');
    expect(fs.readFileSync(narrative, 'utf8')).toContain('nguồn: Sở Y tế, tệp so-lieu-y-te.xlsx');
    expect(fs.readFileSync(narrative, 'utf8')).toContain('Ngọc Hồi');
    expect(fs.readFileSync(path.join(out, '2025', 'annual.html'), 'utf8')).toContain('Ngọc Hồi');
    expect(fs.readFileSync(path.join(out, '2025', 'kiem-tra.html'), 'utf8')).toMatch(/Thuyết minh của Sở Y tế \(tệp so-lieu-y-te\.xlsx\) đưa nguyên văn vào mục/);

    fs.rmSync(archive, { recursive: true, force: true });
    const second = await report();
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Lưu ý: Thuyết minh của Sở Y tế \(tệp so-lieu-y-te\.xlsx\): không thấy bản lưu trong kho lưu trữ/);
    expect(fs.readFileSync(narrative, 'utf8')).toContain('Ngọc Hồi');
    expect(fs.readFileSync(path.join(out, '2025', 'annual.html'), 'utf8')).toContain('Ngọc Hồi');
    expect(fs.readFileSync(path.join(out, '2025', 'kiem-tra.html'), 'utf8')).toMatch(/Thuyết minh của Sở Y tế \(tệp so-lieu-y-te\.xlsx\): không thấy bản lưu/);
  });
});
