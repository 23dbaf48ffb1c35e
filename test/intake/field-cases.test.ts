// Every kind of fault in ../shared/field-cases/README.md, on this project's own fixtures (make-field-case-fixtures.ts):
// a figure lands right, or it is refused with a problem that names its cell; never wrong, never without a word.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest, type FileOutcome } from '../../pipeline/intake/ingest.ts';
import { buildIntakeSummary } from '../../pipeline/intake/feedback/write-intake-feedback.ts';
import { FIXTURES, openTestDatabase } from './open-test-database.ts';

const FIELD = path.join(FIXTURES, 'field');

let t: ReturnType<typeof openTestDatabase>;
beforeEach(() => {
  t = openTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

async function load(file: string, period = '2025-H1', agency = 'so-tai-chinh'): Promise<{ outcome: FileOutcome; values: string[] }> {
  const full = path.isAbsolute(file) ? file : path.join(FIELD, file);
  const result = await ingest(t.database, { period, files: [full], agency, archiveDir: path.join(t.dir, 'archive') });
  const outcome = result.files[0]!;
  const values = (
    t.database.sqlite
      .prepare('select indicator_code, period, kind, value, source_cell from staged_values where submission_id = ? order by id')
      .all(outcome.submissionId) as { indicator_code: string; period: string; kind: string; value: number; source_cell: string }[]
  ).map((v) => `${v.indicator_code} ${v.period} ${v.kind} ${v.value} @${v.source_cell}`);
  return { outcome, values };
}

// Issue 11's notice that an agency sent a figure it does not follow is beside the point of these cases.
const problemsOf = (o: FileOutcome) => o.problems.filter((p) => p.code !== 'indicator-not-followed').map((p) => `${p.severity} ${p.code} ${p.cell ?? ''}`.trim());

describe('field cases: numbers', () => {
  it('F1c: refuses a row with more fields than the header (an unquoted decimal comma), naming the stray cell', async () => {
    const { outcome, values } = await load('f1c-comma-unquoted.csv');
    expect(values).toEqual(['gia-tri-xuat-khau 2025 plan 99 @C3', 'gia-tri-xuat-khau 2025-H1 actual 47.5 @D3']);
    expect(problemsOf(outcome)).toEqual(['error extra-cell E2']);
    expect(outcome.problems[0]!.value).toBe('42');
  });

  it('reads an en-US export the English way, decided once for the file, and says so', async () => {
    const { outcome, values } = await load('number-style-en.csv');
    expect(values).toEqual(['thu-nsnn 2025-H1 actual 1520.5 @D2', 'ty-le-bao-phu-bhyt 2025-H1 actual 38.25 @D3', 'gia-tri-xuat-khau 2025-H1 actual 47.5 @D4']);
    expect(problemsOf(outcome)).toEqual(['warning ambiguous-number D2']);
  });

  it('refuses a number that reads two ways in a file that writes numbers both ways', async () => {
    const { outcome, values } = await load('number-style-mixed.csv');
    expect(values).toEqual(['ty-le-bao-phu-bhyt 2025-H1 actual 93.4 @D3', 'gia-tri-xuat-khau 2025-H1 actual 47.5 @D4']);
    expect(problemsOf(outcome)).toEqual(['warning ambiguous-number D4', 'error ambiguous-number D2']);
  });

  it('flags a share over 100 % rather than storing it', async () => {
    const { outcome, values } = await load('share-over-100.csv');
    expect(values).toEqual(['gia-tri-xuat-khau 2025-H1 actual 47.5 @D3']);
    expect(problemsOf(outcome)).toEqual(['error out-of-range D2']);
  });

  it('flags a figure hundreds of times the last period’s rather than storing it', async () => {
    const before = path.join(t.dir, 'nam-2024.csv');
    fs.writeFileSync(before, 'STT;Chỉ tiêu;Đơn vị tính;Thực hiện năm 2024\n1;Thu ngân sách nhà nước trên địa bàn;tỷ đồng;3.210,5\n');
    await load(before, '2024');
    const slip = path.join(t.dir, 'sau-6-thang.csv');
    fs.writeFileSync(slip, 'STT;Chỉ tiêu;Đơn vị tính;Thực hiện 6 tháng năm 2025\n1;Thu ngân sách nhà nước trên địa bàn;tỷ đồng;1.520.000\n');
    const { outcome, values } = await load(slip);
    expect(values).toEqual([]);
    expect(problemsOf(outcome)).toEqual(['error out-of-range D2']);
    expect(outcome.problems[0]!.message).toContain('kỳ 2024');
  });

  it('F8: reports a formula written without its result, with its cell', async () => {
    const { outcome, values } = await load('f8-formula-no-value.xlsx');
    expect(values).toEqual(['gia-tri-xuat-khau 2025 plan 99 @D2']);
    expect(problemsOf(outcome)).toEqual(['error formula-no-cached-value E2']);
  });

  it('F8: checks totals against their "trong đó" parts: a total cached 0 and a stale one are refused', async () => {
    const { outcome, values } = await load('f8-stale-totals.xlsx');
    // The investment total is larger than its one part listed: a partial breakdown is normal, the total loads.
    expect(values).toEqual(['von-dau-tu-toan-xa-hoi 2025-H1 actual 5800 @D6', 'von-dau-tu-toan-xa-hoi 2025 estimate 12700 @E6']);
    expect(problemsOf(outcome)).toEqual(['error total-mismatch D2', 'error total-mismatch E2']);
    expect(outcome.problems[0]!.message).toContain('1520');
  });
});

describe('field cases: columns and layout', () => {
  it('F2: a date, a source and a note column beside the figures are not figure columns', async () => {
    const { outcome, values } = await load('f2-date-column.csv');
    expect(values).toEqual(['thu-nsnn 2025-H1 actual 1520 @D2', 'gia-tri-xuat-khau 2025-H1 actual 47.5 @D3']);
    expect(outcome.problems).toEqual([]);
  });

  it('F5b: a header that is not the project’s is one clear problem', async () => {
    const { outcome, values } = await load('f5b-foreign-header.csv');
    expect(values).toEqual([]);
    expect(problemsOf(outcome)).toEqual(['error missing-label']);
    expect(outcome.problems[0]!.message).toContain('2 ô số không được nạp');
  });

  it('F6b: a title merged across the sheet that names the year counts once when finding the header', async () => {
    const { outcome, values } = await load('f6b-merged-title-with-year.xlsx');
    expect(outcome.status).toBe('accepted');
    expect(values).toHaveLength(10);
    expect(values).toContain('thu-nsnn 2025-H1 actual 1520 @G7');
    expect(values).toContain('von-dau-tu-toan-xa-hoi 2025 estimate 12700 @H8');
  });

  it('F7c: skips hidden rows and columns of an ODS, with one warning listing them as ranges', async () => {
    const { outcome, values } = await load('f7c-hidden.ods');
    expect(values).toEqual(['gia-tri-xuat-khau 2025-H1 actual 47.5 @D2', 'thu-nsnn 2025-H1 actual 1520 @D5']);
    expect(problemsOf(outcome)).toEqual(['warning hidden-content A3']);
    expect(outcome.problems[0]!.value).toBe('dòng 3-4; cột E');
  });

  it('F7b: skips a hidden column of an .xls the same way', async () => {
    const { outcome } = await load('f7b-hidden-column.xls');
    expect(problemsOf(outcome)).toEqual(['warning hidden-content E1']);
  });

  it('does not land a count under a rate’s near name, and takes the row’s unit over the header’s "(%)"', async () => {
    const { outcome, values } = await load('near-names-units.xlsx', '2025-H1', 'so-y-te');
    expect(values).toEqual(['ty-le-bao-phu-bhyt 2025-H1 actual 93.1 @D4']);
    expect(problemsOf(outcome)).toEqual(['error unknown-indicator B2', 'error needs-confirmation B3']);
    expect(outcome.problems[0]!.message).toContain('nghìn người');
    expect(outcome.problems[1]!.suggestedIndicator).toBe('ty-le-lao-dong-qua-dao-tao');
  });
});

describe('field cases: encodings', () => {
  it('F4b: reads an Excel 95 .xls in code page 1258 through the code page tables', async () => {
    const { outcome, values } = await load('f4b-biff5-cp1258.xls');
    expect(values).toEqual(['thu-nsnn 2025-H1 actual 1520 @D2']);
    expect(outcome.problems).toEqual([]);
  });

  it('F4a: recognises Windows-1258 text in an .xls that declares 1252, converts it and warns', async () => {
    const { outcome, values } = await load('f4a-biff5-cp1252.xls');
    expect(values).toEqual(['thu-nsnn 2025-H1 actual 1520 @D2']);
    expect(problemsOf(outcome)).toEqual(['warning legacy-encoding B1']);
    expect(outcome.problems[0]!.message).toContain('Windows-1258');
  });

  it.each(['f10b-tcvn3.csv', 'html-tcvn3.xls'])('F10b: judges %s on its raw bytes: TCVN3 converted and matched, with a warning', async (file) => {
    const { outcome, values } = await load(file);
    expect(values).toEqual(['thu-nsnn 2025-H1 actual 1520 @' + (file.endsWith('.csv') ? 'C2' : 'D2'), 'gia-tri-xuat-khau 2025-H1 actual 47.5 @' + (file.endsWith('.csv') ? 'C3' : 'D3')]);
    expect(problemsOf(outcome)).toEqual(['warning legacy-encoding']);
  });
});

describe('field cases: the inbox', () => {
  it('F2b: reads the register day-first, so the correction is current, and names a line it cannot read', async () => {
    const result = await ingest(t.database, { period: '2025-H1', inbox: path.join(FIELD, 'f2b-register'), archiveDir: path.join(t.dir, 'a') });
    const stc = result.files.filter((f) => f.agency === 'so-tai-chinh');
    expect(stc.map((f) => [f.source, f.receivedAt])).toEqual([
      ['Sở Tài chính/bao-cao-lan-1.csv', '2025-05-27T17:00:00Z'],
      ['Sở Tài chính/bao-cao-lan-2 (sửa).csv', '2025-06-05T01:30:00Z'],
    ]);
    const current = t.database.sqlite
      .prepare("select v.value from staged_values v join submissions s on s.id = v.submission_id where s.superseded_by is null and v.agency_code = 'so-tai-chinh'")
      .all();
    expect(current).toEqual([{ value: 1520 }]);
    expect(result.inboxProblems.map((p) => `${p.code} ${p.line}`)).toEqual(['register-error 4']);
    expect(result.inboxProblems[0]!.message).toContain('"hôm qua"');
  });

  it('lists every skipped entry as a problem, in summary.json too, and shows control characters escaped', async () => {
    const inbox = path.join(t.dir, 'inbox');
    const folder = path.join(inbox, 'so-y-te');
    fs.mkdirSync(folder, { recursive: true });
    const csv = 'STT;Chỉ tiêu;Đơn vị tính;Thực hiện 6 tháng năm 2025\n1;Tỷ lệ dân số tham gia bảo hiểm y tế;%;93,1\n';
    fs.writeFileSync(path.join(folder, 'bao\u001b[31mcao.csv'), csv);
    fs.writeFileSync(path.join(folder, '.an.csv'), csv);
    fs.writeFileSync(path.join(folder, '~$bao-cao.xlsx'), '');
    fs.symlinkSync(path.join(folder, '.an.csv'), path.join(folder, 'lien-ket.csv'));
    execFileSync('mkfifo', [path.join(folder, 'ong.csv')]);
    const log: string[] = [];
    const result = await ingest(t.database, { period: '2025-H1', inbox, archiveDir: path.join(t.dir, 'a'), log: (l) => log.push(l) });
    expect(result.files.map((f) => f.source)).toEqual(['so-y-te/bao\\x1b[31mcao.csv']);
    expect(result.inboxProblems.map((p) => `${p.severity} ${p.source}`)).toEqual([
      'error so-y-te/.an.csv',
      'warning so-y-te/~$bao-cao.xlsx',
      'error so-y-te/lien-ket.csv',
      'error so-y-te/ong.csv',
    ]);
    expect(log.join('\n')).not.toMatch(/\u001b/);
    const summary = buildIntakeSummary(t.database, '2025-H1');
    expect(summary.inbox.map((p) => [p.source, p.agency, p.name])).toEqual([
      ['so-y-te/.an.csv', 'so-y-te', 'Mục không được đọc'],
      ['so-y-te/lien-ket.csv', 'so-y-te', 'Mục không được đọc'],
      ['so-y-te/ong.csv', 'so-y-te', 'Mục không được đọc'],
      ['so-y-te/~$bao-cao.xlsx', 'so-y-te', 'Mục không được đọc'],
    ]);
    expect(summary.files[0]!.file).toBe('bao\\x1b[31mcao.csv');
  });
});
