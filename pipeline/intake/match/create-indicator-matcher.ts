// Intake stage: finds which registry indicator a row means: form code, then normalised name or a taught alias,
// then a scored fuzzy match that prefers the agency's own indicators.
import { toMatchKey } from '../../shared/to-match-key.ts';
import type { IntakeRegistry, RegistryIndicator } from './load-intake-registry.ts';

/** The outcome of matching one row name. */
export type IndicatorMatch =
  | { type: 'match'; indicator: RegistryIndicator; how: 'code' | 'name' | 'alias' | 'fuzzy'; score: number }
  | { type: 'unknown'; best: RegistryIndicator | null; score: number }
  | { type: 'ambiguous'; candidates: RegistryIndicator[]; score: number };

/** Options of the matcher. */
export interface MatcherOptions {
  /** Lowest fuzzy score accepted. @default 0.78 */
  accept?: number;
  /** Two candidates closer than this are ambiguous. @default 0.04 */
  margin?: number;
  /** Bonus for an indicator the agency follows. @default 0.08 */
  ownBonus?: number;
}

/** Matches names against the registry; build once per run. */
export interface IndicatorMatcher {
  /** @param agencyIndicators codes the sending agency follows (its targets name it) */
  match(name: string, agency: string | null, agencyIndicators: ReadonlySet<string>, code?: string | null): IndicatorMatch;
}

// Abbreviations agencies write in their sheets, and other words for the same thing ("vạn dân" is 10.000 dân,
// "kim ngạch" is "giá trị", "trung bình" is "bình quân"), replaced on the folded key in one pass.
const PHRASES: Record<string, string> = {
  nsnn: 'ngan sach nha nuoc',
  ntm: 'nong thon moi',
  bhyt: 'bao hiem y te',
  bhxh: 'bao hiem xa hoi',
  bhtn: 'bao hiem that nghiep',
  kcn: 'khu cong nghiep',
  dtts: 'dan toc thieu so',
  tdtt: 'the duc the thao',
  htx: 'hop tac xa',
  sxkd: 'san xuat kinh doanh',
  gtsx: 'gia tri san xuat',
  dn: 'doanh nghiep',
  'kt xh': 'kinh te xa hoi',
  vdt: 'von dau tu',
  xk: 'xuat khau',
  sl: 'so luong',
  'gd dt': 'giao duc dao tao',
  tp: 'thanh pho',
  ldtbxh: 'lao dong thuong binh xa hoi',
  bq: 'binh quan',
  dvt: 'don vi tinh',
  qg: 'quoc gia',
  'van dan': '10000 dan',
  'kim ngach': 'gia tri',
  'trung binh': 'binh quan',
};
const PHRASE_RE = new RegExp(`\\b(?:${Object.keys(PHRASES).sort((a, b) => b.length - a.length).join('|')})\\b`, 'g');
// "10 000" (from "10.000") is one number.
const DIGIT_GROUPS = /\b(\d{1,3}) (\d{3})\b/g;
// Old and new spelling of a final i/y after a consonant: "bác sỹ"/"bác sĩ", "kỹ"/"kĩ", "lý"/"lí".
const FINAL_Y = /\b(b|c|d|h|k|l|m|n|s|t|v|x|ph|th|tr|ch|nh|kh|gh|ng)y\b/g;

// Folded form of each non-ASCII character, as toMatchKey folds it ('ệ' -> 'e', 'Đ' -> 'd', '–' -> separator).
const FOLDED = new Map<number, string>();

/**
 * `toMatchKey` for NFC text, character by character through a table: the same result without normalising whole
 * strings (a large CSV folds one name per row).
 */
export function foldText(text: string): string {
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

/**
 * The key a row name is compared by: `toMatchKey` (case, diacritics and tone position, punctuation) plus the
 * common abbreviations, without an outline marker in front, a "trong đó" lead-in or a unit in brackets at the end.
 */
export function toIndicatorKey(name: string): string {
  let text = name.normalize('NFC').trim();
  text = text.replace(/^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])\s*[.)\-/]\s+/i, '');
  text = text.replace(/^\s*[-+*•–]\s*/, '');
  text = text.replace(/^\s*trong\s+đó\s*[:,-]?\s*/i, '');
  // Footnote marks after a name: "(*)", "(**)", "(1)", "*".
  text = text.replace(/(?:\s*(?:\(\*+\)|\(\d\)|\*+))+\s*$/, '');
  text = text.replace(/\s*\((?:[^()]*(?:%|‰|đồng|USD|người|ha|tỷ|triệu|ĐVT)[^()]*)\)\s*$/i, '');
  let key = foldText(text).replace(PHRASE_RE, (m) => PHRASES[m]!);
  if (/\d \d/.test(key)) key = key.replace(DIGIT_GROUPS, '$1$2');
  return key.replace(FINAL_Y, '$1i');
}

interface Entry {
  indicator: RegistryIndicator;
  tokens: Map<string, number>;
  weight: number;
}

/** Builds a matcher over the registry's indicators and taught aliases. */
export function createIndicatorMatcher(registry: IntakeRegistry, options: MatcherOptions = {}): IndicatorMatcher {
  const accept = options.accept ?? 0.78;
  const margin = options.margin ?? 0.04;
  const ownBonus = options.ownBonus ?? 0.08;
  const byKey = new Map<string, RegistryIndicator[]>();
  const byCode = new Map<string, RegistryIndicator>();
  const aliasByKey = new Map<string, Map<string, string>>();
  // The name without its bracketed qualifier: agencies write "Tỷ lệ hộ nghèo" for "Tỷ lệ hộ nghèo (theo chuẩn nghèo
  // đa chiều)". Used only when it names one indicator and the full names matched none.
  const byShortKey = new Map<string, RegistryIndicator[]>();
  // Each name is folded once: building the matcher is per run, and a registry can hold tens of thousands of names.
  const nameKeys = new Map<RegistryIndicator, string>();
  for (const ind of registry.indicators.values()) nameKeys.set(ind, toIndicatorKey(ind.name));
  for (const ind of registry.indicators.values()) {
    byCode.set(ind.code.toLowerCase(), ind);
    const k = nameKeys.get(ind)!;
    const same = byKey.get(k);
    if (same) same.push(ind);
    else byKey.set(k, [ind]);
    const short = ind.name.includes('(') ? toIndicatorKey(ind.name.replace(/\([^()]*\)/g, ' ')) : k;
    if (short !== k) {
      const list = byShortKey.get(short);
      if (list) list.push(ind);
      else byShortKey.set(short, [ind]);
    }
  }
  for (const [k, list] of byShortKey) {
    // A short form that is some indicator's full name is not a short form.
    if (byKey.has(k)) byShortKey.delete(k);
    else if (list.length > 1) byShortKey.delete(k);
  }
  for (const [aliasKey, m] of registry.indicatorAliases) {
    const k = toIndicatorKey(aliasKey);
    const merged = aliasByKey.get(k) ?? new Map<string, string>();
    for (const [agency, code] of m) merged.set(agency, code);
    aliasByKey.set(k, merged);
    if (k !== aliasKey) aliasByKey.set(aliasKey, merged);
  }
  // Token weights: a token found in many indicator names ("ty le") says little (inverse document frequency). The
  // token index is built on the first fuzzy lookup only: a file whose names all match exactly never pays for it.
  const tokenize = (key: string) => key.split(' ').filter((t) => t.length > 0);
  const docFreq = new Map<string, number>();
  const index = new Map<string, Entry[]>();
  let indexed = false;
  const n = Math.max(1, registry.indicators.size);
  const idf = (t: string) => Math.log(1 + n / (docFreq.get(t) ?? 0.5));
  const weigh = (tokens: string[]) => {
    const m = new Map<string, number>();
    for (const t of tokens) m.set(t, idf(t));
    return m;
  };
  const buildIndex = () => {
    indexed = true;
    for (const ind of registry.indicators.values()) {
      for (const t of new Set(tokenize(nameKeys.get(ind)!))) docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
    }
    for (const ind of registry.indicators.values()) {
      const tokens = weigh(tokenize(nameKeys.get(ind)!));
      let weight = 0;
      for (const w of tokens.values()) weight += w;
      const entry: Entry = { indicator: ind, tokens, weight };
      // Push in place: copying the list per entry made building the index quadratic in the registry size.
      for (const t of tokens.keys()) {
        const list = index.get(t);
        if (list) list.push(entry);
        else index.set(t, [entry]);
      }
    }
  };
  const cache = new Map<string, IndicatorMatch>();
  const rawCache = new Map<string, IndicatorMatch>();

  const fuzzy = (key: string, own: ReadonlySet<string>): IndicatorMatch => {
    if (!indexed) buildIndex();
    const tokens = weigh(tokenize(key));
    const weight = [...tokens.values()].reduce((a, b) => a + b, 0);
    const scores = new Map<Entry, number>();
    const shared = new Map<Entry, number>();
    for (const [t, w] of tokens) {
      for (const e of index.get(t) ?? []) {
        scores.set(e, (scores.get(e) ?? 0) + w);
        shared.set(e, (shared.get(e) ?? 0) + 1);
      }
    }
    // Best and near-best without sorting every candidate (a large file of unknown names calls this per row).
    const final = new Map<Entry, number>();
    let best: { e: Entry; score: number } | null = null;
    for (const [e, common] of scores) {
      // Half Dice (both names alike), half containment (the agency's shorter name found inside the registry's).
      const dice = (2 * common) / (weight + e.weight);
      const contained = weight > 0 ? common / weight : 0;
      const score = Math.min(1, (dice + contained) / 2 + (own.has(e.indicator.code) ? ownBonus : 0));
      final.set(e, score);
      if (!best || score > best.score || (score === best.score && e.indicator.code < best.e.indicator.code)) best = { e, score };
    }
    // A short name found inside a long one is not enough on its own ("Dịch vụ" in "Tỷ trọng nhóm ngành dịch vụ ..."):
    // at least half the words, counted plainly, must be shared.
    const bestDice = best ? (2 * (shared.get(best.e) ?? 0)) / (tokens.size + best.e.tokens.size) : 0;
    if (!best || best.score < accept || bestDice < 0.5) return { type: 'unknown', best: best?.e.indicator ?? null, score: best?.score ?? 0 };
    const close = [...final]
      .filter(([, score]) => score >= accept && best.score - score < margin)
      .sort((a, b) => b[1] - a[1] || a[0].indicator.code.localeCompare(b[0].indicator.code))
      .map(([e, score]) => ({ e, score }));
    if (close.length > 1) return { type: 'ambiguous', candidates: close.slice(0, 4).map((r) => r.e.indicator), score: best.score };
    return { type: 'match', indicator: best.e.indicator, how: 'fuzzy', score: Math.round(best.score * 100) / 100 };
  };

  return {
    match(name, agency, own, code) {
      if (code) {
        const hit = byCode.get(code.trim().toLowerCase());
        if (hit) return { type: 'match', indicator: hit, how: 'code', score: 1 };
      }
      // Rows repeat names (the same indicator in every agency's file): look the raw text up before folding it.
      const rawKey = `${agency ?? ''}\u0000${name}`;
      const hit = rawCache.get(rawKey);
      if (hit) return hit;
      const key = toIndicatorKey(name);
      if (key === '') return { type: 'unknown', best: null, score: 0 };
      const cacheKey = `${agency ?? ''}\u0000${key}`;
      const cached = cache.get(cacheKey);
      if (cached) {
        if (rawCache.size < 100_000) rawCache.set(rawKey, cached);
        return cached;
      }
      let result: IndicatorMatch;
      const alias = aliasByKey.get(key);
      const aliasCode = alias ? (agency && alias.get(agency)) || alias.get('') : undefined;
      const exact = byKey.get(key);
      if (aliasCode && registry.indicators.has(aliasCode)) {
        result = { type: 'match', indicator: registry.indicators.get(aliasCode)!, how: 'alias', score: 1 };
      } else if (exact && exact.length === 1) {
        result = { type: 'match', indicator: exact[0]!, how: 'name', score: 1 };
      } else if (exact && exact.length > 1) {
        const mine = exact.filter((i) => own.has(i.code));
        result = mine.length === 1 ? { type: 'match', indicator: mine[0]!, how: 'name', score: 1 } : { type: 'ambiguous', candidates: exact, score: 1 };
      } else if (byShortKey.has(key)) {
        result = { type: 'match', indicator: byShortKey.get(key)![0]!, how: 'name', score: 1 };
      } else {
        result = fuzzy(key, own);
      }
      if (cache.size < 100_000) cache.set(cacheKey, result);
      if (rawCache.size < 100_000) rawCache.set(rawKey, result);
      return result;
    },
  };
}
