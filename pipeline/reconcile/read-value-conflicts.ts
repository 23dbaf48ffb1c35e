// Reconcile stage: figures of different agencies that disagree beyond rounding (mart value_conflicts).
import type BetterSqlite3 from 'better-sqlite3';
import type { Period } from '../shared/parse-period.ts';
import type { ValueConflict } from './reconciliation.ts';

interface Row {
  indicator: string;
  indicator_name: string;
  unit: string;
  value_period: string;
  start_date: string;
  end_date: string;
  agency: string;
  value: number;
  value_kind: 'actual' | 'estimate';
  source: string;
  is_chosen: number;
  chosen_agency: string;
  chosen_value: number;
  choice_reason: string;
  gap_pct: number | null;
}

/**
 * The disagreements on figures for periods inside the report period: for each indicator and period, the chosen figure
 * first, then every other agency's figure whose gap to it is above `tolerancePct` (a gap against a chosen 0 always
 * counts). Gaps at or below the tolerance are rounding and are not listed.
 */
export function readValueConflicts(sqlite: BetterSqlite3.Database, period: Period, tolerancePct: number): ValueConflict[] {
  const rows = sqlite
    .prepare(
      `select * from value_conflicts where start_date >= ? and end_date <= ?
       order by indicator, end_date, start_date, value_period, is_chosen desc, agency`,
    )
    .all(period.start, period.end) as Row[];
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const key = `${r.indicator}\u0000${r.value_period}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const conflicts: ValueConflict[] = [];
  for (const group of groups.values()) {
    const disagreeing = group.filter((r) => r.is_chosen === 0 && (r.gap_pct === null || r.gap_pct > tolerancePct));
    const chosen = group.find((r) => r.is_chosen === 1);
    if (disagreeing.length === 0 || !chosen) continue;
    conflicts.push({
      indicator: chosen.indicator,
      indicatorName: chosen.indicator_name,
      period: chosen.value_period,
      unit: chosen.unit,
      values: [chosen, ...disagreeing].map((r) => ({ agency: r.agency, value: r.value, kind: r.value_kind, source: r.source })),
      chosen: { agency: chosen.agency, value: chosen.value, reason: chosen.choice_reason },
    });
  }
  return conflicts;
}
