// Shared (all stages): reads a small, trusted UTF-8 CSV (seeds, aliases) into records keyed by header, with line numbers.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { PipelineError } from './pipeline-error.ts';

/** One CSV record with its 1-based line number in the file (the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: Record<string, string>;
}

/**
 * Reads a CSV with a header row and checks that the header has the expected columns.
 * Values are trimmed and NFC-normalised; empty cells are ''.
 */
export function readCsvFile(file: string, requiredColumns: readonly string[]): CsvRecord[] {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  let rows: { info: { lines: number }; record: string[] }[];
  try {
    rows = parse(text, { info: true, relax_column_count: false, skip_empty_lines: true, max_record_size: 1_000_000 }) as unknown as typeof rows;
  } catch (cause) {
    throw new PipelineError('seed', `Tệp ${file} không đọc được như CSV: ${(cause as Error).message}`, { cause });
  }
  const [head, ...body] = rows;
  if (!head) return [];
  const header = head.record.map((h) => h.trim());
  const missing = requiredColumns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new PipelineError('seed', `Tệp ${file} thiếu cột: ${missing.join(', ')} (dòng tiêu đề có: ${header.join(', ')}).`);
  }
  return body.map(({ info, record }) => ({
    line: info.lines,
    fields: Object.fromEntries(header.map((h, i) => [h, (record[i] ?? '').normalize('NFC').trim()])),
  }));
}
