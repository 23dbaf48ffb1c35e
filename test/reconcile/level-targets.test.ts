import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../../pipeline/reconcile/reconcile.ts';
import type { Reconciliation } from '../../pipeline/reconcile/reconciliation.ts';
import { parsePeriod } from '../../pipeline/shared/parse-period.ts';
import { createReconcileDatabase, type ReconcileTestDatabase } from './seed-reconcile-database.ts';
import { TEST_OPTIONS } from './reconcile-options.ts';

// One indicator per case, a 2024 target on it and (unless null) its 2024 figure; reconciled as the annual report 2024.
const CASES = [
  // id, unit, direction, expression, op, lo, hi, figure, expected
  ['gt-met', '%', 'higher', 'Trên 10', 'gt', 10, null, 10.2, 'dat'],
  ['gt-clearly-above', '%', 'higher', 'Trên 10', 'gt', 10, null, 11, 'vuot'],
  ['gt-equal-is-not-above', '%', 'higher', 'Trên 10', 'gt', 10, null, 10, 'khong_dat'],
  ['gte-equal-meets', '%', 'higher', 'từ 90% trở lên', 'gte', 90, null, 90, 'dat'],
  ['gte-below', '%', 'higher', 'từ 90% trở lên', 'gte', 90, null, 89.9, 'khong_dat'],
  ['lt-lower-met', '‰', 'lower', 'dưới 12‰', 'lt', null, 12, 11.8, 'dat'],
  ['lt-lower-clearly-below', '‰', 'lower', 'dưới 12‰', 'lt', null, 12, 11, 'vuot'],
  ['lt-equal-is-not-below', '‰', 'lower', 'dưới 12‰', 'lt', null, 12, 12, 'khong_dat'],
  ['lte-equal-meets', '%', 'lower', 'không quá 5%', 'lte', null, 5, 5, 'dat'],
  ['eq-met', '%', 'higher', 'đạt 100%', 'eq', 100, 100, 100, 'dat'],
  ['eq-short', '%', 'higher', 'đạt 100%', 'eq', 100, 100, 99.9, 'khong_dat'],
  ['eq-above', '%', 'higher', 'duy trì 64%', 'eq', 64, 64, 64.2, 'vuot'],
  ['eq-lower-below-is-better', '%', 'lower', 'đạt 17%', 'eq', 17, 17, 16, 'vuot'],
  ['approx-inside-tolerance', 'ha', 'higher', 'khoảng 4.500 ha', 'approx', 4500, 4500, 4300, 'dat'],
  ['approx-below-tolerance', 'ha', 'higher', 'khoảng 4.500 ha', 'approx', 4500, 4500, 4200, 'khong_dat'],
  ['approx-above-tolerance', 'ha', 'higher', 'khoảng 4.500 ha', 'approx', 4500, 4500, 4800, 'vuot'],
  ['range-inside', '%', 'lower', '19-20', 'range', 19, 20, 19.5, 'dat'],
  ['range-below-lower-better', '%', 'lower', '19-20', 'range', 19, 20, 18.5, 'vuot'],
  ['range-above-lower-better', '%', 'lower', '19-20', 'range', 19, 20, 21, 'khong_dat'],
  ['range-above-higher-better', '%', 'higher', '42-43', 'range', 42, 43, 44, 'vuot'],
  ['approx-range-inside-tolerance', '%', 'higher', 'Khoảng 50-52', 'approx_range', 50, 52, 47.6, 'dat'],
  ['approx-range-above', '%', 'higher', 'Khoảng 50-52', 'approx_range', 50, 52, 55, 'vuot'],
  ['approx-range-below', '%', 'higher', 'Khoảng 50-52', 'approx_range', 50, 52, 47.4, 'khong_dat'],
  ['no-figure', '%', 'higher', 'trên 85%', 'gt', 85, null, null, 'chua_co_so_lieu'],
] as const;

describe('reconcile: level targets of an annual report', () => {
  let t: ReconcileTestDatabase;
  let result: Reconciliation;

  beforeAll(async () => {
    t = createReconcileDatabase();
    for (const [id, unit, direction, expression, op, lo, hi, figure] of CASES) {
      t.addIndicator({ code: id, unit, direction, aggregation: 'level' });
      t.addTarget({ id: `KH-TEST:${id}`, indicator: id, period: '2024', expression, op, lo, hi, unit, agency: 'cuc-thong-ke' });
      if (figure !== null) t.addValue({ agency: 'cuc-thong-ke', indicator: id, period: '2024', value: figure, cell: `C${CASES.findIndex((c) => c[0] === id) + 2}` });
    }
    t.addIndicator({ code: 'unit-mismatch', unit: 'ha', aggregation: 'level' });
    t.addTarget({ id: 'KH-TEST:unit-mismatch', indicator: 'unit-mismatch', period: '2024', expression: '40 giường', op: 'eq', lo: 40, hi: 40, unit: 'giường' });
    t.addValue({ agency: 'cuc-thong-ke', indicator: 'unit-mismatch', period: '2024', value: 41 });
    result = await reconcile(t.database, parsePeriod('2024'), TEST_OPTIONS);
  });
  afterAll(() => t.close());

  it.each(CASES.map((c) => [c[0], c[8]] as const))('judges %s as %s', (id, expected) => {
    const a = result.attainments.find((x) => x.targetId === `KH-TEST:${id}`);
    expect(a?.status, JSON.stringify(a?.notes)).toBe(expected);
  });

  it('reports the figure, its cell and the agency it came from', () => {
    const a = result.attainments.find((x) => x.targetId === 'KH-TEST:gt-met')!;
    expect(a.actual).toBe(10.2);
    expect(a.actualKind).toBe('actual');
    expect(a.source).toBe('cuc-thong-ke-2024.xlsx!Sheet1!C2');
    expect(a.sourceAgency).toBe('cuc-thong-ke');
    // A rate in %: no "So sánh (%)" ratio of two rates, the difference in points instead (review R1 of issue 10, B4).
    expect(a.comparePct).toBeNull();
    expect(a.pointsVsTarget).toBeCloseTo(0.2, 6);
    expect(a.figureBasis).toBe('period_value');
    expect(a.figurePeriod).toBe('2024');
  });

  it('does not judge a target whose unit differs from its indicator', () => {
    const a = result.attainments.find((x) => x.targetId === 'KH-TEST:unit-mismatch')!;
    expect(a.status).toBe('khong_danh_gia');
    expect(result.checks.find((c) => c.name === 'targets_unit_mismatch')?.failing).toBe(1);
  });

  it('widens khoảng by the configured tolerance', async () => {
    const strict = await reconcile(t.database, parsePeriod('2024'), { ...TEST_OPTIONS, approxTolerancePct: 2 });
    expect(strict.attainments.find((x) => x.targetId === 'KH-TEST:approx-inside-tolerance')?.status).toBe('khong_dat');
  });
});
