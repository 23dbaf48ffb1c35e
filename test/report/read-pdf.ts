// Report stage tests: reading a PDF back with poppler-utils (pdftotext, pdffonts, pdfinfo).
import { execFileSync } from 'node:child_process';

/** Text of the pages from `first` to `last` (1-based, inclusive), or the whole file. */
export function pdfText(file: string, first?: number, last?: number): string {
  const args = [...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : []), '-enc', 'UTF-8', file, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8' });
}

/** Number of pages. */
export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** Page size in points of the first page. */
export function pdfPageSizePt(file: string): { width: number; height: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return { width: Number(m?.[1]), height: Number(m?.[2]) };
}

/** Page sizes in points of every page, in order. */
export function pdfPageSizesPt(file: string): { width: number; height: number }[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '100000', file], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** Fonts as pdffonts lists them: name and type. */
export function pdfFonts(file: string): { name: string; type: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const name = line.split(/\s+/)[0]!;
    const type = /Type 3|CID TrueType|TrueType|Type 1C|Type 1|CID Type 0C/.exec(line)?.[0] ?? 'unknown';
    const cols = line.trim().split(/\s+/);
    return { name, type, embedded: cols[cols.length - 5] === 'yes' };
  });
}

/**
 * How much ink the table's right border has against its left one on a page (1-based): the darkest column near the
 * right margin over the darkest near the left margin, counted in dark pixels of a 150 dpi greyscale rendering
 * (pdftoppm). About 1 when both borders are drawn whole; near 0 when the right one is clipped at the margin; null
 * when the page has no table border at the left margin.
 */
export function pdfTableBorderBalance(file: string, page: number, marginsMm = { left: 30, right: 15 }): number | null {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '150', '-f', String(page), '-l', String(page), file], { maxBuffer: 64 * 1024 * 1024 });
  // Binary PGM (P5): three header lines, then one byte per pixel.
  let offset = 0;
  const fields: number[] = [];
  while (fields.length < 3) {
    const end = pgm.indexOf(0x0a, offset);
    const line = pgm.subarray(offset, end).toString('latin1').trim();
    offset = end + 1;
    if (line === 'P5' || line.startsWith('#')) continue;
    fields.push(...line.split(/\s+/).map(Number));
  }
  const [width, height] = fields as [number, number];
  const pixels = pgm.subarray(offset);
  const darkIn = (x: number) => {
    let n = 0;
    for (let y = 0; y < height; y++) if (pixels[y * width + x]! < 128) n++;
    return n;
  };
  const px = (mm: number) => Math.round((mm / 25.4) * 150);
  const best = (from: number, to: number) => Math.max(...Array.from({ length: to - from + 1 }, (_, i) => darkIn(from + i)));
  const left = best(px(marginsMm.left) - 6, px(marginsMm.left) + 6);
  const right = best(width - px(marginsMm.right) - 12, width - px(marginsMm.right) + 6);
  return left < height / 20 ? null : right / left;
}
