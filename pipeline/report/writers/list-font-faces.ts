// Report stage: the Tinos font files (metric-compatible with Times New Roman, with Vietnamese) the reports embed.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fromProjectRoot } from '../../db/project-root.ts';

/** One @font-face of the report CSS. */
export interface FontFace {
  /** File name under the font folder, e.g. "tinos-vietnamese-700-italic.woff2". */
  file: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
  /** CSS unicode-range of the subset. */
  range: string;
  /** Folder that holds the file. */
  dir: string;
}

/** Signs the Tinos subsets lack (‰, ≤, ≥), from templates/fonts/ (see its README). */
const EXTRA_SIGNS_RANGE = 'U+2030,U+2264-2265';

/** Subsets Vietnamese text needs: basic Latin, Latin Extended (Ơ, Ư, Đ) and the Vietnamese block (ạ ả ấ ...). */
const SUBSETS = ['latin', 'latin-ext', 'vietnamese'] as const;

let cached: { dir: string; faces: FontFace[] } | null = null;

/**
 * Lists the @font-face entries (regular, bold, italic and bold italic in every subset Vietnamese needs, plus the
 * signs Tinos lacks from templates/fonts, so the PDF
 * embeds four real faces and never a synthetic bold or italic) and the folder of the @fontsource/tinos files, found
 * through Node's module resolution so a hoisted or a nested node_modules both work.
 */
export function listFontFaces(): { dir: string; faces: FontFace[] } {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const pkgDir = path.dirname(require.resolve('@fontsource/tinos'));
  const ranges = JSON.parse(fs.readFileSync(path.join(pkgDir, 'unicode.json'), 'utf8')) as Record<string, string>;
  const faces: FontFace[] = [];
  for (const subset of SUBSETS) {
    for (const weight of [400, 700] as const) {
      for (const style of ['normal', 'italic'] as const) {
        faces.push({ file: `tinos-${subset}-${weight}-${style}.woff2`, weight, style, range: ranges[subset] ?? 'U+0000-FFFF', dir: path.join(pkgDir, 'files') });
      }
    }
  }
  for (const weight of [400, 700] as const) {
    for (const style of ['normal', 'italic'] as const) {
      faces.push({ file: `liberation-serif-signs-${weight}-${style}.woff2`, weight, style, range: EXTRA_SIGNS_RANGE, dir: fromProjectRoot('templates', 'fonts') });
    }
  }
  cached = { dir: path.join(pkgDir, 'files'), faces };
  return cached;
}
