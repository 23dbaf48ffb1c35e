// Batch stage: which report a period calls for when the user names none.
import type { Period } from '../shared/parse-period.ts';
import type { ReportKind } from '../report/report-model.ts';

/** Six-month report for a half (and a quarter), annual for a year, the sơ kết review for a multi-year window. */
export function defaultKinds(period: Period): ReportKind[] {
  switch (period.kind) {
    case 'half':
    case 'quarter':
      return ['six-month'];
    case 'year':
      return ['annual'];
    case 'window':
      return ['review'];
    default: {
      const never: never = period.kind;
      throw new Error(`Loại kỳ không xác định: ${String(never)}`);
    }
  }
}
