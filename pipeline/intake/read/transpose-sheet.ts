// Intake stage: a transposed sheet (periods down the side, indicators across the top, as some agencies lay out a
// series) turned the usual way round, so the free-form reader reads it; every place it reports is mapped back to the
// cell the agency sees.
import type { RawCell, RawSheet } from '../parse/raw-workbook.ts';
import { parsePeriodHeader } from './parse-period-header.ts';
import { cellText } from './read-cell-number.ts';
import type { ReadContext, SheetReading } from './sheet-reading.ts';
import { columnLetter, toA1 } from './create-sheet-view.ts';

/** The sheet turned round, and how to find an original cell from a turned one (0-based). */
export interface TransposedSheet {
  sheet: RawSheet;
  original(r: number, c: number): { r: number; c: number };
}

/**
 * Recognises a transposed sheet: a row (among the first 15) naming at least two indicators exactly, over a column of
 * period labels ("Năm 2023", "6 tháng đầu năm 2025"). Returns it turned round with "Chỉ tiêu" over the names, or null.
 */
export function transposeSheet(sheet: RawSheet, ctx: ReadContext): TransposedSheet | null {
  const text = (r: number, c: number) => cellText(sheet.rows[r]?.[c]).replace(/\s+/g, ' ').trim();
  const width = sheet.rows.reduce((m, row) => Math.max(m, row.length), 0);
  for (let h = 0; h < Math.min(sheet.rows.length, 15); h++) {
    const named: number[] = [];
    let first = -1;
    for (let c = 0; c < width; c++) {
      const t = text(h, c);
      if (!t) continue;
      const m = ctx.matcher.match(t, ctx.agency, ctx.own);
      if (m.type === 'match' && m.how !== 'fuzzy') named.push(c);
      else if (first < 0 && named.length === 0) first = c;
    }
    if (named.length < 2 || first < 0) continue;
    let periods = 0;
    for (let r = h + 1; r < sheet.rows.length; r++) if (parsePeriodHeader(text(r, first), ctx.period)?.type === 'value') periods++;
    if (periods === 0) continue;
    const rows: (RawCell | null)[][] = [];
    for (let c = first; c < width; c++) {
      const out: (RawCell | null)[] = [];
      for (let r = h; r < sheet.rows.length; r++) out.push(sheet.rows[r]?.[c] ?? null);
      rows.push(out);
    }
    rows[0]![0] = { t: 's', v: 'Chỉ tiêu' };
    return {
      sheet: {
        ...sheet,
        rows,
        merges: [],
        hiddenRows: sheet.hiddenCols.filter((c) => c >= first).map((c) => c - first),
        hiddenCols: sheet.hiddenRows.filter((r) => r >= h).map((r) => r - h),
      },
      original: (r, c) => ({ r: h + c, c: first + r }),
    };
  }
  return null;
}

/** Maps every place of a reading of the turned sheet back to the agency's own cells. */
export function mapPlacesBack(reading: SheetReading, t: TransposedSheet): void {
  const back = (cell: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    if (!m) return null;
    const c = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return t.original(Number(m[2]) - 1, c);
  };
  for (const v of reading.values) {
    const o = back(v.cell);
    if (o) {
      v.cell = toA1(o.r, o.c);
      v.row = o.r + 1;
    }
  }
  for (const p of reading.problems) {
    const o = p.cell ? back(p.cell) : null;
    if (o) {
      p.cell = toA1(o.r, o.c);
      p.row = o.r + 1;
      p.column = columnLetter(o.c);
    }
  }
}
