import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../../pipeline/reconcile/reconcile.ts';
import type { Attainment, Reconciliation } from '../../pipeline/reconcile/reconciliation.ts';
import { parsePeriod } from '../../pipeline/shared/parse-period.ts';
import { createReconcileDatabase, type ReconcileTestDatabase } from './seed-reconcile-database.ts';
import { TEST_OPTIONS } from './reconcile-options.ts';

function finder(result: () => Reconciliation) {
  return (id: string): Attainment => {
    const a = result().attainments.find((x) => x.targetId === id);
    if (!a) throw new Error(`no attainment ${id}`);
    return a;
  };
}

describe('reconcile: six-month report on the annual plan (2024-H1)', () => {
  let t: ReconcileTestDatabase;
  let result: Reconciliation;
  const find = finder(() => result);

  beforeAll(async () => {
    t = createReconcileDatabase();
    t.addIndicator({ code: 'thu-nsnn', unit: 'tỷ đồng', aggregation: 'cumulative' });
    t.addTarget({ id: 'thu-nsnn', indicator: 'thu-nsnn', period: '2024', expression: 'trên 5.000 tỷ đồng', op: 'gt', lo: 5000, unit: 'tỷ đồng', agency: 'so-tai-chinh' });
    t.addValue({ agency: 'so-tai-chinh', indicator: 'thu-nsnn', period: '2024-H1', value: 2400, kind: 'estimate', receivedAt: '2024-06-18T08:00:00Z' });
    // The same period last year, from last year's file in the database.
    t.addValue({ agency: 'so-tai-chinh', indicator: 'thu-nsnn', period: '2023-H1', value: 2000, receivedAt: '2023-06-18T08:00:00Z' });
    // The same period last year from the agency's "cùng kỳ" column of this year's file.
    t.addIndicator({ code: 'von-dau-tu', unit: 'tỷ đồng', aggregation: 'cumulative' });
    t.addTarget({ id: 'von-dau-tu', indicator: 'von-dau-tu', period: '2024', expression: 'từ 12.650 tỷ đồng trở lên', op: 'gte', lo: 12650, unit: 'tỷ đồng', agency: 'so-tai-chinh' });
    t.addValue({ agency: 'so-tai-chinh', indicator: 'von-dau-tu', period: '2024-H1', value: 5000, receivedAt: '2024-06-18T08:00:00Z' });
    t.addValue({ agency: 'so-tai-chinh', indicator: 'von-dau-tu', period: '2023-H1', filePeriod: '2024-H1', value: 4000, cell: 'E9', receivedAt: '2024-06-18T08:00:00Z' });
    // A level already at the annual target, and one behind it.
    t.addIndicator({ code: 'bhyt', unit: '%', aggregation: 'level' });
    t.addTarget({ id: 'bhyt', indicator: 'bhyt', period: '2024', expression: 'đạt 92,75%', op: 'eq', lo: 92.75, hi: 92.75, unit: '%' });
    t.addValue({ agency: 'so-y-te', indicator: 'bhyt', period: '2024-H1', value: 93 });
    t.addIndicator({ code: 'nuoc-sach', unit: '%', aggregation: 'level' });
    t.addTarget({ id: 'nuoc-sach', indicator: 'nuoc-sach', period: '2024', expression: 'đạt 92,75%', op: 'eq', lo: 92.75, hi: 92.75, unit: '%' });
    t.addValue({ agency: 'so-y-te', indicator: 'nuoc-sach', period: '2023', value: 89 });
    t.addValue({ agency: 'so-y-te', indicator: 'nuoc-sach', period: '2024-H1', value: 90 });
    t.addIndicator({ code: 'ho-dat-o', unit: '%', aggregation: 'level' });
    t.addTarget({ id: 'ho-dat-o', indicator: 'ho-dat-o', period: '2024', expression: 'đạt 97,06%', op: 'eq', lo: 97.06, hi: 97.06, unit: '%' });
    t.addValue({ agency: 'so-y-te', indicator: 'ho-dat-o', period: '2024-H1', value: 96 });
    // The agency's estimate for the whole year decides.
    t.addIndicator({ code: 'dn-moi', unit: 'doanh nghiệp', aggregation: 'count_added' });
    t.addTarget({ id: 'dn-moi', indicator: 'dn-moi', period: '2024', expression: '110 doanh nghiệp trở lên', op: 'gte', lo: 110, unit: 'doanh nghiệp' });
    t.addValue({ agency: 'so-tai-chinh', indicator: 'dn-moi', period: '2024-H1', value: 40 });
    t.addValue({ agency: 'so-tai-chinh', indicator: 'dn-moi', period: '2024', filePeriod: '2024-H1', value: 112, kind: 'estimate', cell: 'F12' });
    // A year figure that came later, with the annual report, is not the six-month report's estimate.
    t.addIndicator({ code: 'dn-moi-2', unit: 'doanh nghiệp', aggregation: 'count_added' });
    t.addTarget({ id: 'dn-moi-2', indicator: 'dn-moi-2', period: '2024', expression: '110 doanh nghiệp trở lên', op: 'gte', lo: 110, unit: 'doanh nghiệp' });
    t.addValue({ agency: 'so-tai-chinh', indicator: 'dn-moi-2', period: '2024-H1', value: 40 });
    t.addValue({ agency: 'so-tai-chinh', indicator: 'dn-moi-2', period: '2024', value: 112 });
    result = await reconcile(t.database, parsePeriod('2024-H1'), TEST_OPTIONS);
  });
  afterAll(() => t.close());

  it('ignores a whole-year figure sent after the six-month report', () => {
    const a = find('dn-moi-2');
    expect(a.periodEstimate).toBeUndefined();
    expect(a.status).toBe('kho_dat');
  });

  it('gives the half-year value as a share of the annual plan and against the same period last year', () => {
    const a = find('thu-nsnn');
    expect(a.actual).toBe(2400);
    expect(a.actualKind).toBe('estimate');
    expect(a.comparePct).toBeCloseTo(48, 6);
    expect(a.samePeriodLastYear).toBe(2000);
    expect(a.changePct).toBeCloseTo(20, 6);
  });

  it('judges a flow at half-year by its pace against the elapsed share of the year', () => {
    // 2.400 in half a year is a pace of 4.800 a year: 96% of 5.000, above the 0,95 ratio.
    const a = find('thu-nsnn');
    expect(a.projection?.projected).toBeCloseTo(4800, 6);
    expect(a.projection?.ratio).toBeCloseTo(0.96, 6);
    expect(a.status).toBe('co_kha_nang_dat');
  });

  it('takes the same period last year from the "cùng kỳ" column of the agency', () => {
    const a = find('von-dau-tu');
    expect(a.samePeriodLastYear).toBe(4000);
    expect(a.changePct).toBeCloseTo(25, 6);
    expect(a.status).toBe('kho_dat');
  });

  it('calls a level already at the annual target likely to be met', () => {
    expect(find('bhyt').status).toBe('co_kha_nang_dat');
    expect(find('bhyt').projection?.progress).toBe('achieved');
  });

  it('projects a level from last year-end and half-year', () => {
    const a = find('nuoc-sach');
    expect(a.projection?.points).toEqual([{ year: 2023, value: 89 }, { year: 2024, value: 90 }]);
    expect(a.status).toBe('kho_dat');
  });

  it('judges a level with no trend yet against the year plan: below it is "khó đạt" (issue 9)', () => {
    expect(find('ho-dat-o')).toMatchObject({ status: 'kho_dat', judgement: 'progress', actual: 96, notes: [{ code: 'not_enough_points' }] });
  });

  it('judges the whole-year estimate when the agency sent one', () => {
    const a = find('dn-moi');
    expect(a.actual).toBe(40);
    expect(a.periodEstimate).toBe(112);
    expect(a.status).toBe('co_kha_nang_dat');
    expect(a.notes[0]).toMatchObject({ code: 'judged_on_period_estimate', value: 112 });
  });
});

describe('reconcile: sơ kết review 2021-2023 of the 2021-2025 plan', () => {
  let t: ReconcileTestDatabase;
  let result: Reconciliation;
  const find = finder(() => result);

  beforeAll(async () => {
    t = createReconcileDatabase();
    const yearly = (indicator: string, values: Record<number, number>) => {
      for (const [year, value] of Object.entries(values)) t.addValue({ agency: 'cuc-thong-ke', indicator, period: year, value });
    };
    t.addIndicator({ code: 'grdp', unit: '%', aggregation: 'avg_growth' });
    t.addTarget({ id: 'grdp', indicator: 'grdp', period: '2021-2025', expression: 'trên 10%/năm', op: 'gt', lo: 10, unit: '%' });
    yearly('grdp', { 2021: 7, 2022: 8, 2023: 8.2 });
    t.addIndicator({ code: 'dien', unit: '%', aggregation: 'level' });
    t.addTarget({ id: 'dien', indicator: 'dien', period: '2025', expression: 'trên 99,8%', op: 'gt', lo: 99.8, unit: '%' });
    yearly('dien', { 2020: 97, 2021: 98, 2022: 98.8, 2023: 99.5 });
    t.addIndicator({ code: 'tuoi-tho', unit: 'tuổi', aggregation: 'level' });
    t.addTarget({ id: 'tuoi-tho', indicator: 'tuoi-tho', period: '2025', expression: 'trên 68,5 tuổi', op: 'gt', lo: 68.5, unit: 'tuổi' });
    yearly('tuoi-tho', { 2023: 68 });
    t.addIndicator({ code: 'rung', unit: 'ha', aggregation: 'cumulative' });
    t.addTarget({ id: 'rung', indicator: 'rung', period: '2021-2025', expression: '15.000 ha', op: 'eq', lo: 15000, hi: 15000, unit: 'ha' });
    yearly('rung', { 2021: 2500, 2022: 2600, 2023: 2700 });
    t.addIndicator({ code: 'ho-ngheo', unit: '%', direction: 'lower', aggregation: 'per_year_reduction' });
    t.addTarget({ id: 'ho-ngheo', indicator: 'ho-ngheo', period: '2021-2025', expression: 'giảm 3-4%/năm', op: 'range', lo: 3, hi: 4, unit: '%', perYear: true, change: 'decrease' });
    yearly('ho-ngheo', { 2020: 23, 2021: 20, 2022: 17.2, 2023: 14 });
    t.addIndicator({ code: 'nlts', unit: '%', direction: 'lower', aggregation: 'share' });
    t.addTarget({ id: 'nlts', indicator: 'nlts', period: '2025', expression: 'đạt 19-20%', op: 'range', lo: 19, hi: 20, unit: '%' });
    yearly('nlts', { 2020: 24, 2021: 23, 2022: 22, 2023: 21 });
    result = await reconcile(t.database, parsePeriod('2021-2023'), TEST_OPTIONS);
  });
  afterAll(() => t.close());

  it('gives the growth rate still needed for the remaining years', () => {
    const a = find('grdp');
    const observed = ((1.07 * 1.08 * 1.082) ** (1 / 3) - 1) * 100;
    const required = ((1.1 ** 5 / (1.07 * 1.08 * 1.082)) ** (1 / 2) - 1) * 100;
    expect(a.actual).toBeCloseTo(observed, 6);
    expect(a.projection?.requiredRate).toBeCloseTo(required, 6);
    expect(required).toBeCloseTo(13.49, 2);
    expect(a.projection?.remainingYears).toEqual([2024, 2025]);
    expect(a.figureBasis).toBe('window_average');
    expect(a.figurePeriod).toBe('2021-2023');
    expect(a.judgement).toBe('outlook');
    // The average so far against the rate the remaining years need, the two numbers the report prints (review R1, B3).
    expect(a.projection?.ratio).toBeCloseTo(observed / required, 6);
    expect(a.projection).toMatchObject({ observedYears: [2021, 2023], paceMeasure: 'rate', threshold: 10 });
    expect(a.projection?.progress).toBe('moderate');
    expect(a.status).toBe('kho_dat');
  });

  it('projects a rate to its target year in points a year, capped at 100% (review R1 of issue 10, A1)', () => {
    const a = find('dien');
    // 97 -> 99,5 over 2021-2023: 0,83 points a year; above 99,8 by 2025 needs 0,15 points a year.
    expect(a.projection?.observedRate).toBeNull();
    expect(a.projection?.requiredRate).toBeNull();
    expect(a.projection?.observedPerYear).toBeCloseTo(2.5 / 3, 6);
    expect(a.projection?.requiredPerYear).toBeCloseTo(0.15, 6);
    expect(a.projection?.ratio).toBeCloseTo(2.5 / 3 / 0.15, 6);
    expect(a.projection).toMatchObject({ observedYears: [2021, 2023], remainingYears: [2024, 2025], paceMeasure: 'points' });
    expect(a.projection?.projected).toBe(100);
    expect(a.status).toBe('co_kha_nang_dat');
  });

  it('gives no verdict on one point short of the target, but the pace still needed from it (issue 10, finding 5)', () => {
    const a = find('tuoi-tho');
    expect(a.status).toBe('chua_du_co_so');
    expect(a.notes).toContainEqual({ code: 'not_enough_points' });
    expect(a.actual).toBe(68);
    // From 68 at the end of 2023 to above 68,5 by the end of 2025: 0,25 years of age a year, 0,37%/năm.
    expect(a.projection?.requiredPerYear).toBeCloseTo(0.25, 6);
    expect(a.projection?.requiredRate).toBeCloseTo(((68.5 / 68) ** 0.5 - 1) * 100, 6);
    expect(a.projection?.remainingYears).toEqual([2024, 2025]);
    expect(a.projection?.progress).toBeNull();
  });

  it('gives the amount a year still needed for a cumulative target', () => {
    const a = find('rung');
    expect(a.actual).toBe(7800);
    expect(a.projection?.projected).toBeCloseTo(13000, 6);
    expect(a.projection?.requiredPerYear).toBeCloseTo(3600, 6);
    expect(a.status).toBe('kho_dat');
  });

  it('compares the reduction per year so far with the one planned', () => {
    const a = find('ho-ngheo');
    expect(a.actual).toBeCloseTo(3, 6);
    expect(a.status).toBe('co_kha_nang_dat');
  });

  it('projects a falling share against its lower-is-better range', () => {
    expect(find('nlts').status).toBe('co_kha_nang_dat');
  });
});
