// Report stage: short dates in running text and tables ("05/7/2023", "14/02/2024").
import { PipelineError } from '../../shared/pipeline-error.ts';

/**
 * Formats an ISO date as "dd/m/yyyy" with the NĐ 30/2020 padding rule: days below 10 and the months 1 and 2 get a
 * leading zero ("05/02/2024"), other months do not ("14/6/2024").
 */
export function formatShortDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new PipelineError('report', `Ngày "${isoDate}" không có dạng YYYY-MM-DD.`);
  const month = Number(m[2]);
  return `${m[3]}/${month <= 2 ? m[2] : String(month)}/${m[1]}`;
}
