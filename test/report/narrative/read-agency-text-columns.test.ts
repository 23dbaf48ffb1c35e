// Report stage: an agency's own words in a "Thuyết minh" / "Đánh giá" column beside its figures reach the draft,
// each after its row's label; numbers in the data columns never do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_SOURCE_BYTES, readAgencyTexts } from '../../../pipeline/report/narrative/read-agency-texts.ts';

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'agency-col-'));

describe('agency text in a column of a data sheet', () => {
  it('reads a "Thuyết minh" column of a workbook, each row after its label, below a title block', async () => {
    const d = dir();
    const file = path.join(d, 'bieu-mau-so-y-te.xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['SỞ Y TẾ TỈNH KON TUM'],
        ['BIỂU SỐ LIỆU 6 THÁNG ĐẦU NĂM 2025'],
        [],
        ['STT', 'Chỉ tiêu', 'ĐVT', 'Kế hoạch 2025', 'Ước TH 6 tháng', 'Thuyết minh'],
        [1, 'Số giường bệnh trên 10.000 dân', 'giường', 36, 35.2, 'Bệnh viện đa khoa khu vực Ngọc Hồi đưa thêm 50 giường vào sử dụng.'],
        [2, 'Số bác sĩ trên 10.000 dân', 'bác sĩ', 10.5, 10.1, ''],
        [3, 'Tỷ lệ dân số tham gia BHYT', '%', 92.4, 92.9, 95],
      ]),
      'Biểu 01',
    );
    fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const { texts: [text] } = await readAgencyTexts([{ agency: 'so-y-te', fileName: 'bieu-mau-so-y-te.xlsx', path: file }]);
    expect(text!.text).toBe('Số giường bệnh trên 10.000 dân: Bệnh viện đa khoa khu vực Ngọc Hồi đưa thêm 50 giường vào sử dụng.');
    expect(text!.source).toBe('bieu-mau-so-y-te.xlsx');
  });

  it('reads an "Đánh giá" column of a UTF-16 CSV decoded as the intake decodes it', async () => {
    const d = dir();
    const file = path.join(d, 'so-lieu-bhxh.csv');
    const csv = 'Chỉ tiêu;Số liệu;Đánh giá\r\nTỷ lệ dân số tham gia BHYT;93,2;Vượt kế hoạch nhờ hỗ trợ mua thẻ cho hộ cận nghèo\r\nSố người tham gia BHXH tự nguyện;12.450;\r\n';
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv, 'utf-16le')]));
    const { texts: [text] } = await readAgencyTexts([{ agency: 'bao-hiem-xa-hoi-tinh', fileName: 'so-lieu-bhxh.csv', path: file }]);
    expect(text!.text).toBe('Tỷ lệ dân số tham gia BHYT: Vượt kế hoạch nhờ hỗ trợ mua thẻ cho hộ cận nghèo');
  });

  it('gives no text for a data sheet without such a column ("Đánh giá thực hiện năm …" is a figure column)', async () => {
    const d = dir();
    const file = path.join(d, 'bieu.xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['STT', 'Chỉ tiêu', 'Ghi chú tên', 'Đánh giá thực hiện năm 2024'], [1, 'Thu NSNN', 'tỷ đồng', 'Khoảng 1.250']]), 'B1');
    fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect((await readAgencyTexts([{ agency: 'so-tai-chinh', fileName: 'bieu.xlsx', path: file }])).texts).toEqual([]);
  });

  it('skips a data dump over the size limit for text, and says so naming the file', async () => {
    const d = dir();
    const file = path.join(d, 'bang-chi-tieu-day.csv');
    const row = 'Chỉ tiêu;Số liệu;Thuyết minh\n';
    fs.writeFileSync(file, row + 'Thu NSNN;1.245,8;Tăng do thu tiền sử dụng đất\n'.repeat(Math.ceil((MAX_TEXT_SOURCE_BYTES + 1) / 40)));
    const read = await readAgencyTexts([{ agency: 'so-tai-chinh', agencyName: 'Sở Tài chính', fileName: 'bang-chi-tieu-day.csv', path: file }]);
    expect(read.texts).toEqual([]);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]!.message).toMatch(/^Tệp bang-chi-tieu-day\.csv của Sở Tài chính lớn \(\d+,\d MiB\): không tìm phần thuyết minh/);
  });

  it('names a damaged file in Vietnamese, without the library\'s English error text', async () => {
    const file = path.join(dir(), 'bao-cao-hong.docx');
    fs.writeFileSync(file, Buffer.from('PK\u0003\u0004 not a zip at all'));
    const read = await readAgencyTexts([{ agency: 'so-y-te', agencyName: 'Sở Y tế', fileName: 'bao-cao-hong.docx', path: file }]);
    expect(read.texts).toEqual([]);
    expect(read.problems[0]!.message).toContain('Thuyết minh của Sở Y tế (tệp bao-cao-hong.docx): tệp hỏng hoặc không đúng định dạng');
    expect(read.problems[0]!.message).not.toMatch(/[Ee]rror|zip|Corrupted|end of central/);
  });
});
