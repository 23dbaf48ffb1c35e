// Report stage: the checklist (kiem-tra) points staff at what the narrative puts into the signed body unreviewed
// (review R2 of issue 10: B3 an agency's text printed word for word with no entry, B7 a section printing both staff
// text and the untouched draft, A1 an agency file not read this run said nowhere).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../pipeline/config/resolve-config.ts';
import { buildReportModel } from '../../../pipeline/report/build-report-model.ts';
import type { NarrativeDocument } from '../../../pipeline/report/narrative/narrative-document.ts';
import { readAgencyTexts } from '../../../pipeline/report/narrative/read-agency-texts.ts';
import { makeSampleReconciliation } from '../fixtures/make-sample-reconciliation.ts';

const config = parseConfig({ report: { date: '2024-07-05' } });

describe('agency text in the checklist', () => {
  it('lists each agency block not yet edited with its agency, file and section, and a section printing staff text and the draft', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agency-checklist-'));
    const docxFile = path.join(dir, 'bao-cao-thuyet-minh.docx');
    fs.writeFileSync(docxFile, await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('AGDOCX Thu ngân sách 6 tháng gặp khó khăn do thị trường bất động sản trầm lắng.')] }] })));
    const { texts } = await readAgencyTexts([{ agency: 'cuc-thong-ke', fileName: 'bao-cao-thuyet-minh.docx', path: docxFile }]);
    let sectionTitle = '';
    const model = buildReportModel(makeSampleReconciliation('2024-H1'), config, 'six-month', {
      agencyTexts: texts,
      resolveNarrative: (draft): NarrativeDocument => {
        const placed = draft.sections.find((s) => s.parts.some((p) => p.kind === 'agency'))!;
        sectionTitle = placed.title;
        // Staff wrote beside a drafted paragraph without emptying it.
        const drafted = draft.sections.find((s) => s.level > 1 && s.parts.some((p) => p.kind === 'generated'))!;
        drafted.parts.unshift({ kind: 'staff', text: 'Đoạn của cán bộ.' });
        return { ...draft, notices: ['narrative.md, dòng 12: mã đề mục {#kinh-te} lặp lại'] };
      },
    });
    const items = (title: RegExp) => model.checklist.groups.find((g) => title.test(g.title))?.items ?? [];
    expect(items(/^Thuyết minh của cơ quan đưa nguyên văn/)).toEqual([
      `Thuyết minh của Cục Thống kê tỉnh Kon Tum (tệp bao-cao-thuyet-minh.docx) đưa nguyên văn vào mục "${sectionTitle}": biên tập trước khi trình.`,
    ]);
    expect(items(/^Mục in cả chữ của cán bộ và đoạn tự động/)).toHaveLength(1);
    expect(items(/^Lưu ý khi đọc tệp nội dung/)).toEqual(['narrative.md, dòng 12: mã đề mục {#kinh-te} lặp lại']);
  });

  it('reports a listed file that cannot be read, naming the agency and the file, and drops no text silently', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agency-checklist-'));
    const good = path.join(dir, 'so-lieu.xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Thuyết minh'], ['Tuyển dụng được 18 bác sĩ.'], [2], ['=1+1']]), 'Thuyết minh');
    fs.writeFileSync(good, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const read = await readAgencyTexts([
      { agency: 'so-y-te', agencyName: 'Sở Y tế', fileName: 'so-lieu-y-te.xlsx', path: path.join(dir, 'missing', 'ab.xlsx') },
      { agency: 'so-y-te', agencyName: 'Sở Y tế', fileName: 'so-lieu.xlsx', path: good },
    ]);
    expect(read.problems).toEqual([expect.objectContaining({ agency: 'so-y-te', fileName: 'so-lieu-y-te.xlsx' })]);
    expect(read.problems[0]!.message).toMatch(/^Thuyết minh của Sở Y tế \(tệp so-lieu-y-te\.xlsx\): không thấy bản lưu trong kho lưu trữ/);
    // A bare number in a Thuyết minh sheet is not a paragraph.
    expect(read.texts).toHaveLength(1);
    expect(read.texts[0]!.text.split('\n\n')).toEqual(['Thuyết minh', 'Tuyển dụng được 18 bác sĩ.']);
  });
});
