// Intake stage: what reading one file's sheets produces, before anything is written to the database.
import type { DataProblem } from '../../shared/data-problem.ts';
import type { Period } from '../../shared/parse-period.ts';
import type { IndicatorMatcher } from '../match/create-indicator-matcher.ts';
import type { IntakeRegistry } from '../match/load-intake-registry.ts';
import type { NumberStyle } from './decide-number-style.ts';
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
  /** For a near-name match: the indicator code suggested, for staff to confirm; the figure was not loaded. */
  suggestedIndicator?: string | null;
}

/**
 * The problems of one file, bounded in memory (issue 11 review F2: a dense CSV naming real indicators built 1,77 M
 * problems, 2 GB, before it was refused): the first `ProblemList.KEPT` are kept whole; past them a problem is only
 * counted (`dropped`, `droppedErrors`), so the count in the refusal and in "và N vấn đề khác" stays exact.
 * `KEPT` is above the refusal threshold, so every refused file still lists its first problems with their cells.
 */
export class ProblemList extends Array<IntakeProblem> {
  /** Problems kept whole per file. */
  static readonly KEPT = 1000;
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  dropped = 0;
  droppedErrors = 0;
  override push(...items: IntakeProblem[]): number {
    for (const item of items) {
      if (this.length < ProblemList.KEPT) super.push(item);
      else this.countDropped(item.severity === 'error' ? 1 : 0, 1);
    }
    return this.length;
  }
  /** Adds problems counted elsewhere and not kept. */
  countDropped(errors: number, total: number): void {
    this.dropped += total;
    this.droppedErrors += errors;
  }
}

/** How many problems a list stood for: those kept plus those only counted. */
export function countProblems(problems: readonly IntakeProblem[]): { total: number; errors: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors++;
  if (problems instanceof ProblemList) return { total: problems.length + problems.dropped, errors: errors + problems.droppedErrors };
  return { total: problems.length, errors };
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
  /** The file's decimal mark, decided once per file (`decideNumberStyle`). @default 'vi' */
  numberStyle?: NumberStyle;
  /** The latest figure staged for an indicator in an earlier period (any agency), for the range check. */
  previousValue?: (indicator: string) => { value: number; period: string } | null;
}

/** An empty reading to accumulate into. */
export function emptyReading(): SheetReading {
  return { values: [], tasks: [], problems: new ProblemList(), rowsRead: 0, rowsAccepted: 0 };
}

/** Adds a reading's rows to another (loops, not spread: a 100.000-row CSV would overflow the call stack). */
export function mergeReading(into: SheetReading, from: SheetReading): void {
  for (const v of from.values) into.values.push(v);
  for (const t of from.tasks) into.tasks.push(t);
  for (const p of from.problems) into.problems.push(p);
  if (from.problems instanceof ProblemList) {
    if (into.problems instanceof ProblemList) into.problems.countDropped(from.problems.droppedErrors, from.problems.dropped);
    else throw new Error('mergeReading: problems counted but not kept would be lost');
  }
  into.rowsRead += from.rowsRead;
  into.rowsAccepted += from.rowsAccepted;
}
