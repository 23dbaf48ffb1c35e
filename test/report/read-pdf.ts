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
