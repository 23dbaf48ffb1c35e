// Reconcile stage: targets on a level or a share (a rate, a stock, a structure share): judged on the figure of the
// period that ends when the target ends; before that, projected to the target's end from the year-end levels.
import type { Attainment } from './reconciliation.ts';
import type { SeriesPoint } from './read-indicator-series.ts';
import { coverRange, findLevelAt, timeOf } from './cover-range.ts';
import { judgeAttainment } from './judge-attainment.ts';
import { projectLevel, type TimedValue } from './project-target.ts';
import {
  isFlow,
  isRateUnit,
  judgeFinal,
  judgePeriodEstimate,
  judgeProjected,
  noFigure,
  notEnoughBasis,
  type TargetEvaluation,
} from './create-target-evaluation.ts';

const yearEnd = (year: number) => `${year}-12-31`;

/** Year-end (or period-end) levels from the end of `fromYear` to `end`, oldest first, one per end date. */
export function levelPoints(series: readonly SeriesPoint[], fromYear: number, end: string, endPreferIds: string[]): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  for (let y = fromYear; yearEnd(y) <= end; y++) {
    const p = findLevelAt(series, yearEnd(y), [String(y)]);
    if (p) points.push(p);
  }
  if (!end.endsWith('-12-31')) {
    const p = findLevelAt(series, end, endPreferIds);
    if (p) points.push(p);
  }
  return points;
}

/**
 * A measure that exists for whole years only (indicators.frequency = 'year', GRDP per head) seen in a six-month or
 * quarter report: not judged against the year's plan; the period's figure is shown as it is ("đánh giá cả năm").
 */
export function judgeAtYearEnd(ev: TargetEvaluation): Attainment {
  const p = findLevelAt(ev.series, ev.period.end, [ev.period.id]);
  const figure = p
    ? { ...ev.describeSources([p]), actual: p.value, figureBasis: 'period_value' as const, figurePeriod: p.period }
    : {};
  return { ...ev.base, ...figure, status: 'danh_gia_ca_nam', notes: [{ code: 'annual_measure' }] };
}

/**
 * Projects a level (or the yearly totals of a one-year flow target after a review window) to the target's end from
 * the year-end points so far: co_kha_nang_dat when already met or on track, else kho_dat.
 */
export function projectLevelTarget(ev: TargetEvaluation): Attainment {
  const { t, period, series } = ev;
  const fromYear = Math.min(t.start_year, period.startYear) - 1;
  let points: SeriesPoint[];
  let timedPoints: TimedValue[];
  if (isFlow(t)) {
    const yearly = [];
    for (let y = fromYear; yearEnd(y) <= period.end; y++) {
      const c = coverRange(series, `${y}-01-01`, yearEnd(y));
      if (c.points.length > 0 && c.missing.length === 0) yearly.push({ y, c });
    }
    points = yearly.flatMap(({ c }) => c.points);
    timedPoints = yearly.map(({ y, c }) => ({ time: y + 1, year: y, value: c.total }));
  } else {
    points = levelPoints(series, fromYear, period.end, [period.id]);
    timedPoints = points.map((p) => ({ time: timeOf(p.end), year: p.endYear, value: p.value }));
  }
  const last = timedPoints.at(-1);
  const lastPoint = points.at(-1);
  if (!last || !lastPoint) return noFigure(ev, [{ code: 'missing_parts', periods: [period.id] }]);
  const actual = last.value;
  const figure = {
    actual,
    basis: 'period_value' as const,
    figurePeriod: isFlow(t) ? String(last.year) : lastPoint.period,
    points: isFlow(t) ? points : [lastPoint],
  };
  const estimate = judgePeriodEstimate(ev, figure, period.start);
  if (estimate) return estimate;
  const extra = { ...ev.sameLastYear(actual, period.start) };
  const met = judgeAttainment(actual, ev.bounds, ev.valueDirection, ev.options.approxTolerancePct).status !== 'khong_dat';
  const projection = projectLevel({
    points: timedPoints,
    threshold: ev.threshold!,
    targetTime: timeOf(t.end_date),
    targetYear: t.end_year,
    alreadyMet: met,
    likelyRatio: ev.options.likelyRatio,
    // A rate or share moves in points: its pace is judged and printed in points a year (review R1 of issue 10, A1).
    pace: !isFlow(t) && isRateUnit(t.unit) ? 'points' : 'rate',
  });
  if (timedPoints.length < 2 && !met) {
    const shown = {
      ...ev.describeSources([lastPoint]),
      actual,
      figureBasis: figure.basis,
      figurePeriod: figure.figurePeriod,
      comparePct: ev.comparePct(actual),
      pointsVsTarget: ev.pointsVsTarget(actual),
      ...extra,
    };
    // Mid-year with no trend to project: the level against the year's plan (issue 9), below it is "khó đạt".
    if (ev.judgement === 'progress') return { ...ev.base, ...shown, status: 'kho_dat', notes: [{ code: 'not_enough_points' }] };
    // An outlook on one point that does not meet the target yet: no trend, so no verdict (chua_du_co_so, review
    // finding 5), with the pace still needed from that point to the target year. One point that meets it is
    // co_kha_nang_dat (already_met) below, the same rule whatever group the row is in.
    return notEnoughBasis(ev, [{ code: 'not_enough_points' }], { ...shown, projection });
  }
  const notes: Attainment['notes'] = [];
  // A rate or share cannot pass 100%, whatever the trend says.
  if (t.unit === '%' && !isFlow(t) && projection.projected !== null && projection.projected > 100) {
    projection.projected = 100;
    notes.push({ code: 'capped_at_100' });
  }
  return judgeProjected(ev, projection, figure, { ...extra, notes });
}

/** Evaluates a level or share target (not worded as a change: see evaluate-change-target.ts). */
export function evaluateLevelTarget(ev: TargetEvaluation): Attainment {
  const { t, period, series } = ev;
  if (ev.judgement === 'final') {
    const p = findLevelAt(series, t.end_date, [period.id, t.target_period]);
    return judgeFinal(ev, {
      value: p?.value ?? null,
      basis: 'period_value',
      figurePeriod: p?.period ?? String(t.end_year),
      points: p ? [p] : [],
      missing: p ? [] : [String(t.end_year)],
      notes: [],
    });
  }
  if (ev.judgement === 'progress' && t.frequency === 'year') return judgeAtYearEnd(ev);
  return projectLevelTarget(ev);
}
