// Reconcile stage: targets on an average growth rate (avg_growth: GRDP growth, labour productivity). The indicator is
// the yearly rate; a multi-year target is judged on the geometric mean of the yearly rates (or the window's own
// figure when the statistics office sent one), labelled as an average (figureBasis window_average); a one-year target
// on that year's rate.
import type { Attainment, Projection } from './reconciliation.ts';
import type { SeriesPoint } from './read-indicator-series.ts';
import { findLevelAt } from './cover-range.ts';
import { geometricMeanRate, requiredRemainingRate } from './geometric-mean-rate.ts';
import { judgeAttainment } from './judge-attainment.ts';
import { classifyProgress } from './project-target.ts';
import {
  judgeFinal,
  judgePeriodEstimate,
  judgeProjected,
  noFigure,
  notEnoughBasis,
  type FormedFigure,
  type TargetEvaluation,
} from './create-target-evaluation.ts';

/** Full calendar years inside [start, end]. */
export function fullYears(start: string, end: string): number[] {
  const years: number[] = [];
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) {
    if (`${y}-01-01` >= start && `${y}-12-31` <= end) years.push(y);
  }
  return years;
}

/** The yearly rates of the given years (the year figures only, never a half or a window). */
function yearlyRates(series: readonly SeriesPoint[], years: readonly number[]): SeriesPoint[] {
  return years.flatMap((y) => series.filter((p) => p.period === String(y)));
}

/** The rate over [start, end]: the window's own figure, else the geometric mean of its years. */
function formGrowth(ev: TargetEvaluation): FormedFigure {
  const { t, series, period } = ev;
  const exact = series.find((p) => p.start === t.start_date && p.end === t.end_date);
  const multiYear = t.start_year !== t.end_year;
  const basis = multiYear ? ('window_average' as const) : ('period_value' as const);
  if (exact) return { value: exact.value, basis, figurePeriod: t.target_period, points: [exact], missing: [], notes: [] };
  const years = fullYears(t.start_date, t.end_date);
  if (years.length <= 1) {
    const p = findLevelAt(series, t.end_date, [period.id, t.target_period]);
    return { value: p?.value ?? null, basis, figurePeriod: p?.period ?? t.target_period, points: p ? [p] : [], missing: p ? [] : [t.target_period], notes: [] };
  }
  const points = yearlyRates(series, years);
  const missing = years.filter((y) => !points.some((p) => p.endYear === y)).map(String);
  return {
    value: points.length ? geometricMeanRate(points.map((p) => p.value)) : null,
    basis,
    figurePeriod: t.target_period,
    points,
    missing,
    notes: points.length > 1 ? [{ code: 'geometric_mean', years: points.length }] : [],
  };
}

/** A one-year growth target seen at a half or quarter: the rate so far is the best estimate of the year's. */
function judgeRateSoFar(ev: TargetEvaluation): Attainment {
  const { period, series } = ev;
  const p = findLevelAt(series, period.end, [period.id]);
  if (!p) return noFigure(ev, [{ code: 'missing_parts', periods: [period.id] }]);
  const figure = { actual: p.value, basis: 'period_value' as const, figurePeriod: p.period, points: [p] };
  const estimate = judgePeriodEstimate(ev, figure, period.start);
  if (estimate) return estimate;
  const met = judgeAttainment(p.value, ev.bounds, ev.valueDirection, ev.options.approxTolerancePct).status !== 'khong_dat';
  const ratio = ev.threshold === 0 || ev.threshold === null ? null : p.value / ev.threshold;
  const projection: Projection = {
    points: [{ year: p.endYear, value: p.value }],
    projected: p.value,
    observedRate: p.value,
    requiredRate: null,
    ratio,
    remainingYears: null,
    observedPerYear: null,
    requiredPerYear: null,
    progress: met ? 'achieved' : classifyProgress(ratio, ev.options.likelyRatio),
    observedYears: [p.endYear, p.endYear],
    paceMeasure: 'rate',
    threshold: ev.threshold,
  };
  return judgeProjected(ev, projection, figure);
}

/**
 * The average cannot be formed yet (fewer than two complete years, or years missing): chua_du_co_so, the notes naming
 * the missing years. A six-month or quarter report leads with its own period's rate (7,85% for the first half of 2025),
 * never with last year's (review of issue 10, item 3); a review shows the rate of the years it has.
 */
function averageNotFormed(ev: TargetEvaluation, points: SeriesPoint[], missing: number[]): Attainment {
  const { period, series } = ev;
  const notes: Attainment['notes'] = [{ code: 'not_enough_points' }];
  if (missing.length) notes.push({ code: 'missing_parts', periods: missing.map(String) });
  const own = ev.judgement === 'progress' ? series.find((p) => p.period === period.id) : undefined;
  if (own) {
    return notEnoughBasis(ev, notes, {
      ...ev.describeSources([own]),
      actual: own.value,
      figureBasis: 'period_value',
      figurePeriod: own.period,
      // A half year's rate is not the window's average: no "so sánh (%)" with the average target (review finding 12).
      comparePct: null,
    });
  }
  // A six-month report without its own rate has no figure for the period: last year's rate is not shown as its figure.
  if (ev.judgement === 'progress' || points.length === 0) {
    const periods = [...missing.map(String), ...(ev.judgement === 'progress' ? [period.id] : [])];
    return noFigure(ev, [{ code: 'missing_parts', periods }]);
  }
  const observed = points.length === 1 ? points[0]!.value : geometricMeanRate(points.map((p) => p.value));
  const first = points[0]!.endYear;
  const last = points.at(-1)!.endYear;
  const { t } = ev;
  // Every year so far is in (one year only): the rate the remaining years still need can be stated.
  const projection: Projection | null =
    missing.length === 0 && ev.threshold !== null && last < t.end_year
      ? {
          points: points.map((p) => ({ year: p.endYear, value: p.value })),
          projected: null,
          observedRate: null,
          requiredRate: requiredRemainingRate(ev.threshold, points.map((p) => p.value), t.end_year - t.start_year + 1),
          ratio: null,
          remainingYears: [last + 1, t.end_year],
          observedPerYear: null,
          requiredPerYear: null,
          progress: null,
          observedYears: null,
          paceMeasure: 'rate',
          threshold: ev.threshold,
        }
      : null;
  return notEnoughBasis(ev, notes, {
    projection,
    ...ev.describeSources(points),
    actual: observed,
    // One year is that year's rate, not an average: only two or more years are labelled "bình quân".
    figureBasis: points.length > 1 ? 'window_average' : 'period_value',
    figurePeriod: first === last ? String(first) : `${first}-${last}`,
    comparePct: ev.comparePct(observed),
    pointsVsTarget: ev.pointsVsTarget(observed),
  });
}

/**
 * A window target due in the report period whose years are not all in (review R2 of issue 10, A6: an annual report
 * dated 15/7/2025 had only the 2024 rate and called 8,12% "giai đoạn 2021-2025 đạt"): no verdict (chua_du_co_so, with
 * the missing years), and the figure shown is what the years in make: the average of the run of consecutive years
 * ending with the latest (window_average over "2021-2024"), or with one year that year's own rate (period_value,
 * "2024"). Never labelled as the window's.
 */
function windowNotFormed(ev: TargetEvaluation, formed: FormedFigure): Attainment {
  const sorted = [...formed.points].sort((a, b) => a.endYear - b.endYear);
  const run = [sorted.at(-1)!];
  for (let i = sorted.length - 2; i >= 0 && sorted[i]!.endYear === run[0]!.endYear - 1; i--) run.unshift(sorted[i]!);
  const notes: Attainment['notes'] = [{ code: 'not_enough_points' }, { code: 'missing_parts', periods: formed.missing }];
  const last = run.at(-1)!;
  const average = run.length > 1 ? geometricMeanRate(run.map((p) => p.value)) : null;
  const shown =
    average !== null
      ? { actual: average, figureBasis: 'window_average' as const, figurePeriod: `${run[0]!.endYear}-${last.endYear}` }
      : { actual: last.value, figureBasis: 'period_value' as const, figurePeriod: last.period };
  if (average !== null) notes.push({ code: 'geometric_mean', years: run.length });
  return notEnoughBasis(ev, notes, { ...ev.describeSources(run), ...shown, comparePct: null });
}

/** A multi-year growth target before its end: the average so far against the rate the remaining years need. */
function projectAverage(ev: TargetEvaluation): Attainment {
  const { t, period, series } = ev;
  const years = fullYears(t.start_date, period.end);
  const points = yearlyRates(series, years);
  const missing = years.filter((y) => !points.some((p) => p.endYear === y));
  if (points.length === 1 && missing.length === 0 && ev.judgement === 'outlook') {
    // One complete year that already meets the target: co_kha_nang_dat (already_met), as a level on one point.
    const only = points[0]!;
    if (judgeAttainment(only.value, ev.bounds, ev.valueDirection, ev.options.approxTolerancePct).status !== 'khong_dat') {
      const projection: Projection = {
        points: [{ year: only.endYear, value: only.value }],
        projected: null,
        observedRate: only.value,
        requiredRate: null,
        ratio: null,
        remainingYears: null,
        observedPerYear: null,
        requiredPerYear: null,
        progress: 'achieved',
        observedYears: [only.endYear, only.endYear],
        paceMeasure: 'rate',
        threshold: ev.threshold,
      };
      return judgeProjected(ev, projection, { actual: only.value, basis: 'period_value', figurePeriod: only.period, points });
    }
  }
  if (points.length < 2 || missing.length > 0) return averageNotFormed(ev, points, missing);
  const rates = points.map((p) => p.value);
  const observed = geometricMeanRate(rates);
  if (observed === null) return averageNotFormed(ev, points, missing);
  const figurePeriod = `${points[0]!.endYear}-${points.at(-1)!.endYear}`;
  const figure = { actual: observed, basis: 'window_average' as const, figurePeriod, points };
  const threshold = ev.threshold!;
  const lastYear = points.at(-1)!.endYear;
  const requiredRate = requiredRemainingRate(threshold, rates, t.end_year - t.start_year + 1);
  // The average so far against the rate the remaining years need (the two numbers the report prints, review R1 of
  // issue 10, B3): "khoảng 6,5" for 2021-2030 is met from 6,175 (the "khoảng" tolerance); an average of 6,0 over
  // 2021-2025 leaves 6,35%/năm for 2026-2030, and 6,0 ÷ 6,35 = 0,945 is below 0,95: kho_dat. Without a rate still
  // needed (none left, or none can be formed), the average against the threshold.
  const ratio =
    requiredRate !== null && Math.abs(requiredRate) > 1e-12 ? observed / requiredRate : threshold === 0 ? null : observed / threshold;
  const projection: Projection = {
    points: points.map((p) => ({ year: p.endYear, value: p.value })),
    projected: observed,
    observedRate: observed,
    requiredRate,
    ratio,
    remainingYears: lastYear < t.end_year ? [lastYear + 1, t.end_year] : null,
    observedPerYear: null,
    requiredPerYear: null,
    progress: classifyProgress(ratio, ev.options.likelyRatio),
    observedYears: [points[0]!.endYear, lastYear],
    paceMeasure: 'rate',
    threshold,
  };
  return judgeProjected(ev, projection, figure, { notes: [{ code: 'geometric_mean', years: points.length }] });
}

/**
 * Evaluates an average-growth target (see the module header). Before its end, a one-year target is judged on the rate
 * so far in the year; a multi-year one (in a review, or a six-month report of its last year) on the average of its
 * complete years against the rate the rest need.
 */
export function evaluateGrowthTarget(ev: TargetEvaluation): Attainment {
  if (ev.judgement === 'final') {
    const formed = formGrowth(ev);
    if (formed.basis === 'window_average' && formed.missing.length > 0 && formed.points.length > 0) return windowNotFormed(ev, formed);
    return judgeFinal(ev, formed);
  }
  // A one-year target six months or a quarter into its year: the rate so far against the plan (issue 9).
  if (ev.t.start_year === ev.t.end_year) return judgeRateSoFar(ev);
  // A window target (average 2021-2025), even at the first half of its last year, is judged on the window: the average
  // of the complete years so far and the rate the rest need; the half year's own rate is printed beside it
  // (reportPeriodValue), never as the average (review finding 7).
  return projectAverage(ev);
}
