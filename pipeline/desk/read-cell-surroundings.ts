// Desk: a figure's (or a problem's) source cell shown in a rendering of the agency's sheet around it, read again from
// the archived copy with intake's own parser, so staff see what the agency typed, where, and what is next to it.
import path from 'node:path';
import type { OpenDatabase } from '../db/open-database.ts';
import { DEFAULT_ZIP_LIMITS } from '../intake/collect/scan-zip.ts';
import { prepareFile } from '../intake/parse/prepare-file.ts';
import type { WorkbookParser } from '../intake/parse/create-workbook-parser.ts';
import type { RawCell } from '../intake/parse/raw-workbook.ts';
import { formatNumber } from '../shared/format-number.ts';

/** The window of a sheet around one cell. */
export interface CellSurroundings {
  fileName: string;
  agency: string | null;
  sheet: string;
  cell: string;
  /** Column letters of the window. */
  columns: { letter: string; target: boolean }[];
  rows: { number: number; target: boolean; cells: { text: string; target: boolean; numeric: boolean }[] }[];
  /** Why the sheet could not be shown (file refused, sheet or cell missing). */
  problem: string | null;
}

/** "AB12" -> { col: 27 (0-based), row: 11 (0-based) }, or null. */
export function parseCellRef(ref: string): { col: number; row: number } | null {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) - 1 };
}

/** 0-based column index -> letters. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function cellText(cell: RawCell | null | undefined): { text: string; numeric: boolean } {
  if (!cell) return { text: '', numeric: false };
  if (cell.t === 'n' && typeof cell.v === 'number') {
    const percent = cell.z?.includes('%');
    const shown = percent ? cell.v * 100 : cell.v;
    return { text: `${formatNumber(shown, { maxDecimals: 6 })}${percent ? '%' : ''}`, numeric: true };
  }
  return { text: String(cell.v).slice(0, 300), numeric: false };
}

/**
 * Reads the archived file `fileId` and returns rows `radius` around the cell in the named sheet (or the only one).
 * @param archiveDir archive of received files
 * @param withParser the desk's warm workbook parser (`DeskContext.withParser`)
 */
export async function readCellSurroundings(
  database: OpenDatabase,
  archiveDir: string,
  query: { fileId: number; period: string; sheet: string | null; cell: string },
  withParser: <T>(body: (parser: WorkbookParser) => Promise<T>) => Promise<T>,
  radius = { rows: 6, cols: 4 },
): Promise<CellSurroundings | null> {
  const row = database.sqlite
    .prepare('select file_name, stored_path, agency_code from received_files where id = ? and period = ?')
    .get(query.fileId, query.period) as { file_name: string; stored_path: string; agency_code: string | null } | undefined;
  if (!row || !row.stored_path) return null;
  const base: CellSurroundings = { fileName: row.file_name, agency: row.agency_code, sheet: query.sheet ?? '', cell: query.cell, columns: [], rows: [], problem: null };
  const ref = parseCellRef(query.cell);
  if (!ref) return { ...base, problem: `Ô "${query.cell}" không hợp lệ.` };
  // prepareFile wants a parser it can close; the desk's warm one stays open.
  const full = path.join(archiveDir, row.stored_path);
  const job = { full, source: row.file_name, agencyHint: null, agencyHintSource: null, folderText: null, receivedAt: '' };
  const prepared = await withParser((parser) => prepareFile(job, parser, 50 * 1024 * 1024, DEFAULT_ZIP_LIMITS));
  const book = prepared.book;
  if (!book) return { ...base, problem: prepared.rejection?.message ?? 'Không đọc được tệp.' };
  const sheet = book.sheets.find((s) => s.name === query.sheet) ?? (book.sheets.length === 1 || book.format === 'csv' ? book.sheets[0] : undefined);
  if (!sheet) return { ...base, problem: `Tệp không có trang "${query.sheet}".` };
  const r0 = Math.max(0, ref.row - radius.rows);
  const r1 = Math.min(Math.max(sheet.rows.length - 1, ref.row), ref.row + radius.rows);
  const c0 = Math.max(0, ref.col - radius.cols);
  const width = Math.max(0, ...sheet.rows.slice(r0, r1 + 1).map((r) => r.length));
  const c1 = Math.max(ref.col, Math.min(width - 1, ref.col + radius.cols));
  const columns = [];
  for (let c = c0; c <= c1; c++) columns.push({ letter: columnLetter(c), target: c === ref.col });
  const rows = [];
  for (let r = r0; r <= r1; r++) {
    const cells = [];
    for (let c = c0; c <= c1; c++) cells.push({ ...cellText(sheet.rows[r]?.[c]), target: r === ref.row && c === ref.col });
    rows.push({ number: r + 1, target: r === ref.row, cells });
  }
  // A CSV's one sheet is named after the file as received (the archive copy is named by its hash).
  return { ...base, sheet: book.format === 'csv' && query.sheet ? query.sheet : sheet.name, columns, rows };
}
