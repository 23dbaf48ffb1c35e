// Reconcile stage: a figure against the same period of the previous year ("so với cùng kỳ"), the one rule judged rows
// (create-target-evaluation.ts) and received figures (collect-received-figures.ts) share.
import type { Period } from '../shared/parse-period.ts';
import { previousSamePeriod } from '../shared/parse-period.ts';
import type { SeriesPoint } from './read-indicator-series.ts';
import { coverRange, findLevelAt, shiftYears } from './cover-range.ts';

/** The same period last year and the change against it; all null when it cannot be formed. */
export interface SamePeriodComparison {
  samePeriodLastYear: number | null;
  /** (actual - previous) / |previous| × 100, rounded to 6 decimals; null when previous is 0. */
  changePct: number | null;
  /** actual - previous in points, for indicators in % or ‰ only. */
  changePoints: number | null;
}

const NONE: SamePeriodComparison = Object.freeze({ samePeriodLastYear: null, changePct: null, changePoints: null });

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * Compares `actual` for `period` with the same period a year earlier. A flow (total, count) compares with the total
 * over [rangeStart - 1 year, period end - 1 year] when every part of it has a figure (the first half of 2025 with the
 * first half of 2024); a level with the level at the period's end a year earlier (the same period id preferred).
 * @param period a year, half or quarter (a window has no "cùng kỳ": NONE)
 * @param options.flow totals and counts (cumulative, count_added); options.unit the indicator's unit ("%" and "‰" get
 *   points); options.rangeStart the start of the stretch a flow's figure covers (the period's start, or the target's
 *   start for a year-to-date total)
 */
export function compareWithSamePeriod(
  series: readonly SeriesPoint[],
  period: Period,
  actual: number | null,
  options: { flow: boolean; unit: string; rangeStart: string },
): SamePeriodComparison {
  if (actual === null || period.kind === 'window') return NONE;
  let previous: number | null;
  if (options.flow) {
    const c = coverRange(series, shiftYears(options.rangeStart, -1), shiftYears(period.end, -1));
    previous = c.points.length > 0 && c.missing.length === 0 ? c.total : null;
  } else {
    previous = findLevelAt(series, shiftYears(period.end, -1), [previousSamePeriod(period).id])?.value ?? null;
  }
  if (previous === null) return NONE;
  return {
    samePeriodLastYear: previous,
    changePct: previous === 0 ? null : round6(((actual - previous) / Math.abs(previous)) * 100),
    changePoints: options.unit === '%' || options.unit === '‰' ? round6(actual - previous) : null,
  };
}
