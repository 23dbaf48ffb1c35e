// Issue 9, "Done when": one indicator per measure through the thesaurus, a yearly series feeding the five-year target,
// reductions judged in points, verdict words that fit the period, one row for an indicator several documents set.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reconcile } from '../../pipeline/reconcile/reconcile.ts';
import type { Attainment, Reconciliation } from '../../pipeline/reconcile/reconciliation.ts';
import { importPlan, NEW_INDICATOR } from '../../pipeline/registry/import-plan.ts';
import { parsePeriod } from '../../pipeline/shared/parse-period.ts';
import { isPipelineError } from '../../pipeline/shared/pipeline-error.ts';
import { toMatchKey } from '../../pipeline/shared/to-match-key.ts';
import { describeAttainment, verdictLabel } from '../../pipeline/report/describe-attainment.ts';
import { TEST_OPTIONS } from './reconcile-options.ts';
import { createReconcileDatabase, type ReconcileTestDatabase } from './seed-reconcile-database.ts';

const GRDP_NAME = 'Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) bình quân';
/** Kon Tum's GRDP growth as the statistics office published it (the demo's series). */
const GRDP_YEARS: Record<number, number> = { 2021: 6.52, 2022: 7.01, 2023: 7.33, 2024: 8.12 };
const PLAN_HEADER = 'Văn bản,Chỉ tiêu,Đơn vị,Kỳ,Chỉ tiêu kế hoạch,Cơ quan theo dõi';

function addDocument(t: ReconcileTestDatabase, code: string, kind: string, issuedOn: string | null, year: number): void {
  t.database.sqlite
    .prepare(`insert into documents (code, so_ky_hieu, kind, issuer, issued_on, issued_year, title, source_ref) values (?, ?, ?, null, ?, ?, ?, 'test')`)
    .run(code, null, kind, issuedOn, year, `Văn bản ${code}`);
}

function writePlan(dir: string, name: string, rows: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, [PLAN_HEADER, ...rows].join('\n'));
  return file;
}

const rowOf = (r: Reconciliation, indicator: string, judgement?: Attainment['judgement']) =>
  r.attainments.filter((a) => a.indicator === indicator && (!judgement || a.judgement === judgement));

describe('one indicator per measure: annual plans with the short name feed the five-year average', () => {
  let t: ReconcileTestDatabase;
  let dir: string;
  beforeAll(() => {
    t = createReconcileDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-plans-'));
    addDocument(t, 'NQ-HDND-KH5N', 'nghi_quyet', null, 2020);
    t.addIndicator({ code: 'grdp-tang-truong', name: GRDP_NAME, unit: '%', aggregation: 'avg_growth' });
    t.addTarget({ id: 'NQ-HDND-KH5N:1', document: 'NQ-HDND-KH5N', indicator: 'grdp-tang-truong', period: '2021-2025', expression: 'trên 10%/năm', op: 'gt', lo: 10, unit: '%' });
    for (const [year, value] of Object.entries(GRDP_YEARS)) {
      if (Number(year) <= 2023) t.addValue({ agency: 'cuc-thong-ke', indicator: 'grdp-tang-truong', period: year, value });
    }
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('matches "Tốc độ tăng trưởng GRDP" of each December plan to the five-year indicator through the thesaurus', () => {
    for (const [year, words] of [[2021, '6,5-7%'], [2022, 'khoảng 7%'], [2023, '7-7,5%']] as const) {
      const file = writePlan(dir, `ke-hoach-${year}.csv`, [`KH-${year},Tốc độ tăng trưởng GRDP,%,${year},"${words}",Cục Thống kê`]);
      const r = importPlan(t.database.sqlite, file);
      expect(r.indicatorsCreated).toEqual([]);
      expect(r.matches).toEqual([
        expect.objectContaining({ row: 2, indicator: 'grdp-tang-truong', how: 'thesaurus', rules: expect.arrayContaining([expect.objectContaining({ kind: 'synonym', term: 'tốc độ tăng trưởng' })]) }),
      ]);
    }
    const n = t.database.sqlite.prepare("select count(*) as n from targets where indicator = 'grdp-tang-truong'").get() as { n: number };
    expect(n.n).toBe(4);
  });

  it('averages the yearly rates 2021-2023 against the five-year target in the 2021-2023 review, with the rate still needed', async () => {
    const r = await reconcile(t.database, parsePeriod('2021-2023'), TEST_OPTIONS);
    const [outlook] = rowOf(r, 'grdp-tang-truong', 'outlook');
    const observed = ((1.0652 * 1.0701 * 1.0733) ** (1 / 3) - 1) * 100;
    expect(outlook!.targetId).toBe('NQ-HDND-KH5N:1');
    expect(outlook!.actual).toBeCloseTo(observed, 6);
    expect(observed).toBeCloseTo(6.95, 2);
    expect(outlook!.figureBasis).toBe('window_average');
    expect(outlook!.figurePeriod).toBe('2021-2023');
    expect(outlook!.projection?.requiredRate).toBeCloseTo(((1.1 ** 5 / (1.0652 * 1.0701 * 1.0733)) ** (1 / 2) - 1) * 100, 6);
    expect(outlook!.projection?.remainingYears).toEqual([2024, 2025]);
    expect(outlook!.status).toBe('kho_dat');
    expect(r.reviewKind).toBe('so_ket');
    expect(r.planWindow).toBe('2021-2025');
  });

  it('judges the last year of the window on its own plan, as a final verdict, and leaves the earlier years to their annual reports', async () => {
    const r = await reconcile(t.database, parsePeriod('2021-2023'), TEST_OPTIONS);
    const final = rowOf(r, 'grdp-tang-truong', 'final');
    expect(final).toHaveLength(1);
    expect(final[0]).toMatchObject({ targetPeriod: '2023', actual: 7.33, figureBasis: 'period_value', status: 'dat' });
    const annual = await reconcile(t.database, parsePeriod('2022'), TEST_OPTIONS);
    expect(rowOf(annual, 'grdp-tang-truong')).toEqual([expect.objectContaining({ targetPeriod: '2022', actual: 7.01, status: 'dat', judgement: 'final' })]);
  });

  it('refuses a December plan row that would split a close measure, unless told it is new', () => {
    const file = writePlan(dir, 'ke-hoach-moi.csv', ['KH-2024,Tốc độ tăng trưởng GRDP khu vực dịch vụ,%,2024,khoảng 8%,Cục Thống kê']);
    let caught: unknown;
    try {
      importPlan(t.database.sqlite, file);
    } catch (error) {
      caught = error;
    }
    expect(isPipelineError(caught) && caught.code).toBe('plan-import');
    expect((caught as Error).message).toContain('gần giống chỉ tiêu đã có: grdp-tang-truong');
    expect((caught as Error).message).toContain('--new');
    const confirmed = importPlan(t.database.sqlite, file, { confirmations: new Map([[toMatchKey('Tốc độ tăng trưởng GRDP khu vực dịch vụ'), NEW_INDICATOR]]) });
    expect(confirmed.indicatorsCreated).toEqual(['toc-do-tang-truong-grdp-khu-vuc-dich-vu']);
    expect(confirmed.matches[0]!.how).toBe('confirmed');
  });
});

describe('a reduction per year is judged in points, with both levels', () => {
  let t: ReconcileTestDatabase;
  beforeEach(() => {
    t = createReconcileDatabase();
    t.addIndicator({ code: 'ty-le-ho-ngheo', name: 'Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)', unit: '%', direction: 'lower', aggregation: 'per_year_reduction' });
    t.addTarget({ id: 'KH-TEST:ngheo', indicator: 'ty-le-ho-ngheo', period: '2021-2025', expression: 'giảm bình quân từ 3-4%/năm', op: 'range', lo: 3, hi: 4, unit: '%', perYear: true, change: 'decrease' });
  });
  afterEach(() => t.close());

  it('takes the points a year from the level before the plan to its last year, and shows both', async () => {
    for (const [period, value] of [['2020', 21.6], ['2021', 18.9], ['2022', 15.7], ['2023', 12.2], ['2024', 9.8], ['2025', 8.2]] as const) {
      t.addValue({ agency: 'so-lao-dong', indicator: 'ty-le-ho-ngheo', period, value, kind: period === '2025' ? 'estimate' : 'actual' });
    }
    const r = await reconcile(t.database, parsePeriod('2025'), TEST_OPTIONS);
    const [a] = rowOf(r, 'ty-le-ho-ngheo');
    expect(a!.actual).toBeCloseTo((21.6 - 8.2) / 5, 6);
    expect(a!.figureBasis).toBe('change_per_year');
    expect(a!.levels).toEqual({ from: { period: '2020', value: 21.6 }, to: { period: '2025', value: 8.2 } });
    // A reduction in points against a range: no "So sánh (%)" (review R1 of issue 10, B4, C5).
    expect(a!.comparePct).toBeNull();
    expect(a!.status).toBe('khong_dat');
    expect(describeAttainment(a!, r.period)).toContain('giảm từ 21,6% (năm 2020) xuống 8,2% (năm 2025), bình quân giảm 2,68 điểm phần trăm/năm');
    expect(verdictLabel(a!)).toBe('Ước không đạt');
  });

  it('never takes a mid-year level for a base: without the level before the plan the reduction cannot be formed, the level is shown', async () => {
    t.addValue({ agency: 'so-lao-dong', indicator: 'ty-le-ho-ngheo', period: '2025-H1', value: 9.4 });
    t.addValue({ agency: 'so-lao-dong', indicator: 'ty-le-ho-ngheo', period: '2025', value: 8.2, kind: 'estimate' });
    const r = await reconcile(t.database, parsePeriod('2025'), TEST_OPTIONS);
    const [a] = rowOf(r, 'ty-le-ho-ngheo');
    expect(a!.actual).toBeNull();
    // A figure came in: "chưa đủ cơ sở", not "chưa có số liệu" (issue 10, review finding 2).
    expect(a!.status).toBe('chua_du_co_so');
    expect(a!.notes).toContainEqual({ code: 'base_missing', period: '2020' });
    expect(a!.reportPeriodValue).toBe(8.2);
    expect(a!.actualKind).toBe('estimate');
    expect(r.receivedFigures.map((f) => f.indicator)).not.toContain('ty-le-ho-ngheo');
  });
});

describe('verdict words fit the report period', () => {
  let t: ReconcileTestDatabase;
  beforeAll(() => {
    t = createReconcileDatabase();
    t.addIndicator({ code: 'grdp-binh-quan-dau-nguoi', name: 'GRDP bình quân đầu người (theo giá hiện hành)', unit: 'triệu đồng/người', aggregation: 'level' });
    t.database.sqlite.prepare("update indicators set frequency = 'year' where code = 'grdp-binh-quan-dau-nguoi'").run();
    t.addTarget({ id: 'KH-TEST:dau-nguoi-2025', indicator: 'grdp-binh-quan-dau-nguoi', period: '2025', expression: '70 triệu đồng trở lên', op: 'gte', lo: 70, unit: 'triệu đồng/người' });
    t.addTarget({ id: 'KH-TEST:dau-nguoi-2030', indicator: 'grdp-binh-quan-dau-nguoi', period: '2030', expression: 'trên 110', op: 'gt', lo: 110, unit: 'triệu đồng/người' });
    t.addIndicator({ code: 'ty-le-do-thi-hoa', name: 'Tỷ lệ đô thị hóa', unit: '%', aggregation: 'level' });
    t.addTarget({ id: 'KH-TEST:do-thi-2025', indicator: 'ty-le-do-thi-hoa', period: '2025', expression: 'trên 40%', op: 'gt', lo: 40, unit: '%' });
    t.addTarget({ id: 'KH-TEST:do-thi-2030', indicator: 'ty-le-do-thi-hoa', period: '2030', expression: 'tối thiểu 45%', op: 'gte', lo: 45, unit: '%' });
    for (const [period, value] of [['2021', 50.1], ['2022', 55.3], ['2023', 60.2], ['2024', 66.5], ['2025-H1', 35.4], ['2025', 72]] as const) {
      t.addValue({ agency: 'cuc-thong-ke', indicator: 'grdp-binh-quan-dau-nguoi', period, value, filePeriod: period === '2025-H1' ? '2025-H1' : '2025' });
    }
    for (const [period, value] of [['2021', 33.8], ['2022', 34.6], ['2023', 35.5], ['2024', 36.4], ['2025', 37.5]] as const) {
      t.addValue({ agency: 'cuc-thong-ke', indicator: 'ty-le-do-thi-hoa', period, value, filePeriod: '2025' });
    }
  });
  afterAll(() => t.close());

  it('a year-end report gives final verdicts only: no "khó đạt", no "có khả năng đạt", no 2030 targets', async () => {
    const r = await reconcile(t.database, parsePeriod('2025'), TEST_OPTIONS);
    expect(r.attainments.map((a) => [a.targetId, a.judgement, a.status])).toEqual([
      ['KH-TEST:dau-nguoi-2025', 'final', 'dat'],
      ['KH-TEST:do-thi-2025', 'final', 'khong_dat'],
    ]);
    expect(r.attainments.map(verdictLabel)).toEqual(['Đạt', 'Không đạt']);
  });

  it('a six-month report says "đánh giá cả năm" for a measure that exists for whole years, not 50,6% of the plan', async () => {
    const r = await reconcile(t.database, parsePeriod('2025-H1'), TEST_OPTIONS);
    const [a] = rowOf(r, 'grdp-binh-quan-dau-nguoi');
    expect(a).toMatchObject({ judgement: 'progress', status: 'danh_gia_ca_nam', actual: 35.4, comparePct: null });
    expect(verdictLabel(a!)).toBe('Đánh giá cả năm');
  });

  it('a review to the end of the plan is a tổng kết: final verdicts for 2025, the 2030 targets apart as an outlook', async () => {
    const r = await reconcile(t.database, parsePeriod('2021-2025'), TEST_OPTIONS);
    expect(r.reviewKind).toBe('tong_ket');
    const outlook = r.attainments.filter((a) => a.judgement === 'outlook');
    expect(outlook.map((a) => a.targetId).sort()).toEqual(['KH-TEST:dau-nguoi-2030', 'KH-TEST:do-thi-2030']);
    expect(outlook.every((a) => a.status === 'co_kha_nang_dat' || a.status === 'kho_dat')).toBe(true);
    const final = r.attainments.filter((a) => a.judgement === 'final');
    expect(final.every((a) => ['vuot', 'dat', 'khong_dat', 'chua_co_so_lieu'].includes(a.status))).toBe(true);
  });
});

describe('one row for an indicator set by three documents', () => {
  let t: ReconcileTestDatabase;
  let r: Reconciliation;
  beforeAll(async () => {
    t = createReconcileDatabase();
    addDocument(t, 'NQ-HDND-KH5N', 'nghi_quyet', null, 2020);
    addDocument(t, 'KH-434', 'ke_hoach', '2023-02-22', 2023);
    addDocument(t, 'NQ-DT-2025', 'nghi_quyet', '2024-12-10', 2024);
    t.addIndicator({ code: 'thu-nsnn', name: 'Thu ngân sách nhà nước trên địa bàn', unit: 'tỷ đồng', aggregation: 'cumulative' });
    t.addTarget({ id: 'NQ-HDND-KH5N:30', document: 'NQ-HDND-KH5N', indicator: 'thu-nsnn', period: '2025', expression: 'trên 5.000 tỷ đồng', op: 'gt', lo: 5000, unit: 'tỷ đồng' });
    t.addTarget({ id: 'KH-434:12', document: 'KH-434', indicator: 'thu-nsnn', period: '2025', expression: 'khoảng 5.000 tỷ đồng', op: 'approx', lo: 5000, hi: 5000, unit: 'tỷ đồng' });
    t.addTarget({ id: 'NQ-DT-2025:1', document: 'NQ-DT-2025', indicator: 'thu-nsnn', period: '2025', expression: '4.000 tỷ đồng', op: 'eq', lo: 4000, hi: 4000, unit: 'tỷ đồng' });
    t.addValue({ agency: 'so-tai-chinh', indicator: 'thu-nsnn', period: '2024', value: 3650 });
    t.addValue({ agency: 'so-tai-chinh', indicator: 'thu-nsnn', period: '2025', value: 4100, kind: 'estimate' });
    r = await reconcile(t.database, parsePeriod('2025'), TEST_OPTIONS);
  });
  afterAll(() => t.close());

  it('carries one judged row, on the most recent document, with every document target listed', () => {
    const rows = rowOf(r, 'thu-nsnn');
    expect(rows).toHaveLength(1);
    const a = rows[0]!;
    expect(a).toMatchObject({ targetId: 'NQ-DT-2025:1', sourceChoice: 'most_recent', actual: 4100, status: 'vuot', samePeriodLastYear: 3650 });
    expect(a.comparePct).toBeCloseTo(102.5, 6);
    expect(a.sources.map((s) => [s.document, s.expression, s.status, s.used])).toEqual([
      ['NQ-DT-2025', '4.000 tỷ đồng', 'vuot', true],
      ['KH-434', 'khoảng 5.000 tỷ đồng', 'khong_dat', false],
      ['NQ-HDND-KH5N', 'trên 5.000 tỷ đồng', 'khong_dat', false],
    ]);
  });

  it('prefers the target of the report period itself over a more recent window target', async () => {
    addDocument(t, 'KH-2025-2026', 'ke_hoach', '2025-01-15', 2025);
    t.addTarget({ id: 'KH-2025-2026:1', document: 'KH-2025-2026', indicator: 'thu-nsnn', period: '2021-2025', expression: 'từ 21.000 tỷ đồng trở lên', op: 'gte', lo: 21000, unit: 'tỷ đồng' });
    t.database.sqlite.prepare("delete from targets where id in ('KH-434:12', 'NQ-HDND-KH5N:30')").run();
    const again = await reconcile(t.database, parsePeriod('2025'), TEST_OPTIONS);
    const rows = rowOf(again, 'thu-nsnn');
    expect(rows).toHaveLength(1);
    expect(rows[0]!).toMatchObject({ targetId: 'NQ-DT-2025:1', sourceChoice: 'same_period' });
  });
});

describe('review finding 6: plan import refuses two targets of one document for one indicator and period', () => {
  it('names both rows of "8,5 - 9" and "9" for GRDP growth 2026 and loads nothing', () => {
    const t = createReconcileDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-plans-'));
    try {
      addDocument(t, 'KH-2026', 'ke_hoach', '2025-12-10', 2025);
      t.addIndicator({ code: 'grdp-tang-truong', name: GRDP_NAME, unit: '%', aggregation: 'avg_growth' });
      const file = writePlan(dir, 'ke-hoach-2026.csv', [
        'KH-2026,Tốc độ tăng trưởng GRDP,%,2026,"8,5 - 9",Cục Thống kê',
        'KH-2026,Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP) theo giá so sánh,%,2026,9,Cục Thống kê',
      ]);
      expect(() => importPlan(t.database.sqlite, file)).toThrow(/dòng 3.*đã có mục tiêu "8,5 - 9" ở dòng 2 của cùng văn bản KH-2026/s);
      expect((t.database.sqlite.prepare("select count(*) as n from targets where document = 'KH-2026'").get() as { n: number }).n).toBe(0);
      // The same target written twice is not a conflict.
      const same = writePlan(dir, 'ke-hoach-2026b.csv', ['KH-2026,Tốc độ tăng trưởng GRDP,%,2026,"8,5 - 9",Cục Thống kê', 'KH-2026,Tốc độ tăng trưởng GRDP,%,2026,"8,5-9",Cục Thống kê']);
      expect(() => importPlan(t.database.sqlite, same)).not.toThrow();
    } finally {
      void t.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
