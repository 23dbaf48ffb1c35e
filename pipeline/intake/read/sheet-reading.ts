// Intake stage: what reading one file's sheets produces, before anything is written to the database.
import type { DataProblem } from '../../shared/data-problem.ts';
import type { Period } from '../../shared/parse-period.ts';
import type { IndicatorMatcher } from '../match/create-indicator-matcher.ts';
import type { IntakeRegistry } from '../match/load-intake-registry.ts';
import type { ValueKind } from './parse-period-header.ts';

/** A value ready to stage: already matched and converted to the indicator's unit. */
export interface StagedValueDraft {
  indicator: string;
  period: string;
  kind: ValueKind;
  value: number;
  valueText: string;
  unitText: string | null;
  sheet: string;
  /** A1 reference of the value cell. */
  cell: string;
  row: number;
  note: string | null;
}

/** Task progress ready to stage. */
export interface TaskReportDraft {
  taskId: string;
  status: 'hoan_thanh' | 'dang_thuc_hien' | 'chua_thuc_hien' | null;
  progressText: string;
  sheet: string;
  cell: string;
}

/** A problem with its cell and, for a row that is not loaded, the whole row as read. */
export interface IntakeProblem extends DataProblem {
  cell?: string | null;
  rowData?: string[] | null;
}

/** What reading sheets gives. */
export interface SheetReading {
  values: StagedValueDraft[];
  tasks: TaskReportDraft[];
  problems: IntakeProblem[];
  rowsRead: number;
  rowsAccepted: number;
}

/** What a sheet reader needs to know about the file it reads. */
export interface ReadContext {
  fileName: string;
  period: Period;
  agency: string;
  /** Indicators the agency follows in the period (its targets name it). */
  own: ReadonlySet<string>;
  registry: IntakeRegistry;
  matcher: IndicatorMatcher;
}

/** An empty reading to accumulate into. */
export function emptyReading(): SheetReading {
  return { values: [], tasks: [], problems: [], rowsRead: 0, rowsAccepted: 0 };
}

/** Adds a reading's rows to another (loops, not spread: a 100.000-row CSV would overflow the call stack). */
export function mergeReading(into: SheetReading, from: SheetReading): void {
  for (const v of from.values) into.values.push(v);
  for (const t of from.tasks) into.tasks.push(t);
  for (const p of from.problems) into.problems.push(p);
  into.rowsRead += from.rowsRead;
  into.rowsAccepted += from.rowsAccepted;
}
