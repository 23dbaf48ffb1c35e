// Reconcile stage: targets on totals and counts (cumulative, count_added): judged on the total over the target period
// (years, else halves, else quarters, never a month twice); a per-year target ("6.000 lao động/năm") on the average of
// the complete years. Before the end: the total so far against the share of the period elapsed.
import type { Attainment } from './reconciliation.ts';
import { coverRange, dayBefore, timeOf } from './cover-range.ts';
import { judgeAttainment } from './judge-attainment.ts';
import { projectFlow } from './project-target.ts';
import { fullYears } from './evaluate-growth-target.ts';
import { projectLevelTarget } from './evaluate-level-target.ts';
import {
  judgeFinal,
  judgePeriodEstimate,
  judgeProjected,
  noFigure,
  roundTo,
  type FormedFigure,
  type TargetEvaluation,
} from './create-target-evaluation.ts';

const yearEnd = (year: number) => `${year}-12-31`;

/** The total (or the yearly average, for a per-year target) over the target period. */
function formTotal(ev: TargetEvaluation): FormedFigure {
  const { t, series } = ev;
  const multiYear = t.start_year !== t.end_year;
  if (t.per_year === 1) {
    const years = fullYears(t.start_date, t.end_date);
    const covers = years.map((y) => ({ y, c: coverRange(series, `${y}-01-01`, yearEnd(y)) }));
    const complete = covers.filter(({ c }) => c.missing.length === 0 && c.points.length > 0);
    return {
      value: complete.length ? complete.reduce((s, { c }) => s + c.total, 0) / complete.length : null,
      basis: multiYear ? 'yearly_average' : 'period_value',
      figurePeriod: t.target_period,
      points: complete.flatMap(({ c }) => c.points),
      missing: covers.filter(({ c }) => c.missing.length > 0 || c.points.length === 0).map(({ y }) => String(y)),
      notes: multiYear && complete.length ? [{ code: 'average_of_years', years: complete.length }] : [],
    };
  }
  const c = coverRange(series, t.start_date, t.end_date);
  return {
    value: c.points.length ? c.total : null,
    basis: multiYear ? 'window_total' : 'period_value',
    figurePeriod: t.target_period,
    points: c.points,
    missing: c.missing,
    notes: c.derived.map((d) => ({ code: 'derived' as const, period: d })),
  };
}

/** The total from the target's start to the end of the report period, against the share of the period elapsed. */
function projectTotal(ev: TargetEvaluation): Attainment {
  const { t, period, series } = ev;
  const ytd = coverRange(series, t.start_date, period.end);
  if (ytd.points.length === 0) return noFigure(ev, [{ code: 'missing_parts', periods: ytd.missing.length ? ytd.missing : [period.id] }]);
  const startTime = timeOf(dayBefore(t.start_date));
  const elapsed = timeOf(period.end) - startTime;
  const totalYears = timeOf(t.end_date) - startTime;
  const perYear = t.per_year === 1;
  const actual = perYear ? ytd.total / elapsed : ytd.total;
  const figure = { actual, basis: perYear ? ('yearly_average' as const) : ('year_to_date' as const), figurePeriod: period.id, points: ytd.points };
  const elapsedPct = roundTo((elapsed / totalYears) * 100, 6);
  const estimate = judgePeriodEstimate(ev, figure, t.start_date);
  if (estimate) return { ...estimate, elapsedPct };
  const met = !perYear && ev.valueDirection === 'higher' && judgeAttainment(ytd.total, ev.bounds, ev.valueDirection, ev.options.approxTolerancePct).status !== 'khong_dat';
  if (ytd.missing.length > 0 && !met) {
    return noFigure(ev, [{ code: 'missing_parts', periods: ytd.missing }], {
      ...ev.describeSources(ytd.points),
      actual: roundTo(actual, 6),
      figureBasis: figure.basis,
      figurePeriod: figure.figurePeriod,
      elapsedPct,
    });
  }
  const yearly = fullYears(t.start_date, period.end).map((y) => ({ year: y, value: coverRange(series, `${y}-01-01`, yearEnd(y)).total }));
  const projection = projectFlow({
    soFar: ytd.total,
    yearly,
    elapsed,
    totalYears,
    targetYear: t.end_year,
    threshold: ev.threshold!,
    perYear,
    alreadyMet: met,
    lastTime: timeOf(period.end),
    likelyRatio: ev.options.likelyRatio,
  });
  return judgeProjected(ev, projection, figure, { ...ev.sameLastYear(actual, t.start_date), elapsedPct });
}

/** Evaluates a total or count target (see the module header). */
export function evaluateFlowTarget(ev: TargetEvaluation): Attainment {
  if (ev.judgement === 'final') return judgeFinal(ev, formTotal(ev));
  // A one-year target of a later year (a review before it): projected from the yearly totals so far.
  if (ev.t.start_date > ev.period.end) return projectLevelTarget(ev);
  return projectTotal(ev);
}
