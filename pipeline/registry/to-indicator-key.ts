// Registry stage: the one key an indicator name is matched by, in plan import and in the intake matcher: the name
// folded (case, diacritics, old and new tone placement, punctuation), without an outline marker, a "trong đó" lead-in,
// footnote marks or a unit in brackets, then rewritten by the domain thesaurus (seeds/thesaurus.csv).
import { toMatchKey } from '../shared/to-match-key.ts';
import type { AppliedRule, Thesaurus } from './create-thesaurus.ts';

// Folded form of each non-ASCII character, as toMatchKey folds it ('ệ' -> 'e', 'Đ' -> 'd', '–' -> separator).
const FOLDED = new Map<number, string>();

/**
 * `toMatchKey` for NFC text, character by character through a table: the same result without normalising whole
 * strings (a large CSV folds one name per row).
 */
export function foldName(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) out += text[i];
      else if (code >= 65 && code <= 90) out += String.fromCharCode(code + 32);
      else out += ' ';
      continue;
    }
    let f = FOLDED.get(code);
    if (f === undefined) {
      const ch = text[i]!;
      // Surrogate pairs and marks: leave them to the slow path's rules.
      f = /\p{M}/u.test(ch) ? '' : toMatchKey(ch) || ' ';
      if (code < 0xd800 || code > 0xdfff) FOLDED.set(code, f);
    }
    out += f;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** The name as a clerk means it: without "1.", "a)", "- ", "Trong đó:", "(*)" or a trailing "(%)"/"(tỷ đồng)". */
function stripDecorations(name: string): string {
  let text = name.normalize('NFC').trim();
  text = text.replace(/^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])\s*[.)\-/]\s+/i, '');
  text = text.replace(/^\s*[-+*•–]\s*/, '');
  text = text.replace(/^\s*trong\s+đó\s*[:,-]?\s*/i, '');
  text = text.replace(/(?:\s*(?:\(\*+\)|\(\d\)|\*+))+\s*$/, '');
  return text.replace(/\s*\((?:[^()]*(?:%|‰|đồng|USD|người|\bha\b|tỷ|triệu|ĐVT)[^()]*)\)\s*$/i, '');
}

/** A name's key with the thesaurus rules that shaped it. */
export interface IndicatorKey {
  key: string;
  /**
   * The key without bracketed qualifiers and price basis ("GRDP bình quân đầu người" for "GRDP bình quân đầu người
   * (theo giá hiện hành)"): a second chance, accepted only when it names one indicator.
   */
  looseKey: string;
  applied: AppliedRule[];
}

/**
 * The matching key of an indicator name (see the module header), and the looser key beside it.
 * "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) bình quân" and "Tốc độ tăng GRDP" both give "tang truong grdp".
 */
export function toIndicatorKey(name: string, thesaurus: Thesaurus): IndicatorKey {
  const text = stripDecorations(name);
  const { key, applied } = thesaurus.normalize(foldName(text));
  const withoutBrackets = text.includes('(') ? thesaurus.normalize(foldName(text.replace(/\([^()]*\)/g, ' '))).key : key;
  const looseKey = withoutBrackets
    .split(' ')
    .filter((w) => w !== 'ghh' && w !== 'gss')
    .join(' ');
  return { key, looseKey, applied };
}

/** A bracket that names a unit ("(%)", "(tỷ đồng)", "(triệu đồng/người)", "(ĐVT: ha)"): dropped from a name's key. */
const UNIT_BRACKET = /^[^()]*(?:%|‰|đồng|USD|người|\bha\b|tỷ|triệu|ĐVT)[^()]*$/i;

/**
 * The qualifiers of a name that are not units, each as a thesaurus key: bracketed scope or price basis ("theo giá so
 * sánh" -> "gss", "không tính cây cao su", "hoà mạng"), and a price basis written outside brackets. A name's
 * qualifiers must all be in an indicator's for the looser key to match it (review finding 5): GRDP per head at
 * constant prices is not the current-price indicator.
 */
export function qualifiersOf(name: string, thesaurus: Thesaurus): string[] {
  const text = stripDecorations(name);
  const out = new Set<string>();
  for (const m of text.matchAll(/\(([^()]*)\)/g)) {
    const inner = m[1]!.trim();
    if (!inner || UNIT_BRACKET.test(inner)) continue;
    const key = thesaurus.normalize(foldName(inner)).key;
    // A bracket that only repeats an abbreviation the key already has ("(GRDP)") is no qualifier.
    if (key && !thesaurus.normalize(foldName(text.replace(m[0], ' '))).key.split(' ').includes(key)) out.add(key);
  }
  const outside = thesaurus.normalize(foldName(text.replace(/\([^()]*\)/g, ' '))).key.split(' ');
  for (const basis of ['ghh', 'gss']) if (outside.includes(basis)) out.add(basis);
  return [...out].sort();
}
