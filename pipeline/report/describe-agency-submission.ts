// Report stage: the words for an agency's completeness status (issue 9, item 6), the same five statuses `kehoach
// status` prints: đúng hạn, gửi muộn (with the days), gửi đúng hạn nhưng không hợp lệ, gửi thiếu, chưa gửi.
import type { AgencyCompleteness } from '../reconcile/reconciliation.ts';
import { formatNumber } from '../shared/format-number.ts';
import { toVietnamDate } from '../shared/vietnam-time.ts';
import { formatShortDate } from './format/format-short-date.ts';

/** "gửi muộn 4 ngày (ngày 23/6/2025)", "gửi thiếu 3/8 chỉ tiêu", "chưa gửi"; dates are Vietnam dates. */
export function describeAgencySubmission(a: AgencyCompleteness): string {
  const day = (iso: string | null) => (iso ? formatShortDate(toVietnamDate(iso) ?? iso.slice(0, 10)) : null);
  switch (a.submission) {
    case 'dung_han':
      return 'gửi đủ, đúng hạn';
    case 'muon': {
      const on = day(a.firstReceivedAt);
      return `gửi muộn${a.lateDays ? ` ${formatNumber(a.lateDays)} ngày` : ''}${on ? ` (ngày ${on})` : ''}`;
    }
    case 'khong_hop_le':
      return a.late ? 'gửi muộn và tệp không hợp lệ' : 'gửi đúng hạn nhưng tệp không hợp lệ';
    case 'thieu':
      return `gửi thiếu ${formatNumber(a.missing)}/${formatNumber(a.expected)} chỉ tiêu`;
    case 'chua_gui': {
      // A file that came after the report date does not count; say when it came, so the clerk is not surprised.
      const later = day(a.arrivedAfterAsOf ?? null);
      return later ? `chưa gửi (tệp nhận ngày ${later}, sau ngày báo cáo, không tính)` : 'chưa gửi';
    }
    default: {
      const never: never = a.submission;
      throw new Error(`Tình trạng gửi báo cáo không xác định: ${String(never)}`);
    }
  }
}
