// The feedback workbook as an agency clerk reads it: Vietnamese problem names (the code hidden for programs), the
// sender, the resubmission deadline, a contact line, Vietnam time, A4 landscape with the header row repeated.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../../pipeline/intake/ingest.ts';
import { writeIntakeFeedback } from '../../../pipeline/intake/feedback/write-intake-feedback.ts';
import { FIXTURES, openTestDatabase } from '../open-test-database.ts';

let t: ReturnType<typeof openTestDatabase>;
beforeEach(() => {
  t = openTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const SENDER = { parentName: 'UBND tỉnh Kon Tum', name: 'Sở Tài chính', place: 'Kon Tum', validFrom: null, validTo: null };

describe('writeIntakeFeedback', () => {
  it('writes the problems in Vietnamese for the clerk, with sender, deadline, contact and print setup', async () => {
    await ingest(t.database, { period: '2025-H1', inbox: path.join(FIXTURES, 'field', 'f2b-register'), archiveDir: path.join(t.dir, 'a') });
    await ingest(t.database, { period: '2025-H1', files: [path.join(FIXTURES, 'field', 'near-names-units.xlsx')], agency: 'so-y-te', archiveDir: path.join(t.dir, 'a') });
    const written = await writeIntakeFeedback(t.database, { period: '2025-H1', outDir: t.dir, daysAfterCutoff: 5, senders: [SENDER] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(written.find((f) => f.endsWith('so-y-te.xlsx'))!);
    const ws = wb.getWorksheet('Phản hồi')!;
    const texts = ws.getColumn(1).values.map(String).join('\n');
    expect(texts).toContain('UBND TỈNH KON TUM - SỞ TÀI CHÍNH');
    expect(texts).toContain('Kính gửi: Sở Y tế');
    // ND 09/2019 cut-off of the first half is 14 June; five days on.
    expect(texts).toContain('trước ngày 19/06/2025');
    expect(texts).toContain('xin liên hệ Sở Tài chính (Kon Tum)');
    const header = ws.getRow(9).values as unknown[];
    expect(header.slice(1)).toEqual(['STT', 'Tệp', 'Trang', 'Ô', 'Giá trị đã thấy', 'Mức độ', 'Vấn đề', 'Nội dung', 'Cách khắc phục', 'Mã vấn đề']);
    expect(ws.getColumn(10).hidden).toBe(true);
    const rows = [10, 11].map((r) => ws.getRow(r).values as unknown[]);
    expect(rows.map((r) => [r[4], r[7], r[10]])).toEqual([
      ['B2', 'Không nhận ra chỉ tiêu', 'unknown-indicator'],
      ['B3', 'Tên gần đúng, chờ Sở xác nhận', 'needs-confirmation'],
    ]);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '9:9' });
    const received = wb.getWorksheet('Tệp đã nhận')!;
    expect(received.getRow(1).getCell(2).value).toBe('Thời điểm nhận (giờ Việt Nam)');
    const stc = new ExcelJS.Workbook();
    await stc.xlsx.readFile(written.find((f) => f.endsWith('so-tai-chinh.xlsx'))!);
    expect(stc.getWorksheet('Tệp đã nhận')!.getColumn(2).values.slice(2)).toEqual(['28/05/2025 00:00', '05/06/2025 08:30']);
    // The register line the office could not read goes to the văn thư's workbook.
    const office = new ExcelJS.Workbook();
    await office.xlsx.readFile(written.find((f) => f.endsWith('khong-ro-co-quan.xlsx'))!);
    expect((office.getWorksheet('Phản hồi')!.getRow(10).values as unknown[])[7]).toBe('Sổ nhận tệp ghi sai');
  });
});
