// Intake stage: where a problem is, in the form every problem carries (file, sheet, 1-based row, column letter, A1).
import { columnLetter } from './create-sheet-view.ts';

/** The place fields of a problem at one cell. */
export interface CellPlace {
  file: string;
  sheet: string;
  row: number;
  column: string;
  cell: string;
}

/**
 * Places a problem at a cell: `row` is 1-based as the agency sees it, `col` 0-based as the readers index columns.
 * A problem about a whole row is placed at its column A.
 */
export function cellPlace(file: string, sheet: string, row: number, col: number): CellPlace {
  const column = columnLetter(col);
  return { file, sheet, row, column, cell: `${column}${row}` };
}

/** Places a problem at an A1 reference such as `C12` (row 12, column C). */
export function cellPlaceAt(file: string, sheet: string, cell: string): CellPlace {
  return { file, sheet, row: Number(cell.replace(/^[A-Z]+/, '')), column: cell.replace(/\d+$/, ''), cell };
}
