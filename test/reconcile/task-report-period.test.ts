import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../../pipeline/reconcile/reconcile.ts';
import { parsePeriod } from '../../pipeline/shared/parse-period.ts';
import type { TaskProgress } from '../../pipeline/reconcile/reconciliation.ts';
import { createReconcileDatabase, type ReconcileTestDatabase } from './seed-reconcile-database.ts';
import { TEST_OPTIONS } from './reconcile-options.ts';

// Review R2, A5: the annual report of 2026 said "Trong 5 nhiệm vụ, đề án ... đã có báo cáo kết quả trong kỳ, ...
// đang thực hiện 5" although every task report was for 2025-H1 or 2025. Only a report whose period ends inside the
// report period is a report of the period; an earlier one is carried apart, with its period.
describe('task reports by period: only the period’s own reports count as "trong kỳ"', () => {
  let t: ReconcileTestDatabase;
  const at = (r: { tasks: TaskProgress[] }, id: string) => r.tasks.find((x) => x.taskId === id)!;

  beforeAll(() => {
    t = createReconcileDatabase();
    // The plan runs to 2030, so its tasks stay in force in 2026.
    t.addIndicator({ code: 'thu-nsnn', unit: 'tỷ đồng', aggregation: 'cumulative' });
    t.addTarget({ id: 'KH-TEST:thu', indicator: 'thu-nsnn', period: '2026-2030', expression: 'trên 30.000 tỷ đồng', op: 'gt', lo: 30000, agency: 'so-tai-chinh' });
    t.addTask({ id: 'KH-TEST:T1', title: 'Tập trung xây dựng nền quốc phòng toàn dân', deadline: null, deadlineText: 'Thường xuyên', recurring: true, lead: 'so-tai-chinh' });
    t.addTask({ id: 'KH-TEST:T2', title: 'Hoàn thành quy hoạch sử dụng đất cấp huyện', deadline: '2025-12-31', lead: 'so-nong-nghiep' });
    t.addTask({ id: 'KH-TEST:T3', title: 'Triển khai Đề án phát triển du lịch', deadline: '2025-12-31', lead: 'so-y-te' });
    t.addTask({ id: 'KH-TEST:T4', title: 'Ban hành Đề án chuyển đổi số', deadline: '2025-06-30', lead: 'so-lao-dong' });
    // The six-month report of 2025 (received 18/6/2025) and the annual one (received 16/12/2025), as the demo's inbox.
    const h1 = '2025-06-18T02:00:00Z';
    const y = '2025-12-16T02:00:00Z';
    t.addTaskReport({ agency: 'so-tai-chinh', taskId: 'KH-TEST:T1', period: '2025-H1', status: 'dang_thuc_hien', text: 'Đang triển khai theo kế hoạch', receivedAt: h1 });
    t.addTaskReport({ agency: 'so-tai-chinh', taskId: 'KH-TEST:T1', period: '2025', status: 'dang_thuc_hien', text: 'Đã tổ chức diễn tập khu vực phòng thủ', receivedAt: y });
    t.addTaskReport({ agency: 'so-nong-nghiep', taskId: 'KH-TEST:T2', period: '2025-H1', status: 'dang_thuc_hien', text: 'Đang lấy ý kiến các huyện', receivedAt: h1 });
    t.addTaskReport({ agency: 'so-nong-nghiep', taskId: 'KH-TEST:T2', period: '2025', status: 'dang_thuc_hien', text: 'Đã trình thẩm định 7/9 huyện', receivedAt: y });
    // Sở Y tế reported only for the first half; Sở Lao động finished its task in the first half.
    t.addTaskReport({ agency: 'so-y-te', taskId: 'KH-TEST:T3', period: '2025-H1', status: 'chua_thuc_hien', text: 'Chưa bố trí được kinh phí', receivedAt: h1 });
    t.addTaskReport({ agency: 'so-lao-dong', taskId: 'KH-TEST:T4', period: '2025-H1', status: 'hoan_thanh', text: 'Đã ban hành Quyết định số 512/QĐ-UBND', receivedAt: h1 });
  });

  afterAll(() => t.close());

  it('gives a 2026 report no status from the 2025 reports, and carries the latest of them apart with its period', async () => {
    const r = await reconcile(t.database, parsePeriod('2026'), { ...TEST_OPTIONS, asOf: '2026-12-24' });
    expect(r.tasks.map((x) => x.taskId)).toEqual(['KH-TEST:T1', 'KH-TEST:T2', 'KH-TEST:T3']);
    // Nothing was reported for 2026: no task counts as reported in the period.
    expect(r.tasks.filter((x) => x.status !== null)).toEqual([]);
    expect(r.tasks.every((x) => x.progressText === null && x.source === null && x.reportedPeriod === undefined)).toBe(true);
    expect(at(r, 'KH-TEST:T1').earlierReport).toEqual({
      period: '2025',
      status: 'dang_thuc_hien',
      progressText: 'Đã tổ chức diễn tập khu vực phòng thủ',
      source: 'so-tai-chinh-2025.xlsx!Nhiệm vụ!D7',
    });
    expect(at(r, 'KH-TEST:T3').earlierReport).toMatchObject({ period: '2025-H1', status: 'chua_thuc_hien' });
    // Past its deadline with no report of the period: not "quá thời hạn chưa hoàn thành" on a 2025 report's word.
    expect(at(r, 'KH-TEST:T2')).toMatchObject({ status: null, overdue: false, overdueUnreported: true, earlierReport: { period: '2025' } });
  });

  it('counts in the annual report of 2025 both the six-month and the annual reports, the later one winning', async () => {
    const r = await reconcile(t.database, parsePeriod('2025'), { ...TEST_OPTIONS, asOf: '2025-12-24' });
    expect(r.tasks.map((x) => [x.taskId, x.status, x.reportedPeriod, x.earlierReport])).toEqual([
      ['KH-TEST:T1', 'dang_thuc_hien', '2025', undefined],
      ['KH-TEST:T2', 'dang_thuc_hien', '2025', undefined],
      ['KH-TEST:T3', 'chua_thuc_hien', '2025-H1', undefined],
      ['KH-TEST:T4', 'hoan_thanh', '2025-H1', undefined],
    ]);
    expect(at(r, 'KH-TEST:T2').progressText).toBe('Đã trình thẩm định 7/9 huyện');
    // Dated before the annual file came in (16/12), the report keeps the six-month words.
    const early = await reconcile(t.database, parsePeriod('2025'), { ...TEST_OPTIONS, asOf: '2025-12-10' });
    expect(at(early, 'KH-TEST:T2')).toMatchObject({ reportedPeriod: '2025-H1', progressText: 'Đang lấy ý kiến các huyện' });
  });

  it('does not count the whole-year 2025 report in the six-month report of 2025-H1, even dated after it came in', async () => {
    for (const asOf of ['2025-07-05', '2026-01-10']) {
      const r = await reconcile(t.database, parsePeriod('2025-H1'), { ...TEST_OPTIONS, asOf });
      expect(at(r, 'KH-TEST:T1')).toMatchObject({ status: 'dang_thuc_hien', reportedPeriod: '2025-H1', progressText: 'Đang triển khai theo kế hoạch' });
      expect(r.tasks.some((x) => x.reportedPeriod === '2025')).toBe(false);
    }
  });

  it('counts the annual report in the second half of 2025 (its state on 31/12) and carries the first half apart', async () => {
    const r = await reconcile(t.database, parsePeriod('2025-H2'), { ...TEST_OPTIONS, asOf: '2025-12-24' });
    expect(at(r, 'KH-TEST:T1')).toMatchObject({ status: 'dang_thuc_hien', reportedPeriod: '2025' });
    expect(at(r, 'KH-TEST:T3')).toMatchObject({ status: null, earlierReport: { period: '2025-H1', status: 'chua_thuc_hien', progressText: 'Chưa bố trí được kinh phí' } });
    // Done in the first half: out of the second half's report (issue 9, not reported done before the period began).
    expect(r.tasks.some((x) => x.taskId === 'KH-TEST:T4')).toBe(false);
  });
});
