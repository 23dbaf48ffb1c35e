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

/** A verdict and the comparison behind it (Vietnamese). */
export interface Judgement {
  status: Extract<AttainmentStatus, 'vuot' | 'dat' | 'khong_dat'>;
  /** "6.120 > 5.000", "50,8 trong khoảng 47,5-54,6 (khoảng 50-52, ±5%)". */
  comparison: string;
}

/** Operators a target may have (seeds/README.md). */
export const TARGET_OPS: readonly TargetBounds['op'][] = ['gt', 'gte', 'lt', 'lte', 'eq', 'approx', 'range', 'approx_range'];

const NUMBER_FORMATS = new Map<number, Intl.NumberFormat>();

/** Formats a number for a Vietnamese sentence: "1.245,8", at most two decimals. */
export function formatNumberVi(value: number, maximumFractionDigits = 2): string {
  // One formatter per precision: building an Intl.NumberFormat per call costs more than the whole verdict.
  let format = NUMBER_FORMATS.get(maximumFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('vi-VN', { maximumFractionDigits });
    NUMBER_FORMATS.set(maximumFractionDigits, format);
  }
  return format.format(value);
}

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
  const v = formatNumberVi(value);
  const f = (x: number) => formatNumberVi(x);
  const belowLo = band.loOpen ? value < band.lo || near(value, band.lo) : value < band.lo && !near(value, band.lo);
  const aboveHi = band.hiOpen ? value > band.hi || near(value, band.hi) : value > band.hi && !near(value, band.hi);
  const margin = 1 + tolerancePct / 100;
  switch (t.op) {
    case 'gt':
    case 'gte': {
      const sign = t.op === 'gt' ? '>' : '≥';
      if (belowLo) return { status: 'khong_dat', comparison: `${v} không ${sign} ${f(band.lo)}` };
      const clearlyAbove = direction === 'higher' && value > band.lo + Math.abs(band.lo) * (margin - 1) && !near(value, band.lo * margin);
      return clearlyAbove
        ? { status: 'vuot', comparison: `${v} ${sign} ${f(band.lo)}, cao hơn mức chỉ tiêu trên ${formatNumberVi(tolerancePct)}%` }
        : { status: 'dat', comparison: `${v} ${sign} ${f(band.lo)}` };
    }
    case 'lt':
    case 'lte': {
      const sign = t.op === 'lt' ? '<' : '≤';
      if (aboveHi) return { status: 'khong_dat', comparison: `${v} không ${sign} ${f(band.hi)}` };
      const clearlyBelow = direction === 'lower' && value < band.hi - Math.abs(band.hi) * (margin - 1) && !near(value, band.hi / margin);
      return clearlyBelow
        ? { status: 'vuot', comparison: `${v} ${sign} ${f(band.hi)}, thấp hơn mức chỉ tiêu trên ${formatNumberVi(tolerancePct)}%` }
        : { status: 'dat', comparison: `${v} ${sign} ${f(band.hi)}` };
    }
    case 'eq':
    case 'approx':
    case 'range':
    case 'approx_range': {
      const bandText =
        t.op === 'eq'
          ? `= ${f(band.lo)}`
          : t.op === 'range'
            ? `trong khoảng ${f(band.lo)}-${f(band.hi)}`
            : `trong khoảng ${f(band.lo)}-${f(band.hi)} (khoảng, ±${formatNumberVi(tolerancePct)}%)`;
      if (!belowLo && !aboveHi) return { status: 'dat', comparison: `${v} ${bandText}` };
      const better = (aboveHi && direction === 'higher') || (belowLo && direction === 'lower');
      const where = aboveHi ? `cao hơn mức ${f(band.hi)}` : `thấp hơn mức ${f(band.lo)}`;
      return { status: better ? 'vuot' : 'khong_dat', comparison: `${v} ${where}` };
    }
    default: {
      const never: never = t.op;
      throw new Error(`Toán tử chỉ tiêu không xác định: ${String(never)}`);
    }
  }
}
