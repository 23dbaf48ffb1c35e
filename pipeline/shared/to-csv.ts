// Shared (all stages): writes CSV that a spreadsheet opens as data, never as formulas, whatever separator it splits
// on: every text field is quoted (so a ";" or a tab inside a file name cannot start a new cell in an Excel that
// splits on ";", as the Vietnamese locale does), and text a spreadsheet would run as a formula is neutralised.

/** A CSV cell value: numbers are written plainly (dot decimal), null as empty. */
export type CsvValue = string | number | null | undefined;

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection), also after leading blanks, and
 * their full-width forms, which some spreadsheets fold to the ASCII ones.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;

/**
 * Neutralises text that a spreadsheet would run as a formula: a text cell that starts (after any blanks) with =, +,
 * -, @ or their full-width forms, or with a tab, CR or LF, gets a leading apostrophe. Numbers are not touched, so
 * -2.5 written as a number stays a number.
 */
export function protectCsvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return `"${protectCsvText(value).replace(/"/g, '""')}"`;
}

/**
 * Formats rows as RFC 4180 CSV with a header row and LF newlines: every text field (header included) in double
 * quotes, numbers bare with a dot decimal, null and undefined empty.
 */
export function toCsv(columns: readonly string[], rows: readonly Record<string, CsvValue>[]): string {
  const lines = [columns.map((c) => cell(c)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(r[c])).join(','));
  return `${lines.join('\n')}\n`;
}

function plainCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\n\r;\t]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Formats rows as RFC 4180 CSV for files the project reads back itself (seeds/aliases.csv): text kept exactly as it
 * is (no apostrophe, which would change the data), quoted only when it holds a separator, quote, newline or edge
 * blanks. Files for people to open in a spreadsheet use `toCsv`.
 */
export function toPlainCsv(columns: readonly string[], rows: readonly Record<string, CsvValue>[]): string {
  const lines = [columns.map((c) => plainCell(c)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => plainCell(r[c])).join(','));
  return `${lines.join('\n')}\n`;
}
