// Reconcile stage: reads the targets with their indicator, document and dates (mart target_register).
import type BetterSqlite3 from 'better-sqlite3';
import type { PeriodKind } from '../shared/parse-period.ts';

/** One row of the mart target_register. */
export interface TargetRow {
  target_id: string;
  document: string;
  document_label: string;
  document_issued_year: number | null;
  /** ISO date the document was issued, when known. */
  document_issued_on: string | null;
  /** nghi_quyet, ke_hoach, chuong_trinh, quyet_dinh. */
  document_kind: string;
  indicator: string;
  indicator_name: string;
  domain: string;
  /** The indicator's unit, in which figures are staged. */
  unit: string;
  target_unit: string | null;
  direction: string;
  aggregation: string;
  parent_indicator: string | null;
  /** 'year' for a measure that exists for whole years only (GRDP per head); null for any period. */
  frequency: string | null;
  target_period: string;
  period_kind: PeriodKind;
  start_date: string;
  end_date: string;
  start_year: number;
  end_year: number;
  op: string;
  lo: number | null;
  hi: number | null;
  per_year: number;
  change: 'increase' | 'decrease' | null;
  expression: string;
  agency: string | null;
  agency_name: string | null;
  source_ref: string;
  origin: string;
}

/** Reads every target of the register, in document order (natural order of ids). */
export function readTargetRegister(sqlite: BetterSqlite3.Database): TargetRow[] {
  const rows = sqlite.prepare('select * from target_register').all() as TargetRow[];
  return rows.sort((a, b) => a.target_id.localeCompare(b.target_id, 'en', { numeric: true }));
}
