// Intake stage: which of "." and "," is the decimal mark in one file, decided once from the evidence in it, so a
// number typed as text is read the same way in every cell (an en-US export read the Vietnamese way stored 38250 %).
import type { RawWorkbook } from '../parse/raw-workbook.ts';
import { toA1 } from './create-sheet-view.ts';

/**
 * `vi`: decimal comma, thousands dot (TCVN, the default); `en`: decimal dot, thousands comma; `mixed`: the file has
 * numbers written both ways, so a number that reads differently the two ways is refused rather than guessed.
 */
export type NumberStyle = 'vi' | 'en' | 'mixed';

/** The style and the cells that decided it (for the message to the agency). */
export interface NumberStyleDecision {
  style: NumberStyle;
  /** A cell that shows the Vietnamese style ("8,42", "1.245,8"), if any. */
  viCell: { sheet: string; cell: string; text: string } | null;
  /** A cell that shows the English style ("8.42", "1,245.8"), if any. */
  enCell: { sheet: string; cell: string; text: string } | null;
}

const NUMBER_TEXT = /^[-+\u2212(]?\s*\d[\d.,]*\s*%?\)?$/;
// Only one style writes these: a comma followed by other than three digits is a decimal comma; a dot then a comma is
// Vietnamese grouping then decimal. Mirrored for English.
const VI_ONLY = [/,\d{1,2}%?\)?$/, /,\d{4,}%?\)?$/, /\.\d{3}[^,]*,\d/];
const EN_ONLY = [/\.\d{1,2}%?\)?$/, /\.\d{4,}%?\)?$/, /,\d{3}[^.]*\.\d/];

/** Looks at every text cell that holds a number and decides the file's decimal mark. */
export function decideNumberStyle(book: RawWorkbook): NumberStyleDecision {
  let viCell: NumberStyleDecision['viCell'] = null;
  let enCell: NumberStyleDecision['enCell'] = null;
  for (const sheet of book.sheets) {
    for (let r = 0; r < sheet.rows.length && !(viCell && enCell); r++) {
      const row = sheet.rows[r]!;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell || cell.t !== 's') continue;
        const text = String(cell.v).trim();
        if (text.length > 24 || !NUMBER_TEXT.test(text)) continue;
        if (!viCell && VI_ONLY.some((re) => re.test(text))) viCell = { sheet: sheet.name, cell: toA1(r, c), text };
        else if (!enCell && EN_ONLY.some((re) => re.test(text))) enCell = { sheet: sheet.name, cell: toA1(r, c), text };
      }
    }
  }
  const style: NumberStyle = viCell && enCell ? 'mixed' : enCell ? 'en' : 'vi';
  return { style, viCell, enCell };
}
