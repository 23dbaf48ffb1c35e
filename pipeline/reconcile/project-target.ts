// Reconcile stage: will a target still be met? The sơ kết (mid-term review) projection, Open SDG style.
//
// Open SDG (sdg-build, progress_calculation) compares the observed compound annual growth from a base year with the
// growth needed to reach the target by its year: ratio = observed / required. We take the pace still needed from the
// last point (the number the report prints beside the observed pace, review R1 of issue 10, B3; at ratio 1 it is the
// same test as Open SDG's from the base), and for a rate or share in % or ‰ both paces in points a year. At or above
// `likelyRatio` (0.95) progress is substantial, 0.5-0.95 moderate, 0-0.5 limited, below 0 the indicator moves
// away from the target; a value already meeting the target is "achieved". We call substantial and achieved
// `co_kha_nang_dat` and the rest `kho_dat`. Two points at least, else it cannot be assessed: one point gives only the
// pace still needed from it (requiredRate, requiredPerYear), and the verdict is chua_du_co_so unless it already meets.
import type { Projection } from './reconciliation.ts';

/** A point of a series on the time axis of `timeOf` (2024.0 is the end of 2023, 2024.5 the end of June 2024). */
export interface TimedValue {
  time: number;
  year: number;
  value: number;
}

/** Progress classification of a projection. */
export type Progress = NonNullable<Projection['progress']>;

/** Classifies an observed/required ratio (Open SDG thresholds, the first one configurable). */
export function classifyProgress(ratio: number | null, likelyRatio: number): Progress | null {
  if (ratio === null || !Number.isFinite(ratio)) return null;
  if (ratio >= likelyRatio) return 'substantial';
  if (ratio >= 0.5) return 'moderate';
  if (ratio >= 0) return 'limited';
  return 'deterioration';
}

/** Input of {@link projectLevel}. */
export interface LevelProjectionInput {
  /** Points oldest first: the base is the first, the current value the last. */
  points: TimedValue[];
  /** The value that only just meets the target (see targetThreshold). */
  threshold: number;
  /** Time the target is due (timeOf of the target period's end). */
  targetTime: number;
  /** Year of the target period's end. */
  targetYear: number;
  /** Whether the current value already meets the target. */
  alreadyMet: boolean;
  likelyRatio: number;
  /**
   * 'points' for a level or share in % or ‰ (a rate moves in points: linear, judged and printed in points a year);
   * 'rate' for other levels (compound growth, %/năm; linear when a value is zero or negative). @default 'rate'
   */
  pace?: 'rate' | 'points';
}

function remainingYears(last: TimedValue, targetYear: number): [number, number] | null {
  // A point ending a year (time x.0) leaves the next year; one ending mid-year leaves the rest of its own year.
  const from = Number.isInteger(last.time) ? last.time : Math.floor(last.time);
  return from <= targetYear ? [from, targetYear] : null;
}

/**
 * The years whose change a pace from `base` to `last` averages: the year after the base's year-end to the last
 * point's year (a mid-year last point counts as its year). Null when no year lies between.
 */
export function observedYearsOf(base: TimedValue, last: TimedValue): [number, number] | null {
  const first = Math.floor(base.time) + (Number.isInteger(base.time) ? 0 : 1);
  const end = Number.isInteger(last.time) ? last.time - 1 : Math.floor(last.time);
  return first <= end ? [first, end] : null;
}

/** observed ÷ needed, or null when either is missing or the need is nil. */
function paceRatio(observed: number | null, needed: number | null): number | null {
  if (observed === null || needed === null || Math.abs(needed) < 1e-12) return null;
  return observed / needed;
}

/**
 * Projects a level to the target year at the observed pace from the base: compound growth (%/năm) for a level not in %
 * or ‰, points a year for a rate or share (`pace: 'points'`), linear when a value is zero or negative. The verdict's
 * ratio is the observed pace ÷ the pace still needed from the last point, in the measure the report prints.
 */
export function projectLevel(input: LevelProjectionInput): Projection {
  const { points, threshold, targetTime, targetYear, alreadyMet, likelyRatio } = input;
  const pace = input.pace ?? 'rate';
  const base = points[0];
  const last = points.at(-1);
  const empty: Projection = {
    points: points.map((p) => ({ year: p.year, value: p.value })),
    projected: null,
    observedRate: null,
    requiredRate: null,
    ratio: null,
    remainingYears: null,
    observedPerYear: null,
    requiredPerYear: null,
    progress: null,
    observedYears: null,
    paceMeasure: pace,
    threshold,
  };
  if (!base || !last) return alreadyMet ? { ...empty, progress: 'achieved' } : empty;
  if (points.length < 2 || last.time <= base.time) {
    if (alreadyMet) return { ...empty, progress: 'achieved' };
    // One point: no pace observed, but the pace still needed from it to the target year can be stated.
    const ahead = targetTime - last.time;
    if (ahead <= 0) return empty;
    const compound = pace === 'rate' && last.value > 0 && threshold > 0;
    return {
      ...empty,
      requiredRate: compound ? ((threshold / last.value) ** (1 / ahead) - 1) * 100 : null,
      requiredPerYear: (threshold - last.value) / ahead,
      remainingYears: remainingYears(last, targetYear),
      paceMeasure: compound ? 'rate' : pace === 'points' ? 'points' : 'amount',
    };
  }
  const elapsed = last.time - base.time;
  const ahead = targetTime - last.time;
  const fromBase = targetTime - base.time;
  const compound = pace === 'rate' && base.value > 0 && last.value > 0 && threshold > 0;
  const observedPerYear = (last.value - base.value) / elapsed;
  const requiredPerYear = ahead > 0 ? (threshold - last.value) / ahead : null;
  let observedRate: number | null = null;
  let requiredRate: number | null = null;
  let ratio: number | null;
  let projected: number;
  if (compound) {
    const observed = (last.value / base.value) ** (1 / elapsed) - 1;
    observedRate = observed * 100;
    requiredRate = ahead > 0 ? ((threshold / last.value) ** (1 / ahead) - 1) * 100 : null;
    // Past the target's time (no pace still needed): the Open SDG ratio from the base.
    const requiredFromBase = (threshold / base.value) ** (1 / fromBase) - 1;
    ratio = requiredRate !== null ? paceRatio(observedRate, requiredRate) : paceRatio(observed, requiredFromBase);
    projected = last.value * (1 + observed) ** Math.max(0, ahead);
  } else {
    const requiredFromBase = (threshold - base.value) / fromBase;
    ratio = requiredPerYear !== null ? paceRatio(observedPerYear, requiredPerYear) : paceRatio(observedPerYear, requiredFromBase);
    projected = last.value + observedPerYear * Math.max(0, ahead);
  }
  const progress: Progress | null = alreadyMet ? 'achieved' : classifyProgress(ratio, likelyRatio);
  return {
    ...empty,
    projected,
    observedRate,
    requiredRate,
    ratio,
    remainingYears: remainingYears(last, targetYear),
    observedPerYear,
    requiredPerYear,
    progress,
    observedYears: observedYearsOf(base, last),
    paceMeasure: compound ? 'rate' : pace === 'points' ? 'points' : 'amount',
  };
}

/** Input of {@link projectFlow}. */
export interface FlowProjectionInput {
  /** Total so far from the start of the target period, and the yearly totals behind it (for the record). */
  soFar: number;
  yearly: { year: number; value: number }[];
  /** Years elapsed and in all (fractional: 0.5 after the first half of a one-year target). */
  elapsed: number;
  totalYears: number;
  targetYear: number;
  /** The total to reach, or for a per-year target the amount a year. */
  threshold: number;
  perYear: boolean;
  alreadyMet: boolean;
  lastTime: number;
  likelyRatio: number;
}

/**
 * Projects a total or count over the target period at the pace so far (the start is a known zero, so any figure
 * gives two points): projected = soFar / elapsed × total years; ratio = pace so far / pace needed from the start.
 */
export function projectFlow(input: FlowProjectionInput): Projection {
  const { soFar, elapsed, totalYears, threshold, perYear, alreadyMet, likelyRatio } = input;
  const pace = elapsed > 0 ? soFar / elapsed : null;
  const neededPace = perYear ? threshold : threshold / totalYears;
  const remaining = totalYears - elapsed;
  const ratio = pace === null || neededPace === 0 ? null : pace / neededPace;
  const projected = pace === null ? null : perYear ? pace : pace * totalYears;
  const requiredPerYear = remaining > 1e-9 ? ((perYear ? threshold * totalYears : threshold) - soFar) / remaining : null;
  const from = Number.isInteger(input.lastTime) ? input.lastTime : Math.floor(input.lastTime);
  return {
    points: input.yearly,
    projected,
    observedRate: null,
    requiredRate: null,
    ratio,
    remainingYears: remaining > 1e-9 && from <= input.targetYear ? [from, input.targetYear] : null,
    observedPerYear: pace,
    requiredPerYear,
    progress: alreadyMet ? 'achieved' : classifyProgress(ratio, likelyRatio),
    // The start of the target period is a known zero: the pace so far covers its years up to the last point.
    observedYears: pace === null ? null : observedYearsOf({ time: input.lastTime - elapsed, year: 0, value: 0 }, { time: input.lastTime, year: 0, value: soFar }),
    paceMeasure: 'amount',
    threshold,
  };
}
