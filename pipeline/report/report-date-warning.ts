// Report stage: a report date that is almost certainly a slip, for the CLI and kiem-tra.html (review R2, A6).
import type { Period } from '../shared/parse-period.ts';
import { toIsoDate } from '../shared/vietnam-time.ts';
import { formatShortDate } from './format/format-short-date.ts';

/**
 * How many months before a six-month or annual period's end its report may be dated without a warning: such reports
 * are signed shortly before the end with estimates ("ước thực hiện", e.g. for the HĐND's year-end session in early
 * December, or the Tỉnh ủy's mid-year conference in June) or after it.
 */
export const EARLY_REPORT_MONTHS = 2;

/** The earliest report date that raises no warning (ISO): 01/11 for a year or a second half, 01/5 for a first half. */
function earliestUsualDate(period: Period): string {
  // A sơ kết or tổng kết is written during the window's last year (the 2021-2025 review for the 2025 congresses).
  if (period.kind === 'window') return toIsoDate(period.endYear, 1, 1);
  const [year, month] = period.end.split('-').map(Number) as [number, number];
  const first = year * 12 + (month - 1) - (EARLY_REPORT_MONTHS - 1);
  return toIsoDate(Math.floor(first / 12), (first % 12) + 1, 1);
}

/**
 * A Vietnamese warning when a report is dated long before its period ends, else null. Not a refusal: the date is the
 * office's to choose, but a six-month or annual report dated more than EARLY_REPORT_MONTHS months before the period's
 * end (before 01/11 for a year, before 01/5 for the first half), or a sơ kết/tổng kết dated before the window's last
 * year, is almost certainly a mistyped report.date, and its figures would be cut at that date (the report date is the
 * as-of date of reconcile). The message names the period's end and its data cut-off (Nghị định số 09/2019/NĐ-CP,
 * Điều 12). A date after the period is normal and gives no warning.
 * @param period the report period
 * @param reportDate the report date (ISO YYYY-MM-DD)
 */
export function reportDateWarning(period: Period, reportDate: string): string | null {
  const earliest = earliestUsualDate(period);
  if (reportDate >= earliest) return null;
  const usual =
    period.kind === 'window'
      ? `báo cáo sơ kết, tổng kết thường lập trong năm cuối của giai đoạn (từ ${formatShortDate(earliest)})`
      : `báo cáo thường lập trong ${EARLY_REPORT_MONTHS} tháng cuối kỳ (ước thực hiện, từ ${formatShortDate(earliest)}) hoặc sau khi hết kỳ`;
  return (
    `Ngày báo cáo ${formatShortDate(reportDate)} còn cách xa cuối kỳ ${period.label} (${formatShortDate(period.end)}; số liệu kỳ này chốt đến ngày ` +
    `${formatShortDate(period.cutoffEnd)} theo Nghị định số 09/2019/NĐ-CP, Điều 12): ${usual}. Số liệu nhận sau ngày báo cáo không được tính. ` +
    'Kiểm tra lại ngày báo cáo (report.date trong kehoach.config.json) trước khi trình ký.'
  );
}

