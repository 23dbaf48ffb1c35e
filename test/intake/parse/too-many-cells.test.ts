// Intake: a file with more cells than a report can hold is refused with the count written the Vietnamese way
// (the worker sends the numbers; the main thread formats them with shared/format-number.ts).
import { describe, expect, it } from 'vitest';
import { createWorkbookParser, WorkbookParseError } from '../../../pipeline/intake/parse/create-workbook-parser.ts';

describe('a file over the cell limit', () => {
  it('is refused with "1.200 ô" and "1.000 ô", not numbers formatted by the ICU data of the Node build', async () => {
    const parser = createWorkbookParser({ limits: { maxCells: 1000 } });
    try {
      const rows = Array.from({ length: 400 }, (_, i) => `${i};Chỉ tiêu ${i};${i * 2}`).join('\n');
      const error = await parser.parseCsv(Buffer.from(`STT;Chỉ tiêu;Giá trị\n${rows}\n`, 'utf8'), 'x').then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WorkbookParseError);
      expect((error as WorkbookParseError).reason).toBe('too-large');
      expect((error as WorkbookParseError).message).toBe('tệp có 1.203 ô có dữ liệu, quá giới hạn 1.000 ô');
    } finally {
      await parser.close();
    }
  });
});
