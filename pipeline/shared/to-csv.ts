// Shared (all stages): writes CSV that a spreadsheet opens as data, never as formulas.

/** A CSV cell value: numbers are written plainly (dot decimal), null as empty. */
export type CsvValue = string | number | null | undefined;

/**
 * Neutralises text that a spreadsheet would run as a formula (OWASP CSV injection): a text cell that starts with
 * =, +, -, @, tab or CR gets a leading apostrophe. Numbers are not touched, so -2.5 stays a number.
 */
export function protectCsvText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : protectCsvText(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Formats rows as RFC 4180 CSV with a header row and CRLF-free newlines. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, CsvValue>[]): string {
  const lines = [columns.map((c) => cell(c)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(r[c])).join(','));
  return `${lines.join('\n')}\n`;
}
