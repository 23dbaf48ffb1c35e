// Reconcile stage: reads the chosen figure of every indicator and period (mart indicator_period_values) as series.
import type BetterSqlite3 from 'better-sqlite3';
import type { PeriodKind } from '../shared/parse-period.ts';

/** One chosen figure of an indicator for one period, with its calendar dates and where it came from. */
export interface SeriesPoint {
  indicator: string;
  period: string;
  periodKind: PeriodKind;
  /** Calendar dates of the figure's period (ISO, inclusive). */
  start: string;
  end: string;
  startYear: number;
  endYear: number;
  value: number;
  valueKind: 'actual' | 'estimate';
  agency: string;
  source: string;
  /** Period of the file the figure came in (a "cả năm" estimate in a 2024-H1 file has 2024-H1 here). */
  submissionPeriod: string;
  /** Why this figure was kept over other agencies' (Vietnamese). */
  choiceReason: string;
}

interface Row {
  indicator: string;
  value_period: string;
  period_kind: PeriodKind;
  start_date: string;
  end_date: string;
  start_year: number;
  end_year: number;
  value: number;
  value_kind: 'actual' | 'estimate';
  agency: string;
  source: string;
  submission_period: string;
  choice_reason: string;
}

/**
 * The chosen figure per indicator and period among those received by `asOf` (a Vietnam date): the first by the
 * preference of int_values_ranked_by_preference whose file arrived on or before that date, so a figure of a file that
 * came after the report date never counts (README "One completeness rule": a file received after the as-of date does
 * not count, for figures and completeness alike).
 */
const AS_OF_QUERY = `
  with eligible as (
    select *, row_number() over (partition by indicator, value_period order by preference_rank) as eligible_rank
    from int_values_ranked_by_preference
    where date(received_at, '+7 hours') <= :as_of
  )
  select indicator, value_period, period_kind, start_date, end_date, start_year, end_year, value, value_kind, agency,
    source, received_at, submission_period, choice_reason, agencies
  from eligible where eligible_rank = 1
  order by indicator, end_date, start_date desc, value_period`;

/**
 * Reads the series of the given indicators (all of them when `indicators` is omitted), each sorted by end date then
 * start date, so the latest figure is last. With `asOf` (ISO date, Vietnam time), only figures of files received on
 * or before it count: the report dated 22/12 never judges a file of 23/12.
 */
export function readIndicatorSeries(
  sqlite: BetterSqlite3.Database,
  indicators?: readonly string[],
  asOf?: string,
): Map<string, SeriesPoint[]> {
  const rows = (
    asOf
      ? sqlite.prepare(AS_OF_QUERY).all({ as_of: asOf })
      : sqlite.prepare('select * from indicator_period_values order by indicator, end_date, start_date desc, value_period').all()
  ) as Row[];
  const wanted = indicators ? new Set(indicators) : null;
  const series = new Map<string, SeriesPoint[]>();
  for (const r of rows) {
    if (wanted && !wanted.has(r.indicator)) continue;
    const list = series.get(r.indicator) ?? [];
    list.push({
      indicator: r.indicator,
      period: r.value_period,
      periodKind: r.period_kind,
      start: r.start_date,
      end: r.end_date,
      startYear: r.start_year,
      endYear: r.end_year,
      value: r.value,
      valueKind: r.value_kind,
      agency: r.agency,
      source: r.source,
      submissionPeriod: r.submission_period,
      choiceReason: r.choice_reason,
    });
    series.set(r.indicator, list);
  }
  return series;
}
