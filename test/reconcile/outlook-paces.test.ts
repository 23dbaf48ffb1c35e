// Review R1 of issue 10 (A1, B3, B4, B6, C4, C5): the 2030 outlook judges and carries its paces in the measure the
// report prints (points a year for rates and shares, %/năm for other levels), with the years the observed pace covers;
// "So sánh (%)" only where a ratio to the plan reads as one; a six-month report uses the target set for its year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../../pipeline/reconcile/reconcile.ts';
import type { Attainment, Reconciliation } from '../../pipeline/reconcile/reconciliation.ts';
import { parsePeriod } from '../../pipeline/shared/parse-period.ts';
import { createReconcileDatabase, type ReconcileTestDatabase } from './seed-reconcile-database.ts';
import { TEST_OPTIONS } from './reconcile-options.ts';

function addDocument(t: ReconcileTestDatabase, code: string, number: string, kind: string, issuedOn: string | null, year: number): void {
  t.database.sqlite
    .prepare(`insert into documents (code, so_ky_hieu, kind, issuer, issued_on, issued_year, title, source_ref) values (?, ?, ?, null, ?, ?, ?, 'test')`)
    .run(code, number, kind, issuedOn, year, `Văn bản ${code}`);
}

const yearly = (t: ReconcileTestDatabase, agency: string, indicator: string, values: Record<number, number>) => {
  for (const [year, value] of Object.entries(values)) t.addValue({ agency, indicator, period: year, value, kind: year === '2025' ? 'estimate' : 'actual' });
};

describe('2021-2025 review: the 2030 outlook in the measure the report prints', () => {
  let t: ReconcileTestDatabase;
  let r: Reconciliation;
  const outlook = (indicator: string): Attainment => r.attainments.find((a) => a.indicator === indicator && a.judgement === 'outlook')!;

  beforeAll(async () => {
    t = createReconcileDatabase();
    addDocument(t, 'KH-60CTR-2023', null as unknown as string, 'ke_hoach', '2023-05-15', 2023);
    addDocument(t, 'KH-434-2023', '434/KH-UBND', 'ke_hoach', '2023-02-22', 2023);
    const target = (id: string, document: string, indicator: string, expression: string, op: string, lo: number | null, hi: number | null, unit: string, period = '2030') =>
      t.addTarget({ id, document, indicator, period, expression, op, lo, hi, unit });
    t.addIndicator({ code: 'ty-le-do-thi-hoa', unit: '%', aggregation: 'level' });
    target('DTH', 'KH-60CTR-2023', 'ty-le-do-thi-hoa', 'tối thiểu 45%', 'gte', 45, null, '%');
    yearly(t, 'cuc-thong-ke', 'ty-le-do-thi-hoa', { 2024: 37, 2025: 37.5 });
    t.addIndicator({ code: 'grdp-binh-quan-dau-nguoi', unit: 'triệu đồng/người', aggregation: 'level' });
    target('GRDP-DN', 'KH-60CTR-2023', 'grdp-binh-quan-dau-nguoi', 'khoảng trên 110 triệu đồng/người', 'gt', 110, null, 'triệu đồng/người');
    yearly(t, 'cuc-thong-ke', 'grdp-binh-quan-dau-nguoi', { 2021: 50.1, 2022: 55.3, 2023: 60.2, 2024: 66.5, 2025: 72 });
    t.addIndicator({ code: 'thu-nsnn', unit: 'tỷ đồng', aggregation: 'cumulative' });
    target('NSNN', 'KH-434-2023', 'thu-nsnn', 'Trên 7.800', 'gt', 7800, null, 'tỷ đồng');
    yearly(t, 'so-tai-chinh', 'thu-nsnn', { 2024: 3650, 2025: 4100 });
    t.addIndicator({ code: 'nang-suat-lao-dong-tang', unit: '%', aggregation: 'avg_growth' });
    target('NSLD', 'KH-434-2023', 'nang-suat-lao-dong-tang', 'Khoảng 6,5', 'approx', 6.5, 6.5, '%', '2021-2030');
    yearly(t, 'cuc-thong-ke', 'nang-suat-lao-dong-tang', { 2021: 5.2, 2022: 5.8, 2023: 6, 2024: 6.4, 2025: 6.6 });
    t.addIndicator({ code: 'ty-trong-cong-nghiep-che-bien-che-tao', unit: '%', aggregation: 'share' });
    target('CBCT', 'KH-60CTR-2023', 'ty-trong-cong-nghiep-che-bien-che-tao', 'khoảng trên 25% GRDP', 'gt', 25, null, '%');
    yearly(t, 'cuc-thong-ke', 'ty-trong-cong-nghiep-che-bien-che-tao', { 2025: 9.8 });
    t.addIndicator({ code: 'ty-le-lao-dong-nong-lam-thuy-san', unit: '%', direction: 'lower', aggregation: 'share' });
    target('LDNL', 'KH-60CTR-2023', 'ty-le-lao-dong-nong-lam-thuy-san', 'dưới 56%', 'lt', null, 56, '%');
    yearly(t, 'so-lao-dong', 'ty-le-lao-dong-nong-lam-thuy-san', { 2025: 57.4 });
    r = await reconcile(t.database, parsePeriod('2021-2025'), { ...TEST_OPTIONS, asOf: '2026-01-09' });
  });
  afterAll(() => t.close());

  it('gives a rate its paces in points a year, never a relative %/năm (A1)', () => {
    const a = outlook('ty-le-do-thi-hoa');
    // 37,0 -> 37,5 in 2025: 0,5 points; at least 45 by 2030 needs 1,5 points a year over 2026-2030.
    expect(a.projection).toMatchObject({ paceMeasure: 'points', observedRate: null, requiredRate: null, observedYears: [2025, 2025], remainingYears: [2026, 2030], threshold: 45 });
    expect(a.projection?.observedPerYear).toBeCloseTo(0.5, 6);
    expect(a.projection?.requiredPerYear).toBeCloseTo(1.5, 6);
    expect(a.projection?.ratio).toBeCloseTo(0.5 / 1.5, 6);
    expect(a.status).toBe('kho_dat');
    expect(a.comparePct).toBeNull();
    expect(a.pointsVsTarget).toBeCloseTo(-7.5, 6);
  });

  it('calls GRDP per head likely on its pace: 9,5%/năm over 2022-2025 against 8,8%/năm needed (B3)', () => {
    const a = outlook('grdp-binh-quan-dau-nguoi');
    const observed = ((72 / 50.1) ** (1 / 4) - 1) * 100;
    const needed = ((110 / 72) ** (1 / 5) - 1) * 100;
    expect(observed).toBeCloseTo(9.49, 2);
    expect(needed).toBeCloseTo(8.85, 2);
    expect(a.projection).toMatchObject({ paceMeasure: 'rate', observedYears: [2022, 2025], remainingYears: [2026, 2030], threshold: 110 });
    expect(a.projection?.observedRate).toBeCloseTo(observed, 6);
    expect(a.projection?.requiredRate).toBeCloseTo(needed, 6);
    expect(a.projection?.ratio).toBeCloseTo(observed / needed, 6);
    expect(a.status).toBe('co_kha_nang_dat');
    // A level in money against one bound keeps its "So sánh (%)".
    expect(a.comparePct).toBeCloseTo((72 / 110) * 100, 6);
    expect(a.pointsVsTarget).toBeNull();
  });

  it('calls the budget revenue hard to reach: 12,3% in 2025 against 13,7%/năm needed (B3)', () => {
    const a = outlook('thu-nsnn');
    const observed = (4100 / 3650 - 1) * 100;
    const needed = ((7800 / 4100) ** (1 / 5) - 1) * 100;
    expect(a.projection).toMatchObject({ paceMeasure: 'rate', observedYears: [2025, 2025], threshold: 7800 });
    expect(a.projection?.observedRate).toBeCloseTo(observed, 6);
    expect(a.projection?.requiredRate).toBeCloseTo(needed, 6);
    expect(observed / needed).toBeLessThan(0.95);
    expect(a.status).toBe('kho_dat');
  });

  it('judges labour productivity on its average against the rate 2026-2030 need, with the "khoảng" tolerance (B3)', () => {
    const a = outlook('nang-suat-lao-dong-tang');
    const rates = [5.2, 5.8, 6, 6.4, 6.6];
    const product = rates.reduce((p, x) => p * (1 + x / 100), 1);
    const observed = (product ** (1 / 5) - 1) * 100;
    // "Khoảng 6,5" is met from 6,175 (5% tolerance); the ten years average 6,175 if 2026-2030 average 6,35%.
    const needed = (((1 + 6.175 / 100) ** 10 / product) ** (1 / 5) - 1) * 100;
    expect(observed).toBeCloseTo(6.0, 2);
    expect(needed).toBeCloseTo(6.35, 2);
    expect(a.projection).toMatchObject({ paceMeasure: 'rate', observedYears: [2021, 2025], remainingYears: [2026, 2030] });
    expect(a.projection?.threshold).toBeCloseTo(6.175, 6);
    expect(a.projection?.observedRate).toBeCloseTo(observed, 6);
    expect(a.projection?.requiredRate).toBeCloseTo(needed, 6);
    expect(a.projection?.ratio).toBeCloseTo(observed / needed, 6);
    // 6,0 ÷ 6,35 = 0,94, below 0,95: the average so far is short of what the remaining years need.
    expect(a.status).toBe('kho_dat');
    expect(a.comparePct).toBeNull();
  });

  it('leaves a share with a single point unjudged, with the points a year still needed (A1)', () => {
    const a = outlook('ty-trong-cong-nghiep-che-bien-che-tao');
    expect(a.status).toBe('chua_du_co_so');
    expect(a.projection).toMatchObject({ paceMeasure: 'points', observedPerYear: null, observedRate: null, requiredRate: null, observedYears: null, remainingYears: [2026, 2030] });
    expect(a.projection?.requiredPerYear).toBeCloseTo((25 - 9.8) / 5, 6);
  });

  it('prints no "So sánh (%)" for a "dưới" target, the points above it instead (C5)', () => {
    const a = outlook('ty-le-lao-dong-nong-lam-thuy-san');
    expect(a.comparePct).toBeNull();
    expect(a.pointsVsTarget).toBeCloseTo(1.4, 6);
    expect(a.projection?.requiredPerYear).toBeCloseTo((56 - 57.4) / 5, 6);
  });
});

describe('a six-month report uses the target set for its year (B6, C4)', () => {
  let t: ReconcileTestDatabase;
  let half: Reconciliation;
  let year: Reconciliation;

  beforeAll(async () => {
    t = createReconcileDatabase();
    addDocument(t, 'NQ-HDND-KH5N', null as unknown as string, 'nghi_quyet', null, 2020);
    addDocument(t, 'KH-434-2023', '434/KH-UBND', 'ke_hoach', '2023-02-22', 2023);
    t.addIndicator({ code: 'giai-quyet-viec-lam', unit: 'lao động', aggregation: 'count_added' });
    t.addTarget({ id: 'VL-TB', document: 'NQ-HDND-KH5N', indicator: 'giai-quyet-viec-lam', period: '2021-2025', expression: 'khoảng 6.000 lao động', op: 'approx', lo: 6000, hi: 6000, unit: 'lao động', perYear: true });
    t.addTarget({ id: 'VL-2025', document: 'NQ-HDND-KH5N', indicator: 'giai-quyet-viec-lam', period: '2025', expression: 'khoảng 7.000 lao động', op: 'approx', lo: 7000, hi: 7000, unit: 'lao động' });
    t.addValue({ agency: 'so-lao-dong', indicator: 'giai-quyet-viec-lam', period: '2025-H1', value: 3400, kind: 'estimate' });
    t.addIndicator({ code: 'co-cau-nong-lam-thuy-san', unit: '%', direction: 'lower', aggregation: 'share' });
    t.addTarget({ id: 'NLTS-434', document: 'KH-434-2023', indicator: 'co-cau-nong-lam-thuy-san', period: '2021-2025', expression: '19-20', op: 'range', lo: 19, hi: 20, unit: '%' });
    t.addTarget({ id: 'NLTS-NQ', document: 'NQ-HDND-KH5N', indicator: 'co-cau-nong-lam-thuy-san', period: '2025', expression: 'đạt 19-20%', op: 'range', lo: 19, hi: 20, unit: '%' });
    t.addValue({ agency: 'cuc-thong-ke', indicator: 'co-cau-nong-lam-thuy-san', period: '2024', value: 20.3 });
    t.addValue({ agency: 'cuc-thong-ke', indicator: 'co-cau-nong-lam-thuy-san', period: '2025-H1', value: 19.9, kind: 'estimate' });
    t.addValue({ agency: 'cuc-thong-ke', indicator: 'co-cau-nong-lam-thuy-san', period: '2025', value: 19.8, kind: 'estimate', filePeriod: '2025' });
    half = await reconcile(t.database, parsePeriod('2025-H1'), { ...TEST_OPTIONS, asOf: '2025-06-24' });
    year = await reconcile(t.database, parsePeriod('2025'), { ...TEST_OPTIONS, asOf: '2025-12-24' });
  });
  afterAll(() => t.close());

  it('judges the jobs of the first half of 2025 against the 2025 target, not the 2021-2025 yearly average', () => {
    const rows = half.attainments.filter((a) => a.indicator === 'giai-quyet-viec-lam');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ targetId: 'VL-2025', expression: 'khoảng 7.000 lao động', sourceChoice: 'same_period', actual: 3400 });
    expect(rows[0]!.sources.map((s) => [s.targetId, s.used])).toEqual([['VL-2025', true], ['VL-TB', false]]);
    // The annual report uses the same target.
    expect(year.attainments.find((a) => a.indicator === 'giai-quyet-viec-lam')?.targetId).toBe('VL-2025');
  });

  it('cites the same document for a share in the six-month and the annual report', () => {
    const h = half.attainments.find((a) => a.indicator === 'co-cau-nong-lam-thuy-san')!;
    const y = year.attainments.find((a) => a.indicator === 'co-cau-nong-lam-thuy-san')!;
    expect(h).toMatchObject({ targetId: 'NLTS-NQ', sourceChoice: 'same_period', comparePct: null });
    expect(y).toMatchObject({ targetId: 'NLTS-NQ', sourceChoice: 'same_period', comparePct: null });
  });
});

describe('review R2 of issue 10, A6: a window growth rate due in the period with years missing', () => {
  let t: ReconcileTestDatabase;
  beforeAll(() => {
    t = createReconcileDatabase();
    t.addIndicator({ code: 'grdp-tang-truong', unit: '%', aggregation: 'avg_growth' });
    t.addTarget({ id: 'GRDP', indicator: 'grdp-tang-truong', period: '2021-2025', expression: 'Trên 10', op: 'gt', lo: 10, unit: '%' });
    t.addIndicator({ code: 'nang-suat', unit: '%', aggregation: 'avg_growth' });
    t.addTarget({ id: 'NSLD', indicator: 'nang-suat', period: '2021-2025', expression: 'Khoảng 6,5', op: 'approx', lo: 6.5, hi: 6.5, unit: '%' });
    t.addValue({ agency: 'cuc-thong-ke', indicator: 'grdp-tang-truong', period: '2024', value: 8.12 });
    yearly(t, 'cuc-thong-ke', 'nang-suat', { 2022: 5.8, 2023: 6, 2024: 6.4 });
  });
  afterAll(() => t.close());

  it('shows the one year it has as that year\'s rate, never as the 2021-2025 average, and gives no verdict', async () => {
    // An annual report dated 15/7/2025 (before the year ends) with only the 2024 rate.
    const r = await reconcile(t.database, parsePeriod('2025'), { ...TEST_OPTIONS, asOf: '2025-07-15' });
    const a = r.attainments.find((x) => x.indicator === 'grdp-tang-truong')!;
    expect(a).toMatchObject({ judgement: 'final', status: 'chua_du_co_so', actual: 8.12, figureBasis: 'period_value', figurePeriod: '2024', comparePct: null });
    expect(a.notes).toContainEqual({ code: 'missing_parts', periods: ['2021', '2022', '2023', '2025'] });
  });

  it('averages only a run of consecutive years it has, labelled with those years', async () => {
    const r = await reconcile(t.database, parsePeriod('2025'), { ...TEST_OPTIONS, asOf: '2025-07-15' });
    const a = r.attainments.find((x) => x.indicator === 'nang-suat')!;
    expect(a).toMatchObject({ status: 'chua_du_co_so', figureBasis: 'window_average', figurePeriod: '2022-2024' });
    expect(a.actual).toBeCloseTo(((1.058 * 1.06 * 1.064) ** (1 / 3) - 1) * 100, 6);
    expect(a.notes).toContainEqual({ code: 'missing_parts', periods: ['2021', '2025'] });
  });
});
