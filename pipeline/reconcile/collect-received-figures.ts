// Reconcile stage: the figures received for the report period that no judged row shows (issue 10, §1: "every figure
// received in the period mentioned whether or not it has a target"): an indicator with a 2030 target only in an annual
// report, an indicator with no target at all, a six-month figure of an indicator judged only at the year's end.
import type BetterSqlite3 from 'better-sqlite3';
import { prepareQuery } from '../db/prepare-query.ts';
import { toIndicatorDisplayName } from '../registry/to-indicator-display-name.ts';
import { parsePeriod, type Period } from '../shared/parse-period.ts';
import type { Attainment, ReceivedFigure } from './reconciliation.ts';
import type { SeriesPoint } from './read-indicator-series.ts';
import type { TargetRow } from './read-target-register.ts';
import { compareWithSamePeriod } from './compare-with-same-period.ts';
import { figureKindAsOf } from './figure-kind-as-of.ts';
import { isFlow } from './create-target-evaluation.ts';

interface IndicatorRow {
  indicator: string;
  indicator_name: string;
  unit: string;
  domain: string;
  direction: string;
  aggregation: string;
}

/** What {@link collectReceivedFigures} reads besides the database. */
export interface ReceivedFiguresInput {
  period: Period;
  /** The as-of date (ISO, Vietnam time): `series` already holds only figures received by it; it also sets the kind. */
  asOf: string;
  /** The chosen figures of every indicator as of `asOf` (readIndicatorSeries with no indicator filter). */
  series: ReadonlyMap<string, readonly SeriesPoint[]>;
  /** The period's judged rows: a figure one of them shows is not repeated. */
  attainments: readonly Attainment[];
  /** Every target of the register (not only those in scope), for `laterTarget`. */
  targets: readonly TargetRow[];
  agencyNames: Readonly<Record<string, string>>;
}

const same = (a: number | null | undefined, b: number) => a !== null && a !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/**
 * The period a received figure must be for: the report period itself (the year of an annual report, the half of a
 * six-month one); in a multi-year review, the window's last year (2025 in the 2021-2025 review).
 */
export function receivedFigurePeriod(period: Period): Period {
  return period.kind === 'window' ? parsePeriod(String(period.endYear)) : period;
}

/** Whether a judged row already shows the figure: as its `actual` for the same period, or as `reportPeriodValue`. */
function isShown(rows: readonly Attainment[], point: SeriesPoint): boolean {
  return rows.some((a) => (same(a.actual, point.value) && a.figurePeriod === point.period) || same(a.reportPeriodValue, point.value));
}

/** The nearest target on the indicator whose period ends after the report period (register order breaks ties). */
function nearestLaterTarget(targets: readonly TargetRow[], periodEnd: string): ReceivedFigure['laterTarget'] {
  let best: TargetRow | null = null;
  for (const t of targets) if (t.end_date > periodEnd && (best === null || t.end_date < best.end_date)) best = t;
  return best ? { document: best.document, documentLabel: best.document_label, expression: best.expression, targetPeriod: best.target_period } : null;
}

/**
 * One ReceivedFigure per indicator that has a chosen figure (mart indicator_period_values, as of `asOf`) for the
 * report period (see receivedFigurePeriod) and no judged row of the period showing that figure. In a review, the
 * outlook rows of the 2030 targets already show the 2025 figure, so those indicators are not repeated here; what is
 * left are the indicators no target of the review covers. The kind follows figure-kind-as-of.ts (a figure whose period
 * ends after `asOf` is an estimate); the comparison with the same period last year follows compare-with-same-period.ts,
 * as judged rows do (none for growth rates and reductions a year, whose change in % means nothing).
 * @returns in indicator code order
 */
export function collectReceivedFigures(sqlite: BetterSqlite3.Database, input: ReceivedFiguresInput): ReceivedFigure[] {
  const figurePeriod = receivedFigurePeriod(input.period);
  const indicators = prepareQuery<IndicatorRow>(
    sqlite,
    'select indicator, indicator_name, unit, domain, direction, aggregation from stg_indicators order by indicator',
  ).all();
  const rowsOf = new Map<string, Attainment[]>();
  for (const a of input.attainments) rowsOf.set(a.indicator, [...(rowsOf.get(a.indicator) ?? []), a]);
  const received: ReceivedFigure[] = [];
  for (const ind of indicators) {
    const series = input.series.get(ind.indicator) ?? [];
    const point = series.find((p) => p.period === figurePeriod.id);
    if (!point || isShown(rowsOf.get(ind.indicator) ?? [], point)) continue;
    const compared =
      ind.aggregation === 'avg_growth' || ind.aggregation === 'per_year_reduction'
        ? { samePeriodLastYear: null, changePct: null, changePoints: null }
        : compareWithSamePeriod(series, figurePeriod, point.value, { flow: isFlow(ind), unit: ind.unit, rangeStart: figurePeriod.start });
    received.push({
      indicator: ind.indicator,
      indicatorName: toIndicatorDisplayName(ind.indicator_name),
      domain: ind.domain,
      unit: ind.unit,
      direction: ind.direction === 'lower' ? 'lower' : 'higher',
      period: point.period,
      value: point.value,
      kind: figureKindAsOf(point, input.asOf),
      source: point.source,
      agency: point.agency,
      agencyName: input.agencyNames[point.agency] ?? null,
      ...compared,
      laterTarget: nearestLaterTarget(
        input.targets.filter((t) => t.indicator === ind.indicator),
        input.period.end,
      ),
    });
  }
  return received;
}
