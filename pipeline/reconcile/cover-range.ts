// Reconcile stage: picks the figures of a series that describe a stretch of time, without counting any month twice.
import type { SeriesPoint } from './read-indicator-series.ts';
import { addDays } from '../shared/vietnam-time.ts';

/** Figures that together cover a date range (flows), or what is missing. */
export interface RangeCover {
  points: SeriesPoint[];
  total: number;
  /** Human names of the parts with no figure ("2023", "2024-H2"); empty when the cover is complete. */
  missing: string[];
  /** Parts worked out from others ("2022-H2 = 2022 - 2022-H1"), for the reason text. */
  derived: string[];
}

/** The last day before an ISO date: 2025-01-01 -> 2024-12-31, 2024-07-01 -> 2024-06-30. */
export function dayBefore(isoDate: string): string {
  return addDays(isoDate, -1);
}

/** The same ISO date `years` earlier or later (period ends are month ends, so 02-29 never occurs). */
export function shiftYears(isoDate: string, years: number): string {
  return `${String(Number(isoDate.slice(0, 4)) + years).padStart(4, '0')}${isoDate.slice(4)}`;
}

/**
 * A period end as a time in years, counting whole months: 2023-12-31 -> 2024.0, 2024-06-30 -> 2024.5. Projections
 * measure elapsed and remaining time with it.
 */
export function timeOf(isoEnd: string): number {
  return Number(isoEnd.slice(0, 4)) + Number(isoEnd.slice(5, 7)) / 12;
}

const KIND_ORDER: Record<string, number> = { year: 0, half: 1, quarter: 2, window: 3 };

/**
 * The level at a date: the figure whose period ends that day. Preferred, in order: the period ids given (the report
 * period, the target period), then a year, a half, a quarter, a window.
 */
export function findLevelAt(series: readonly SeriesPoint[], end: string, preferIds: readonly string[] = []): SeriesPoint | null {
  const candidates = series.filter((p) => p.end === end);
  if (candidates.length === 0) return null;
  for (const id of preferIds) {
    const hit = candidates.find((p) => p.period === id);
    if (hit) return hit;
  }
  return [...candidates].sort((a, b) => (KIND_ORDER[a.periodKind] ?? 9) - (KIND_ORDER[b.periodKind] ?? 9))[0] ?? null;
}

/** Month index (year*12 + month-1) of an ISO date. */
function monthIndex(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

/**
 * Covers [start, end] (ISO, month-aligned) with figures for a flow (a total, a count): the exact period if reported,
 * else year by year a year figure, else its halves, else its quarters; a half missing but its year and the other
 * half present is derived (year minus half) rather than left out.
 */
export function coverRange(series: readonly SeriesPoint[], start: string, end: string): RangeCover {
  const exact = series.find((p) => p.start === start && p.end === end);
  if (exact) return { points: [exact], total: exact.value, missing: [], derived: [] };
  const byId = new Map(series.map((p) => [p.period, p]));
  const points: SeriesPoint[] = [];
  const missing: string[] = [];
  const derived: string[] = [];
  let total = 0;
  const take = (p: SeriesPoint) => {
    points.push(p);
    total += p.value;
  };
  const coverHalf = (year: number, half: 1 | 2, fromQ: number, toQ: number): boolean => {
    const wholeHalf = fromQ === (half === 1 ? 1 : 3) && toQ === (half === 1 ? 2 : 4);
    const h = byId.get(`${year}-H${half}`);
    if (wholeHalf && h) {
      take(h);
      return true;
    }
    const qs = [];
    for (let q = fromQ; q <= toQ; q++) qs.push(byId.get(`${year}-Q${q}`));
    if (qs.every((q) => q !== undefined)) {
      for (const q of qs) take(q!);
      return true;
    }
    if (wholeHalf) {
      // The year and the other half give this half: 2022-H2 = 2022 - 2022-H1 (15-NQ/TU sets H2 targets).
      const y = byId.get(String(year));
      const other = byId.get(`${year}-H${half === 1 ? 2 : 1}`);
      if (y && other) {
        points.push(y, other);
        total += y.value - other.value;
        derived.push(`${year}-H${half} = ${y.period} - ${other.period}`);
        return true;
      }
    }
    missing.push(wholeHalf ? `${year}-H${half}` : qs.length === 1 ? `${year}-Q${fromQ}` : `${year}-Q${fromQ}..Q${toQ}`);
    return false;
  };
  const first = monthIndex(start);
  const last = monthIndex(end);
  for (let year = Math.floor(first / 12); year <= Math.floor(last / 12); year++) {
    const fromQ = Math.max(1, Math.floor((Math.max(first, year * 12) - year * 12) / 3) + 1);
    const toQ = Math.min(4, Math.floor((Math.min(last, year * 12 + 11) - year * 12) / 3) + 1);
    const y = byId.get(String(year));
    if (fromQ === 1 && toQ === 4 && y) {
      take(y);
      continue;
    }
    if (fromQ <= 2) coverHalf(year, 1, fromQ, Math.min(toQ, 2));
    if (toQ >= 3) coverHalf(year, 2, Math.max(fromQ, 3), toQ);
  }
  return { points, total, missing, derived };
}
