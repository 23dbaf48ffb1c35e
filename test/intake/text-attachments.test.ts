// Intake: the text an agency sends beside its figures (review R2 of issue 10, A4 and B2): a DOCX report next to the
// spreadsheet, a workbook holding only a "Thuyết minh" sheet, and a "Thuyết minh" sheet inside the figures' workbook
// are received as the agency's text: no figures expected, no problem, not rejected, no resend asked; the feedback
// confirms it. And `kehoach report` finds them where the intake archived them, whatever --archive was (A1).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAgencyFiles } from '../../pipeline/batch/list-agency-files.ts';
import { openDatabase, type OpenDatabase } from '../../pipeline/db/open-database.ts';
import { TEXT_ATTACHMENT_REASON } from '../../pipeline/intake/ingest-file.ts';
import { ingest, type IngestResult } from '../../pipeline/intake/ingest.ts';
import { ensureSeeded } from '../../pipeline/registry/ensure-seeded.ts';
import { readAgencyTexts } from '../../pipeline/report/narrative/read-agency-texts.ts';

const SAMPLES = path.resolve(import.meta.dirname, '..', '..', 'samples', 'inbox', '2025');

let database: OpenDatabase;
let dir: string;
let result: IngestResult;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-attach-'));
  const inbox = path.join(dir, 'inbox');
  // Sở Tài chính: its sample spreadsheet and a Word report beside it.
  fs.mkdirSync(path.join(inbox, 'Sở Tài chính'), { recursive: true });
  fs.copyFileSync(path.join(SAMPLES, 'Sở Tài chính', 'bao-cao-stc.xlsx'), path.join(inbox, 'Sở Tài chính', 'bao-cao-stc.xlsx'));
  const docx = new Document({ sections: [{ children: [new Paragraph('AGDOCX Báo cáo của Sở Tài chính: thu ngân sách năm 2025 vượt dự toán nhờ thu tiền sử dụng đất.')] }] });
  fs.writeFileSync(path.join(inbox, 'Sở Tài chính', 'bao-cao-thuyet-minh.docx'), await Packer.toBuffer(docx));
  // Sở Y tế: its sample workbook with a "Thuyết minh" sheet added (a number in it too), and a text-only workbook.
  fs.mkdirSync(path.join(inbox, 'so-y-te'), { recursive: true });
  const health = XLSX.read(fs.readFileSync(path.join(SAMPLES, 'so-y-te', 'so-lieu-y-te.xlsx')));
  XLSX.utils.book_append_sheet(health, XLSX.utils.aoa_to_sheet([['Thuyết minh'], ['Bệnh viện Đa khoa khu vực Ngọc Hồi đưa thêm 50 giường bệnh.'], [{ t: 'n', v: 2, f: '1+1' }]]), 'Thuyết minh');
  fs.writeFileSync(path.join(inbox, 'so-y-te', 'so-lieu-y-te.xlsx'), XLSX.write(health, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  const textOnly = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(textOnly, XLSX.utils.aoa_to_sheet([['Đánh giá tình hình thực hiện'], ['Công tác khám chữa bệnh bảo đảm.']]), 'Đánh giá');
  fs.writeFileSync(path.join(inbox, 'so-y-te', 'danh-gia.xlsx'), XLSX.write(textOnly, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

  database = openDatabase({ file: path.join(dir, 'db', 'k.sqlite') });
  ensureSeeded(database.sqlite);
  result = await ingest(database, { period: '2025', inbox, archiveDir: path.join(dir, 'elsewhere-archive') });
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const outcome = (file: string) => result.files.find((f) => f.file === file)!;

describe('text attachments at intake', () => {
  it('receives a DOCX beside the spreadsheet as the agency\'s text: accepted, no problem, no submission, feedback confirming it', () => {
    const docx = outcome('bao-cao-thuyet-minh.docx');
    expect(docx).toMatchObject({ agency: 'so-tai-chinh', status: 'accepted', format: 'docx', values: 0, problems: [], submissionId: null, reason: TEXT_ATTACHMENT_REASON });
    expect(result.files.filter((f) => f.status === 'rejected')).toEqual([]);
    // The spreadsheet's figures are still the agency's current submission.
    const current = database.sqlite
      .prepare("select f.file_name as name from submissions s join received_files f on f.id = s.file_id where s.agency_code = 'so-tai-chinh' and s.superseded_by is null")
      .all() as { name: string }[];
    expect(current.map((c) => c.name)).toEqual(['bao-cao-stc.xlsx']);
    expect(outcome('bao-cao-stc.xlsx').values).toBeGreaterThan(0);
  });

  it('reads no figure and reports no problem for a "Thuyết minh" sheet, and receives a text-only workbook', () => {
    const health = outcome('so-lieu-y-te.xlsx');
    expect(health.values).toBeGreaterThan(0);
    expect(health.problems.filter((p) => p.sheet === 'Thuyết minh')).toEqual([]);
    expect(outcome('danh-gia.xlsx')).toMatchObject({ status: 'accepted', values: 0, problems: [], submissionId: null, reason: TEXT_ATTACHMENT_REASON });
  });

  it('lets the report find the files in the archive the intake used, and read their text', async () => {
    const files = listAgencyFiles(database, '2025');
    expect(files.map((f) => f.path.startsWith(path.join(dir, 'elsewhere-archive')))).toEqual(files.map(() => true));
    const { texts, problems } = await readAgencyTexts(files);
    expect(problems).toEqual([]);
    expect(texts.map((t) => t.source).sort()).toEqual(['bao-cao-thuyet-minh.docx', 'danh-gia.xlsx', 'so-lieu-y-te.xlsx']);
    const health = texts.find((t) => t.source === 'so-lieu-y-te.xlsx')!.text;
    expect(health).toContain('Ngọc Hồi');
    expect(health.split('\n\n')).not.toContain('2');
  });

  it('names the agency and the file when the archived copy is gone', async () => {
    fs.rmSync(path.join(dir, 'elsewhere-archive'), { recursive: true, force: true });
    const { problems } = await readAgencyTexts(listAgencyFiles(database, '2025'));
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/^Thuyết minh của Sở Y tế \(tệp so-lieu-y-te\.xlsx\): không thấy bản lưu/));
    expect(problems).toHaveLength(4);
  });
});
