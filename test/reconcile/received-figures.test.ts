// Issue 10: every figure received in the period is carried to the report, with or without a target; a figure whose
// target cannot be formed yet is "chưa đủ cơ sở", never "chưa có số liệu"; a six-month report leads with its own
// figures; a figure for a period not ended on the report's date is an estimate. Numbers are the demo's (Kon Tum 2025).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../../pipeline/reconcile/reconcile.ts';
import type { Reconciliation } from '../../pipeline/reconcile/reconciliation.ts';
import { writeReconciliationExport } from '../../pipeline/reconcile/write-reconciliation-export.ts';
import { figureKindAsOf } from '../../pipeline/reconcile/figure-kind-as-of.ts';
import { parsePeriod } from '../../pipeline/shared/parse-period.ts';
import { TEST_OPTIONS } from './reconcile-options.ts';
import { createReconcileDatabase, type ReconcileTestDatabase } from './seed-reconcile-database.ts';

/** Adds the second plan document (the 2030 programme, no số ký hiệu: cited by its code). */
function addProgramme(t: ReconcileTestDatabase): void {
  t.database.sqlite
    .prepare(`insert into documents (code, so_ky_hieu, kind, issuer, issued_on, issued_year, title, source_ref) values ('KH-60CTR-2023', null, 'ke_hoach', null, '2023-05-15', 2023, 'Kế hoạch 2030', 'test')`)
    .run();
}

describe('figures received without a target of the period (annual report 2025, dated 24/12/2025)', () => {
  let t: ReconcileTestDatabase;
  let r: Reconciliation;
  beforeAll(async () => {
    t = createReconcileDatabase();
    addProgramme(t);
    // A 2030-only indicator: no verdict in 2025, but its figure is news.
    t.addIndicator({ code: 'ty-trong-kinh-te-so', name: 'Tỷ trọng kinh tế số trong GRDP', unit: '%', aggregation: 'share' });
    t.addTarget({ id: 'KH-60CTR-2023:5', document: 'KH-60CTR-2023', indicator: 'ty-trong-kinh-te-so', period: '2030', expression: 'khoảng trên 20% GRDP', op: 'gt', lo: 20, unit: '%' });
    t.addValue({ agency: 'so-tai-chinh', indicator: 'ty-trong-kinh-te-so', period: '2024', value: 7.6 });
    t.addValue({ agency: 'so-tai-chinh', indicator: 'ty-trong-kinh-te-so', period: '2025', value: 8.2, kind: 'estimate', receivedAt: '2025-12-15T02:00:00Z' });
    // An indicator with no target at all, a total: compared with last year's total.
    t.addIndicator({ code: 'so-doanh-nghiep-thanh-lap', name: 'Số doanh nghiệp thành lập mới', unit: 'doanh nghiệp', aggregation: 'count_added' });
    t.addValue({ agency: 'so-tai-chinh', indicator: 'so-doanh-nghiep-thanh-lap', period: '2024', value: 400 });
    t.addValue({ agency: 'so-tai-chinh', indicator: 'so-doanh-nghiep-thanh-lap', period: '2025', value: 450, receivedAt: '2025-12-15T02:00:00Z' });
    // A figure that came after the report's date: counts nowhere.
    t.addIndicator({ code: 'ty-le-do-thi-hoa', name: 'Tỷ lệ đô thị hóa', unit: '%', aggregation: 'share' });
    t.addValue({ agency: 'cuc-thong-ke', indicator: 'ty-le-do-thi-hoa', period: '2025', value: 37.5, kind: 'estimate', fileName: 'muon.xlsx', receivedAt: '2025-12-26T02:00:00Z' });
    // A judged indicator: its row shows 93,2, so it is not repeated.
    t.addIndicator({ code: 'ty-le-bao-phu-bhyt', name: 'Tỷ lệ bao phủ bảo hiểm y tế', unit: '%', aggregation: 'share', domain: 'xa_hoi' });
    t.addTarget({ id: 'KH-TEST:BHYT', indicator: 'ty-le-bao-phu-bhyt', period: '2025', expression: 'đạt 92,4%', op: 'gte', lo: 92.4, unit: '%' });
    t.addValue({ agency: 'so-y-te', indicator: 'ty-le-bao-phu-bhyt', period: '2025', value: 93.2, kind: 'estimate', receivedAt: '2025-12-15T02:00:00Z' });
    // The poverty rate with the 2020 base missing: the row shows the 2025 level (review finding 2).
    t.addIndicator({ code: 'ty-le-ho-ngheo', name: 'Tỷ lệ hộ nghèo', unit: '%', direction: 'lower', aggregation: 'per_year_reduction', domain: 'xa_hoi' });
    t.addTarget({ id: 'KH-TEST:NGHEO', indicator: 'ty-le-ho-ngheo', period: '2021-2025', expression: 'giảm bình quân từ 3-4%/năm', op: 'range', lo: 3, hi: 4, unit: '%' });
    t.addValue({ agency: 'so-lao-dong', indicator: 'ty-le-ho-ngheo', period: '2025', value: 8.2, kind: 'estimate', receivedAt: '2025-12-15T02:00:00Z' });
    r = await reconcile(t.database, parsePeriod('2025'), { ...TEST_OPTIONS, asOf: '2025-12-24' });
  });
  afterAll(() => t.close());

  it('lists the 2030-only figure with its same period last year, in % and points, and the 2030 target for context', () => {
    const f = r.receivedFigures.find((x) => x.indicator === 'ty-trong-kinh-te-so');
    expect(f).toMatchObject({
      indicatorName: 'Tỷ trọng kinh tế số trong GRDP',
      domain: 'kinh_te',
      unit: '%',
      direction: 'higher',
      period: '2025',
      value: 8.2,
      kind: 'estimate',
      agency: 'so-tai-chinh',
      agencyName: 'Sở Tài chính',
      source: 'so-tai-chinh-2025.xlsx!Sheet1!C5',
      samePeriodLastYear: 7.6,
      laterTarget: { document: 'KH-60CTR-2023', documentLabel: 'KH-60CTR-2023', expression: 'khoảng trên 20% GRDP', targetPeriod: '2030' },
    });
    expect(f!.changePct).toBeCloseTo(((8.2 - 7.6) / 7.6) * 100, 6);
    expect(f!.changePoints).toBeCloseTo(0.6, 6);
  });

  it('lists a figure no target covers, a total compared with last year\'s total, without points', () => {
    const f = r.receivedFigures.find((x) => x.indicator === 'so-doanh-nghiep-thanh-lap');
    // Sent as "thực hiện", but the year has not ended on 24/12/2025: an estimate (figure-kind-as-of.ts).
    expect(f).toMatchObject({ value: 450, kind: 'estimate', samePeriodLastYear: 400, changePct: 12.5, changePoints: null, laterTarget: null });
  });

  it('leaves out a figure received after the report date, and the figures a judged row already shows', () => {
    expect(r.receivedFigures.map((f) => f.indicator).sort()).toEqual(['so-doanh-nghiep-thanh-lap', 'ty-trong-kinh-te-so']);
    expect(r.attainments.find((a) => a.indicator === 'ty-le-bao-phu-bhyt')).toMatchObject({ actual: 93.2, status: 'dat' });
  });

  it('gives the poverty row "chưa đủ cơ sở" with the 2025 level and the missing base, not "chưa có số liệu"', () => {
    const a = r.attainments.find((x) => x.indicator === 'ty-le-ho-ngheo')!;
    expect(a).toMatchObject({ status: 'chua_du_co_so', actual: null, reportPeriodValue: 8.2, actualKind: 'estimate', judgement: 'final' });
    expect(a.notes).toEqual([{ code: 'base_missing', period: '2020' }]);
  });

  it('writes the received figures as a sheet of reconciliation.xlsx, text as text, and leaves the CSV to the targets', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-received-'));
    try {
      const hostile = structuredClone(r);
      hostile.receivedFigures[0] = { ...hostile.receivedFigures[0]!, source: '=HYPERLINK("http://x","y")' };
      const { csvFile, xlsxFile } = await writeReconciliationExport(hostile, { outDir: dir });
      const csvLines = fs.readFileSync(csvFile, 'utf8').trim().split('\n');
      expect(csvLines).toHaveLength(1 + r.attainments.length);
      expect(csvLines.join('\n')).not.toContain('so-doanh-nghiep-thanh-lap');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(xlsxFile);
      const sheet = workbook.getWorksheet('Số liệu khác')!;
      expect(sheet.rowCount).toBe(1 + r.receivedFigures.length);
      const header = sheet.getRow(1).values as unknown[];
      expect(header.slice(1, 6)).toEqual(['Tên chỉ tiêu', 'Kỳ', 'Số liệu', 'Đơn vị', 'Loại số liệu']);
      const first = sheet.getRow(2);
      expect(first.getCell(1).value).toBe(hostile.receivedFigures[0]!.indicatorName);
      expect(first.getCell(12).type).toBe(ExcelJS.ValueType.String);
      expect(first.getCell(12).value).toBe('=HYPERLINK("http://x","y")');
      const kinhTeSo = [2, 3].map((n) => sheet.getRow(n)).find((row) => row.getCell(13).value === 'ty-trong-kinh-te-so')!;
      expect(kinhTeSo.getCell(3).value).toBe(8.2);
      expect(kinhTeSo.getCell(5).value).toBe('Ước thực hiện');
      expect(kinhTeSo.getCell(9).value).toBe('2030: khoảng trên 20% GRDP');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('six-month report 2025-H1 dated 24/6/2025: its own figures, as estimates', () => {
  let t: ReconcileTestDatabase;
  let r: Reconciliation;
  beforeAll(async () => {
    t = createReconcileDatabase();
    addProgramme(t);
    t.addIndicator({ code: 'grdp-tang-truong', name: 'Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) bình quân', unit: '%', aggregation: 'avg_growth' });
    t.addTarget({ id: 'KH-TEST:GRDP', indicator: 'grdp-tang-truong', period: '2021-2025', expression: 'Trên 10', op: 'gt', lo: 10, unit: '%' });
    t.addValue({ agency: 'cuc-thong-ke', indicator: 'grdp-tang-truong', period: '2024', value: 8.12, receivedAt: '2025-06-15T02:00:00Z' });
    t.addValue({ agency: 'cuc-thong-ke', indicator: 'grdp-tang-truong', period: '2025-H1', value: 7.85, receivedAt: '2025-06-15T02:00:00Z' });
    t.addIndicator({ code: 'ty-le-xa-dat-chuan-ntm', name: 'Tỷ lệ xã đạt chuẩn nông thôn mới', unit: '%', aggregation: 'share' });
    t.addTarget({ id: 'KH-60CTR-2023:9', document: 'KH-60CTR-2023', indicator: 'ty-le-xa-dat-chuan-ntm', period: '2030', expression: 'Khoảng 90', op: 'approx', lo: 90, unit: '%' });
    t.addValue({ agency: 'so-nong-nghiep', indicator: 'ty-le-xa-dat-chuan-ntm', period: '2024-H1', value: 51.2, receivedAt: '2024-06-20T02:00:00Z' });
    t.addValue({ agency: 'so-nong-nghiep', indicator: 'ty-le-xa-dat-chuan-ntm', period: '2025-H1', value: 53.7, receivedAt: '2025-06-20T02:00:00Z' });
    r = await reconcile(t.database, parsePeriod('2025-H1'), { ...TEST_OPTIONS, asOf: '2025-06-24' });
  });
  afterAll(() => t.close());

  it('leads the GRDP row with the half year\'s own growth, chua_du_co_so, naming the years the average lacks', () => {
    const a = r.attainments.find((x) => x.indicator === 'grdp-tang-truong')!;
    expect(a).toMatchObject({ judgement: 'progress', status: 'chua_du_co_so', actual: 7.85, figureBasis: 'period_value', figurePeriod: '2025-H1', actualKind: 'estimate', reportPeriodValue: null });
    // 7,85 against "trên 10%/năm" over 2021-2025 is no ratio of the plan (review finding 12).
    expect(a.comparePct).toBeNull();
    expect(a.notes).toContainEqual({ code: 'missing_parts', periods: ['2021', '2022', '2023'] });
    // The half's own growth is shown on the row: not repeated as a received figure.
    expect(r.receivedFigures.map((f) => f.indicator)).toEqual(['ty-le-xa-dat-chuan-ntm']);
  });

  it('marks a first-half figure sent as "thực hiện" before 30/6 as an estimate, compared with the first half of 2024', () => {
    const f = r.receivedFigures[0]!;
    expect(f).toMatchObject({ period: '2025-H1', value: 53.7, kind: 'estimate', samePeriodLastYear: 51.2, laterTarget: { targetPeriod: '2030', expression: 'Khoảng 90' } });
    expect(f.changePoints).toBeCloseTo(2.5, 6);
  });

  it('keeps the agency\'s kind for a period ended by the report date', () => {
    expect(figureKindAsOf({ end: '2024-12-31', valueKind: 'actual' }, '2025-06-24')).toBe('actual');
    expect(figureKindAsOf({ end: '2025-06-30', valueKind: 'actual' }, '2025-06-24')).toBe('estimate');
    expect(figureKindAsOf({ end: '2025-06-30', valueKind: 'actual' }, '2025-07-10')).toBe('actual');
    expect(figureKindAsOf({ end: '2025-06-30', valueKind: 'estimate' }, '2025-07-10')).toBe('estimate');
  });
});

describe('2021-2025 review: 2030 targets on a single point', () => {
  let t: ReconcileTestDatabase;
  let r: Reconciliation;
  beforeAll(async () => {
    t = createReconcileDatabase();
    addProgramme(t);
    t.addIndicator({ code: 'ty-le-che-phu-rung', name: 'Tỷ lệ che phủ rừng', unit: '%', aggregation: 'share', domain: 'moi_truong' });
    t.addTarget({ id: 'KH-TEST:RUNG', indicator: 'ty-le-che-phu-rung', period: '2025', expression: 'đạt 64%', op: 'gte', lo: 64, unit: '%' });
    t.addTarget({ id: 'KH-60CTR-2023:RUNG', document: 'KH-60CTR-2023', indicator: 'ty-le-che-phu-rung', period: '2030', expression: 'duy trì 64%', op: 'gte', lo: 64, unit: '%' });
    t.addValue({ agency: 'so-nong-nghiep', indicator: 'ty-le-che-phu-rung', period: '2025', value: 63.7, kind: 'estimate', receivedAt: '2025-12-20T02:00:00Z' });
    t.addIndicator({ code: 'ty-le-dan-cu-nong-thon-su-dung-nuoc-hop-ve-sinh', unit: '%', aggregation: 'share', domain: 'moi_truong' });
    t.addTarget({ id: 'KH-60CTR-2023:NUOC', document: 'KH-60CTR-2023', indicator: 'ty-le-dan-cu-nong-thon-su-dung-nuoc-hop-ve-sinh', period: '2030', expression: 'trên 95%', op: 'gt', lo: 95, unit: '%' });
    t.addValue({ agency: 'so-nong-nghiep', indicator: 'ty-le-dan-cu-nong-thon-su-dung-nuoc-hop-ve-sinh', period: '2025', value: 97.5, kind: 'estimate', receivedAt: '2025-12-20T02:00:00Z' });
    // No target in the review at all: the window's last year is still reported.
    t.addIndicator({ code: 'nang-suat-lao-dong-tang', unit: '%', aggregation: 'avg_growth' });
    t.addValue({ agency: 'cuc-thong-ke', indicator: 'nang-suat-lao-dong-tang', period: '2024', value: 6.3 });
    t.addValue({ agency: 'cuc-thong-ke', indicator: 'nang-suat-lao-dong-tang', period: '2025', value: 6.6, kind: 'estimate', receivedAt: '2025-12-20T02:00:00Z' });
    r = await reconcile(t.database, parsePeriod('2021-2025'), { ...TEST_OPTIONS, asOf: '2026-01-09' });
  });
  afterAll(() => t.close());

  it('gives a point below the 2030 target no verdict but the pace still needed; the 2025 target is judged final', () => {
    const outlook = r.attainments.find((x) => x.indicator === 'ty-le-che-phu-rung' && x.judgement === 'outlook')!;
    expect(outlook).toMatchObject({ status: 'chua_du_co_so', actual: 63.7, figurePeriod: '2025' });
    expect(outlook.notes).toEqual([{ code: 'not_enough_points' }]);
    expect(outlook.projection?.requiredPerYear).toBeCloseTo(0.06, 6);
    // A share's pace is in points a year (review R1 of issue 10, A1): no relative %/năm, no observed pace on one point.
    expect(outlook.projection?.requiredRate).toBeNull();
    expect(outlook.projection).toMatchObject({ paceMeasure: 'points', observedPerYear: null, observedYears: null, threshold: 64 });
    expect(outlook.projection?.remainingYears).toEqual([2026, 2030]);
    const final = r.attainments.find((x) => x.indicator === 'ty-le-che-phu-rung' && x.judgement === 'final')!;
    expect(final).toMatchObject({ status: 'khong_dat', actual: 63.7, actualKind: 'estimate' });
  });

  it('calls a single point that already meets the 2030 target "có khả năng đạt" (already met)', () => {
    const a = r.attainments.find((x) => x.indicator === 'ty-le-dan-cu-nong-thon-su-dung-nuoc-hop-ve-sinh')!;
    expect(a).toMatchObject({ judgement: 'outlook', status: 'co_kha_nang_dat', actual: 97.5 });
    expect(a.notes).toContainEqual({ code: 'already_met' });
  });

  it('never gives khong_danh_gia to a row with a number in its target and a figure', () => {
    expect(r.attainments.filter((a) => a.status === 'khong_danh_gia')).toEqual([]);
  });

  it('reports the last year of an indicator no target covers, and nothing the outlook rows already show', () => {
    expect(r.receivedFigures.map((f) => [f.indicator, f.period, f.value, f.kind])).toEqual([['nang-suat-lao-dong-tang', '2025', 6.6, 'estimate']]);
    // A growth rate: its change in % means nothing, so no "so với cùng kỳ" (as for judged rows).
    expect(r.receivedFigures[0]).toMatchObject({ samePeriodLastYear: null, changePct: null, changePoints: null });
  });
});

describe('an average-growth target to 2030 seen on its first year (review 2021-2022)', () => {
  let t: ReconcileTestDatabase;
  let r: Reconciliation;
  beforeAll(async () => {
    t = createReconcileDatabase();
    t.addIndicator({ code: 'nang-suat-lao-dong-tang', unit: '%', aggregation: 'avg_growth' });
    t.addTarget({ id: 'KH-TEST:NSLD', indicator: 'nang-suat-lao-dong-tang', period: '2022-2030', expression: 'Khoảng 6,5', op: 'approx', lo: 6.5, unit: '%' });
    t.addValue({ agency: 'cuc-thong-ke', indicator: 'nang-suat-lao-dong-tang', period: '2022', value: 7.01 });
    t.addIndicator({ code: 'grdp-tang-truong', unit: '%', aggregation: 'avg_growth' });
    t.addTarget({ id: 'KH-TEST:GRDP', indicator: 'grdp-tang-truong', period: '2022-2030', expression: 'trên 10%/năm', op: 'gt', lo: 10, unit: '%' });
    t.addValue({ agency: 'cuc-thong-ke', indicator: 'grdp-tang-truong', period: '2022', value: 8.12 });
    r = await reconcile(t.database, parsePeriod('2021-2022'), { ...TEST_OPTIONS, asOf: '2023-01-20' });
  });
  afterAll(() => t.close());

  it('calls one year that already meets the average "có khả năng đạt" (already met)', () => {
    const a = r.attainments.find((x) => x.indicator === 'nang-suat-lao-dong-tang')!;
    expect(a).toMatchObject({ judgement: 'outlook', status: 'co_kha_nang_dat', actual: 7.01, figureBasis: 'period_value', figurePeriod: '2022' });
    expect(a.notes).toContainEqual({ code: 'already_met' });
  });

  it('gives one year short of it no verdict, with the rate 2023-2030 still needed', () => {
    const a = r.attainments.find((x) => x.indicator === 'grdp-tang-truong')!;
    expect(a).toMatchObject({ judgement: 'outlook', status: 'chua_du_co_so', actual: 8.12, figurePeriod: '2022' });
    expect(a.notes).toEqual([{ code: 'not_enough_points' }]);
    expect(a.projection?.requiredRate).toBeCloseTo(((1.1 ** 9 / 1.0812) ** (1 / 8) - 1) * 100, 6);
    expect(a.projection?.remainingYears).toEqual([2023, 2030]);
  });
});
