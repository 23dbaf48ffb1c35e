// Report stage: the DOCX writer passes the shared writer suite, and declares what Word needs (A4, Times New Roman).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWriter, renderSample } from './writer-suite.ts';
import { createDocxWriter } from '../../pipeline/report/create-docx-writer.ts';
import { docxText, readDocxParts } from './read-docx.ts';

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
          shown: [],
        };
      }),
    };
  },
  async readFonts(file) {
    const parts = await readDocxParts(file);
    const xml = `${parts.get('word/styles.xml')}${parts.get('word/document.xml')}`;
    const families = [...new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]!))];
    return { families, hasType3: false };
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
