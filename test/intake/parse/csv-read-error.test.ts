// Intake: csv-parse's own English never reaches an agency's feedback (issue 11 review F6: "Max Record Size: record
// exceed the maximum number of tolerated bytes" was shown to the agency).
import { describe, expect, it } from 'vitest';
import { CsvReadError, readCsvSheet } from '../../../pipeline/intake/parse/read-csv-sheet.ts';

function readError(text: string): CsvReadError {
  try {
    readCsvSheet(Buffer.from(text, 'utf8'), 'x');
  } catch (error) {
    return error as CsvReadError;
  }
  throw new Error('expected a CsvReadError');
}

describe('CSV read errors in Vietnamese', () => {
  it('says an unclosed quote ran past the largest cell allowed, with its line', () => {
    const error = readError(`STT;Chỉ tiêu;Giá trị\n1;"Thu ngân sách;2.010,5\n${'x;'.repeat(600_000)}\n`);
    expect(error).toBeInstanceOf(CsvReadError);
    expect(error.message).toMatch(/dấu ngoặc kép|quá dài/);
    expect(error.message).not.toMatch(/Max Record Size|record exceed|tolerated|Quote Not Closed/i);
    expect(error.line).toBeGreaterThan(0);
  });
});
