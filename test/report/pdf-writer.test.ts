// Report stage: the PDF writer passes the shared writer suite (one browser for the whole file).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWriter, renderSample } from './writer-suite.ts';
import { createPdfWriter } from '../../pipeline/report/writers/create-pdf-writer.ts';
import { pdfFonts, pdfPageCount, pdfPageSizePt, pdfPageSizesPt, pdfTableBorderBalance, pdfText } from './read-pdf.ts';

/** First line of a page's text: the page number when one is printed at the top. */
function topLine(file: string, page: number): string {
  return pdfText(file, page, page).split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';
}

describeWriter('pdf', () => createPdfWriter(), {
  async readText(file) {
    return pdfText(file).replace(/\s+/g, ' ');
  },
  async readNumbering(file) {
    const pages = pdfPageCount(file);
    const parts: { firstPageHidden: boolean; restarts: boolean; shown: number[] }[] = [];
    let current: { tops: string[] } | null = null;
    const all: { tops: string[] }[] = [];
    for (let p = 1; p <= pages; p++) {
      const top = topLine(file, p);
      // A part starts on page 1 and on every page whose first line is an appendix label.
      if (p === 1 || /^Phụ lục [IVX]+$/.test(top)) {
        current = { tops: [] };
        all.push(current);
      }
      current!.tops.push(top);
    }
    for (const part of all) {
      const shown = part.tops.slice(1).map((t) => Number(t));
      parts.push({
        firstPageHidden: !/^\d+$/.test(part.tops[0]!),
        restarts: shown.every((n, i) => n === i + 2),
        shown,
      });
    }
    return { parts };
  },
  async readFonts(file) {
    const fonts = pdfFonts(file);
    const families = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    return {
      families,
      hasType3: fonts.some((f) => f.type === 'Type 3' || !f.embedded),
      // The four real faces must all be embedded; a missing one would have been synthesised by Chromium.
      missingFaces: ['Tinos-Regular', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-BoldItalic'].filter((face) => !families.includes(face)),
    };
  },
  async readPartOrientations(file) {
    const sizes = pdfPageSizesPt(file);
    const parts: string[][] = [];
    sizes.forEach((size, i) => {
      if (i === 0 || /^Phụ lục [IVX]+$/.test(topLine(file, i + 1))) parts.push([]);
      parts[parts.length - 1]!.push(size.width > size.height ? 'landscape' : 'portrait');
    });
    return parts.map((p) => (new Set(p).size === 1 ? p[0]! : 'mixed'));
  },
  async readPageSizeMm(file) {
    const { width, height } = pdfPageSizePt(file);
    return { width: (width * 25.4) / 72, height: (height * 25.4) / 72 };
  },
  async isMarkedOnEveryPage(file) {
    const pages = pdfPageCount(file);
    for (let p = 1; p <= pages; p++) if (!pdfText(file, p, p).includes('SỐ LIỆU MINH HỌA')) return false;
    return pages > 0;
  },
  async tableBordersWhole(file) {
    // Every page of Phụ lục I and II: the right border as inked as the left one (review of issue 10, finding 8).
    const all = Array.from({ length: pdfPageCount(file) }, (_, i) => i + 1);
    const first = all.find((p) => topLine(file, p) === 'Phụ lục I') ?? Infinity;
    const pages = all.filter((p) => p >= first);
    // Appendix pages are landscape, with 20 mm left and right margins (styles.hbs, @page appendix-N).
    const sizes = pdfPageSizesPt(file);
    const margins = (p: number) => (sizes[p - 1]!.width > sizes[p - 1]!.height ? { left: 20, right: 20 } : { left: 30, right: 15 });
    const balances = pages.map((p) => pdfTableBorderBalance(file, p, margins(p)));
    // Every appendix page carries part of a table: notes under a table never stand alone on a page (null).
    return balances.length > 0 && balances.every((b) => b !== null && b > 0.9);
  },
});


/** Top and bottom (pt) of the first line on a page holding all of `words` in order, from pdftotext -bbox. */
function lineBox(file: string, page: number, words: string[]): { top: number; bottom: number } | null {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  const all = [...xml.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ top: Number(m[1]), bottom: Number(m[2]), text: m[3]! }));
  for (let i = 0; i + words.length <= all.length; i++) {
    if (words.every((w, k) => all[i + k]!.text === w)) return { top: all[i]!.top, bottom: all[i]!.bottom };
  }
  return null;
}

describe('pdf writer (signature block)', () => {
  it('leaves about 30 mm for signature and seal, on the page of the closing line', async () => {
    const writer = createPdfWriter();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-pdf-sign-'));
    try {
      const rendered = renderSample('annual');
      // The sample configuration leaves the name blank (written in by hand); a name shows where it prints.
      const html = rendered.html.replace('<p class="signer-name"></p>', '<p class="signer-name">Nguyễn Văn Bình</p>');
      expect(html).not.toBe(rendered.html);
      const file = path.join(dir, 'r.pdf');
      await writer.write({ ...rendered, html }, file);
      const pages = pdfPageCount(file);
      const page = Array.from({ length: pages }, (_, i) => i + 1).find((p) => lineBox(file, p, ['Nguyễn', 'Văn', 'Bình']) !== null)!;
      const position = lineBox(file, page, ['PHÓ', 'GIÁM', 'ĐỐC'])!;
      const name = lineBox(file, page, ['Nguyễn', 'Văn', 'Bình'])!;
      const gapMm = ((name.top - position.bottom) * 25.4) / 72;
      expect(gapMm).toBeGreaterThanOrEqual(30);
      expect(gapMm).toBeLessThan(38);
      expect(pdfText(file, page, page)).toContain('Trên đây là báo cáo');
    } finally {
      await writer.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
