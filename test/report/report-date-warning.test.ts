import { describe, expect, it } from 'vitest';
import { reportDateWarning } from '../../pipeline/report/report-date-warning.ts';
import { parsePeriod } from '../../pipeline/shared/parse-period.ts';

// Review R2, A6: an annual report of 2025 dated 15/7/2025 was accepted silently. A date long before the period's end
// is warned of (never refused); a date shortly before the end (ước thực hiện) or after it is normal.
describe('reportDateWarning', () => {
  it('warns of an annual report of 2025 dated 15/7/2025, naming the period end and the NĐ 09/2019 cut-off', () => {
    const w = reportDateWarning(parsePeriod('2025'), '2025-07-15');
    expect(w).toBe(
      'Ngày báo cáo 15/7/2025 còn cách xa cuối kỳ năm 2025 (31/12/2025; số liệu kỳ này chốt đến ngày 14/12/2025 theo ' +
        'Nghị định số 09/2019/NĐ-CP, Điều 12): báo cáo thường lập trong 2 tháng cuối kỳ (ước thực hiện, từ 01/11/2025) ' +
        'hoặc sau khi hết kỳ. Số liệu nhận sau ngày báo cáo không được tính. Kiểm tra lại ngày báo cáo (report.date trong ' +
        'kehoach.config.json) trước khi trình ký.',
    );
  });

  it.each([
    // [period, date, warned]
    ['2025', '2024-12-20', true], // the previous year's date
    ['2025', '2025-10-31', true],
    ['2025', '2025-11-01', false], // estimates for the HĐND's year-end session
    ['2025', '2025-12-05', false], // before the 14/12 cut-off: ước thực hiện, normal
    ['2025', '2025-12-24', false], // the demo's date
    ['2025', '2026-02-10', false], // after the period: fine
    ['2025-H1', '2025-04-30', true],
    ['2025-H1', '2025-05-01', false],
    ['2025-H1', '2025-06-10', false],
    ['2025-H1', '2025-06-24', false],
    ['2025-H2', '2025-07-15', true],
    ['2025-H2', '2025-11-20', false],
    ['2021-2025', '2024-12-20', true], // a tổng kết before the window's last year
    ['2021-2025', '2025-06-15', false], // drafted during the last year, for the congresses
    ['2021-2025', '2026-01-09', false],
  ])('for %s dated %s warns: %s', (period, date, warned) => {
    expect(reportDateWarning(parsePeriod(period), date) !== null).toBe(warned);
  });

  it('words the review window by its last year', () => {
    expect(reportDateWarning(parsePeriod('2021-2025'), '2024-12-20')).toMatch(
      /^Ngày báo cáo 20\/12\/2024 còn cách xa cuối kỳ giai đoạn 2021-2025 \(31\/12\/2025; .*báo cáo sơ kết, tổng kết thường lập trong năm cuối của giai đoạn \(từ 01\/01\/2025\)\./,
    );
  });
});
