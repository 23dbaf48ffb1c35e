// Intake stage: reads a CSV into the same plain sheet the workbook readers give, every cell as text. Numbers are
// left to the sheet readers (SheetJS turns "1.700" into 1.7 and, with ";", "1,5" into 15: INGEST-NOTES).
import { parse } from 'csv-parse/sync';
import { decodeCsvText } from './decode-csv-text.ts';
import type { RawCell, RawWorkbook } from './raw-workbook.ts';

/** Options of `readCsvSheet`. */
export interface CsvReadOptions {
  /** @default 200000 */
  maxRows?: number;
  /** @default 256 */
  maxCols?: number;
}

/** A CSV that csv-parse could not read, with the line it stopped at. */
export class CsvReadError extends Error {
  override readonly name = 'CsvReadError';
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
  }
}

/** csv-parse's error codes said in Vietnamese for the agency's feedback (its own messages are English). */
const CSV_ERROR_TEXT: Record<string, string> = {
  CSV_MAX_RECORD_SIZE:
    'một ô hoặc một dòng quá dài (hơn 1.000.000 ký tự), thường do một dấu ngoặc kép (") mở mà không đóng nên cả phần sau của tệp bị đọc thành một ô',
  CSV_QUOTE_NOT_CLOSED: 'có dấu ngoặc kép (") mở mà không đóng đến hết tệp',
  CSV_INVALID_CLOSING_QUOTE: 'có dấu ngoặc kép (") đóng sai chỗ, giữa một ô',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'có ký tự ngay sau dấu ngoặc kép (") đóng ô',
  CSV_INVALID_ARGUMENT: 'tệp không đọc được như một bảng CSV',
};

/** The Vietnamese reason of a csv-parse error, by its code (the code is kept for staff who report it). */
function describeCsvError(error: { code?: string }): string {
  const text = (error.code && CSV_ERROR_TEXT[error.code]) ?? 'dữ liệu không đúng dạng bảng CSV';
  return error.code ? `${text} (mã ${error.code})` : text;
}

/** Picks the separator: a `sep=` first line wins, else the one of , ; tab that splits the first lines most evenly. */
export function sniffDelimiter(text: string): { delimiter: string; skipFirstLine: boolean } {
  const first = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length).replace(/\r$/, '');
  const sep = /^"?sep=(.)"?$/i.exec(first.trim());
  if (sep) return { delimiter: sep[1]!, skipFirstLine: true };
  const lines = text.split('\n', 30).filter((l) => l.trim() !== '');
  let best = ',';
  let bestScore = -1;
  for (const d of [',', ';', '\t']) {
    // Count outside quotes, per line; prefer a separator present on most lines with a steady count.
    const counts = lines.map((l) => {
      let n = 0;
      let q = false;
      for (const ch of l) {
        if (ch === '"') q = !q;
        else if (ch === d && !q) n++;
      }
      return n;
    });
    const present = counts.filter((c) => c > 0).length;
    const tally = new Map<number, number>();
    for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
    const steady = Math.max(0, ...[...tally].filter(([c]) => c > 0).map(([, n]) => n));
    const score = present * 10 + steady;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return { delimiter: best, skipFirstLine: false };
}

/** Reads CSV bytes (any of the encodings agencies send) into a one-sheet workbook of text cells. */
export function readCsvSheet(buf: Buffer, sheetName: string, options: CsvReadOptions = {}): RawWorkbook {
  const maxRows = options.maxRows ?? 200_000;
  const maxCols = options.maxCols ?? 256;
  const { text, encoding } = decodeCsvText(buf);
  const { delimiter, skipFirstLine } = sniffDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      from_line: skipFirstLine ? 2 : 1,
      to_line: maxRows + (skipFirstLine ? 1 : 0),
      max_record_size: 1_000_000,
    }) as string[][];
  } catch (error) {
    const e = error as Error & { lines?: number; code?: string };
    throw new CsvReadError(describeCsvError(e), e.lines ?? null);
  }
  let truncated = false;
  const rows: (RawCell | null)[][] = new Array(records.length);
  for (let r = 0; r < records.length; r++) {
    const rec = records[r]!;
    if (rec.length > maxCols) truncated = true;
    const n = Math.min(rec.length, maxCols);
    const out: (RawCell | null)[] = new Array(n);
    let last = -1;
    for (let c = 0; c < n; c++) {
      const v = rec[c]!;
      if (v === '' || v.trim() === '') out[c] = null;
      else {
        out[c] = { t: 's', v };
        last = c;
      }
    }
    out.length = last + 1;
    rows[r] = out;
  }
  const lineCount = text.split('\n').length - (skipFirstLine ? 1 : 0);
  if (lineCount > maxRows + 1) truncated = true;
  return {
    format: 'csv',
    encoding,
    definedNames: {},
    sheets: [
      {
        name: sheetName,
        hidden: 0,
        rows,
        merges: [],
        hiddenRows: [],
        hiddenCols: [],
        truncated,
        declaredRows: rows.length,
        declaredCols: rows.reduce((m, r) => Math.max(m, r.length), 0),
      },
    ],
  };
}
