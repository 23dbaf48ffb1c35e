// Reconcile stage: whether a multi-year review is a sơ kết or a tổng kết (CONVENTIONS-VN: a review that ends with the
// plan's last year is a tổng kết; one in the middle is a sơ kết).
import type { Period } from '../shared/parse-period.ts';

/** What the choice reads of the targets in scope. */
export interface WindowTarget {
  target_period: string;
  period_kind: string;
  start_date: string;
  end_date: string;
}

/**
 * The plan window a review covers, and the kind of review: the multi-year target period that starts with the review
 * window and that most targets in scope share (2021-2025 for a 2021-2023 review of the five-year plan); tong_ket when
 * the review reaches its end, else so_ket. A window no plan starts with is reviewed as itself (a tổng kết of it).
 * Null for periods other than windows.
 */
export function chooseReviewKind(period: Period, targets: readonly WindowTarget[]): { reviewKind: 'so_ket' | 'tong_ket' | null; planWindow: string | null } {
  if (period.kind !== 'window') return { reviewKind: null, planWindow: null };
  const counts = new Map<string, { n: number; end: string }>();
  for (const t of targets) {
    if (t.period_kind !== 'window' || t.start_date !== period.start || t.end_date < period.end) continue;
    const c = counts.get(t.target_period) ?? { n: 0, end: t.end_date };
    c.n += 1;
    counts.set(t.target_period, c);
  }
  // Most targets first; on a tie the shorter window (the plan being reviewed rather than a strategy beyond it).
  const best = [...counts].sort((a, b) => b[1].n - a[1].n || a[1].end.localeCompare(b[1].end))[0];
  if (!best) return { reviewKind: 'tong_ket', planWindow: period.id };
  return { reviewKind: best[1].end === period.end ? 'tong_ket' : 'so_ket', planWindow: best[0] };
}
