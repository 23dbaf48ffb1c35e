// Report stage: the DOCX writer passes the shared writer suite, and declares what Word needs (A4, Times New Roman).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWriter, renderSample } from './writer-suite.ts';
import { createDocxWriter } from '../../pipeline/report/writers/create-docx-writer.ts';
import { docxText, readDocxParts } from './read-docx.ts';
import { pdfPageCount, pdfText } from './read-pdf.ts';
import { pngInkShare, pngSize } from './read-png.ts';
import JSZip from 'jszip';

/** LibreOffice is not a dependency of the project; the test that opens the DOCX in it runs where it is installed. */
const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;

function sectionsOf(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
}

describeWriter('docx', () => createDocxWriter(), {
  async readText(file) {
    const parts = await readDocxParts(file);
    return docxText(parts.get('word/document.xml')!).replace(/\s+/g, ' ');
  },
  async readNumbering(file) {
    const parts = await readDocxParts(file);
    const sections = sectionsOf(parts.get('word/document.xml')!);
    const headerHasPage = (xml: string | undefined) => !!xml && /PAGE/.test(xml);
    return {
      parts: sections.map((s, i) => {
        const rels = parts.get('word/_rels/document.xml.rels')!;
        const target = (type: string) => {
          const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(s)?.[1];
          const t = id ? new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1] : undefined;
          return t ? parts.get(`word/${t}`) : undefined;
        };
        return {
          firstPageHidden: /<w:titlePg(?:\s|\/)/.test(s) && headerHasPage(target('default')) && !headerHasPage(target('first')),
          // The main part starts at 1 by itself; each appendix section restarts explicitly.
          restarts: i === 0 || /<w:pgNumType[^>]*w:start="1"/.test(s),
        };
      }),
    };
  },
  async readFonts(file) {
    const parts = await readDocxParts(file);
    const xml = `${parts.get('word/styles.xml')}${parts.get('word/document.xml')}`;
    const families = [...new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]!))];
    // Word has no synthetic faces to fear: bold and italic of Times New Roman are the installed font's own, so the
    // document needs no face it could lack (and embeds no font program: see notApplicable).
    return { families, missingFaces: [] };
  },
  async readPartOrientations(file) {
    const parts = await readDocxParts(file);
    return sectionsOf(parts.get('word/document.xml')!).map((s) => {
      const m = /<w:pgSz w:w="(\d+)" w:h="(\d+)"(?: w:orient="(\w+)")?/.exec(s);
      const wide = Number(m?.[1]) > Number(m?.[2]);
      // Word turns the page by the orient attribute and the swapped sizes together; both must agree.
      return wide && m?.[3] === 'landscape' ? 'landscape' : !wide && m?.[3] !== 'landscape' ? 'portrait' : 'mixed';
    });
  },
  async readPageSizeMm(file) {
    const parts = await readDocxParts(file);
    const m = /<w:pgSz w:w="(\d+)" w:h="(\d+)"/.exec(parts.get('word/document.xml')!);
    return { width: (Number(m?.[1]) * 25.4) / 1440, height: (Number(m?.[2]) * 25.4) / 1440 };
  },
  async isMarkedOnEveryPage(file) {
    const parts = await readDocxParts(file);
    const doc = parts.get('word/document.xml')!;
    const rels = parts.get('word/_rels/document.xml.rels')!;
    // Every section's default and first-page footers carry the banner, so every page does.
    return sectionsOf(doc).every((s) =>
      ['default', 'first'].every((type) => {
        const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(s)?.[1];
        const target = id ? new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] : undefined;
        return !!target && docxText(parts.get(`word/${target}`) ?? '').includes('SỐ LIỆU MINH HỌA');
      }),
    );
  },
  notApplicable: { embeddedFonts: 'a DOCX names its fonts and embeds no font program; Word draws each face from the installed font' },
});

describe('docx writer (Word specifics)', () => {
  it('declares A4, the NĐ 30 margins, Times New Roman 14 and repeating table header rows', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-docx-'));
    try {
      const file = path.join(dir, 'r.docx');
      const writer = createDocxWriter();
      await writer.write(renderSample('six-month'), file);
      const parts = await readDocxParts(file);
      const doc = parts.get('word/document.xml')!;
      expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838"');
      expect(doc).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
      expect(parts.get('word/styles.xml')).toMatch(/w:ascii="Times New Roman"/);
      expect(parts.get('word/styles.xml')).toMatch(/<w:sz w:val="28"\/>/);
      expect(doc).toContain('<w:tblHeader/>');
      expect(doc).toMatch(/<w:tblLayout w:type="fixed"\/>/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('docx writer (charts, signature, appendix pages)', () => {
  it('puts in each chart as the same picture the PDF shows, with its caption below, not as table cells', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-docx-charts-'));
    try {
      const file = path.join(dir, 'r.docx');
      await createDocxWriter().write(renderSample('review'), file);
      const zip = await JSZip.loadAsync(fs.readFileSync(file));
      const pictures = Object.keys(zip.files).filter((n) => /^word\/media\/.+\.png$/.test(n));
      // Biểu đồ 1 (verdicts) and Biểu đồ 2 (trend).
      expect(pictures.length).toBe(2);
      for (const name of pictures) {
        const png = await zip.file(name)!.async('uint8array');
        const { width, height } = pngSize(png);
        expect(width).toBeGreaterThan(1000);
        expect(pngInkShare(png, width, height)).toBeGreaterThan(0.01);
      }
      const doc = await zip.file('word/document.xml')!.async('string');
      const paragraphs = doc.split('</w:p>');
      const captionAt = paragraphs.findIndex((p) => docxText(p).startsWith('Biểu đồ 2.'));
      expect(captionAt).toBeGreaterThan(0);
      // The picture is the paragraph right above its caption, kept with it, and sized 150 mm wide (in EMU).
      expect(paragraphs[captionAt - 1]).toMatch(/<pic:pic[\s\S]*<a:blip r:embed="[^"]+"/);
      expect(paragraphs[captionAt - 1]).toContain('<w:keepNext/>');
      expect(paragraphs[captionAt - 1]).toMatch(/<wp:extent cx="540\d{4}"/);
      // No chart drawn as shaded table cells any more.
      expect(doc).not.toMatch(/<w:shd [^>]*w:fill="112244"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves 30 mm for the signature and seal, and turns the appendix sections landscape with turned margins', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-docx-sign-'));
    try {
      const file = path.join(dir, 'r.docx');
      await createDocxWriter().write(renderSample('annual'), file);
      const doc = (await readDocxParts(file)).get('word/document.xml')!;
      const paragraphs = doc.split('</w:p>');
      const position = paragraphs.findIndex((p) => docxText(p).trim() === 'PHÓ GIÁM ĐỐC');
      expect(paragraphs[position]).toContain('<w:keepNext/>');
      // 30 mm = 1701 twips, an exact line between the position and the name.
      expect(paragraphs[position + 1]).toMatch(/<w:spacing [^>]*w:line="1701" w:lineRule="exact"/);
      const sections = sectionsOf(doc);
      expect(sections[0]).toContain('<w:pgSz w:w="11906" w:h="16838"');
      for (const s of sections.slice(1)) {
        expect(s).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
        expect(s).toMatch(/<w:pgMar w:top="1701" w:right="1134" w:bottom="850" w:left="1134"/);
      }
      // The appendix title block stays with its table.
      const label = paragraphs.find((p) => docxText(p).trim() === 'Phụ lục I')!;
      expect(label).toContain('<w:keepNext/>');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('docx writer (Word styles)', () => {
  it('gives the I. / 1. / a) headings Word heading styles with outline levels and the body one paragraph style', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-docx-styles-'));
    try {
      const file = path.join(dir, 'r.docx');
      await createDocxWriter().write(renderSample('six-month'), file);
      const parts = await readDocxParts(file);
      const doc = parts.get('word/document.xml')!;
      const styles = parts.get('word/styles.xml')!;
      const styleOf = (text: string) => {
        const para = doc.split('</w:p>').find((p) => docxText(p).includes(text))!;
        return /<w:pStyle w:val="([^"]+)"\/>/.exec(para)?.[1];
      };
      expect(styleOf('I. KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2024')).toBe('Heading1');
      expect(styleOf('1. Lĩnh vực kinh tế')).toBe('Heading2');
      expect(styleOf('a) Tăng trưởng và cơ cấu kinh tế')).toBe('Heading3');
      expect(styleOf('Số liệu báo cáo hành chính tính từ ngày')).toBe('BodyText');
      for (const [id, level] of [['Heading1', 0], ['Heading2', 1], ['Heading3', 2]] as const) {
        const def = new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
        expect(def).toContain(`<w:outlineLvl w:val="${level}"/>`);
        // A heading never ends a page: it is kept with the paragraph after it.
        expect(def).toContain('<w:keepNext/>');
      }
      // No line of a body paragraph alone at the top or bottom of a page (Word's widow/orphan control).
      const body = /<w:style w:type="paragraph" w:styleId="BodyText">[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
      expect(body).toContain('<w:widowControl/>');
      // The closing line ("Trên đây là báo cáo ...") stays with Nơi nhận and the signature, and the paragraph before
      // it stays with the closing line, so the signature page never holds the closing line alone.
      const all = doc.split('</w:p>');
      const closingAt = all.findIndex((p) => docxText(p).includes('Trên đây là báo cáo'));
      expect(all[closingAt]).toContain('<w:keepNext/>');
      expect(docxText(all[closingAt - 1]!).trim().length).toBeGreaterThan(20);
      expect(all[closingAt - 1]).toContain('<w:keepNext/>');
      expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="BodyText">/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('docx writer in LibreOffice', () => {
  it.skipIf(!hasSoffice)('opens and paginates with the page numbers restarting in each appendix', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-soffice-'));
    try {
      const file = path.join(dir, 'r.docx');
      await createDocxWriter().write(renderSample('six-month'), file);
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
      const pdf = path.join(dir, 'r.pdf');
      const pages = pdfPageCount(pdf);
      expect(pages).toBeGreaterThan(3);
      const tops = Array.from({ length: pages }, (_, i) => pdfText(pdf, i + 1, i + 1).trim().split('\n')[0]!.trim());
      const appendixStart = tops.indexOf('Phụ lục I');
      expect(appendixStart).toBeGreaterThan(1);
      expect(tops[1]).toBe('2');
      expect(tops[appendixStart + 1]).toBe('2');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
