// Intake on the office's bad days (issue 11): bounded work per file, one bad file rejected alone, identity and
// supersession per indicator. Each test reproduces a fault seen with hostile and faulty inputs.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ingest } from '../../pipeline/intake/ingest.ts';
import { listStagedValues } from '../../pipeline/intake/store/list-staged-values.ts';
import { buildIntakeSummary } from '../../pipeline/intake/feedback/write-intake-feedback.ts';
import { countProblems, emptyReading, mergeReading, ProblemList } from '../../pipeline/intake/read/sheet-reading.ts';
import { FIXTURES, openTestDatabase } from './open-test-database.ts';

let t: ReturnType<typeof openTestDatabase>;
beforeEach(() => {
  t = openTestDatabase();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await t.cleanup();
});

const HEADER = 'STT;Chỉ tiêu;Đơn vị tính;Thực hiện 6 tháng năm 2025';

/** Writes an inbox: { 'agency-folder/file.csv': text or Buffer }, with arrival times in the register, in order. */
function makeInbox(files: Record<string, string | Buffer>): string {
  const inbox = path.join(t.dir, `inbox-${Math.random().toString(36).slice(2)}`);
  const register = ['file,received_at'];
  let hour = 1;
  for (const [rel, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(inbox, rel)), { recursive: true });
    fs.writeFileSync(path.join(inbox, rel), body);
    register.push(`${rel},2025-06-16T${String(hour++).padStart(2, '0')}:00:00Z`);
  }
  fs.writeFileSync(path.join(inbox, '_received.csv'), `${register.join('\n')}\n`);
  return inbox;
}

const run = (inbox: string, extra: object = {}) => ingest(t.database, { period: '2025-H1', inbox, archiveDir: path.join(t.dir, 'archive'), ...extra });

describe('bounded work per file', () => {
  it('parses a CSV inside the worker, under the same time limit as workbooks', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i + 1};Tỷ lệ dân số tham gia bảo hiểm y tế;%;93,1`);
    const inbox = makeInbox({ 'so-y-te/lon.csv': [HEADER, ...rows].join('\n') });
    const result = await run(inbox, { timeoutMs: 1 });
    expect(result.files[0]!.status).toBe('rejected');
    expect(result.files[0]!.problems[0]!.message).toMatch(/quá thời gian/);
  });

  it('cuts a CSV at the same row cap as a sheet and says so', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `${i + 1};Tỷ lệ dân số tham gia bảo hiểm y tế;%;93,1`);
    const inbox = makeInbox({ 'so-y-te/lon.csv': [HEADER, ...rows].join('\n') });
    const result = await run(inbox, { sheetLimits: { maxRows: 100 } });
    expect(result.files[0]!.rowsRead).toBeLessThanOrEqual(100);
    expect(result.files[0]!.problems.some((p) => /cắt|giới hạn|quá lớn/.test(p.message))).toBe(true);
  });

  it('lists the first problems of a file with their cells, sums up the rest, and refuses a file with too many', async () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => `${i + 1};Chỉ tiêu lạ số ${i + 1};%;1,${i}`);
    const inbox = makeInbox({ 'so-y-te/nhieu-loi.csv': [HEADER, ...rows].join('\n') });
    const result = await run(inbox);
    const f = result.files[0]!;
    expect(f.status).toBe('rejected');
    expect(f.problems.length).toBeLessThanOrEqual(102);
    expect(f.problems.filter((p) => p.cell).length).toBeGreaterThanOrEqual(50);
    expect(f.problems.some((p) => /và \d[\d.]* vấn đề khác/.test(p.message))).toBe(true);
    const stored = (t.database.sqlite.prepare('select count(*) as n from problems').get() as { n: number }).n;
    expect(stored).toBeLessThanOrEqual(102);
    expect(JSON.stringify(buildIntakeSummary(t.database, '2025-H1')).length).toBeLessThan(200_000);
  });
});

describe('problems held in memory per file (review F2)', () => {
  it('keeps the first problems whole and only counts the rest, across sheets', () => {
    const sheet = emptyReading();
    for (let i = 0; i < 5_000; i++) {
      sheet.problems.push({ file: 'x.csv', code: 'unknown-indicator', severity: i % 2 ? 'error' : 'warning', message: `dòng ${i}`, action: '' });
    }
    expect(sheet.problems.length).toBe(ProblemList.KEPT);
    const file = emptyReading();
    mergeReading(file, sheet);
    mergeReading(file, sheet);
    expect(file.problems.length).toBe(ProblemList.KEPT);
    expect(countProblems(file.problems)).toEqual({ total: 10_000, errors: 5_000 });
  });

  it('refuses a file past the threshold with the exact count although most problems were never kept', async () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => `${i + 1};Chỉ tiêu lạ số ${i + 1};%;1,${i}`);
    const inbox = makeInbox({ 'so-y-te/nhieu-loi.csv': [HEADER, ...rows].join('\n') });
    const f = (await run(inbox)).files[0]!;
    expect(f.status).toBe('rejected');
    const refusal = f.problems[0]!;
    const counted = Number(/Tệp có ([\d.]+) lỗi/.exec(refusal.message)![1]!.replace(/\./g, ''));
    expect(counted).toBeGreaterThanOrEqual(2_500);
    const more = f.problems.find((p) => /vấn đề khác/.test(p.message))!;
    const rest = Number(/và ([\d.]+) vấn đề khác/.exec(more.message)![1]!.replace(/\./g, ''));
    expect(rest + f.problems.length - 1).toBeGreaterThanOrEqual(counted);
  });
});

describe('one bad file, one rejected file', () => {
  it('rejects a file it cannot read with a Vietnamese message and goes on with the others', async () => {
    const inbox = makeInbox({
      'so-y-te/so-lieu.csv': `${HEADER}\n1;Tỷ lệ dân số tham gia bảo hiểm y tế;%;93,1\n`,
      'so-tai-chinh/bao-cao.csv': `${HEADER}\n1;Thu ngân sách nhà nước trên địa bàn;tỷ đồng;1.520,5\n`,
    });
    const broken = path.join(inbox, 'so-y-te', 'so-lieu.csv');
    const real = fs.readFileSync;
    vi.spyOn(fs, 'readFileSync').mockImplementation(((p: fs.PathOrFileDescriptor, o?: unknown) => {
      if (p === broken) {
        const e = new Error(`EIO: i/o error, read`) as NodeJS.ErrnoException;
        e.code = 'EIO';
        throw e;
      }
      return (real as (a: unknown, b?: unknown) => unknown)(p, o);
    }) as typeof fs.readFileSync);
    const result = await run(inbox);
    const byAgency = Object.fromEntries(result.files.map((f) => [f.agency, f]));
    expect(byAgency['so-y-te']!.status).toBe('rejected');
    expect(byAgency['so-y-te']!.problems[0]!.message).toMatch(/Không đọc được/);
    expect(byAgency['so-tai-chinh']!.status).toBe('accepted');
  });

  it('rejects a file whose reading throws, and goes on with the others', async () => {
    const inbox = makeInbox({
      'so-y-te/so-lieu.csv': `${HEADER}\n1;Tỷ lệ dân số tham gia bảo hiểm y tế;%;93,1\n`,
      'so-tai-chinh/bao-cao.csv': `${HEADER}\n1;Thu ngân sách nhà nước trên địa bàn;tỷ đồng;1.520,5\n`,
    });
    // An agency folder that cannot be listed: the inbox walk must not abort the period.
    const real = fs.readdirSync;
    vi.spyOn(fs, 'readdirSync').mockImplementation(((p: fs.PathLike, o?: unknown) => {
      if (String(p) === path.join(inbox, 'so-y-te')) {
        const e = new Error(`EACCES: permission denied, scandir '${String(p)}'`) as NodeJS.ErrnoException;
        e.code = 'EACCES';
        throw e;
      }
      return (real as (a: unknown, b?: unknown) => unknown)(p, o);
    }) as typeof fs.readdirSync);
    const result = await run(inbox);
    expect(result.files.find((f) => f.agency === 'so-tai-chinh')!.status).toBe('accepted');
    expect(result.inboxProblems.some((p) => p.source.startsWith('so-y-te') && /Không đọc được|không đọc được/.test(p.message))).toBe(true);
  });
});

describe('identity and supersession', () => {
  it('holds a form filed in another agency\'s folder for staff, naming both, and never lets it supersede', async () => {
    const inbox = makeInbox({
      'cuc-thong-ke/bao-cao.csv': `${HEADER}\n1;Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP);%;7,2\n`,
      'so-tai-chinh/bieu-mau.xlsx': fs.readFileSync(path.join(FIXTURES, 'form-cuc-thong-ke.xlsx')),
    });
    const result = await run(inbox);
    const form = result.files.find((f) => f.source === 'so-tai-chinh/bieu-mau.xlsx')!;
    expect(form.status).toBe('rejected');
    expect(form.problems[0]!.message).toMatch(/Cục Thống kê/);
    expect(form.problems[0]!.message).toMatch(/Sở Tài chính/);
    const current = listStagedValues(t.database, { period: '2025-H1' }).filter((v) => v.agency === 'cuc-thong-ke');
    expect(current.map((v) => `${v.indicator} ${v.value}`)).toEqual(['grdp-tang-truong 7.2']);
  });

  it('flags a figure for an indicator the agency does not follow', async () => {
    const inbox = makeInbox({
      'so-y-te/so-lieu.csv': `${HEADER}\n1;Tỷ lệ dân số tham gia bảo hiểm y tế;%;93,1\n2;Thu ngân sách nhà nước trên địa bàn;tỷ đồng;1.520,5\n`,
    });
    const result = await run(inbox);
    const flagged = result.files[0]!.problems.filter((p) => p.code === 'indicator-not-followed');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.cell).toBe('D3');
    expect(flagged[0]!.message).toMatch(/không theo dõi|không được giao/);
  });

  it('lets a later file replace only the figures it carries, and flags that it carries fewer', async () => {
    const result = await run(path.join(FIXTURES, 'revision'));
    expect(listStagedValues(t.database, { period: '2025-H1' }).map((v) => `${v.indicator} ${v.value}`)).toEqual([
      'grdp-tang-truong 7.4',
      'ty-le-ho-ngheo 8.1',
    ]);
    const later = result.files.find((f) => f.source.includes('lan-2'))!;
    const fewer = later.problems.filter((p) => p.code === 'fewer-indicators');
    expect(fewer).toHaveLength(1);
    expect(fewer[0]!.message).toMatch(/ít chỉ tiêu hơn/);
  });
});
