// Report stage: which issuer profile signs a report, by the report's date (the 2025 merger changed it).
import type { IssuerProfile } from '../config/config-schema.ts';
import { PipelineError } from '../shared/pipeline-error.ts';
import { formatVietnamDate } from '../shared/vietnam-time.ts';

/**
 * Returns the issuer profile in force on `reportDate` (validFrom inclusive, validTo exclusive). A report about a
 * 2023 period signed in 2026 is issued by the 2026 issuer; the period's own agency names come from the data.
 */
export function chooseIssuer(issuers: readonly IssuerProfile[], reportDate: string): IssuerProfile {
  const found = issuers.find(
    (p) => (p.validFrom === null || p.validFrom <= reportDate) && (p.validTo === null || reportDate < p.validTo),
  );
  if (!found) {
    throw new PipelineError('config', `Không có hồ sơ cơ quan ban hành nào có hiệu lực vào ngày ${formatVietnamDate(reportDate)} (xem issuers trong cấu hình).`);
  }
  return found;
}
