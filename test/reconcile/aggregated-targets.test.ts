import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../../pipeline/reconcile/reconcile.ts';
import { describeAttainment } from '../../pipeline/report/describe-attainment.ts';
import type { Attainment, Reconciliation } from '../../pipeline/reconcile/reconciliation.ts';
import { geometricMeanRate } from '../../pipeline/reconcile/geometric-mean-rate.ts';
import { parsePeriod } from '../../pipeline/shared/parse-period.ts';
import { createReconcileDatabase, type ReconcileTestDatabase } from './seed-reconcile-database.ts';
import { TEST_OPTIONS } from './reconcile-options.ts';

describe('reconcile: how a period value is formed, final verdicts of the 2021-2025 plan', () => {
  let t: ReconcileTestDatabase;
  let result: Reconciliation;
  const find = (id: string): Attainment => {
    const a = result.attainments.find((x) => x.targetId === id);
    if (!a) throw new Error(`no attainment ${id}`);
    return a;
  };

  beforeAll(async () => {
    t = createReconcileDatabase();
    const yearly = (indicator: string, values: Record<number, number>, agency = 'cuc-thong-ke') => {
      for (const [year, value] of Object.entries(values)) t.addValue({ agency, indicator, period: year, value, cell: `D${year}` });
    };
    // Average growth over 2021-2025: geometric mean of the yearly rates.
    t.addIndicator({ code: 'grdp', unit: '%', aggregation: 'avg_growth' });
    t.addTarget({ id: 'grdp', indicator: 'grdp', period: '2021-2025', expression: 'trên 10%/năm', op: 'gt', lo: 10, unit: '%', agency: 'cuc-thong-ke' });
    yearly('grdp', { 2021: 0, 2022: 20, 2023: 10, 2024: 10, 2025: 10.6 });
    // The same when the statistics office reports the window's average itself: its figure wins.
    t.addIndicator({ code: 'nslđ', unit: '%', aggregation: 'avg_growth' });
    t.addTarget({ id: 'nslđ', indicator: 'nslđ', period: '2021-2025', expression: 'Khoảng 6,5', op: 'approx', lo: 6.5, hi: 6.5, unit: '%' });
    yearly('nslđ', { 2021: 1, 2022: 1, 2023: 1, 2024: 1, 2025: 1 });
    t.addValue({ agency: 'cuc-thong-ke', indicator: 'nslđ', period: '2021-2025', value: 6.4 });
    // Cumulative total over the window.
    t.addIndicator({ code: 'von-dau-tu', unit: 'tỷ đồng', aggregation: 'cumulative' });
    t.addTarget({ id: 'von-dau-tu', indicator: 'von-dau-tu', period: '2021-2025', expression: 'khoảng 118.000 tỷ đồng', op: 'approx', lo: 118000, hi: 118000, unit: 'tỷ đồng' });
    yearly('von-dau-tu', { 2021: 20000, 2022: 22000, 2023: 24000, 2024: 25000 });
    t.addValue({ agency: 'cuc-thong-ke', indicator: 'von-dau-tu', period: '2025-H1', value: 12000 });
    t.addValue({ agency: 'cuc-thong-ke', indicator: 'von-dau-tu', period: '2025-H2', value: 14000 });
    // Cumulative with a year missing: cannot say it was missed...
    t.addIndicator({ code: 'rung', unit: 'ha', aggregation: 'cumulative' });
    t.addTarget({ id: 'rung', indicator: 'rung', period: '2021-2025', expression: '15.000 ha', op: 'eq', lo: 15000, hi: 15000, unit: 'ha' });
    yearly('rung', { 2021: 3000, 2022: 3000, 2024: 3000, 2025: 3000 });
    // ...but a total already past the bound proves the target met.
    t.addIndicator({ code: 'xuat-khau', unit: 'triệu USD', aggregation: 'cumulative' });
    t.addTarget({ id: 'xuat-khau', indicator: 'xuat-khau', period: '2021-2025', expression: 'trên 1.000 triệu USD', op: 'gt', lo: 1000, unit: 'triệu USD' });
    yearly('xuat-khau', { 2021: 400, 2022: 400, 2023: 400 });
    // Count added during the period.
    t.addIndicator({ code: 'ocop', unit: 'sản phẩm', aggregation: 'count_added' });
    t.addTarget({ id: 'ocop', indicator: 'ocop', period: '2021-2025', expression: 'ít nhất 10 sản phẩm', op: 'gte', lo: 10, unit: 'sản phẩm' });
    yearly('ocop', { 2021: 1, 2022: 2, 2023: 2, 2024: 2, 2025: 2 });
    // Per-year count target: the average of the years.
    t.addIndicator({ code: 'viec-lam', unit: 'lao động', aggregation: 'count_added' });
    t.addTarget({ id: 'viec-lam', indicator: 'viec-lam', period: '2021-2025', expression: 'khoảng 6.000 lao động', op: 'approx', lo: 6000, hi: 6000, unit: 'lao động/năm', perYear: true });
    yearly('viec-lam', { 2021: 5800, 2022: 6100, 2023: 6000, 2024: 5900, 2025: 6200 });
    // Per-year reduction in points of a lower-is-better rate, from the year before the window.
    t.addIndicator({ code: 'ho-ngheo', unit: '%', direction: 'lower', aggregation: 'per_year_reduction' });
    t.addTarget({ id: 'ho-ngheo', indicator: 'ho-ngheo', period: '2021-2025', expression: 'giảm 3-4%/năm', op: 'range', lo: 3, hi: 4, unit: '%', perYear: true, change: 'decrease' });
    yearly('ho-ngheo', { 2020: 23, 2021: 20, 2022: 17, 2023: 13.8, 2024: 10.5, 2025: 7.5 });
    t.addIndicator({ code: 'ho-ngheo-huyen', unit: '%', direction: 'lower', aggregation: 'per_year_reduction' });
    t.addTarget({ id: 'ho-ngheo-huyen', indicator: 'ho-ngheo-huyen', period: '2021-2025', expression: 'giảm từ 6-8%/năm', op: 'range', lo: 6, hi: 8, unit: '%', perYear: true, change: 'decrease' });
    yearly('ho-ngheo-huyen', { 2020: 50, 2025: 30 });
    // Shares of a whole, checked to add up sensibly.
    t.addIndicator({ code: 'co-cau', unit: '%', aggregation: 'share' });
    t.addIndicator({ code: 'co-cau-nlts', unit: '%', direction: 'lower', aggregation: 'share', parent: 'co-cau' });
    t.addIndicator({ code: 'co-cau-cnxd', unit: '%', aggregation: 'share', parent: 'co-cau' });
    t.addIndicator({ code: 'co-cau-dv', unit: '%', aggregation: 'share', parent: 'co-cau' });
    t.addTarget({ id: 'co-cau-nlts', indicator: 'co-cau-nlts', period: '2025', expression: 'đạt 19-20%', op: 'range', lo: 19, hi: 20, unit: '%' });
    t.addTarget({ id: 'co-cau-dv', indicator: 'co-cau-dv', period: '2025', expression: 'đạt 42-43%', op: 'range', lo: 42, hi: 43, unit: '%' });
    yearly('co-cau-nlts', { 2024: 20, 2025: 19.6 });
    yearly('co-cau-cnxd', { 2024: 32, 2025: 33 });
    yearly('co-cau-dv', { 2024: 60, 2025: 42.5 });
    // A level target worded as a change: the rise from the year before the window.
    t.addIndicator({ code: 'do-thi-hoa', unit: '%', aggregation: 'level' });
    t.addTarget({ id: 'do-thi-hoa', indicator: 'do-thi-hoa', period: '2021-2025', expression: 'tăng thêm 5%', op: 'eq', lo: 5, hi: 5, unit: '%', change: 'increase' });
    yearly('do-thi-hoa', { 2020: 30, 2025: 34.5 });
    result = await reconcile(t.database, parsePeriod('2025'), TEST_OPTIONS);
  });
  afterAll(() => t.close());

  it('measures a level target worded as a change from the year before the window', () => {
    expect(find('do-thi-hoa').actual).toBe(4.5);
    expect(find('do-thi-hoa').status).toBe('khong_dat');
  });

  it('averages growth as the geometric mean of the yearly rates', () => {
    const a = find('grdp');
    const expected = geometricMeanRate([0, 20, 10, 10, 10.6])!;
    expect(expected).toBeCloseTo(((1.0 * 1.2 * 1.1 * 1.1 * 1.106) ** 0.2 - 1) * 100, 10);
    expect(a.actual).toBeCloseTo(expected, 5);
    // The arithmetic mean, 10,12, would pass "trên 10"; the geometric mean, 9,93, does not.
    expect(a.actual!).toBeLessThan(10);
    expect(a.status).toBe('khong_dat');
    expect(a.source).toContain('!D2021');
  });

  it('uses the window average when the agency reports it', () => {
    expect(find('nslđ').actual).toBe(6.4);
    expect(find('nslđ').status).toBe('dat');
  });

  it('adds up a cumulative total from years and halves', () => {
    const a = find('von-dau-tu');
    expect(a.actual).toBe(117000);
    expect(a.status).toBe('dat');
  });

  it('does not call a total with a year missing not met', () => {
    const a = find('rung');
    expect(a.actual).toBe(12000);
    expect(a.status).toBe('chua_co_so_lieu');
    expect(a.notes).toContainEqual({ code: 'missing_parts', periods: ['2023-H1', '2023-H2'] });
  });

  it('lets a partial total prove a lower bound already passed', () => {
    expect(find('xuat-khau').status).toBe('vuot');
  });

  it('counts what was added during the period', () => {
    expect(find('ocop').actual).toBe(9);
    expect(find('ocop').status).toBe('khong_dat');
  });

  it('averages a per-year count over the years', () => {
    expect(find('viec-lam').actual).toBe(6000);
    expect(find('viec-lam').status).toBe('dat');
  });

  it('measures a per-year reduction in points from the year before the window, larger being better', () => {
    const a = find('ho-ngheo');
    expect(a.actual).toBeCloseTo((23 - 7.5) / 5, 6);
    expect(a.status).toBe('dat');
    expect(find('ho-ngheo-huyen').actual).toBe(4);
    expect(find('ho-ngheo-huyen').status).toBe('khong_dat');
  });

  it('judges a share by its level at the period end and its direction', () => {
    expect(find('co-cau-nlts').status).toBe('dat');
    expect(find('co-cau-dv').status).toBe('dat');
  });

  it('flags parts of a whole adding up to more than 100%', async () => {
    const r2024 = await reconcile(t.database, parsePeriod('2024'), TEST_OPTIONS);
    expect(r2024.checks.find((c) => c.name === 'share_children_sum_over_100')?.failing).toBe(1);
    expect(result.checks.find((c) => c.name === 'share_children_sum_over_100')?.failing).toBe(0);
  });
});

describe('reconcile: a second-half target (15-NQ/TU sets targets for 2022-H2)', () => {
  it('works the half out as the year minus the first half, and says so', async () => {
    const t = createReconcileDatabase();
    try {
      t.addIndicator({ code: 'thu-nsnn', unit: 'tỷ đồng', aggregation: 'cumulative' });
      t.addTarget({ id: 'thu-nsnn', indicator: 'thu-nsnn', period: '2022-H2', expression: 'trên 1.700 tỷ đồng', op: 'gt', lo: 1700, unit: 'tỷ đồng' });
      t.addValue({ agency: 'so-tai-chinh', indicator: 'thu-nsnn', period: '2022-H1', value: 2300 });
      t.addValue({ agency: 'so-tai-chinh', indicator: 'thu-nsnn', period: '2022', value: 4050 });
      for (const id of ['2022-H2', '2022']) {
        const r = await reconcile(t.database, parsePeriod(id), TEST_OPTIONS);
        const a = r.attainments.find((x) => x.targetId === 'thu-nsnn')!;
        expect(a.actual).toBe(1750);
        expect(a.status).toBe('dat');
        expect(a.notes).toContainEqual({ code: 'derived', period: '2022-H2 = 2022 - 2022-H1' });
      }
    } finally {
      await t.close();
    }
  });
});

describe('review findings 7, 8: a window growth target in the six-month report of its last year', () => {
  it('judges "trên 10%/năm" for 2021-2025 at 2025-H1 on the 2021-2024 average and the rate 2025 needs, with H1 beside it', async () => {
    const t = createReconcileDatabase();
    try {
      t.addIndicator({ code: 'grdp', name: 'Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) bình quân', unit: '%', aggregation: 'avg_growth' });
      t.addTarget({ id: 'grdp', indicator: 'grdp', period: '2021-2025', expression: 'Trên 10', op: 'gt', lo: 10, unit: '%' });
      for (const [year, rate] of [['2021', 6.52], ['2022', 7.01], ['2023', 7.33], ['2024', 8.12]] as const) {
        t.addValue({ agency: 'cuc-thong-ke', indicator: 'grdp', period: year, value: rate });
      }
      t.addValue({ agency: 'cuc-thong-ke', indicator: 'grdp', period: '2025-H1', value: 7.85 });
      const r = await reconcile(t.database, parsePeriod('2025-H1'), { ...TEST_OPTIONS, asOf: '2025-06-24' });
      const a = r.attainments.find((x) => x.indicator === 'grdp')!;
      expect(a.figureBasis).toBe('window_average');
      expect(a.figurePeriod).toBe('2021-2024');
      expect(a.actual).toBeCloseTo(7.244, 2);
      expect(a.reportPeriodValue).toBe(7.85);
      // 2025 alone would need about 21,6% to bring the five-year average above 10%.
      expect(a.projection?.requiredRate).toBeGreaterThan(20);
      expect(a.status).toBe('kho_dat');
      // The name drops "bình quân"; the report adds it where the figure is an average.
      expect(a.indicatorName).toBe('Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)');
      const sentence = describeAttainment(a, parsePeriod('2025-H1'));
      expect(sentence).toContain('bình quân giai đoạn 2021-2024 đạt 7,24%');
      expect(sentence).not.toMatch(/bình quân 6 tháng/);
      expect(sentence).toContain('7,85%');
    } finally {
      await t.close();
    }
  });
});

describe('review finding 7: one complete year is not an average', () => {
  it('leads a six-month report with the half year\'s own rate, not 2024\'s, and does not judge the window (issue 10)', async () => {
    const t = createReconcileDatabase();
    try {
      t.addIndicator({ code: 'grdp', name: 'Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) bình quân', unit: '%', aggregation: 'avg_growth' });
      t.addTarget({ id: 'grdp', indicator: 'grdp', period: '2021-2025', expression: 'Trên 10', op: 'gt', lo: 10, unit: '%' });
      t.addValue({ agency: 'cuc-thong-ke', indicator: 'grdp', period: '2024', value: 8.12 });
      t.addValue({ agency: 'cuc-thong-ke', indicator: 'grdp', period: '2025-H1', value: 7.85 });
      const r = await reconcile(t.database, parsePeriod('2025-H1'), { ...TEST_OPTIONS, asOf: '2025-06-24' });
      const a = r.attainments.find((x) => x.indicator === 'grdp')!;
      expect(a).toMatchObject({ figureBasis: 'period_value', figurePeriod: '2025-H1', actual: 7.85, reportPeriodValue: null, status: 'chua_du_co_so' });
      expect(a.notes).toContainEqual({ code: 'missing_parts', periods: ['2021', '2022', '2023'] });
      // Dated 24/6/2025, before the half ends: the half's figure is an estimate whatever the agency's column said.
      expect(a.actualKind).toBe('estimate');
      // The half's rate is said as the half's, never as an average (the report may say an average cannot be formed yet).
      const sentence = describeAttainment(a, parsePeriod('2025-H1'));
      expect(sentence).toMatch(/ước (đạt|tăng) 7,85%/);
      expect(sentence).not.toMatch(/bình quân[^.;]*7,85/);
      expect(sentence).not.toContain('8,12');
    } finally {
      await t.close();
    }
  });
});
