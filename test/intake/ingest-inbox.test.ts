import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/intake/ingest.ts';
import { listAgencyStatus } from '../../pipeline/intake/store/list-agency-status.ts';
import { listStagedValues } from '../../pipeline/intake/store/list-staged-values.ts';
import { writeIntakeFeedback, type IntakeSummary } from '../../pipeline/intake/feedback/write-intake-feedback.ts';
import { FIXTURES, openTestDatabase } from './open-test-database.ts';

let t: ReturnType<typeof openTestDatabase>;
beforeEach(() => {
  t = openTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const run = (inbox: string, extra: object = {}) =>
  ingest(t.database, { period: '2025-H1', inbox: path.join(FIXTURES, inbox), archiveDir: path.join(t.dir, 'archive'), ...extra });

describe('ingest: an inbox', () => {
  it('takes the agency from the folder name, by Vietnamese name or code, and rejects a folder naming none', async () => {
    const result = await run('inbox');
    expect(result.files.map((f) => [f.source, f.agency, f.status])).toEqual([
      ['Sở Tài chính/bao-cao.csv', 'so-tai-chinh', 'accepted'],
      ['Phòng Văn hóa huyện X/bao-cao.csv', null, 'rejected'],
      ['so-y-te/so-lieu.csv', 'so-y-te', 'accepted'],
    ]);
    expect(result.unknownFolders).toEqual(['Phòng Văn hóa huyện X']);
    expect(result.files[1]!.problems.map((p) => p.code)).toEqual(['unknown-agency']);
    // The rejected file is still archived and recorded.
    const stored = t.database.sqlite.prepare("select stored_path from received_files where source_path like 'Phòng%'").get() as { stored_path: string };
    expect(fs.existsSync(path.join(t.dir, 'archive', stored.stored_path))).toBe(true);
  });

  it('takes the received time from the inbox register', async () => {
    const result = await run('inbox');
    expect(result.files.map((f) => f.receivedAt)).toEqual(['2025-06-15T03:00:00Z', '2025-06-16T03:00:00Z', '2025-06-25T03:00:00Z']);
  });

  it('lets a later file of the same agency and period supersede the earlier one, keeping the history', async () => {
    await run('revision');
    expect(listStagedValues(t.database, { period: '2025-H1' }).map((v) => `${v.indicator} ${v.value} ${v.source}`)).toEqual([
      'grdp-tang-truong 7.4 bao-cao-lan-2 (sửa).csv!bao-cao-lan-2 (sửa)!D2',
    ]);
    expect(listStagedValues(t.database, { period: '2025-H1', all: true }).map((v) => `${v.indicator} ${v.value} ${v.status}`)).toEqual([
      'grdp-tang-truong 7.2 superseded',
      'grdp-tang-truong 7.4 current',
      'ty-le-ho-ngheo 8.1 superseded',
    ]);
    const subs = t.database.sqlite.prepare('select id, superseded_by from submissions order by id').all();
    expect(subs).toEqual([
      { id: 1, superseded_by: 2 },
      { id: 2, superseded_by: null },
    ]);
  });

  it('holds a file that arrives after the period was closed: stored and staged, not counted, nothing superseded', async () => {
    const first = path.join(FIXTURES, 'revision', 'cuc-thong-ke', 'bao-cao-lan-1.csv');
    const second = path.join(FIXTURES, 'revision', 'cuc-thong-ke', 'bao-cao-lan-2 (sửa).csv');
    const opts = { period: '2025-H1', agency: 'cuc-thong-ke', archiveDir: path.join(t.dir, 'archive') };
    await ingest(t.database, { ...opts, files: [first] });
    t.database.sqlite.prepare("insert into period_closures (period, closed_at, closed_by) values ('2025-H1', '2025-06-20T00:00:00Z', 'test')").run();
    const late = await ingest(t.database, { ...opts, files: [second] });
    expect(late.files[0]).toMatchObject({ status: 'accepted', held: true });
    expect(listStagedValues(t.database, { period: '2025-H1' }).map((v) => `${v.indicator} ${v.value}`)).toEqual(['grdp-tang-truong 7.2', 'ty-le-ho-ngheo 8.1']);
    expect(listStagedValues(t.database, { period: '2025-H1', all: true }).map((v) => `${v.indicator} ${v.value} ${v.status}`)).toEqual([
      'grdp-tang-truong 7.2 current',
      'grdp-tang-truong 7.4 held',
      'ty-le-ho-ngheo 8.1 current',
    ]);
    expect(t.database.sqlite.prepare('select id, superseded_by, held from submissions order by id').all()).toEqual([
      { id: 1, superseded_by: null, held: 0 },
      { id: 2, superseded_by: null, held: 1 },
    ]);
  });

  it('gives the same database rows when the same inbox is ingested twice', async () => {
    await run('revision');
    const snapshot = () => ({
      files: t.database.sqlite.prepare('select id, sha256, status, received_at, rows_read, rows_accepted from received_files order by id').all(),
      subs: t.database.sqlite.prepare('select id, file_id, superseded_by from submissions order by id').all(),
      values: t.database.sqlite.prepare('select submission_id, indicator_code, period, kind, value, source_cell from staged_values order by id').all(),
      problems: t.database.sqlite.prepare('select file_id, code, cell from problems order by id').all(),
    });
    const first = snapshot();
    await run('revision');
    expect(snapshot()).toEqual(first);
  });

  it('writes nothing on a dry run', async () => {
    const result = await run('inbox', { dryRun: true });
    expect(result.files).toHaveLength(3);
    expect(t.database.sqlite.prepare('select count(*) as n from received_files').get()).toEqual({ n: 0 });
    expect(fs.existsSync(path.join(t.dir, 'archive'))).toBe(false);
  });
});

describe('feedback', () => {
  it('writes summary.json with every file, its status, rows and problems', async () => {
    await run('inbox');
    await ingest(t.database, { period: '2025-H1', files: [path.join(FIXTURES, 'numbers-as-text.xlsx')], agency: 'so-y-te', archiveDir: path.join(t.dir, 'archive') });
    await writeIntakeFeedback(t.database, { period: '2025-H1', outDir: path.join(t.dir, 'output') });
    const summary = JSON.parse(fs.readFileSync(path.join(t.dir, 'output', '2025-H1', 'summary.json'), 'utf8')) as IntakeSummary;
    const numbers = summary.files.find((f) => f.file === 'numbers-as-text.xlsx')!;
    expect(numbers).toMatchObject({ agency: 'so-y-te', status: 'partial', rows_read: 5, rows_accepted: 3 });
    expect(numbers.problems[0]).toEqual({
      code: 'text-in-number-cell',
      severity: 'error',
      message: 'Số giường bệnh trên 10.000 dân: Ô số liệu chứa chữ "x", không phải một con số.',
      action: 'Ghi một con số vào ô này; lời giải thích (ước, khoảng, đạt...) đưa vào cột ghi chú.',
      sheet: 'Sheet1',
      cell: 'E4',
      value: 'x',
    });
    expect(summary.files.find((f) => f.agency === null)).toMatchObject({ status: 'rejected', rows_read: 0 });
  });

  it('writes one workbook per agency listing each problem with file, sheet, cell and value, never as a formula', async () => {
    await ingest(t.database, { period: '2025-H1', files: [path.join(FIXTURES, 'indicator-matching.xlsx')], agency: 'so-giao-duc-va-dao-tao', archiveDir: path.join(t.dir, 'archive') });
    const written = await writeIntakeFeedback(t.database, { period: '2025-H1', outDir: path.join(t.dir, 'output') });
    const file = path.join(t.dir, 'output', '2025-H1', 'phan-hoi', 'so-giao-duc-va-dao-tao.xlsx');
    expect(written).toContain(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Phản hồi')!;
    expect(ws.getRow(4).values).toEqual([undefined, 'STT', 'Tệp', 'Trang', 'Ô', 'Giá trị đã thấy', 'Mức độ', 'Mã vấn đề', 'Nội dung', 'Cách khắc phục']);
    const rows = [5, 6, 7, 8].map((r) => (ws.getRow(r).values as unknown[]).slice(2, 8));
    expect(rows).toEqual([
      ['indicator-matching.xlsx', 'Sheet1', 'B2', 'Tỷ lệ trường đạt chuẩn', 'Lỗi', 'ambiguous-indicator'],
      ['indicator-matching.xlsx', 'Sheet1', 'B3', 'Số trường học được xây mới', 'Lỗi', 'unknown-indicator'],
      ['indicator-matching.xlsx', 'Sheet1', 'B5', '=HYPERLINK("http://example.invalid","Tỷ lệ")', 'Lỗi', 'unknown-indicator'],
      ['indicator-matching.xlsx', 'Sheet1', 'B6', 'Tỷ lệ trường mầm non, tiểu học đạt chuẩn', 'Lỗi', 'ambiguous-indicator'],
    ]);
    expect(ws.getCell('E7').value).toBe('=HYPERLINK("http://example.invalid","Tỷ lệ")');
    expect(ws.getCell('E7').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('E7').formula).toBeUndefined();
  });

  it('writes byte-identical files when run twice', async () => {
    await run('inbox');
    const out = path.join(t.dir, 'output');
    await writeIntakeFeedback(t.database, { period: '2025-H1', outDir: out });
    const a = fs.readFileSync(path.join(out, '2025-H1', 'phan-hoi', 'so-tai-chinh.xlsx'));
    await writeIntakeFeedback(t.database, { period: '2025-H1', outDir: out });
    expect(fs.readFileSync(path.join(out, '2025-H1', 'phan-hoi', 'so-tai-chinh.xlsx')).equals(a)).toBe(true);
  });
});

describe('status', () => {
  it('lists per agency what was expected, received, missing and late', async () => {
    await run('inbox');
    const rows = listAgencyStatus(t.database, { period: '2025-H1', daysAfterCutoff: 5, today: '2025-07-01' });
    const pick = (a: string) => rows.find((r) => r.agency === a)!;
    // Deadline: cut-off 14/6/2025 (ND 09/2019, Điều 12) + 5 days.
    expect(pick('so-tai-chinh')).toMatchObject({ status: 'thieu', deadline: '2025-06-19', first_received: '2025-06-15', late: 'khong', expected_indicators: 3, received_indicators: 1 });
    expect(pick('so-tai-chinh').missing).toBe('von-dau-tu-toan-xa-hoi gia-tri-xuat-khau');
    expect(pick('so-y-te')).toMatchObject({ status: 'thieu', first_received: '2025-06-25', late: 'co', received_indicators: 1 });
    expect(pick('cuc-thong-ke')).toMatchObject({ status: 'chua_gui', late: 'co', files: 0 });
    expect(rows.map((r) => r.agency)).not.toContain('so-ke-hoach-va-dau-tu');
  });

  it('counts a deadline in days after the cut-off taken as an option', async () => {
    const rows = listAgencyStatus(t.database, { period: '2025', daysAfterCutoff: 10, today: '2025-07-01' });
    expect(rows[0]!.deadline).toBe('2025-12-24');
    expect(rows.every((r) => r.late === '')).toBe(true);
  });
});
