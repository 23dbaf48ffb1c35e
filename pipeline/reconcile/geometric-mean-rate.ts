// Reconcile stage: the average annual growth over several years, as the statistics office computes it.

/**
 * Geometric mean of yearly growth rates in %: (Π(1 + r/100))^(1/n) - 1, in %. 5% then 15% averages 9,89%, not 10%.
 * Returns null for no rates or a year that fell by 100% or more (no geometric mean exists).
 */
export function geometricMeanRate(ratesPct: readonly number[]): number | null {
  if (ratesPct.length === 0) return null;
  let product = 1;
  for (const r of ratesPct) {
    if (1 + r / 100 <= 0) return null;
    product *= 1 + r / 100;
  }
  return (product ** (1 / ratesPct.length) - 1) * 100;
}

/**
 * The average yearly rate the remaining years need so that all `totalYears` average `targetPct`:
 * ((1 + target)^N / Π(1 + r_observed))^(1/m) - 1. "cần tăng bình quân 13,5%/năm trong 2024-2025".
 */
export function requiredRemainingRate(targetPct: number, observedPct: readonly number[], totalYears: number): number | null {
  const remaining = totalYears - observedPct.length;
  if (remaining <= 0) return null;
  let product = 1;
  for (const r of observedPct) product *= 1 + r / 100;
  const needed = (1 + targetPct / 100) ** totalYears / product;
  if (needed <= 0) return null;
  return (needed ** (1 / remaining) - 1) * 100;
}
