// The 2023 plan of Kon Tum imported through `plan import`, judged against figures. Sources:
// - the target words: the 15 main targets of 2023 as published by the province (kontumtv.vn, "UBND tỉnh phát động
//   phong trào thi đua năm 2023"), 13 of them in test/fixtures/reconcile/ke-hoach-2023-kon-tum.xlsx;
// - real published figures: 2022 GRDP growth 9,47%, GRDP per person 53,2 million đồng, budget revenue 4.050 billion
//   đồng (the Provincial Party Secretary to the Prime Minister, 20/8/2023); growth in the first half of 2023 6,8%
//   (Báo Kon Tum, 10/7/2023);
// - SỐ LIỆU MINH HỌA (illustrative): every 2023 year-end figure below, chosen to give each verdict once. The province's
//   published 2023 results were not at hand; do not quote them as Kon Tum's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlan } from '../../pipeline/registry/import-plan.ts';
import { reconcile } from '../../pipeline/reconcile/reconcile.ts';
import type { Reconciliation } from '../../pipeline/reconcile/reconciliation.ts';
import { fromProjectRoot } from '../../pipeline/shared/project-paths.ts';
import { parsePeriod } from '../../pipeline/shared/parse-period.ts';
import { createReconcileDatabase, type ReconcileTestDatabase } from './seed-reconcile-database.ts';
import { TEST_OPTIONS } from './reconcile-options.ts';

const GRDP = 'toc-do-tang-truong-tong-san-pham-tren-dia-ban-grdp';

describe('Kon Tum 2023 plan: verdicts follow the plain reading of the plan words', () => {
  let t: ReconcileTestDatabase;
  let year: Reconciliation;
  let half: Reconciliation;
  const status = (r: Reconciliation, indicator: string) => {
    const a = r.attainments.find((x) => x.indicator === indicator);
    if (!a) throw new Error(`no attainment for ${indicator}`);
    return a;
  };

  beforeAll(async () => {
    t = createReconcileDatabase();
    importPlan(t.database.sqlite, fromProjectRoot('test', 'fixtures', 'reconcile', 'ke-hoach-2023-kon-tum.xlsx'));
    const add = (agency: string, indicator: string, period: string, value: number) =>
      t.addValue({ agency, indicator, period, value, filePeriod: period.slice(0, 4) === '2022' ? '2022' : period });
    // Real published figures.
    add('cuc-thong-ke', GRDP, '2022', 9.47);
    add('cuc-thong-ke', 'grdp-binh-quan-dau-nguoi', '2022', 53.2);
    add('so-tai-chinh', 'thu-ngan-sach-nha-nuoc-tren-dia-ban', '2022', 4050);
    add('cuc-thong-ke', GRDP, '2023-H1', 6.8);
    // The six-month report is made before any year-end figure exists.
    half = await reconcile(t.database, parsePeriod('2023-H1'), TEST_OPTIONS);
    // SỐ LIỆU MINH HỌA: 2023 year-end.
    add('cuc-thong-ke', GRDP, '2023', 8);
    add('cuc-thong-ke', 'grdp-binh-quan-dau-nguoi', '2023', 58.5);
    add('so-tai-chinh', 'thu-ngan-sach-nha-nuoc-tren-dia-ban', '2023', 4600);
    add('cuc-thong-ke', 'tong-gia-tri-xuat-khau', '2023', 280);
    add('so-tai-chinh', 'so-doanh-nghiep-thanh-lap-moi', '2023', 360);
    add('so-lao-dong', 'ty-le-lao-dong-qua-dao-tao', '2023', 57.5);
    add('so-lao-dong', 'ty-le-ho-ngheo-theo-chuan-ngheo-da-chieu', '2022', 19.5);
    add('so-lao-dong', 'ty-le-ho-ngheo-theo-chuan-ngheo-da-chieu', '2023', 15.4);
    add('so-y-te', 'so-giuong-benh-tren-10-000-dan', '2023', 39.3);
    add('so-y-te', 'ty-le-dan-so-tham-gia-bao-hiem-y-te', '2023', 92.8);
    add('so-nong-nghiep', 'dien-tich-trong-rung-moi', '2023', 4150);
    add('so-nong-nghiep', 'ty-le-che-phu-rung', '2023', 63.12);
    add('so-nong-nghiep', 'so-xa-dat-chuan-nong-thon-moi-tang-them', '2023', 5);
    year = await reconcile(t.database, parsePeriod('2023'), TEST_OPTIONS);
  });
  afterAll(() => t.close());

  it.each([
    // indicator, figure, plan words, what a reader of the plan says
    [GRDP, 'tăng 8% (minh họa)', 'từ 10% trở lên', 'khong_dat'],
    ['grdp-binh-quan-dau-nguoi', '58,5 triệu đồng (minh họa)', 'Trên 57', 'dat'],
    ['thu-ngan-sach-nha-nuoc-tren-dia-ban', '4.600 tỷ đồng (minh họa)', '4.500', 'vuot'],
    ['tong-gia-tri-xuat-khau', '280 triệu USD (minh họa)', '290', 'khong_dat'],
    ['so-doanh-nghiep-thanh-lap-moi', '360 (minh họa)', '360', 'dat'],
    ['ty-le-lao-dong-qua-dao-tao', '57,5% (minh họa)', 'Trên 57', 'dat'],
    ['ty-le-lao-dong-qua-dao-tao-nghe', 'không có số', '41%', 'chua_co_so_lieu'],
    ['ty-le-ho-ngheo-theo-chuan-ngheo-da-chieu', '19,5% -> 15,4%: giảm 4,1 điểm (minh họa)', 'giảm ít nhất 4%/năm', 'dat'],
    ['so-giuong-benh-tren-10-000-dan', '39,3 (minh họa)', '39,3', 'dat'],
    ['ty-le-dan-so-tham-gia-bao-hiem-y-te', '92,8% (minh họa)', 'Trên 93', 'khong_dat'],
    ['dien-tich-trong-rung-moi', '4.150 ha (minh họa)', 'Trên 4.000', 'dat'],
    ['ty-le-che-phu-rung', '63,12% (minh họa)', '63,12%', 'dat'],
    ['so-xa-dat-chuan-nong-thon-moi-tang-them', '5 xã (minh họa)', 'thêm 05 xã', 'dat'],
  ] as const)('%s: %s against "%s" is %s', (indicator, _figure, words, expected) => {
    const a = status(year, indicator);
    expect(a.expression).toBe(words);
    expect(a.status, JSON.stringify(a.notes)).toBe(expected);
  });

  it('compares 2023 with the real 2022 figure', () => {
    const a = status(year, 'thu-ngan-sach-nha-nuoc-tren-dia-ban');
    expect(a.samePeriodLastYear).toBe(4050);
    expect(a.changePct).toBeCloseTo(((4600 - 4050) / 4050) * 100, 6);
  });

  it('finds 10% growth for the year hard to reach after a real 6,8% in the first half', () => {
    const a = status(half, GRDP);
    expect(a.actual).toBe(6.8);
    expect(a.projection?.ratio).toBeCloseTo(0.68, 6);
    expect(a.status).toBe('kho_dat');
  });
});
