// Reconcile stage: which judgement a report period allows on a target (issue 9, "verdict words fit the period";
// README, "Verdict words by period"; CONVENTIONS-VN: "có khả năng đạt" / "khó đạt" only for targets whose period has
// not ended).
import type { Period } from '../shared/parse-period.ts';
import type { Judgement } from './reconciliation.ts';

/** What the choice needs of a target. */
export interface JudgedTarget {
  end_date: string;
}

/**
 * - final: the report period reaches the end of the target period (an annual report on the year's plan, the 2021-2025
 *   review on the five-year targets): only vượt / đạt / không đạt;
 * - progress: a six-month or quarter report on a target that ends within the same year: progress so far;
 * - outlook: a target that ends after the report period and after its year (2030 targets in a 2021-2025 review).
 */
export function chooseJudgement(target: JudgedTarget, period: Period): Judgement {
  if (period.end >= target.end_date) return 'final';
  if ((period.kind === 'half' || period.kind === 'quarter') && target.end_date <= `${period.endYear}-12-31`) return 'progress';
  return 'outlook';
}
