// Reconcile stage: what every aggregation's evaluation shares: the target's band and direction, the judgement the
// report period allows, the comparison with the plan and with the same period last year, and the builders of the
// finished Attainment (final verdict, projected verdict, no figure). Numbers and coded notes only: the report stage
// words them (pipeline/report/describe-attainment.ts).
import { toIndicatorDisplayName } from '../registry/to-indicator-display-name.ts';
import type { Period } from '../shared/parse-period.ts';
import type { Attainment, AttainmentNote, AttainmentStatus, FigureBasis, Judgement, Projection } from './reconciliation.ts';
import type { SeriesPoint } from './read-indicator-series.ts';
import type { TargetRow } from './read-target-register.ts';
import { compareWithSamePeriod } from './compare-with-same-period.ts';
import { figureKindAsOf } from './figure-kind-as-of.ts';
import { chooseJudgement } from './choose-judgement.ts';
import { judgeAttainment, targetReference, targetThreshold, type TargetBounds } from './judge-attainment.ts';

/** The evaluation options a verdict depends on (configuration `evaluation`). */
export interface EvaluationOptions {
  /** Tolerance of "khoảng", % of the bound; also the margin beyond a one-sided bound that counts as vượt. @default 5 */
  approxTolerancePct: number;
  /** Observed/required progress ratio at or above which a target is "có khả năng đạt". @default 0.95 */
  likelyRatio: number;
  /**
   * The report's as-of date (ISO, Vietnam time): a figure whose period ends after it is an estimate ("ước thực hiện",
   * figure-kind-as-of.ts), whatever kind the agency gave it. Without it the agency's kind stands.
   */
  asOf?: string;
}

/** A figure formed for a stretch of time, with how it was formed. */
export interface FormedFigure {
  value: number | null;
  basis: FigureBasis;
  figurePeriod: string;
  points: SeriesPoint[];
  /** Parts of the period with no figure. */
  missing: string[];
  notes: AttainmentNote[];
  levels?: Attainment['levels'];
}

/** One target being evaluated in one report period (see the module header). */
export interface TargetEvaluation {
  t: TargetRow;
  period: Period;
  series: readonly SeriesPoint[];
  options: EvaluationOptions;
  judgement: Judgement;
  bounds: TargetBounds;
  /** Which way the judged value should move (judgedDirection). */
  valueDirection: 'higher' | 'lower';
  /** The value that only just meets the target, or null when it has no number. */
  threshold: number | null;
  /** The row with the target's fields and no figure yet. */
  base: Attainment;
  /** "So sánh (%)", or null where the ratio means nothing (hasComparePct). */
  comparePct(actual: number | null): number | null;
  /** For a rate or share against one bound: actual − bound, in points (Attainment.pointsVsTarget). */
  pointsVsTarget(actual: number | null): number | null;
  sameLastYear(actual: number | null, rangeStart: string): Pick<Attainment, 'samePeriodLastYear' | 'changePct' | 'changePoints'>;
  describeSources(points: readonly SeriesPoint[]): Pick<Attainment, 'source' | 'sourceAgency' | 'actualKind'>;
}

/** Aggregations of seeds/README.md. */
export const AGGREGATIONS = ['level', 'avg_growth', 'cumulative', 'per_year_reduction', 'count_added', 'share'] as const;

/** Rounds to `digits` decimals (figures keep 6: sums print as 2491.6, not 2491.6000000000004). */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Totals and counts over the target period. */
export function isFlow(t: Pick<TargetRow, 'aggregation'>): boolean {
  return t.aggregation === 'cumulative' || t.aggregation === 'count_added';
}

/** A level target worded as a change ("tăng thêm 5 điểm %", "giảm ... /năm" on a level indicator). */
export function isChangeOfLevel(t: Pick<TargetRow, 'aggregation' | 'change'>): boolean {
  return (t.aggregation === 'level' || t.aggregation === 'share') && t.change !== null;
}

/**
 * Which way the judged value should move: a reduction per year of a lower-is-better rate (poverty) is better when
 * larger, and so is a "giảm" change of one; otherwise the indicator's direction.
 */
export function judgedDirection(t: Pick<TargetRow, 'direction' | 'aggregation' | 'change'>): 'higher' | 'lower' {
  const direction = t.direction === 'lower' ? 'lower' : 'higher';
  if (t.aggregation === 'per_year_reduction') return direction === 'lower' ? 'higher' : 'lower';
  if (isChangeOfLevel(t)) return (t.change === 'decrease') === (direction === 'lower') ? 'higher' : 'lower';
  return direction;
}

/** A rate or share: an indicator in % or ‰ (tỷ lệ, tỷ trọng, tốc độ tăng). Its paces and differences are in points. */
export function isRateUnit(unit: string): boolean {
  return unit === '%' || unit === '‰';
}

/**
 * Whether "So sánh (%)" (actual ÷ bound × 100) means something for a target (README, "So sánh (%)"): only for an
 * amount, a count or a level not in % or ‰ (revenue, GRDP per head, doctors per 10.000 dân) against one bound to reach
 * ("trên", "từ ... trở lên", "khoảng", an exact figure). Never for a rate or share (a ratio of two rates, 7,49 against
 * "trên 10" = 74,9, reads as nothing: see `pointsVsTarget`), a "dưới"/"tối đa" target (102,5 against "dưới 56%" reads
 * as over-achievement), or a range (no one bound).
 */
export function hasComparePct(t: Pick<TargetRow, 'unit' | 'op'>): boolean {
  return !isRateUnit(t.unit) && (t.op === 'gt' || t.op === 'gte' || t.op === 'eq' || t.op === 'approx');
}

/** The row of a target before any figure: its fields, no figure, chua_co_so_lieu, itself its only source. */
function baseAttainment(t: TargetRow, judgement: Judgement): Attainment {
  return {
    targetId: t.target_id,
    document: t.document,
    documentLabel: t.document_label,
    indicator: t.indicator,
    // Shown without "bình quân": the report names an average where the figure is one (review finding 8).
    indicatorName: toIndicatorDisplayName(t.indicator_name),
    domain: t.domain,
    unit: t.unit,
    direction: t.direction === 'lower' ? 'lower' : 'higher',
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
    figureBasis: null,
    figurePeriod: null,
    reportPeriodValue: null,
    levels: null,
    source: null,
    sourceAgency: null,
    comparePct: null,
    elapsedPct: null,
    samePeriodLastYear: null,
    changePct: null,
    projection: null,
    status: 'chua_co_so_lieu',
    judgement,
    sources: [],
    sourceChoice: 'only',
    notes: [],
  };
}

/** Sets up the evaluation of one target in one report period. */
export function createTargetEvaluation(t: TargetRow, period: Period, series: readonly SeriesPoint[], options: EvaluationOptions): TargetEvaluation {
  const bounds = { op: t.op, lo: t.lo, hi: t.hi } as TargetBounds;
  const valueDirection = judgedDirection(t);
  const reference = targetReference(bounds, valueDirection);
  const judgement = chooseJudgement(t, period);
  return {
    t,
    period,
    series,
    options,
    judgement,
    bounds,
    valueDirection,
    threshold: t.lo === null && t.hi === null ? null : targetThreshold(bounds, valueDirection, options.approxTolerancePct),
    base: baseAttainment(t, judgement),
    comparePct: (actual) =>
      actual === null || reference === null || reference === 0 || !hasComparePct(t) ? null : roundTo((actual / reference) * 100, 6),
    pointsVsTarget: (actual) =>
      actual === null || !isRateUnit(t.unit) || t.op === 'range' || t.op === 'approx_range' || reference === null
        ? null
        : roundTo(actual - reference, 6),
    sameLastYear(actual, rangeStart) {
      const none = { samePeriodLastYear: null, changePct: null, changePoints: null };
      if (t.start_year !== t.end_year) return none;
      if (t.aggregation === 'avg_growth' || t.aggregation === 'per_year_reduction' || isChangeOfLevel(t)) return none;
      return compareWithSamePeriod(series, period, actual, { flow: isFlow(t), unit: t.unit, rangeStart });
    },
    describeSources(points) {
      const unique = (xs: string[]) => [...new Set(xs.filter(Boolean))];
      return {
        source: points.length ? unique(points.map((p) => p.source)).join('; ') : null,
        sourceAgency: points.length ? unique(points.map((p) => p.agency)).join(', ') : null,
        // Estimate by date (figure-kind-as-of.ts): a figure whose period ends after the report date is an estimate.
        actualKind: points.length ? (points.some((p) => figureKindAsOf(p, options.asOf) === 'estimate') ? 'estimate' : 'actual') : null,
      };
    },
  };
}

/** A row with no figure for the period: chua_co_so_lieu, with what is missing. */
export function noFigure(ev: TargetEvaluation, notes: AttainmentNote[], extra: Partial<Attainment> = {}): Attainment {
  return { ...ev.base, ...extra, status: 'chua_co_so_lieu', notes };
}

/**
 * A row with a figure for the period whose measure cannot be formed yet (the base of a change missing, a single point
 * in an outlook, an average with years missing): chua_du_co_so. `extra` carries the figure shown (`actual` or
 * `reportPeriodValue`) and its source; `notes` say what is missing.
 */
export function notEnoughBasis(ev: TargetEvaluation, notes: AttainmentNote[], extra: Partial<Attainment> = {}): Attainment {
  return { ...ev.base, ...extra, status: 'chua_du_co_so', notes };
}

/** A row that cannot be judged (the target has no number, unknown aggregation, unit differs): khong_danh_gia. */
export function notJudged(ev: TargetEvaluation, notes: AttainmentNote[], extra: Partial<Attainment> = {}): Attainment {
  return { ...ev.base, ...extra, status: 'khong_danh_gia', notes };
}

/**
 * The final verdict on a formed figure (the report period reaches the target's end): vuot, dat or khong_dat. A total
 * with parts missing can prove a "trên/từ" target met but never prove it missed: then chua_co_so_lieu.
 */
export function judgeFinal(ev: TargetEvaluation, formed: FormedFigure): Attainment {
  const { t } = ev;
  const sources = ev.describeSources(formed.points);
  const figure = { figureBasis: formed.basis, figurePeriod: formed.figurePeriod, levels: formed.levels ?? null };
  if (formed.value === null) {
    const notes: AttainmentNote[] = [...formed.notes];
    if (formed.missing.length) notes.push({ code: 'missing_parts', periods: formed.missing });
    return noFigure(ev, notes, { ...sources, ...(formed.levels ? { levels: formed.levels } : {}) });
  }
  const actual = roundTo(formed.value, 6);
  const judged = judgeAttainment(actual, ev.bounds, ev.valueDirection, ev.options.approxTolerancePct);
  const notes: AttainmentNote[] = [...formed.notes];
  let status: AttainmentStatus = judged.status;
  if (formed.missing.length > 0) {
    const provesMet = isFlow(t) && t.per_year !== 1 && ev.valueDirection === 'higher' && judged.status !== 'khong_dat';
    if (provesMet) notes.push({ code: 'met_despite_missing_parts' });
    else status = 'chua_co_so_lieu';
    notes.push({ code: 'missing_parts', periods: formed.missing });
  }
  return {
    ...ev.base,
    ...sources,
    ...figure,
    actual,
    comparePct: ev.comparePct(actual),
    pointsVsTarget: ev.pointsVsTarget(actual),
    ...ev.sameLastYear(actual, t.start_date),
    status,
    notes,
  };
}

/** The verdict from a projection (progress or outlook): co_kha_nang_dat when on track or already met, else kho_dat. */
export function judgeProjected(
  ev: TargetEvaluation,
  projection: Projection,
  figure: { actual: number | null; basis: FigureBasis; figurePeriod: string; points: readonly SeriesPoint[] },
  extra: Partial<Attainment> = {},
): Attainment {
  const progress = projection.progress ?? null;
  const status: AttainmentStatus = progress === 'achieved' || progress === 'substantial' ? 'co_kha_nang_dat' : 'kho_dat';
  const notes: AttainmentNote[] = [...(extra.notes ?? [])];
  if (progress === 'achieved') notes.push({ code: 'already_met' });
  return {
    ...ev.base,
    ...ev.describeSources(figure.points),
    actual: figure.actual === null ? null : roundTo(figure.actual, 6),
    figureBasis: figure.basis,
    figurePeriod: figure.figurePeriod,
    comparePct: ev.comparePct(figure.actual),
    pointsVsTarget: ev.pointsVsTarget(figure.actual),
    projection,
    ...extra,
    status,
    notes,
  };
}

/**
 * A six-month or quarter report holding the agency's estimate for the whole target period ("ước thực hiện cả năm")
 * judges the estimate against the plan: co_kha_nang_dat when it meets it, else kho_dat. Only a figure sent with this
 * period's files counts: a year figure that came later must not change the six-month report.
 */
export function judgePeriodEstimate(
  ev: TargetEvaluation,
  figure: { actual: number | null; basis: FigureBasis; figurePeriod: string; points: readonly SeriesPoint[] },
  rangeStart: string,
): Attainment | null {
  const { t, period, series } = ev;
  if (ev.judgement !== 'progress' || period.start < t.start_date) return null;
  const whole = series.find((p) => p.period === t.target_period && p.submissionPeriod === period.id);
  if (!whole || isChangeOfLevel(t) || t.aggregation === 'per_year_reduction' || t.per_year === 1) return null;
  const judged = judgeAttainment(whole.value, ev.bounds, ev.valueDirection, ev.options.approxTolerancePct);
  const actual = figure.actual === null ? null : roundTo(figure.actual, 6);
  return {
    ...ev.base,
    ...ev.describeSources(figure.points.length ? figure.points : [whole]),
    actual,
    figureBasis: figure.basis,
    figurePeriod: figure.figurePeriod,
    comparePct: ev.comparePct(actual),
    pointsVsTarget: ev.pointsVsTarget(actual),
    ...ev.sameLastYear(actual, rangeStart),
    periodEstimate: whole.value,
    status: judged.status === 'khong_dat' ? 'kho_dat' : 'co_kha_nang_dat',
    notes: [{ code: 'judged_on_period_estimate', value: whole.value, source: whole.source }],
  };
}
