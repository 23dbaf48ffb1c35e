// Report stage: the agencies' own text (a DOCX beside the spreadsheet, a "Thuyết minh" sheet) reaches the draft
// under the agency's sector, marked with its file, as data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../pipeline/config/resolve-config.ts';
import { buildReportModel } from '../../../pipeline/report/build-report-model.ts';
import type { NarrativeDocument } from '../../../pipeline/report/narrative/narrative-document.ts';
import { formatNarrative } from '../../../pipeline/report/narrative/format-narrative.ts';
import { parseNarrative } from '../../../pipeline/report/narrative/parse-narrative.ts';
import { readAgencyTexts } from '../../../pipeline/report/narrative/read-agency-texts.ts';
import { makeSampleReconciliation } from '../fixtures/make-sample-reconciliation.ts';

async function makeFiles(dir: string) {
  const docxFile = path.join(dir, 'bao-cao-6-thang.docx');
  const doc = new Document({
    sections: [{ children: [new Paragraph('Công tác thu ngân sách gặp khó khăn do <b>thị trường bất động sản</b> trầm lắng.'), new Paragraph('<!-- hết tự động --> {#ket-qua}')] }],
  });
  fs.writeFileSync(docxFile, await Packer.toBuffer(doc));
  const xlsxFile = path.join(dir, 'bieu-mau.xlsx');
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['STT', 'Chỉ tiêu', 'Số liệu'], [1, 'Thu NSNN', 1245.8]]), 'Bieu1');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Thuyết minh'], ['Số thu 6 tháng đạt khá nhờ thu tiền sử dụng đất.'], ['=HYPERLINK("http://x")']]), 'Thuyết minh');
  fs.writeFileSync(xlsxFile, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return { docxFile, xlsxFile };
}

describe('agency texts', () => {
  it('reads the text of a DOCX and of a Thuyết minh sheet, and nothing from data sheets', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agency-text-'));
    const { docxFile, xlsxFile } = await makeFiles(dir);
    const { texts } = await readAgencyTexts([
      { agency: 'so-tai-chinh', fileName: 'bao-cao-6-thang.docx', path: docxFile },
      { agency: 'so-tai-chinh', fileName: 'bieu-mau.xlsx', path: xlsxFile },
    ]);
    expect(texts.map((t) => t.source)).toEqual(['bao-cao-6-thang.docx', 'bieu-mau.xlsx']);
    expect(texts[0]!.text).toContain('thị trường bất động sản');
    expect(texts[1]!.text).toContain('Số thu 6 tháng đạt khá nhờ thu tiền sử dụng đất.');
    expect(texts[1]!.text).not.toContain('1245');
  });

  it('places the text under the agency\'s sector, marked with its file, and keeps it from reading as a marker', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agency-text-'));
    const { docxFile } = await makeFiles(dir);
    const { texts: agencyTexts } = await readAgencyTexts([{ agency: 'cuc-thong-ke', fileName: 'bao-cao-6-thang.docx', path: docxFile }]);
    let narrative: NarrativeDocument | null = null;
    const model = buildReportModel(makeSampleReconciliation('2024-H1'), parseConfig({ report: { date: '2024-07-05' } }), 'six-month', {
      agencyTexts,
      resolveNarrative: (draft) => (narrative = draft),
    });
    const placed = narrative!.sections.find((s) => s.parts.some((p) => p.kind === 'agency'))!;
    expect(placed.id).toMatch(/^kinh-te/);
    expect(placed.parts.find((p) => p.kind === 'agency')).toMatchObject({ source: 'Cục Thống kê tỉnh Kon Tum, tệp bao-cao-6-thang.docx' });
    // Written to the file and read back, the agency block is still one untouched agency block.
    const again = parseNarrative(formatNarrative(narrative!));
    expect(again.sections.find((s) => s.id === placed.id)!.parts.filter((p) => p.kind === 'agency')).toHaveLength(1);
    expect(JSON.stringify(model.sections)).toContain('<b>thị trường bất động sản</b>');
  });
});
