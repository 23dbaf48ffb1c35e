// Report stage: a rerun of a period's report keeps the date, signer and SỐ LIỆU MINH HỌA of its first run.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../pipeline/db/open-database.ts';
import { parseConfig } from '../../pipeline/config/resolve-config.ts';
import { DEFAULT_ISSUERS } from '../../pipeline/config/config-schema.ts';
import { keepReportSettings } from '../../pipeline/report/keep-report-settings.ts';
import { buildReportModel } from '../../pipeline/report/build-report-model.ts';
import { makeSampleReconciliation } from './fixtures/make-sample-reconciliation.ts';

let database: OpenDatabase;
beforeEach(() => {
  database = openDatabase({ file: ':memory:' });
});
afterEach(async () => {
  await database.close();
});

const signed = (name: string, extra: object = {}) =>
  parseConfig({ issuers: DEFAULT_ISSUERS.map((i) => ({ ...i, signer: { ...i.signer, name } })), report: { ...extra } });

describe('keepReportSettings', () => {
  it('gives a rerun with the default configuration the date, signer and marking of the first run', () => {
    keepReportSettings(database, '2025', signed('Nguyễn Văn A', { date: '2025-12-22', illustrative: true }));
    const rerun = keepReportSettings(database, '2025', parseConfig({}));
    expect(rerun.config.report.date).toBe('2025-12-22');
    expect(rerun.config.report.illustrative).toBe(true);
    expect(rerun.config.issuers.every((i) => i.signer.name === 'Nguyễn Văn A')).toBe(true);
    expect(rerun.notes.join(' ')).toContain('22/12/2025');
    const model = buildReportModel(makeSampleReconciliation('2024'), rerun.config, 'annual', { settingsNotes: rerun.notes });
    expect(model.illustrative).toBe(true);
    expect(model.header.placeDateLine).toContain('ngày 22 tháng 12 năm 2025');
    expect(model.checklist.groups.find((g) => g.title.startsWith('Thể thức'))!.items.join(' ')).toContain('Ngày báo cáo giữ theo lần lập đầu tiên');
  });

  it('marks every report of the demo database as illustrative, whatever the command says', () => {
    database.sqlite.prepare("insert into meta (key, value) values ('demo', '1')").run();
    const kept = keepReportSettings(database, '2025-H1', parseConfig({}));
    expect(kept.config.report.illustrative).toBe(true);
    expect(kept.notes.join(' ')).toContain('SỐ LIỆU MINH HỌA');
  });

  it('lets a configured date or signer win, and tells staff it differs from the first run', () => {
    keepReportSettings(database, '2025', signed('Nguyễn Văn A', { date: '2025-12-22' }));
    const changed = keepReportSettings(database, '2025', signed('Trần Thị B', { date: '2026-01-05' }));
    expect(changed.config.report.date).toBe('2026-01-05');
    expect(changed.config.report.illustrative).toBe(false);
    expect(changed.notes.join(' ')).toMatch(/05\/01\/2026.*22\/12\/2025/);
    expect(changed.notes.join(' ')).toContain('Trần Thị B');
    // Other periods are their own.
    expect(keepReportSettings(database, '2024', parseConfig({})).notes).toEqual([]);
  });
});
