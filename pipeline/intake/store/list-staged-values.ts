// Intake stage (read side): the values staged for a period, current submissions only or the whole history.
import type { OpenDatabase } from '../../db/open-database.ts';
import { parsePeriod } from '../../shared/parse-period.ts';

/** One staged value as `kehoach values` prints it. */
export interface StagedValueRow {
  agency: string;
  indicator: string;
  period: string;
  /** In the indicator's unit, dot decimal. */
  value: number;
  unit: string;
  kind: string;
  /** file!sheet!cell */
  source: string;
  /** current | superseded | held (arrived after the period was closed); only with `all`. */
  status?: string;
}

/**
 * Lists the values staged from current submissions of a period (not superseded, not held by a closure) (a "Năm 2023" column of a 2024-H1 file is listed with period
 * 2023). Ordered by agency, indicator, period, kind.
 * @param all include values of superseded submissions, with a `status` column
 */
export function listStagedValues(database: OpenDatabase, options: { period: string; all?: boolean }): StagedValueRow[] {
  const period = parsePeriod(options.period);
  const rows = database.sqlite
    .prepare(
      `select v.agency_code as agency, v.indicator_code as indicator, v.period, v.value, i.unit, v.kind,
              v.source_file, v.source_sheet, v.source_cell, s.superseded_by, s.held, s.received_at, v.id
         from staged_values v
         join submissions s on s.id = v.submission_id
         join indicators i on i.code = v.indicator_code
        where s.period = ? ${options.all ? '' : 'and s.superseded_by is null and s.held = 0'}
        order by v.agency_code, v.indicator_code, v.period, v.kind, s.received_at, v.id`,
    )
    .all(period.id) as {
    agency: string;
    indicator: string;
    period: string;
    value: number;
    unit: string;
    kind: string;
    source_file: string;
    source_sheet: string | null;
    source_cell: string | null;
    superseded_by: number | null;
    held: number;
  }[];
  return rows.map((r) => {
    const row: StagedValueRow = {
      agency: r.agency,
      indicator: r.indicator,
      period: r.period,
      value: r.value,
      unit: r.unit,
      kind: r.kind,
      source: [r.source_file, r.source_sheet, r.source_cell].filter(Boolean).join('!'),
    };
    if (options.all) row.status = r.held === 1 ? 'held' : r.superseded_by === null ? 'current' : 'superseded';
    return row;
  });
}
