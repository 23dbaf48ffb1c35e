import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../../pipeline/intake/ingest.ts';
import { writeAgencyForms } from '../../../pipeline/intake/forms/write-agency-forms.ts';
import { openTestDatabase } from '../open-test-database.ts';

let t: ReturnType<typeof openTestDatabase>;
beforeEach(() => {
  t = openTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

describe('writeAgencyForms', () => {
  it('writes one form per agency expected to report, successors included', async () => {
    const written = await writeAgencyForms(t.database, { period: '2025', outDir: t.dir });
    expect(written.map((f) => path.basename(f))).toEqual([
      'cuc-thong-ke.xlsx',
      'so-giao-duc-va-dao-tao.xlsx',
      'so-nong-nghiep-va-phat-trien-nong-thon.xlsx',
      'so-tai-chinh.xlsx',
      'so-y-te.xlsx',
    ]);
  });

  it('lists the indicators the agency follows with unit and target, with protected cells outside the input columns', async () => {
    const [file] = await writeAgencyForms(t.database, { period: '2025', agency: 'Sở Tài chính', outDir: t.dir });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file!);
    const ws = wb.getWorksheet('Chỉ tiêu')!;
    const rows = [7, 8, 9].map((r) => (ws.getRow(r).values as unknown[]).slice(2, 6));
    // Sở Kế hoạch và Đầu tư ended on 01/3/2025; its target falls to Sở Tài chính.
    expect(rows).toEqual([
      ['thu-nsnn', 'Thu ngân sách nhà nước trên địa bàn', 'tỷ đồng', '2025: 3.500'],
      ['von-dau-tu-toan-xa-hoi', 'Tổng vốn đầu tư toàn xã hội', 'tỷ đồng', '2025: từ 12.650 tỷ đồng trở lên'],
      ['gia-tri-xuat-khau', 'Tổng giá trị xuất khẩu', 'triệu USD', '2025: Khoảng 99'],
    ]);
    expect(ws.getCell('F7').protection).toMatchObject({ locked: false });
    expect(ws.getCell('F7').dataValidation).toMatchObject({ type: 'decimal' });
    expect(ws.getCell('C7').protection?.locked).not.toBe(false);
    expect(wb.getWorksheet('_kehoach')!.state).toBe('veryHidden');
  });

  it('writes a form that comes back identified and read exactly', async () => {
    const [file] = await writeAgencyForms(t.database, { period: '2025-H1', agency: 'so-y-te', outDir: t.dir });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file!);
    const ws = wb.getWorksheet('Chỉ tiêu')!;
    ws.getCell('F7').value = 93.4;
    ws.getCell('G8').value = 42;
    ws.getCell('F9').value = 10.8;
    const tasks = wb.getWorksheet('Nhiệm vụ')!;
    tasks.getCell('E7').value = 'Đang thực hiện';
    tasks.getCell('F7').value = 'Đã triển khai tại 4/10 huyện';
    const filled = path.join(t.dir, 'filled.xlsx');
    await wb.xlsx.writeFile(filled);
    // No agency given and no folder: the form says who sent it.
    const result = await ingest(t.database, { period: '2025-H1', files: [filled], agency: 'so-tai-chinh', archiveDir: path.join(t.dir, 'a') });
    expect(result.files[0]).toMatchObject({ agency: 'so-y-te', status: 'accepted' });
    const values = t.database.sqlite.prepare('select indicator_code, kind, value, source_cell from staged_values order by id').all();
    expect(values).toEqual([
      { indicator_code: 'ty-le-bao-phu-bhyt', kind: 'actual', value: 93.4, source_cell: 'F7' },
      { indicator_code: 'so-giuong-benh', kind: 'estimate', value: 42, source_cell: 'G8' },
      { indicator_code: 'ty-le-tang-dan-so', kind: 'actual', value: 10.8, source_cell: 'F9' },
    ]);
    expect(t.database.sqlite.prepare('select task_id, status, progress_text from task_reports').all()).toEqual([
      { task_id: 'KH-TEST-2025:T2', status: 'dang_thuc_hien', progress_text: 'Đã triển khai tại 4/10 huyện' },
    ]);
  });

  it('writes the same bytes every run', async () => {
    const [a] = await writeAgencyForms(t.database, { period: '2025', agency: 'so-y-te', outDir: path.join(t.dir, 'a') });
    const [b] = await writeAgencyForms(t.database, { period: '2025', agency: 'so-y-te', outDir: path.join(t.dir, 'b') });
    expect(fs.readFileSync(a!).equals(fs.readFileSync(b!))).toBe(true);
  });
});
