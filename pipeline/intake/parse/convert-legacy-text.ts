// Intake stage: recognises cell text typed in the pre-Unicode Vietnamese encodings TCVN3 (.VnTime) and VNI
// (VNI-Times) and converts it to Unicode NFC. The state standard since 2003 is Unicode (TCVN 6909:2001), so a
// converted cell is reported back to the agency as a warning.
import iconv from 'iconv-lite';

/** The text after conversion, and which legacy encoding it was in (null when it was already Unicode). */
export interface LegacyConversion {
  text: string;
  encoding: 'tcvn3' | 'vni' | null;
}

// Unicode Vietnamese letters: precomposed range, the base letters with horn/breve/stroke, or combining marks.
const UNICODE_VI = /[\u1EA0-\u1EF9\u0102\u0103\u0110\u0111\u01A0\u01A1\u01AF\u01B0\u0300-\u0323]/;
// Characters TCVN3 and VNI put where Vietnamese letters should be (Latin-1 and Windows-1252 look-alikes).
const LEGACY_HINT = /[\u00A0-\u00FF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/;

// Windows-1252 characters of bytes 0x80-0x9F, back to their byte (a cell read as cp1252 text).
const CP1252: Record<string, number> = {
  '\u20AC': 0x80, '\u201A': 0x82, '\u0192': 0x83, '\u201E': 0x84, '\u2026': 0x85, '\u2020': 0x86, '\u2021': 0x87,
  '\u02C6': 0x88, '\u2030': 0x89, '\u0160': 0x8a, '\u2039': 0x8b, '\u0152': 0x8c, '\u017D': 0x8e, '\u2018': 0x91,
  '\u2019': 0x92, '\u201C': 0x93, '\u201D': 0x94, '\u2022': 0x95, '\u2013': 0x96, '\u2014': 0x97, '\u02DC': 0x98,
  '\u2122': 0x99, '\u0161': 0x9a, '\u203A': 0x9b, '\u0153': 0x9c, '\u017E': 0x9e, '\u0178': 0x9f,
};

function toBytes(text: string): Buffer | null {
  const out = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if (code < 0x100) out[i] = code;
    else if (CP1252[ch] !== undefined) out[i] = CP1252[ch]!;
    else return null;
  }
  return out;
}

function fromTcvn3(text: string): string | null {
  const bytes = toBytes(text);
  if (!bytes) return null;
  // Bytes below 0x20 are capitals in iconv-lite's table, but in a cell they are control characters: keep them out.
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return null;
  return iconv.decode(bytes, 'tcvn').normalize('NFC');
}

// VNI-Times: a base letter followed by one or two mark characters. Built from the marks so it stays complete.
const VNI_TONES_LOWER: [string, string][] = [['ù', '\u0301'], ['ø', '\u0300'], ['û', '\u0309'], ['õ', '\u0303'], ['ï', '\u0323']];
const VNI_TONES_UPPER: [string, string][] = [['Ù', '\u0301'], ['Ø', '\u0300'], ['Û', '\u0309'], ['Õ', '\u0303'], ['Ï', '\u0323']];
const VNI_HAT_TONES_LOWER: [string, string][] = [['á', '\u0301'], ['à', '\u0300'], ['å', '\u0309'], ['ã', '\u0303'], ['ä', '\u0323']];
const VNI_HAT_TONES_UPPER: [string, string][] = [['Á', '\u0301'], ['À', '\u0300'], ['Å', '\u0309'], ['Ã', '\u0303'], ['Ä', '\u0323']];
const VNI_BREVE_TONES_LOWER: [string, string][] = [['é', '\u0301'], ['è', '\u0300'], ['ú', '\u0309'], ['ü', '\u0303'], ['ë', '\u0323']];
const VNI_BREVE_TONES_UPPER: [string, string][] = [['É', '\u0301'], ['È', '\u0300'], ['Ú', '\u0309'], ['Ü', '\u0303'], ['Ë', '\u0323']];

function buildVniTable(): Map<string, string> {
  const t = new Map<string, string>();
  const nfc = (s: string) => s.normalize('NFC');
  for (const upper of [false, true]) {
    const tones = upper ? VNI_TONES_UPPER : VNI_TONES_LOWER;
    const hatTones = upper ? VNI_HAT_TONES_UPPER : VNI_HAT_TONES_LOWER;
    const breveTones = upper ? VNI_BREVE_TONES_UPPER : VNI_BREVE_TONES_LOWER;
    const hat = upper ? 'Â' : 'â';
    const breve = upper ? 'Ê' : 'ê';
    const L = (s: string) => (upper ? s.toUpperCase() : s);
    for (const v of ['a', 'e', 'o', 'u', 'y']) for (const [m, tone] of tones) t.set(L(v) + m, nfc(L(v) + tone));
    for (const v of ['a', 'e', 'o']) {
      t.set(L(v) + hat, nfc(L(v) + '\u0302'));
      for (const [m, tone] of hatTones) t.set(L(v) + m, nfc(L(v) + '\u0302' + tone));
    }
    t.set(L('a') + breve, nfc(L('a') + '\u0306'));
    for (const [m, tone] of breveTones) t.set(L('a') + m, nfc(L('a') + '\u0306' + tone));
    // Single characters: ơ ư đ and the i/ỵ forms.
    const horn = upper ? ['Ô', 'Ö'] : ['ô', 'ö'];
    t.set(horn[0]!, upper ? 'Ơ' : 'ơ');
    t.set(horn[1]!, upper ? 'Ư' : 'ư');
    for (const [m, tone] of tones) {
      t.set(horn[0]! + m, nfc((upper ? 'Ơ' : 'ơ') + tone));
      t.set(horn[1]! + m, nfc((upper ? 'Ư' : 'ư') + tone));
    }
    t.set(upper ? 'Ñ' : 'ñ', upper ? 'Đ' : 'đ');
    const iForms = upper ? [['Í', 'Í'], ['Ì', 'Ì'], ['Æ', 'Ỉ'], ['Ó', 'Ĩ'], ['Ò', 'Ị'], ['Î', 'Ỵ']] : [['í', 'í'], ['ì', 'ì'], ['æ', 'ỉ'], ['ó', 'ĩ'], ['ò', 'ị'], ['î', 'ỵ']];
    for (const [k, v] of iForms) t.set(k!, v!);
  }
  return t;
}

const VNI = buildVniTable();

function fromVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    // Longest match first: "oâ" is ô and "oá" is ố, never "o" then "â".
    const two = text.slice(i, i + 2);
    const hit2 = two.length === 2 ? VNI.get(two) : undefined;
    if (hit2 !== undefined) {
      out += hit2;
      i += 2;
      continue;
    }
    const one = text[i]!;
    out += VNI.get(one) ?? one;
    i += 1;
  }
  return out.normalize('NFC');
}

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?';
// The vowel nuclei Vietnamese syllables have (without tone): a wrong conversion makes clusters like "oô" or "aư".
const NUCLEI = [
  'iêu', 'yêu', 'oai', 'oay', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyê', 'uyu',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi', 'oo', 'ua', 'uâ',
  'uê', 'ui', 'uô', 'uơ', 'ưa', 'ưi', 'ươ', 'ưu', 'uy', 'yê',
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
];
const VOWELS = `(?:${NUCLEI.join('|')})`;
const CODA = '(?:ng|nh|ch|[cmnpt])?';
const SYLLABLE = new RegExp(`^${ONSET}${VOWELS}${CODA}$`);

function stripTone(word: string): string {
  // Remove only the five tone marks, keep the letter marks (ă â ê ô ơ ư).
  return word.normalize('NFD').replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC');
}

/** Share of the letter-only words of a text that are Vietnamese syllables (0..1), and how many words were judged. */
export function scoreVietnamese(text: string): { share: number; words: number } {
  const words = text.toLowerCase().split(/[^\p{L}\p{M}]+/u).filter((w) => w.length > 0);
  if (words.length === 0) return { share: 0, words: 0 };
  let good = 0;
  for (const w of words) {
    const nfd = w.normalize('NFD');
    const tones = (nfd.match(/[\u0300\u0301\u0303\u0309\u0323]/g) ?? []).length;
    if (tones <= 1 && SYLLABLE.test(stripTone(w))) good++;
  }
  return { share: good / words.length, words: words.length };
}

/**
 * Converts a cell's text from TCVN3 or VNI when it is in one of them, judged by which conversion gives real
 * Vietnamese syllables; Unicode and plain ASCII text come back unchanged with `encoding: null`.
 */
export function convertLegacyText(text: string): LegacyConversion {
  // Legacy text always mixes ASCII letters with its look-alikes; a lone "‰" or "°C" is not Vietnamese text.
  if (!LEGACY_HINT.test(text) || !/[A-Za-z]/.test(text) || UNICODE_VI.test(text.normalize('NFC'))) {
    return { text, encoding: null };
  }
  const before = scoreVietnamese(text).share;
  const candidates: LegacyConversion[] = [];
  const tcvn = fromTcvn3(text);
  if (tcvn !== null && tcvn !== text) candidates.push({ text: tcvn, encoding: 'tcvn3' });
  const vni = fromVni(text);
  if (vni !== text) candidates.push({ text: vni, encoding: 'vni' });
  let best: LegacyConversion | null = null;
  let bestShare = 0;
  for (const c of candidates) {
    if (!UNICODE_VI.test(c.text)) continue;
    const s = scoreVietnamese(c.text).share;
    if (s > bestShare) {
      bestShare = s;
      best = c;
    }
  }
  if (best && bestShare >= 0.75 && bestShare > before) return best;
  return { text, encoding: null };
}
