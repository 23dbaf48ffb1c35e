// Report stage: dates as official documents write them, by hand: the CLDR long date of `vi` does not zero-pad
// months 1 and 2 (CONVENTIONS-VN, Numbers, units and dates).
import { PipelineError } from '../../shared/pipeline-error.ts';

/**
 * Formats an ISO date as "ngày 05 tháng 7 năm 2023". Days below 10 and the months 1 and 2 get a leading zero
 * (NĐ 30/2020, Phụ lục I); other months do not ("tháng 02", "tháng 7", "tháng 12").
 */
export function formatVietnameseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new PipelineError('report', `Ngày "${isoDate}" không có dạng YYYY-MM-DD.`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    throw new PipelineError('report', `Ngày "${isoDate}" không hợp lệ.`);
  }
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}
