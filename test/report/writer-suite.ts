// Report stage: the one test suite every report writer (PDF, DOCX, HTML) passes. Each writer's test file supplies a
// harness that reads its format back: the text, the page numbering, the fonts, the page size.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../pipeline/config/resolve-config.ts';
import { buildReportModel } from '../../pipeline/report/build-report-model.ts';
import { renderReportHtml } from '../../pipeline/report/render-report-html.ts';
import type { RenderedReport } from '../../pipeline/report/rendered-report.ts';
import type { ReportKind } from '../../pipeline/report/report-model.ts';
import type { ReportWriter } from '../../pipeline/report/writers/report-writer.ts';
import { makeSampleReconciliation } from './fixtures/make-sample-reconciliation.ts';

/** Hostile text an agency could put in an indicator name or a progress note. */
export const HOSTILE_TEXT = '<script>alert(1)</script> {{constructor}} <img src=http://example.com/x.png> & "trích"';

/** How a writer's output is read back by the shared suite. */
export interface WriterHarness {
  /** The whole text, whitespace collapsed to single spaces. */
  readText(file: string): Promise<string>;
  /**
   * The page numbering as each part (main, then each appendix) shows it: whether the part's first page hides its
   * number, and whether the part's numbering restarts at 1.
   */
  readNumbering(file: string): Promise<{ parts: { firstPageHidden: boolean; restarts: boolean; shown?: number[] }[] }>;
  /**
   * Font families used or declared, which of the regular, bold, italic and bold italic faces the document needs but
   * does not carry, and whether any Type 3 (synthetic) font is present (formats that embed font programs: the PDF).
   */
  readFonts(file: string): Promise<{ families: string[]; hasType3?: boolean; missingFaces: string[] }>;
  /**
   * Suite cases that do not apply to the format, each with the reason: the case is skipped and its name says why,
   * rather than passing on a constant.
   */
  notApplicable?: { embeddedFonts?: string };
  /** Page size in millimetres. */
  readPageSizeMm(file: string): Promise<{ width: number; height: number }>;
  /**
   * Orientation of each part (the report, then each appendix) by its page size: 'portrait' or 'landscape', or
   * 'mixed' when a part's pages differ. Formats without pages (HTML) leave it out.
   */
  readPartOrientations?(file: string): Promise<string[]>;
  /** Whether every appendix table shows its four borders whole (formats laid out by the project itself). */
  tableBordersWhole?(file: string): Promise<boolean>;
  /** Whether "SỐ LIỆU MINH HỌA" is printed on every page (or every page header/footer). */
  isMarkedOnEveryPage(file: string): Promise<boolean>;
}

const config = parseConfig({ report: { date: '2024-07-05', number: 5, illustrative: true } });

/** Renders a sample report of a kind; extra rows make the appendix run over several pages. */
export function renderSample(kind: ReportKind, options: { hostile?: boolean } = {}): RenderedReport {
  const period = { 'six-month': '2024-H1', annual: '2024', review: '2021-2023' }[kind];
  const rec = makeSampleReconciliation(period, { extraRows: 24, ...(options.hostile ? { hostileText: HOSTILE_TEXT } : {}) });
  return renderReportHtml(buildReportModel(rec, config, kind));
}

/**
 * Runs the shared suite against one writer. The writer is created once for the file (one browser for the PDF
 * writer) and closed after all tests.
 */
export function describeWriter(name: string, createWriter: () => ReportWriter, harness: WriterHarness): void {
  describe(`${name} writer (shared suite)`, () => {
    let writer: ReportWriter;
    let dir: string;
    const files = new Map<string, string>();

    async function written(key: string, make: () => RenderedReport): Promise<string> {
      const existing = files.get(key);
      if (existing) return existing;
      const file = path.join(dir, `${key}.${writer.format}`);
      await writer.write(make(), file);
      files.set(key, file);
      return file;
    }

    beforeAll(() => {
      writer = createWriter();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), `kehoach-${name}-`));
    });

    afterAll(async () => {
      await writer.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('writes the figures in Vietnamese format in the text', async () => {
      const text = await harness.readText(await written('six-month', () => renderSample('six-month')));
      expect(text).toContain('Thu ngân sách nhà nước trên địa bàn 6 tháng ước đạt 1.245,8 tỷ đồng, bằng 30,0% mục tiêu năm 2024 của Kế hoạch số 434/KH-UBND, tăng 8,2% so với cùng kỳ');
      expect(text).toContain('12‰');
      expect(text).toContain('92,75%');
      expect(text).toContain('74.812');
      expect(text).toContain('Kon Tum, ngày 05 tháng 7 năm 2024');
      expect(text).toContain('Số: 05/BC-SKHĐT');
    });

    it('prints the header, the outline and the signature of an official report', async () => {
      const text = await harness.readText(await written('six-month', () => renderSample('six-month')));
      for (const s of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'BÁO CÁO',
        'I. KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2024',
        '1. Lĩnh vực kinh tế',
        'a) Tăng trưởng và cơ cấu kinh tế',
        'II. ĐÁNH GIÁ CHUNG',
        'Tuy nhiên, còn',
        'III. NHIỆM VỤ, GIẢI PHÁP 6 THÁNG CUỐI NĂM 2024',
        'Nơi nhận:',
        '- Lưu: VT, TH.',
        'KT. GIÁM ĐỐC',
        'PHÓ GIÁM ĐỐC',
        'Phụ lục I',
        'Căn cứ',
      ]) {
        expect(text).toContain(s);
      }
    });

    it('numbers pages from page 2 and numbers each appendix on its own', async () => {
      const numbering = await harness.readNumbering(await written('six-month', () => renderSample('six-month')));
      expect(numbering.parts.length).toBe(3); // the report, Phụ lục I, Phụ lục II
      for (const part of numbering.parts) {
        expect(part.firstPageHidden).toBe(true);
        expect(part.restarts).toBe(true);
      }
    });

    it('uses a Times-compatible font with its regular, bold, italic and bold italic faces', async () => {
      const fonts = await harness.readFonts(await written('six-month', () => renderSample('six-month')));
      expect(fonts.missingFaces).toEqual([]);
      expect(fonts.families.some((f) => /Tinos|Times New Roman/.test(f))).toBe(true);
    });

    const noFonts = harness.notApplicable?.embeddedFonts;
    it.skipIf(noFonts !== undefined)(`embeds no synthetic Type 3 font${noFonts ? ` (not applicable: ${noFonts})` : ''}`, async () => {
      const fonts = await harness.readFonts(await written('six-month', () => renderSample('six-month')));
      expect(fonts.hasType3).toBe(false);
    });

    it('prints on A4', async () => {
      const size = await harness.readPageSizeMm(await written('annual', () => renderSample('annual')));
      expect(size.width).toBeCloseTo(210, 0);
      expect(size.height).toBeCloseTo(297, 0);
    });

    it.runIf(harness.readPartOrientations !== undefined)('prints the report portrait and each appendix on landscape A4', async () => {
      // NĐ 30/2020 allows landscape for wide appendix tables; Phụ lục I's ten columns need it (review 10, finding 22).
      const parts = await harness.readPartOrientations!(await written('six-month', () => renderSample('six-month')));
      expect(parts).toEqual(['portrait', 'landscape', 'landscape']);
    });

    it.runIf(harness.tableBordersWhole !== undefined)('draws the right border of the appendix tables inside the margin', async () => {
      expect(await harness.tableBordersWhole!(await written('six-month', () => renderSample('six-month')))).toBe(true);
    });

    it('marks every page as illustrative data when the configuration says so', async () => {
      expect(await harness.isMarkedOnEveryPage(await written('review', () => renderSample('review')))).toBe(true);
    });

    it('writes the trend and outlook of a review', async () => {
      const text = await harness.readText(await written('review', () => renderSample('review')));
      expect(text).toContain('Khả năng hoàn thành các mục tiêu đến năm 2025');
      expect(text).toContain('cần 14,6%/năm trong giai đoạn 2024-2025');
      expect(text).toContain('Biểu đồ 2.');
    });

    it('gives byte-identical files for the same inputs, whatever was written before', async () => {
      const a = path.join(dir, `again-a.${writer.format}`);
      const b = path.join(dir, `again-b.${writer.format}`);
      await writer.write(renderSample('annual'), a);
      await writer.write(renderSample('review'), path.join(dir, `between.${writer.format}`));
      await writer.write(renderSample('annual'), b);
      expect(Buffer.compare(fs.readFileSync(a), fs.readFileSync(b))).toBe(0);
    });

    it('prints text from agencies as text, never as markup or template', async () => {
      const text = await harness.readText(await written('hostile', () => renderSample('six-month', { hostile: true })));
      expect(text).toContain('<script>alert(1)</script>');
      expect(text).toContain('{{constructor}}');
      expect(text).toContain('<img src=http://example.com/x.png>');
      expect(text).toContain('& "trích"');
    });

    it('leaves no temporary file beside the output', async () => {
      await written('six-month', () => renderSample('six-month'));
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  });
}
