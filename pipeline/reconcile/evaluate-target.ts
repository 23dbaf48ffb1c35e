// Reconcile stage: the figure for one target in one report period, formed the way its indicator is formed, and the
// verdict on it. The SQL (sql/marts) hands over one chosen figure per indicator and period; this module decides
// which of those figures a target needs and what they add up to, because that depends on the report period, the
// target period and the configured tolerances together.
//
// How a period's value is formed (indicators.aggregation):
// - level, share: the figure of the period that ends when the target period ends;
// - avg_growth: the window's own figure if reported, else the geometric mean of the yearly rates;
// - cumulative, count_added: the total over the target period (years, else halves, else quarters; never a month
//   twice); a per-year target ("6.000 lao động/năm") takes the average of the complete years;
// - per_year_reduction: (level the year before the period - level at its end) / years, in points per year;
// - a level target worded as a change ("tăng thêm", "giảm ... /năm") takes the change from the year before.
// A final verdict (the report period reaches the target's end) comes from judgeAttainment; an interim one (a
// six-month report on the annual plan, a sơ kết before the target year) from the projections of project-target.ts.
import type { Period } from '../shared/parse-period.ts';
import { previousSamePeriod } from '../shared/parse-period.ts';
import type { Attainment, AttainmentStatus, Projection } from './reconciliation.ts';
import type { SeriesPoint } from './read-indicator-series.ts';
import type { TargetRow } from './read-target-register.ts';
import { coverRange, dayBefore, findLevelAt, shiftYears, timeOf } from './cover-range.ts';
import { geometricMeanRate, requiredRemainingRate } from './geometric-mean-rate.ts';
import {
  formatNumberVi,
  judgeAttainment,
  targetReference,
  targetThreshold,
  TARGET_OPS,
  type TargetBounds,
} from './judge-attainment.ts';
import { classifyProgress, projectFlow, projectLevel, type TimedValue } from './project-target.ts';

/** The evaluation options a verdict depends on (configuration `evaluation`). */
export interface EvaluationOptions {
  /** Tolerance of "khoảng", % of the bound; also the margin beyond a one-sided bound that counts as vượt. @default 5 */
  approxTolerancePct: number;
  /** Observed/required progress ratio at or above which a target is "có khả năng đạt". @default 0.95 */
  likelyRatio: number;
}

/** Aggregations of seeds/README.md. */
const AGGREGATIONS = ['level', 'avg_growth', 'cumulative', 'per_year_reduction', 'count_added', 'share'] as const;

/** Vietnamese words for the verdicts, for the reason text. */
export const STATUS_WORDS: Record<AttainmentStatus, string> = {
  vuot: 'vượt',
  dat: 'đạt',
  khong_dat: 'không đạt',
  chua_co_so_lieu: 'chưa có số liệu',
  khong_danh_gia: 'không đánh giá được',
  co_kha_nang_dat: 'có khả năng đạt',
  kho_dat: 'khó đạt',
};

interface Formed {
  value: number | null;
  points: SeriesPoint[];
  /** Parts of the period with no figure. */
  missing: string[];
  /** Notes for the reason (Vietnamese). */
  notes: string[];
}

const fmt = (v: number) => formatNumberVi(v);
const yearEnd = (year: number) => `${year}-12-31`;

function isFlow(t: TargetRow): boolean {
  return t.aggregation === 'cumulative' || t.aggregation === 'count_added';
}

function isChangeOfLevel(t: TargetRow): boolean {
  return (t.aggregation === 'level' || t.aggregation === 'share') && t.change !== null;
}

/**
 * Which way the judged value should move: a reduction per year of a lower-is-better rate (poverty) is better when
 * larger, and so is a "giảm" change of one; otherwise the indicator's direction.
 */
export function judgedDirection(t: Pick<TargetRow, 'direction' | 'aggregation' | 'change'>): 'higher' | 'lower' {
  const direction = t.direction === 'lower' ? 'lower' : 'higher';
  if (t.aggregation === 'per_year_reduction') return direction === 'lower' ? 'higher' : 'lower';
  if ((t.aggregation === 'level' || t.aggregation === 'share') && t.change !== null) {
    return (t.change === 'decrease') === (direction === 'lower') ? 'higher' : 'lower';
  }
  return direction;
}

/** Full calendar years inside [start, end]. */
function fullYears(start: string, end: string): number[] {
  const years: number[] = [];
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) {
    if (`${y}-01-01` >= start && yearEnd(y) <= end) years.push(y);
  }
  return years;
}

/** Year-end (or period-end) levels from the end of `fromYear` to `end`, oldest first, one per end date. */
function levelPoints(series: readonly SeriesPoint[], fromYear: number, end: string, endPreferIds: string[]): SeriesPoint[] {
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

function timed(p: SeriesPoint): TimedValue {
  return { time: timeOf(p.end), year: p.endYear, value: p.value };
}

/** Forms the value of a target's indicator over [start, end] (see the module header). */
function formValue(t: TargetRow, series: readonly SeriesPoint[], start: string, end: string, preferIds: string[]): Formed {
  const none = (missing: string[], notes: string[] = []): Formed => ({ value: null, points: [], missing, notes });
  if (isChangeOfLevel(t) || t.aggregation === 'per_year_reduction') {
    const last = findLevelAt(series, end, preferIds);
    if (!last) return none([`số cuối kỳ (${end})`]);
    const notes: string[] = [];
    let base = findLevelAt(series, dayBefore(start));
    if (!base) {
      base = series.find((p) => p.end >= start && p.end < end && p.periodKind !== 'window') ?? null;
      if (!base) return none([`số năm ${Number(start.slice(0, 4)) - 1} (gốc so sánh)`]);
      notes.push(`không có số năm ${Number(start.slice(0, 4)) - 1}, tính từ số ${base.period}`);
    }
    const years = timeOf(last.end) - timeOf(base.end);
    if (years <= 0) return none([], ['chỉ có một điểm số liệu']);
    const decrease = t.aggregation === 'per_year_reduction' || t.change === 'decrease';
    const amount = decrease ? base.value - last.value : last.value - base.value;
    const perYear = t.aggregation === 'per_year_reduction' || t.per_year === 1;
    return { value: perYear ? amount / years : amount, points: [base, last], missing: [], notes };
  }
  switch (t.aggregation) {
    case 'level':
    case 'share': {
      const p = findLevelAt(series, end, preferIds);
      return p ? { value: p.value, points: [p], missing: [], notes: [] } : none([`số tại ${end}`]);
    }
    case 'avg_growth': {
      const exact = series.find((p) => p.start === start && p.end === end);
      if (exact) return { value: exact.value, points: [exact], missing: [], notes: [] };
      const years = fullYears(start, end);
      if (years.length <= 1) return none([preferIds[0] ?? end]);
      const points = years.flatMap((y) => series.filter((p) => p.period === String(y)));
      const missing = years.filter((y) => !points.some((p) => p.endYear === y)).map(String);
      return {
        value: geometricMeanRate(points.map((p) => p.value)),
        points,
        missing,
        notes: points.length > 1 ? [`bình quân nhân ${points.length} năm`] : [],
      };
    }
    case 'cumulative':
    case 'count_added': {
      if (t.per_year === 1) {
        const years = fullYears(start, end);
        const covers = years.map((y) => ({ y, c: coverRange(series, `${y}-01-01`, yearEnd(y)) }));
        const complete = covers.filter(({ c }) => c.missing.length === 0);
        if (complete.length === 0) return none(years.map(String));
        return {
          value: complete.reduce((s, { c }) => s + c.total, 0) / complete.length,
          points: complete.flatMap(({ c }) => c.points),
          missing: covers.filter(({ c }) => c.missing.length > 0).map(({ y }) => String(y)),
          notes: [`bình quân ${complete.length} năm`],
        };
      }
      const c = coverRange(series, start, end);
      return c.points.length === 0 ? none(c.missing) : { value: c.total, points: c.points, missing: c.missing, notes: c.derived };
    }
    default:
      return none([], [`cách tính "${t.aggregation}" không xác định`]);
  }
}

function describeSources(points: readonly SeriesPoint[]) {
  const unique = (xs: string[]) => [...new Set(xs.filter(Boolean))];
  return {
    source: points.length ? unique(points.map((p) => p.source)).join('; ') : null,
    sourceAgency: points.length ? unique(points.map((p) => p.agency)).join(', ') : null,
    actualKind: points.length ? (points.some((p) => p.valueKind === 'estimate') ? ('estimate' as const) : ('actual' as const)) : null,
  };
}

function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Evaluates one target in scope of a report period.
 * @param series the chosen figures of the target's indicator (readIndicatorSeries)
 */
export function evaluateTarget(t: TargetRow, period: Period, series: readonly SeriesPoint[], options: EvaluationOptions): Attainment {
  const direction: 'higher' | 'lower' = t.direction === 'lower' ? 'lower' : 'higher';
  const base: Attainment = {
    targetId: t.target_id,
    document: t.document,
    documentLabel: t.document_label,
    indicator: t.indicator,
    indicatorName: t.indicator_name,
    domain: t.domain,
    unit: t.unit,
    direction,
    aggregation: t.aggregation,
    targetPeriod: t.target_period,
    op: t.op,
    lo: t.lo,
    hi: t.hi,
    expression: t.expression,
    agency: t.agency,
    agencyName: t.agency_name,
    actual: null,
    actualKind: null,
    source: null,
    sourceAgency: null,
    comparePct: null,
    samePeriodLastYear: null,
    changePct: null,
    projection: null,
    status: 'chua_co_so_lieu',
    reason: '',
  };
  const notMeasurable = (reason: string): Attainment => ({ ...base, status: 'khong_danh_gia', reason });
  if (!(TARGET_OPS as readonly string[]).includes(t.op) || (t.lo === null && t.hi === null)) {
    return notMeasurable(`Chỉ tiêu "${t.expression}" không có mức định lượng để so sánh.`);
  }
  if (!(AGGREGATIONS as readonly string[]).includes(t.aggregation)) {
    return notMeasurable(`Chưa biết cách tính giá trị kỳ "${t.aggregation}" của chỉ tiêu ${t.indicator}.`);
  }
  if (t.target_unit && t.target_unit.replace('/năm', '') !== t.unit) {
    return notMeasurable(`Đơn vị của chỉ tiêu kế hoạch (${t.target_unit}) khác đơn vị số liệu (${t.unit}).`);
  }
  const bounds = { op: t.op, lo: t.lo, hi: t.hi } as TargetBounds;
  const valueDirection = judgedDirection(t);
  const tol = options.approxTolerancePct;
  const reference = targetReference(bounds, valueDirection);
  const threshold = targetThreshold(bounds, valueDirection, tol);
  const comparePct = (actual: number | null) =>
    actual === null || reference === null || reference === 0 ? null : roundTo((actual / reference) * 100, 6);
  const unitText = t.unit === '%' || t.unit === '‰' ? t.unit : ` ${t.unit}`;
  const withUnit = (v: number) => `${fmt(v)}${unitText}`;

  const sameLastYear = (actual: number | null, rangeStart: string): Pick<Attainment, 'samePeriodLastYear' | 'changePct' | 'changePoints'> => {
    const none = { samePeriodLastYear: null, changePct: null, changePoints: null };
    if (actual === null || period.kind === 'window' || t.start_year !== t.end_year) return none;
    if (t.aggregation === 'avg_growth' || t.aggregation === 'per_year_reduction' || isChangeOfLevel(t)) return none;
    const prevId = previousSamePeriod(period).id;
    let previous: number | null = null;
    if (isFlow(t)) {
      const c = coverRange(series, shiftYears(rangeStart, -1), shiftYears(period.end, -1));
      previous = c.points.length > 0 && c.missing.length === 0 ? c.total : null;
    } else {
      previous = findLevelAt(series, shiftYears(period.end, -1), [prevId])?.value ?? null;
    }
    if (previous === null) return none;
    return {
      samePeriodLastYear: previous,
      changePct: previous === 0 ? null : roundTo(((actual - previous) / Math.abs(previous)) * 100, 6),
      changePoints: t.unit === '%' || t.unit === '‰' ? roundTo(actual - previous, 6) : null,
    };
  };

  // Final: the report period reaches the end of the target period.
  if (period.end >= t.end_date) {
    const formed = formValue(t, series, t.start_date, t.end_date, [period.id, t.target_period]);
    const sources = describeSources(formed.points);
    const missingText = formed.missing.length ? `thiếu số liệu ${formed.missing.join(', ')}` : '';
    if (formed.value === null) {
      return { ...base, ...sources, status: 'chua_co_so_lieu', reason: `Chưa có số liệu${missingText ? ` (${missingText})` : ''}.` };
    }
    const actual = roundTo(formed.value, 6);
    const judged = judgeAttainment(actual, bounds, valueDirection, tol);
    const notes = [...formed.notes];
    let status: AttainmentStatus = judged.status;
    if (formed.missing.length > 0) {
      // A total with parts missing can prove a target met ("trên 5.000" already passed) but never prove it missed.
      const provesMet = isFlow(t) && t.per_year !== 1 && valueDirection === 'higher' && judged.status !== 'khong_dat';
      if (!provesMet) status = 'chua_co_so_lieu';
      notes.push(missingText);
    }
    const noteText = notes.length ? ` (${notes.join('; ')})` : '';
    return {
      ...base,
      ...sources,
      actual,
      comparePct: comparePct(actual),
      ...sameLastYear(actual, t.start_date),
      status,
      reason: `${judged.comparison}${noteText}; chỉ tiêu "${t.expression}": ${STATUS_WORDS[status]}.`,
    };
  }

  // Interim: a six-month or quarter report on an annual target, or a review before the target's end.
  if (threshold === null) return notMeasurable(`Chỉ tiêu "${t.expression}" không có mức để dự báo.`);
  const targetTime = timeOf(t.end_date);
  const notEnough = (a: Partial<Attainment>, reasonHead: string): Attainment => ({
    ...base,
    ...a,
    status: 'khong_danh_gia',
    reason: `${reasonHead}Chưa đủ hai điểm số liệu để đánh giá khả năng đạt chỉ tiêu "${t.expression}" (${t.target_period}).`,
  });
  const verdict = (projection: Projection, head: string, actual: number | null, points: SeriesPoint[], extra: Partial<Attainment> = {}): Attainment => {
    const progress = projection.progress ?? null;
    const status: AttainmentStatus = progress === 'achieved' || progress === 'substantial' ? 'co_kha_nang_dat' : 'kho_dat';
    const parts = [head];
    if (progress === 'achieved') parts.push('đã đạt mức chỉ tiêu');
    // Averages (growth, reductions, per-year amounts) project to themselves: only levels and totals get a forecast.
    const projectsToItself = t.aggregation === 'avg_growth' || t.aggregation === 'per_year_reduction' || isChangeOfLevel(t) || (isFlow(t) && t.per_year === 1);
    if (projection.projected !== null && progress !== 'achieved' && !projectsToItself) {
      parts.push(`dự báo ${t.target_period}: ${withUnit(roundTo(projection.projected, 2))}`);
    }
    const range = projection.remainingYears ? `${projection.remainingYears[0]}-${projection.remainingYears[1]}` : null;
    const span = range && projection.remainingYears![0] === projection.remainingYears![1] ? `năm ${projection.remainingYears![0]}` : `trong ${range}`;
    if (progress !== 'achieved' && range) {
      if (projection.requiredRate !== null) {
        const r = projection.requiredRate;
        // A reduction per year is positive when falling; any other rate is a growth, negative when falling.
        const reduction = t.aggregation === 'per_year_reduction' || (isChangeOfLevel(t) && t.change === 'decrease');
        const verb = reduction ? (r >= 0 ? 'giảm' : 'tăng') : r >= 0 ? 'tăng' : 'giảm';
        // Changes of a level are in the indicator's unit (points for %), growth rates in %.
        const unit = reduction || isChangeOfLevel(t) ? (t.unit === '%' ? ' điểm %' : ` ${t.unit}`) : '%';
        parts.push(`cần ${verb} bình quân ${fmt(Math.abs(r))}${unit}/năm ${span}`);
      } else if (projection.requiredPerYear !== null && projection.requiredPerYear !== undefined) {
        parts.push(`cần bình quân ${withUnit(roundTo(projection.requiredPerYear, 2))}/năm ${span}`);
      }
    }
    if (projection.ratio !== null) parts.push(`tỷ lệ tiến độ thực tế/cần thiết ${fmt(projection.ratio)}`);
    const sources = describeSources(points);
    return {
      ...base,
      ...sources,
      actual: actual === null ? null : roundTo(actual, 6),
      comparePct: comparePct(actual),
      projection,
      status,
      reason: `${parts.join('; ')}: ${STATUS_WORDS[status]}.`,
      ...extra,
    };
  };

  // A six-month report holding the agency's estimate for the whole target period judges the estimate. Only a figure
  // sent with this period's files counts: a year figure that came later must not change the six-month report.
  const estimateFor = (actual: number | null, points: SeriesPoint[], rangeStart: string): Attainment | null => {
    if (period.kind === 'window' || period.start < t.start_date) return null;
    const whole = series.find((p) => p.period === t.target_period && p.submissionPeriod === period.id);
    if (!whole || isChangeOfLevel(t) || t.aggregation === 'per_year_reduction' || t.per_year === 1) return null;
    const judged = judgeAttainment(whole.value, bounds, valueDirection, tol);
    const sources = describeSources(points.length ? points : [whole]);
    return {
      ...base,
      ...sources,
      actual: actual === null ? null : roundTo(actual, 6),
      comparePct: comparePct(actual),
      ...sameLastYear(actual, rangeStart),
      periodEstimate: whole.value,
      status: judged.status,
      reason: `${whole.valueKind === 'estimate' ? 'Ước' : 'Số'} cả kỳ ${t.target_period} (${whole.source}): ${judged.comparison}; chỉ tiêu "${t.expression}": ${STATUS_WORDS[judged.status]}.`,
    };
  };

  const periodHead = `Đến hết ${period.label}`;
  const targetAfterPeriod = t.start_date > period.end;

  // Levels (and yearly amounts of a one-year target after a review window) projected from year-end points.
  if ((!isChangeOfLevel(t) && (t.aggregation === 'level' || t.aggregation === 'share')) || (targetAfterPeriod && isFlow(t))) {
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
      timedPoints = points.map(timed);
    }
    const last = timedPoints.at(-1) ?? null;
    const lastPoint = points.at(-1) ?? null;
    if (!last || !lastPoint) return { ...base, status: 'chua_co_so_lieu', reason: `Chưa có số liệu đến hết ${period.label}.` };
    const actual = last.value;
    const head = `${periodHead}: ${withUnit(actual)}${last.time !== timeOf(period.end) ? ` (số năm ${last.year})` : ''}`;
    const extra = { ...sameLastYear(actual, period.start) };
    const estimate = estimateFor(actual, [lastPoint], period.start);
    if (estimate) return estimate;
    const met = judgeAttainment(actual, bounds, valueDirection, tol).status !== 'khong_dat';
    if (timedPoints.length < 2 && !met) return notEnough({ ...describeSources([lastPoint]), actual, comparePct: comparePct(actual), ...extra }, `${head}. `);
    const projection = projectLevel({
      points: timedPoints,
      threshold,
      targetTime,
      targetYear: t.end_year,
      alreadyMet: met,
      likelyRatio: options.likelyRatio,
    });
    // A rate or share cannot pass 100%, whatever the trend says.
    if (t.unit === '%' && !isFlow(t) && projection.projected !== null) projection.projected = Math.min(projection.projected, 100);
    return verdict(projection, head, actual, points, extra);
  }

  if (t.aggregation === 'avg_growth') {
    if (t.start_year === t.end_year) {
      // A one-year growth target seen at a half or quarter: the rate so far is the best estimate of the year's.
      const p = findLevelAt(series, period.end, [period.id]);
      if (!p) return { ...base, status: 'chua_co_so_lieu', reason: `Chưa có số liệu ${period.label}.` };
      const estimate = estimateFor(p.value, [p], period.start);
      if (estimate) return estimate;
      const met = judgeAttainment(p.value, bounds, valueDirection, tol).status !== 'khong_dat';
      const ratio = threshold === 0 ? null : p.value / threshold;
      const projection: Projection = {
        points: [{ year: p.endYear, value: p.value }],
        projected: p.value,
        observedRate: p.value,
        requiredRate: null,
        ratio,
        remainingYears: null,
        observedPerYear: null,
        requiredPerYear: null,
        progress: met ? 'achieved' : classifyProgress(ratio, options.likelyRatio),
      };
      return verdict(projection, `${periodHead}: tăng ${withUnit(p.value)}`, p.value, [p]);
    }
    const years = fullYears(t.start_date, period.end);
    const points = years.flatMap((y) => series.filter((p) => p.period === String(y)));
    if (points.length === 0) return { ...base, status: 'chua_co_so_lieu', reason: `Chưa có số liệu tăng trưởng các năm ${years.join(', ')}.` };
    const rates = points.map((p) => p.value);
    const observed = geometricMeanRate(rates);
    const head = `Bình quân ${points[0]!.endYear}-${points.at(-1)!.endYear}: ${observed === null ? '?' : withUnit(roundTo(observed, 2))}`;
    const missing = years.filter((y) => !points.some((p) => p.endYear === y));
    if (points.length < 2 || observed === null || missing.length > 0) {
      const gap = missing.length ? `Thiếu số liệu năm ${missing.join(', ')}. ` : '';
      return notEnough({ ...describeSources(points), actual: observed === null ? null : roundTo(observed, 6), comparePct: comparePct(observed) }, `${head}. ${gap}`);
    }
    const totalYears = t.end_year - t.start_year + 1;
    const required = requiredRemainingRate(threshold, rates, totalYears);
    const ratio = threshold === 0 ? null : observed / threshold;
    const lastYear = points.at(-1)!.endYear;
    const projection: Projection = {
      points: points.map((p) => ({ year: p.endYear, value: p.value })),
      projected: observed,
      observedRate: observed,
      requiredRate: required,
      ratio,
      remainingYears: lastYear < t.end_year ? [lastYear + 1, t.end_year] : null,
      observedPerYear: null,
      requiredPerYear: null,
      progress: classifyProgress(ratio, options.likelyRatio),
    };
    return verdict(projection, head, observed, points);
  }

  if (isFlow(t)) {
    const ytd = coverRange(series, t.start_date, period.end);
    if (ytd.points.length === 0) return { ...base, status: 'chua_co_so_lieu', reason: `Chưa có số liệu từ đầu kỳ ${t.target_period} đến hết ${period.label}.` };
    const startTime = timeOf(dayBefore(t.start_date));
    const elapsed = timeOf(period.end) - startTime;
    const totalYears = targetTime - startTime;
    const perYear = t.per_year === 1;
    const actual = perYear ? ytd.total / elapsed : ytd.total;
    const estimate = estimateFor(actual, ytd.points, t.start_date);
    if (estimate) return estimate;
    const met = !perYear && judgeAttainment(ytd.total, bounds, valueDirection, tol).status !== 'khong_dat' && valueDirection === 'higher';
    const head = `${periodHead}: ${perYear ? `bình quân ${withUnit(roundTo(actual, 2))}/năm` : `lũy kế ${withUnit(ytd.total)}`}`;
    if (ytd.missing.length > 0 && !met) {
      return { ...base, ...describeSources(ytd.points), actual: roundTo(actual, 6), status: 'chua_co_so_lieu', reason: `${head}; thiếu số liệu ${ytd.missing.join(', ')}.` };
    }
    const yearly = fullYears(t.start_date, period.end).map((y) => ({ year: y, value: coverRange(series, `${y}-01-01`, yearEnd(y)).total }));
    const projection = projectFlow({
      soFar: ytd.total,
      yearly,
      elapsed,
      totalYears,
      targetYear: t.end_year,
      threshold,
      perYear,
      alreadyMet: met,
      lastTime: timeOf(period.end),
      likelyRatio: options.likelyRatio,
    });
    return verdict(projection, head, actual, ytd.points, { ...sameLastYear(actual, t.start_date) });
  }

  // per_year_reduction, or a level target worded as a change: the change per year so far against the one needed.
  const fromYear = t.start_year - 1;
  const points = levelPoints(series, Math.min(fromYear, period.startYear - 1), period.end, [period.id]);
  if (points.length === 0) return { ...base, status: 'chua_co_so_lieu', reason: `Chưa có số liệu ${t.indicator_name.toLowerCase()}.` };
  const first = points[0]!;
  const last = points.at(-1)!;
  const years = timeOf(last.end) - timeOf(first.end);
  if (points.length < 2 || years <= 0) return notEnough({ ...describeSources(points) }, `${periodHead}: ${withUnit(last.value)}. `);
  const decrease = t.aggregation === 'per_year_reduction' || t.change === 'decrease';
  const achieved = decrease ? first.value - last.value : last.value - first.value;
  const observed = achieved / years;
  const totalYears = targetTime - timeOf(dayBefore(t.start_date));
  const perYearTarget = t.aggregation === 'per_year_reduction' || t.per_year === 1 ? threshold : threshold / totalYears;
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
    remainingYears: remaining > 0 ? [Number.isInteger(fromTime) ? fromTime : Math.floor(fromTime), t.end_year] : null,
    observedPerYear: observed,
    requiredPerYear: stillPerYear,
    progress: classifyProgress(ratio, options.likelyRatio),
  };
  const verb = decrease ? 'giảm' : 'tăng';
  const head = `${first.period}-${last.period}: ${verb} bình quân ${fmt(roundTo(observed, 2))}${t.unit === '%' ? ' điểm %' : ` ${t.unit}`}/năm`;
  return verdict(projection, head, observed, [first, last]);
}
