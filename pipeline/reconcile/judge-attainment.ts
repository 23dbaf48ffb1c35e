// Reconcile stage: the verdict on one figure against one target's words (op, bounds, direction, "khoảng" tolerance).
//
// The words define a band of values that meet the target. Inside the band is `dat`. Outside it on the worse side is
// `khong_dat`. Outside it on the better side is `vuot`. A one-sided band ("trên 10", "dưới 12‰") has no better
// outside, so there `vuot` means beyond the bound by more than the "khoảng" tolerance (clearly more than asked).
import type { AttainmentStatus } from './reconciliation.ts';

/** The reading of a target that a verdict needs. */
export interface TargetBounds {
  op: 'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'approx' | 'range' | 'approx_range';
  lo: number | null;
  hi: number | null;
}

/** A final verdict on one figure (the report stage words it). */
export interface Judgement {
  status: Extract<AttainmentStatus, 'vuot' | 'dat' | 'khong_dat'>;
}

/** Operators a target may have (seeds/README.md). */
export const TARGET_OPS: readonly TargetBounds['op'][] = ['gt', 'gte', 'lt', 'lte', 'eq', 'approx', 'range', 'approx_range'];

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * The band of values meeting the target. `approx` and `approx_range` widen by `tolerancePct` of the bound on each
 * side ("khoảng 50" with 5% accepts 47,5-52,5). Open ends are infinite; `loOpen`/`hiOpen` say whether the bound
 * itself is excluded (trên, dưới).
 */
export function targetBand(t: TargetBounds, tolerancePct: number): { lo: number; hi: number; loOpen: boolean; hiOpen: boolean } {
  const widen = (v: number) => (Math.abs(v) * tolerancePct) / 100;
  const lo = t.lo ?? Number.NaN;
  const hi = t.hi ?? t.lo ?? Number.NaN;
  switch (t.op) {
    case 'gt':
      return { lo, hi: Infinity, loOpen: true, hiOpen: false };
    case 'gte':
      return { lo, hi: Infinity, loOpen: false, hiOpen: false };
    case 'lt':
      return { lo: -Infinity, hi: t.hi ?? Number.NaN, loOpen: false, hiOpen: true };
    case 'lte':
      return { lo: -Infinity, hi: t.hi ?? Number.NaN, loOpen: false, hiOpen: false };
    case 'eq':
      return { lo, hi: lo, loOpen: false, hiOpen: false };
    case 'approx':
      return { lo: lo - widen(lo), hi: lo + widen(lo), loOpen: false, hiOpen: false };
    case 'range':
      return { lo, hi, loOpen: false, hiOpen: false };
    case 'approx_range':
      return { lo: lo - widen(lo), hi: hi + widen(hi), loOpen: false, hiOpen: false };
    default: {
      const never: never = t.op;
      throw new Error(`Toán tử chỉ tiêu không xác định: ${String(never)}`);
    }
  }
}

/**
 * The value that only just meets the target, on the side the indicator must move towards: what a projection aims at
 * ("trên 10" -> 10, "khoảng 50-52" rising -> 47,5, "dưới 51‰" -> 51). Null when the target has no number.
 */
export function targetThreshold(t: TargetBounds, direction: 'higher' | 'lower', tolerancePct: number): number | null {
  const band = targetBand(t, tolerancePct);
  const pick = direction === 'higher' ? (Number.isFinite(band.lo) ? band.lo : band.hi) : Number.isFinite(band.hi) ? band.hi : band.lo;
  return Number.isFinite(pick) ? pick : null;
}

/** The plan figure a value is compared with in "So sánh (%)": the bound the indicator must reach. */
export function targetReference(t: TargetBounds, direction: 'higher' | 'lower'): number | null {
  return direction === 'higher' ? (t.lo ?? t.hi) : (t.hi ?? t.lo);
}

/**
 * Judges a value against a target.
 * @param direction of the judged value: 'higher' when more is better (for a reduction per year, a larger reduction)
 * @param tolerancePct the "khoảng" tolerance, also the margin beyond a one-sided bound that counts as `vuot`
 */
export function judgeAttainment(value: number, t: TargetBounds, direction: 'higher' | 'lower', tolerancePct: number): Judgement {
  const band = targetBand(t, tolerancePct);
  const belowLo = band.loOpen ? value < band.lo || near(value, band.lo) : value < band.lo && !near(value, band.lo);
  const aboveHi = band.hiOpen ? value > band.hi || near(value, band.hi) : value > band.hi && !near(value, band.hi);
  const margin = 1 + tolerancePct / 100;
  switch (t.op) {
    case 'gt':
    case 'gte': {
      if (belowLo) return { status: 'khong_dat' };
      const clearlyAbove = direction === 'higher' && value > band.lo + Math.abs(band.lo) * (margin - 1) && !near(value, band.lo * margin);
      return { status: clearlyAbove ? 'vuot' : 'dat' };
    }
    case 'lt':
    case 'lte': {
      if (aboveHi) return { status: 'khong_dat' };
      const clearlyBelow = direction === 'lower' && value < band.hi - Math.abs(band.hi) * (margin - 1) && !near(value, band.hi / margin);
      return { status: clearlyBelow ? 'vuot' : 'dat' };
    }
    case 'eq':
    case 'approx':
    case 'range':
    case 'approx_range': {
      if (!belowLo && !aboveHi) return { status: 'dat' };
      const better = (aboveHi && direction === 'higher') || (belowLo && direction === 'lower');
      return { status: better ? 'vuot' : 'khong_dat' };
    }
    default: {
      const never: never = t.op;
      throw new Error(`Toán tử chỉ tiêu không xác định: ${String(never)}`);
    }
  }
}
