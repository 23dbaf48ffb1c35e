// Reconcile stage: which targets a report period judges (issue 9, "verdict words fit the period").
import type { Period } from '../shared/parse-period.ts';

/** What scoping needs of a target. */
export interface ScopedTarget {
  period_kind: string;
  start_date: string;
  end_date: string;
  start_year: number;
  document_issued_year: number | null;
}

/**
 * A six-month, quarter or annual report judges the targets that end within its year, from its end on: the year's
 * plan, a half-year target of the period, and the multi-year targets whose last year it is (the 2025 annual report
 * closes the 2021-2025 targets). Targets that end in later years belong to reviews, not to a year-end report.
 *
 * A multi-year review (sơ kết, tổng kết) judges the multi-year targets that end inside its window and every target
 * that ends with it (final), and the targets that run past it (outlook, a separate group): multi-year targets that
 * began inside it, and one-year targets of later years ("đến năm 2025 đạt ...", "đến năm 2030 ...") set by documents
 * issued by the end of the window. The one-year targets of its earlier years were judged by their annual reports.
 */
export function isTargetInScope(target: ScopedTarget, period: Period): boolean {
  if (period.kind !== 'window') {
    if (target.end_date < period.end || target.end_date > `${period.endYear}-12-31`) return false;
    return target.start_date <= period.end;
  }
  const multiYear = target.period_kind === 'window';
  if (target.end_date === period.end) return true;
  if (target.end_date < period.end) return multiYear && target.start_date >= period.start;
  if (multiYear) return target.start_date <= period.end;
  return target.period_kind === 'year' && (target.document_issued_year === null || target.document_issued_year <= period.endYear);
}
