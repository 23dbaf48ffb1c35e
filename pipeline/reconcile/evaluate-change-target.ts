// Reconcile stage: targets on the change of a level: a reduction per year (per_year_reduction: "giảm bình quân 3-4%/năm"
// of the poverty rate, in percentage points a year) and level targets worded as a change ("tăng thêm 5 điểm %").
// The figure judged is the change (per year), from the year-end level before the target period to the level at its
// end; both levels are kept (Attainment.levels). A mid-year level is never a base: a half year is not a year.
import type { Attainment, Projection } from './reconciliation.ts';
import type { SeriesPoint } from './read-indicator-series.ts';
import { dayBefore, findLevelAt, timeOf } from './cover-range.ts';
import { classifyProgress, observedYearsOf } from './project-target.ts';
import { levelPoints } from './evaluate-level-target.ts';
import {
  isRateUnit,
  judgeFinal,
  judgeProjected,
  noFigure,
  notEnoughBasis,
  type FormedFigure,
  type TargetEvaluation,
} from './create-target-evaluation.ts';

const isYearEnd = (p: SeriesPoint) => p.end.endsWith('-12-31') && p.periodKind !== 'window';

/** Whether the change counts as a fall (reductions), and whether the target is per year. */
function changeKind(ev: TargetEvaluation): { decrease: boolean; perYear: boolean } {
  const { t } = ev;
  return {
    decrease: t.aggregation === 'per_year_reduction' || t.change === 'decrease',
    perYear: t.aggregation === 'per_year_reduction' || t.per_year === 1,
  };
}

/** The change over the target period: base = the year-end level before it, else the first year-end level inside it. */
function formChange(ev: TargetEvaluation): FormedFigure {
  const { t, period, series } = ev;
  const { decrease, perYear } = changeKind(ev);
  const basis = perYear ? ('change_per_year' as const) : ('change' as const);
  const last = findLevelAt(series, t.end_date, [period.id, t.target_period]);
  const empty = { value: null, basis, figurePeriod: t.target_period, points: [] as SeriesPoint[] };
  if (!last) return { ...empty, missing: [String(t.end_year)], notes: [] };
  const baseYear = String(t.start_year - 1);
  let base = findLevelAt(series, dayBefore(t.start_date), [baseYear]);
  const notes: Attainment['notes'] = [];
  if (!base || !isYearEnd(base)) {
    base = series.find((p) => isYearEnd(p) && p.end >= t.start_date && timeOf(last.end) - timeOf(p.end) >= 1) ?? null;
    if (!base) {
      return { ...empty, points: [last], missing: [], notes: [{ code: 'base_missing', period: baseYear }], levels: null };
    }
    notes.push({ code: 'base_from', period: base.period });
  }
  const years = timeOf(last.end) - timeOf(base.end);
  const amount = decrease ? base.value - last.value : last.value - base.value;
  return {
    value: perYear ? amount / years : amount,
    basis,
    figurePeriod: `${base.period}-${last.period}`,
    points: [base, last],
    missing: [],
    notes,
    levels: { from: { period: base.period, value: base.value }, to: { period: last.period, value: last.value } },
  };
}

/** Before the end: the change per year so far against the change per year still needed. */
function projectChange(ev: TargetEvaluation): Attainment {
  const { t, period, series } = ev;
  const { decrease, perYear } = changeKind(ev);
  const points = levelPoints(series, Math.min(t.start_year - 1, period.startYear - 1), period.end, [period.id]);
  const yearEndPoints = points.filter(isYearEnd);
  const first = yearEndPoints[0] ?? points[0];
  const last = points.at(-1);
  if (!first || !last) return noFigure(ev, [{ code: 'missing_parts', periods: [period.id] }]);
  const years = timeOf(last.end) - timeOf(first.end);
  if (years < 1) {
    // One level and no earlier year-end: no change can be formed; the level is shown (chua_du_co_so).
    return notEnoughBasis(ev, [{ code: 'not_enough_points' }], { ...ev.describeSources([last]), reportPeriodValue: last.value });
  }
  const achieved = decrease ? first.value - last.value : last.value - first.value;
  const observed = achieved / years;
  const threshold = ev.threshold!;
  const targetTime = timeOf(t.end_date);
  const perYearTarget = perYear ? threshold : threshold / (targetTime - timeOf(dayBefore(t.start_date)));
  const remaining = targetTime - timeOf(last.end);
  const stillPerYear = remaining > 0 ? (perYearTarget * (targetTime - timeOf(first.end)) - achieved) / remaining : null;
  const ratio = perYearTarget === 0 ? null : observed / perYearTarget;
  const fromTime = timeOf(last.end);
  const projection: Projection = {
    points: points.map((p) => ({ year: p.endYear, value: p.value })),
    projected: observed,
    observedRate: observed,
    requiredRate: stillPerYear,
    ratio,
    remainingYears: remaining > 0 ? [Math.floor(fromTime), t.end_year] : null,
    observedPerYear: observed,
    requiredPerYear: stillPerYear,
    progress: classifyProgress(ratio, ev.options.likelyRatio),
    observedYears: observedYearsOf({ time: timeOf(first.end), year: first.endYear, value: first.value }, { time: fromTime, year: last.endYear, value: last.value }),
    paceMeasure: isRateUnit(t.unit) ? 'points' : 'amount',
    threshold,
  };
  const figure = { actual: observed, basis: 'change_per_year' as const, figurePeriod: `${first.period}-${last.period}`, points: [first, last] };
  return judgeProjected(ev, projection, figure, {
    levels: { from: { period: first.period, value: first.value }, to: { period: last.period, value: last.value } },
  });
}

/** Evaluates a reduction per year or a level target worded as a change (see the module header). */
export function evaluateChangeTarget(ev: TargetEvaluation): Attainment {
  if (ev.judgement === 'final') {
    const formed = formChange(ev);
    const result = judgeFinal(ev, formed);
    // No base: the level reached is a figure of the period, shown as such; the change per year the target measures
    // cannot be formed (chua_du_co_so with base_missing, review finding 2), never "chưa có số liệu".
    const lastLevel = formed.value === null ? formed.points.at(-1) : undefined;
    return lastLevel ? { ...result, ...ev.describeSources([lastLevel]), reportPeriodValue: lastLevel.value, status: 'chua_du_co_so' } : result;
  }
  if (ev.judgement === 'progress' && ev.t.frequency === 'year') {
    // A yearly measure mid-year: judged at the year's end; the level the period reports is still shown beside it.
    const own = findLevelAt(ev.series, ev.period.end, [ev.period.id]);
    const shown = own ? { ...ev.describeSources([own]), reportPeriodValue: own.value } : {};
    return { ...ev.base, ...shown, status: 'danh_gia_ca_nam', notes: [{ code: 'annual_measure' }] };
  }
  return projectChange(ev);
}
