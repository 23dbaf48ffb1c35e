// Reconcile stage: which targets a report period judges.
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
 * A target is in scope of a report period when the period falls inside the target's period (a six-month report
 * against the annual plan, a sơ kết 2021-2023 against a 2021-2025 average) or ends when it ends (the annual report of
 * 2022 also closes the 2022-H2 targets of 15-NQ/TU).
 *
 * Added for sơ kết reviews: a review window (2021-2023) also takes the one-year targets of the years after it
 * ("đến năm 2025 đạt ...") of documents issued by the end of the window, so they can be projected to their year.
 */
export function isTargetInScope(target: ScopedTarget, period: Period): boolean {
  if (period.start >= target.start_date && period.end <= target.end_date) return true;
  if (period.end === target.end_date) return true;
  return (
    period.kind === 'window' &&
    target.period_kind === 'year' &&
    target.start_year > period.endYear &&
    (target.document_issued_year === null || target.document_issued_year <= period.endYear)
  );
}
