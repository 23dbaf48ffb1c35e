// Registry stage: where documents disagree, on the figure of a target or on who follows it. Never resolved silently.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

/** One disagreement between targets on the same indicator. */
export interface TargetConflict {
  kind: 'value' | 'agency';
  indicator: string;
  indicator_name: string;
  /** The period both targets are for; blank for an agency conflict across periods. */
  period: string;
  /** "KH-434-2023 (Khoảng 50-52) | KH-60CTR-2023 (tối thiểu 45%)" or the agencies with their documents. */
  details: string;
  target_ids: string;
}

/**
 * Lists indicators that different documents (or one document twice) set differently for the same period,
 * and indicators whose targets are followed by different agencies.
 */
export async function findTargetConflicts(db: Kysely<Database>): Promise<TargetConflict[]> {
  const rows = await db
    .selectFrom('targets as t')
    .innerJoin('indicators as i', 'i.code', 't.indicator')
    .select(['t.id', 't.document', 't.indicator', 'i.name', 't.period', 't.op', 't.lo', 't.hi', 't.expression', 't.agency'])
    .orderBy('t.indicator')
    .orderBy('t.period')
    .orderBy('t.id')
    .execute();
  const conflicts: TargetConflict[] = [];
  const byIndicatorPeriod = new Map<string, typeof rows>();
  const byIndicator = new Map<string, typeof rows>();
  for (const r of rows) {
    const k = `${r.indicator}\u0000${r.period}`;
    byIndicatorPeriod.set(k, [...(byIndicatorPeriod.get(k) ?? []), r]);
    byIndicator.set(r.indicator, [...(byIndicator.get(r.indicator) ?? []), r]);
  }
  for (const group of byIndicatorPeriod.values()) {
    const readings = new Set(group.map((g) => `${g.op}|${g.lo}|${g.hi}`));
    if (group.length < 2 || readings.size < 2) continue;
    const first = group[0]!;
    conflicts.push({
      kind: 'value',
      indicator: first.indicator,
      indicator_name: first.name,
      period: first.period,
      details: group.map((g) => `${g.document}: "${g.expression}"`).join(' | '),
      target_ids: group.map((g) => g.id).join(' '),
    });
  }
  for (const group of byIndicator.values()) {
    const withAgency = group.filter((g) => g.agency);
    const agencies = new Set(withAgency.map((g) => g.agency));
    if (agencies.size < 2) continue;
    const first = group[0]!;
    conflicts.push({
      kind: 'agency',
      indicator: first.indicator,
      indicator_name: first.name,
      period: [...new Set(withAgency.map((g) => g.period))].join(', '),
      details: withAgency.map((g) => `${g.document}: ${g.agency}`).join(' | '),
      target_ids: withAgency.map((g) => g.id).join(' '),
    });
  }
  return conflicts;
}
