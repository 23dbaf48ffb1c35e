// Shared (all stages): a problem found in data someone sent us, carrying its place so it can go back to them.

/** Problem codes: the Frictionless ones plus this project's own (see ../shared/INGEST-NOTES.md). */
export type ProblemCode =
  | 'encoding-error'
  | 'blank-header'
  | 'duplicate-label'
  | 'missing-label'
  | 'blank-row'
  | 'duplicate-row'
  | 'type-error'
  | 'missing-cell'
  | 'extra-cell'
  | 'constraint-error'
  | 'legacy-encoding'
  | 'ambiguous-number'
  | 'text-in-number-cell'
  | 'formula-no-cached-value'
  | 'unknown-indicator'
  | 'ambiguous-indicator'
  | 'unit-mismatch'
  | 'wrong-period'
  | 'hidden-content'
  | 'unknown-agency'
  | 'unreadable-file'
  | 'unsafe-file'
  | 'duplicate-value'
  | 'unknown-task'
  | 'late-file'
  | 'period-closed'
  | 'seed-error'
  /** A form whose own agency differs from the folder (or --agency) it came in: held for staff (issue 11). */
  | 'agency-mismatch'
  /** A figure for an indicator no target gives the agency in the period (issue 11). */
  | 'indicator-not-followed'
  /** A later file carrying fewer indicators than the agency's file before it (issue 11). */
  | 'fewer-indicators'
  /** The line that sums up the problems of a file beyond the first ones listed (issue 11). */
  | 'more-problems'
  | 'plan-import-error';

/** How a problem affects loading: an error keeps the row (or file) out, a warning loads it and tells the agency. */
export type ProblemSeverity = 'error' | 'warning';

/** Where a problem is, as precise as the source allows. */
export interface ProblemPlace {
  file: string;
  sheet?: string | null;
  /** 1-based row number in the sheet or file. */
  row?: number | null;
  /** Column letter(s) as in the spreadsheet ("F"), or a CSV column name. */
  column?: string | null;
}

/** A problem in one agency's (or one seed file's) data: never a crash, always reported to whoever can fix it. */
export interface DataProblem extends ProblemPlace {
  code: ProblemCode;
  severity: ProblemSeverity;
  /** Vietnamese, names what is wrong. */
  message: string;
  /** Vietnamese, what the sender should do. */
  action?: string | null;
  /** The text seen in the cell, verbatim. */
  value?: string | null;
}

/** Formats a place as "tệp.xlsx, trang Sheet1, ô F7" for messages. */
export function formatPlace(place: ProblemPlace): string {
  const parts = [place.file];
  if (place.sheet) parts.push(`trang ${place.sheet}`);
  if (place.column && place.row) parts.push(`ô ${place.column}${place.row}`);
  else if (place.row) parts.push(`dòng ${place.row}`);
  else if (place.column) parts.push(`cột ${place.column}`);
  return parts.join(', ');
}
