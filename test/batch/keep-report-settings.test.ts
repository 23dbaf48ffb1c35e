// Batch stage: a rerun of a period's report into the same output folder keeps the date, signer and SỐ LIỆU MINH HỌA
// of its first run; a trial run into another folder changes nothing of it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../pipeline/config/resolve-config.ts';
import { DEFAULT_ISSUERS } from '../../pipeline/config/config-schema.ts';
import { keepReportSettings, reportSettingsFile } from '../../pipeline/batch/keep-report-settings.ts';
import { buildReportModel } from '../../pipeline/report/build-report-model.ts';
import { openDatabase } from '../../pipeline/db/open-database.ts';
import { isDemoDatabase } from '../../pipeline/db/is-demo-database.ts';
import { makeSampleReconciliation } from '../report/fixtures/make-sample-reconciliation.ts';

let root: string;
let office: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-settings-'));
  office = path.join(root, 'output');
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const signed = (name: string, extra: object = {}) =>
  parseConfig({ issuers: DEFAULT_ISSUERS.map((i) => ({ ...i, signer: { ...i.signer, name } })), report: { ...extra } });

describe('keepReportSettings', () => {
  it('gives a rerun with the default configuration the date, signer and marking of the first run', () => {
    const first = keepReportSettings({ outDir: office, periodId: '2025', config: signed('Nguyễn Văn A', { date: '2025-12-22', illustrative: true }) });
    expect(first.messages).toEqual([expect.stringContaining('Đã lưu ngày báo cáo 22/12/2025, dòng SỐ LIỆU MINH HỌA và người ký của kỳ 2025')]);
    expect(fs.existsSync(path.join(office, '2025', 'report-settings.json'))).toBe(true);
    const rerun = keepReportSettings({ outDir: office, periodId: '2025', config: parseConfig({}) });
    expect(rerun.config.report.date).toBe('2025-12-22');
    expect(rerun.config.report.illustrative).toBe(true);
    expect(rerun.config.issuers.every((i) => i.signer.name === 'Nguyễn Văn A')).toBe(true);
    expect(rerun.notes.join(' ')).toContain('22/12/2025');
    // Nothing changed, so nothing is stored and the terminal stays quiet.
    expect(rerun.messages).toEqual([]);
    const model = buildReportModel(makeSampleReconciliation('2024'), rerun.config, 'annual', { settingsNotes: rerun.notes });
    expect(model.illustrative).toBe(true);
    expect(model.header.placeDateLine).toContain('ngày 22 tháng 12 năm 2025');
    expect(model.checklist.groups.find((g) => g.title.startsWith('Thể thức'))!.items.join(' ')).toContain('Ngày báo cáo giữ theo lần lập đầu tiên');
  });

  it('marks every report of demo data as illustrative, whatever the command says', () => {
    const kept = keepReportSettings({ outDir: office, periodId: '2025-H1', config: parseConfig({}), demoData: true });
    expect(kept.config.report.illustrative).toBe(true);
    expect(kept.notes.join(' ')).toContain('SỐ LIỆU MINH HỌA');
  });

  it('reads the demo flag from the database that the demo marked', async () => {
    const database = openDatabase({ file: ':memory:' });
    try {
      expect(isDemoDatabase(database.sqlite)).toBe(false);
      database.sqlite.prepare("insert into meta (key, value) values ('demo', '1')").run();
      expect(isDemoDatabase(database.sqlite)).toBe(true);
    } finally {
      await database.close();
    }
  });

  it('lets a configured date or signer win, stores it, and says so on the terminal and in the checklist', () => {
    keepReportSettings({ outDir: office, periodId: '2025', config: signed('Nguyễn Văn A', { date: '2025-12-22' }) });
    const changed = keepReportSettings({ outDir: office, periodId: '2025', config: signed('Trần Thị B', { date: '2026-01-05' }) });
    expect(changed.config.report.date).toBe('2026-01-05');
    expect(changed.config.report.illustrative).toBe(false);
    expect(changed.notes.join(' ')).toMatch(/05\/01\/2026.*22\/12\/2025/);
    expect(changed.notes.join(' ')).toContain('Trần Thị B');
    expect(changed.messages.join('\n')).toContain('Ngày báo cáo kỳ 2025 đổi từ 22/12/2025 thành 05/01/2026');
    expect(changed.messages.join('\n')).toContain('đổi từ Nguyễn Văn A thành Trần Thị B');
    expect(changed.messages.join('\n')).toContain('Đã lưu thiết lập mới của báo cáo kỳ 2025');
    // Other periods are their own.
    expect(keepReportSettings({ outDir: office, periodId: '2024', config: parseConfig({}) }).notes).toEqual([]);
  });

  it('keeps a trial run into another output folder from changing what the office next report says', () => {
    keepReportSettings({ outDir: office, periodId: '2025', config: signed('Nguyễn Văn A', { date: '2025-12-22' }) });
    const trial = keepReportSettings({ outDir: path.join(root, 'thu'), periodId: '2025', config: signed('Người Thử', { date: '2025-07-15' }) });
    expect(trial.config.report.date).toBe('2025-07-15');
    const next = keepReportSettings({ outDir: office, periodId: '2025', config: parseConfig({}) });
    expect(next.config.report.date).toBe('2025-12-22');
    expect(next.config.issuers.every((i) => i.signer.name === 'Nguyễn Văn A')).toBe(true);
  });

  it('says so when the settings file is unreadable, reports with the configuration and rewrites the file', () => {
    const file = reportSettingsFile(office, '2025');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'không phải JSON');
    const kept = keepReportSettings({ outDir: office, periodId: '2025', config: signed('Nguyễn Văn A', { date: '2025-12-22' }) });
    expect(kept.config.report.date).toBe('2025-12-22');
    expect(kept.messages[0]).toContain('không đọc được');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).date).toBe('2025-12-22');
  });
});
