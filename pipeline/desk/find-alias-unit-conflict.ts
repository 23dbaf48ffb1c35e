// Desk: before staff confirm that a name an agency wrote means an indicator, the unit written on the rows that used
// the name must convert to the indicator's unit (intake's convertUnit, the one home of unit rules); a value in
// "tỷ đồng" cannot mean a share in "%".
import type BetterSqlite3 from 'better-sqlite3';
import { convertUnit, isBlankUnit, isKnownUnit } from '../intake/match/convert-unit.ts';

/**
 * The unit written beside the name on the period's rows that use it when none of them converts to the indicator's
 * unit, else null (no unit written, or one that converts).
 * @param agency the agency's rows only; null for every agency
 * @returns `{ written, indicatorUnit }` for the refusal message, or null
 */
export function findAliasUnitConflict(
  sqlite: BetterSqlite3.Database,
  options: { period: string; name: string; indicator: string; agency: string | null },
): { written: string; indicatorUnit: string } | null {
  const indicator = sqlite.prepare('select name, unit from indicators where code = ?').get(options.indicator) as { name: string; unit: string } | undefined;
  if (!indicator || isBlankUnit(indicator.unit)) return null;
  const rows = sqlite
    .prepare(
      `select row_data from problems where period = ? and code in ('unknown-indicator', 'ambiguous-indicator') and value_text = ?
         and row_data is not null ${options.agency ? 'and agency_code = ?' : ''}`,
    )
    .all(...[options.period, options.name, ...(options.agency ? [options.agency] : [])]) as { row_data: string }[];
  let conflict: string | null = null;
  for (const r of rows) {
    let cells: unknown;
    try {
      cells = JSON.parse(r.row_data);
    } catch {
      continue;
    }
    if (!Array.isArray(cells)) continue;
    const units = cells
      .filter((c): c is string => typeof c === 'string' && c.trim() !== '' && c.trim() !== options.name.trim() && !/\d/.test(c))
      .filter((c) => isKnownUnit(c, indicator.unit));
    if (units.length === 0) continue;
    if (units.some((u) => convertUnit(1, u, indicator.unit, { indicatorName: indicator.name }).ok)) return null;
    conflict ??= units[0]!.trim();
  }
  return conflict === null ? null : { written: conflict, indicatorUnit: indicator.unit };
}
