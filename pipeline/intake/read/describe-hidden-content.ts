// Intake stage: one warning per sheet for its hidden rows and columns that hold something, listed as ranges
// ("dòng 4-5, 9; cột E"), instead of one warning per hidden cell (243 for one real district file).
import { columnLetter, type SheetView } from './create-sheet-view.ts';
import type { IntakeProblem } from './sheet-reading.ts';

/** Consecutive numbers as ranges: [4, 5, 9] -> "4-5, 9"; `label` turns a 0-based index into what the clerk sees. */
export function toRanges(indexes: readonly number[], label: (i: number) => string): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? label(sorted[i]!) : `${label(sorted[i]!)}-${label(sorted[j]!)}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/**
 * The hidden-content warning of one sheet: the hidden rows and columns that hold a value, as ranges, none of which
 * was read. Hidden rows and columns are skipped alike in xlsx, xls and ods (the ODS ones come from content.xml).
 * @returns null when nothing hidden holds a value
 */
export function describeHiddenContent(view: SheetView, fileName: string): IntakeProblem | null {
  const rows = view.sheet.hiddenRows.filter((r) => (view.sheet.rows[r] ?? []).some((c) => c !== null));
  const cols = view.sheet.hiddenCols.filter((c) => view.sheet.rows.some((row) => (row[c] ?? null) !== null));
  if (rows.length === 0 && cols.length === 0) return null;
  const parts: string[] = [];
  if (rows.length > 0) parts.push(`dòng ${toRanges(rows, (r) => String(r + 1))}`);
  if (cols.length > 0) parts.push(`cột ${toRanges(cols, columnLetter)}`);
  const first = rows.length > 0 ? { row: rows[0]! + 1, column: 'A' } : { row: 1, column: columnLetter(cols[0]!) };
  return {
    file: fileName,
    sheet: view.sheet.name,
    row: first.row,
    column: first.column,
    cell: `${first.column}${first.row}`,
    code: 'hidden-content',
    severity: 'warning',
    message: `Trang "${view.sheet.name}" có ${parts.join(' và ')} bị ẩn; nội dung ở đó không được nạp.`,
    action: 'Nếu phần bị ẩn có số liệu cần báo cáo, bỏ ẩn (chuột phải > Unhide) rồi gửi lại; nếu là bản nháp, xóa đi.',
    value: parts.join('; '),
  };
}
