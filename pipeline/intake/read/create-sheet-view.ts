// Intake stage: a read-only view of one raw sheet with merged areas resolved, A1 references and row texts.
import type { RawCell, RawSheet } from '../parse/raw-workbook.ts';
import { cellText } from './read-cell-number.ts';

/** Helpers over one sheet; rows and columns are 0-based, A1 references 1-based as in the spreadsheet. */
export interface SheetView {
  sheet: RawSheet;
  rowCount: number;
  colCount: number;
  /** The cell itself (a merged area's other cells are empty). */
  cell(r: number, c: number): RawCell | null;
  /** Text of a cell, taking a merged area's value from its top-left cell. Trimmed, spaces collapsed. */
  text(r: number, c: number): string;
  /** Text of the cell only (no merge fill). */
  ownText(r: number, c: number): string;
  isHiddenRow(r: number): boolean;
  isHiddenCol(c: number): boolean;
  /** True when (r, c) lies in a merged area that starts at another cell. */
  isMergedTail(r: number, c: number): boolean;
  /** The whole row as texts, for `row_data`. */
  rowTexts(r: number): string[];
}

/** "A".."Z", "AA".. for a 0-based column. */
export function columnLetter(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 reference of a 0-based cell. */
export function toA1(r: number, c: number): string {
  return `${columnLetter(c)}${r + 1}`;
}

const clean = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** Builds the view. Merges are indexed once, so lookups stay O(1). */
export function createSheetView(sheet: RawSheet): SheetView {
  const mergeOf = new Map<number, { r: number; c: number }>();
  const width = 1 << 16;
  for (const m of sheet.merges) {
    // Bounded by the reader (maxMerges, sheet area), but a merge can still be large: cap its fill.
    const area = (m.e.r - m.s.r + 1) * (m.e.c - m.s.c + 1);
    if (area > 5000) continue;
    for (let r = m.s.r; r <= m.e.r; r++) {
      for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) mergeOf.set(r * width + c, m.s);
    }
  }
  const hiddenRows = new Set(sheet.hiddenRows);
  const hiddenCols = new Set(sheet.hiddenCols);
  const colCount = sheet.rows.reduce((m, r) => Math.max(m, r.length), 0);
  const cell = (r: number, c: number) => sheet.rows[r]?.[c] ?? null;
  const ownText = (r: number, c: number) => clean(cellText(cell(r, c)));
  return {
    sheet,
    rowCount: sheet.rows.length,
    colCount,
    cell,
    ownText,
    text(r, c) {
      const top = mergeOf.get(r * width + c);
      return top ? ownText(top.r, top.c) : ownText(r, c);
    },
    isHiddenRow: (r) => hiddenRows.has(r),
    isHiddenCol: (c) => hiddenCols.has(c),
    isMergedTail: (r, c) => mergeOf.has(r * width + c),
    rowTexts(r) {
      const row = sheet.rows[r] ?? [];
      return row.map((x) => clean(cellText(x)));
    },
  };
}
