// Intake stage: finds which registry indicator a row means: form code, then normalised name or a taught alias,
// then a scored fuzzy match that prefers the agency's own indicators.
import type { Thesaurus } from '../../registry/create-thesaurus.ts';
import { loadThesaurus } from '../../registry/load-thesaurus.ts';
import { foldName, toIndicatorKey as registryKey } from '../../registry/to-indicator-key.ts';
import type { IntakeRegistry, RegistryIndicator } from './load-intake-registry.ts';

/** The outcome of matching one row name. */
export type IndicatorMatch =
  | {
      type: 'match';
      indicator: RegistryIndicator;
      how: 'code' | 'name' | 'alias' | 'fuzzy';
      score: number;
      /** "(kế hoạch)"/"(KH)" after the name: the row's figures are the plan, whatever the column says. */
      kind?: 'plan';
      /** A bracket that changed the measure ("(không kể tiền sử dụng đất)"): why the match is only a suggestion. */
      qualifier?: string;
    }
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
  /** The domain thesaurus. @default seeds/thesaurus.csv (`loadThesaurus`) */
  thesaurus?: Thesaurus;
}

/** Matches names against the registry; build once per run. */
export interface IndicatorMatcher {
  /** @param agencyIndicators codes the sending agency follows (its targets name it) */
  match(name: string, agency: string | null, agencyIndicators: ReadonlySet<string>, code?: string | null): IndicatorMatch;
  /**
   * A breakdown row read with its parent ("Tỷ lệ cơ sở giáo dục đạt chuẩn quốc gia" over "Mầm non"): the indicator
   * whose name has exactly the words of the two together, in any order, when there is one; otherwise null.
   */
  matchWithParent(parent: string, name: string): RegistryIndicator | null;
}

/**
 * The key a row name is compared by: the registry's `toIndicatorKey` over the domain thesaurus (seeds/thesaurus.csv):
 * case, diacritics and tone position, outline markers, a "trong đó" lead-in, a unit in brackets, abbreviations,
 * synonyms and aggregation words. One thesaurus for plan import and intake.
 * @param thesaurus @default seeds/thesaurus.csv
 */
export function toIndicatorKey(name: string, thesaurus: Thesaurus = loadThesaurus()): string {
  return registryKey(name, thesaurus).key;
}

/** @deprecated kept for callers of the old name: the fold is the registry's `foldName`. */
export const foldText = foldName;

// The price basis a key states: names that state different ones are different measures even when the rest agrees.
const priceBasis = (key: string) => (/(^| )ghh( |$)/.test(key) ? 'ghh' : /(^| )gss( |$)/.test(key) ? 'gss' : null);
// "Tổng giá trị xuất khẩu" and "Giá trị xuất khẩu", "Tổng vốn đầu tư …" and "Vốn đầu tư …": a leading "tổng" (total)
// names the same measure.
const withoutTotal = (key: string) => key.replace(/^tong (?!so\b)/, '');
/** Sorted distinct words of a key (and of its loose form): the order-free form of a name. */
const bagKeys = (key: string, looseKey: string) =>
  new Set([key, looseKey].map((k) => [...new Set(k.split(' ').filter(Boolean))].sort().join(' ')).filter(Boolean));
const priceBasisAgrees = (a: string, b: string) => {
  const pa = priceBasis(a);
  const pb = priceBasis(b);
  return pa === null || pb === null || pa === pb;
};

// Brackets that do not change the measure (folded): an accumulation or period word, a unit noun. Any other bracket
// in a row's name that the indicator's own name does not carry ("(không kể tiền sử dụng đất)", "(giá so sánh
// 2010)", "(theo chuẩn cũ)") names another measure: the match is then a suggestion for staff, never data (issue 12).
const HARMLESS_QUALIFIER = /^(?:luy ke|luy ke den nay|trong ky|uoc|uoc tinh|uoc th|uoc thuc hien|so bo|chinh thuc|xa|huyen|nguoi|luot nguoi|ho|giuong|truong|co so|ha|km|tan|ty dong|trieu dong|trieu usd|usd|dong|dvt.*|don vi tinh.*|ghh|gia hien hanh|co tinh cay da muc tieu|tinh ca cay da muc tieu)$/;
// Brackets that name the figure's kind: the plan, not the result.
const PLAN_QUALIFIER = /^(?:ke hoach|kh|ke hoach nam|kh nam)(?: \d{4})?$/;

/** The bracketed qualifiers of a name (folded through the thesaurus), without those the indicator's name carries too. */
function bracketQualifiers(name: string, indicatorKey: string, norm: (s: string) => string): string[] {
  const words = new Set(indicatorKey.split(' '));
  const out: string[] = [];
  for (const m of name.normalize('NFC').matchAll(/\(([^()]*)\)/g)) {
    const raw = m[1]!.trim();
    if (!raw || /^\*+$|^\d$/.test(raw)) continue;
    const k = norm(raw);
    if (!k || k.split(' ').every((w) => words.has(w))) continue;
    // A unit in brackets ("(%)", "(tỷ đồng)", "(người/vạn dân)").
    if (/%|‰|đồng|USD|người|\bha\b|tỷ|triệu|ĐVT/i.test(raw) && !/không|trừ|chuẩn|giá so sánh/i.test(raw)) continue;
    out.push(raw);
  }
  return out;
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
  const thesaurus = options.thesaurus ?? loadThesaurus();
  const keyOf = (name: string) => registryKey(name, thesaurus);
  const byKey = new Map<string, RegistryIndicator[]>();
  const byCode = new Map<string, RegistryIndicator>();
  const aliasByKey = new Map<string, Map<string, string>>();
  // The key without bracketed qualifiers ("Tỷ lệ che phủ rừng (có tính cây đa mục tiêu)", "(lũy kế)", "(giá hiện
  // hành)"): a second chance on either side, used only when it names one indicator and the full keys matched none.
  const byLooseKey = new Map<string, RegistryIndicator[]>();
  // The words of a name in any order: "… đạt chuẩn quốc gia" + "Mầm non" has the words of "… mầm non đạt chuẩn quốc gia".
  const byBag = new Map<string, RegistryIndicator[]>();
  // Each name is folded once: building the matcher is per run, and a registry can hold tens of thousands of names.
  const nameKeys = new Map<RegistryIndicator, string>();
  for (const ind of registry.indicators.values()) {
    const { key, looseKey } = keyOf(ind.name);
    nameKeys.set(ind, key);
    byCode.set(ind.code.toLowerCase(), ind);
    const same = byKey.get(key);
    if (same) same.push(ind);
    else byKey.set(key, [ind]);
    bagKeys(key, looseKey).forEach((b) => {
      const list = byBag.get(b);
      if (list) list.push(ind);
      else byBag.set(b, [ind]);
    });
    for (const k of new Set([looseKey, withoutTotal(looseKey)])) {
      const list = byLooseKey.get(k);
      if (list) list.push(ind);
      else byLooseKey.set(k, [ind]);
    }
  }
  const loose = (key: string): RegistryIndicator | null => {
    const exact = byKey.get(key);
    const list = exact && exact.length === 1 ? exact : byLooseKey.get(key);
    return list && list.length === 1 ? list[0]! : null;
  };
  for (const [aliasKey, m] of registry.indicatorAliases) {
    const k = keyOf(aliasKey).key;
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

  const norm = (s: string) => thesaurus.normalize(foldName(s)).key;
  // A match found only once the brackets were dropped: data when each dropped bracket is harmless (or the plan
  // marker), a suggestion when one changes the measure.
  const looseResult = (name: string, indicator: RegistryIndicator): IndicatorMatch => {
    const extra = bracketQualifiers(name, nameKeys.get(indicator)!, norm);
    let kind: 'plan' | undefined;
    for (const q of extra) {
      const k = norm(q);
      if (PLAN_QUALIFIER.test(k) || PLAN_QUALIFIER.test(foldName(q))) kind = 'plan';
      else if (!HARMLESS_QUALIFIER.test(k) && !HARMLESS_QUALIFIER.test(foldName(q))) {
        return { type: 'match', indicator, how: 'fuzzy', score: 0.9, qualifier: q };
      }
    }
    return kind ? { type: 'match', indicator, how: 'name', score: 1, kind } : { type: 'match', indicator, how: 'name', score: 1 };
  };

  return {
    matchWithParent(parent, name) {
      const p = keyOf(parent);
      const c = keyOf(name);
      if (!p.key || !c.key) return null;
      for (const bag of [...bagKeys(`${p.key} ${c.key}`, `${p.looseKey} ${c.looseKey}`)]) {
        const list = byBag.get(bag);
        if (list && list.length === 1 && priceBasisAgrees(`${p.key} ${c.key}`, nameKeys.get(list[0]!)!)) return list[0]!;
      }
      return null;
    },
    match(name, agency, own, code) {
      if (code) {
        const hit = byCode.get(code.trim().toLowerCase());
        if (hit) return { type: 'match', indicator: hit, how: 'code', score: 1 };
      }
      // Rows repeat names (the same indicator in every agency's file): look the raw text up before folding it.
      const rawKey = `${agency ?? ''}\u0000${name}`;
      const hit = rawCache.get(rawKey);
      if (hit) return hit;
      const { key, looseKey } = keyOf(name);
      if (key === '') return { type: 'unknown', best: null, score: 0 };
      const cacheKey = `${agency ?? ''}\u0000${key}`;
      const cached = cache.get(cacheKey);
      if (cached) {
        if (rawCache.size < 100_000) rawCache.set(rawKey, cached);
        return cached;
      }
      let result: IndicatorMatch;
      let hitLoose: RegistryIndicator | null;
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
      } else if ((hitLoose = loose(key) ?? loose(looseKey) ?? loose(withoutTotal(looseKey))) && priceBasisAgrees(key, nameKeys.get(hitLoose)!)) {
        result = looseResult(name, hitLoose);
      } else {
        result = fuzzy(key, own);
      }
      if (cache.size < 100_000) cache.set(cacheKey, result);
      if (rawCache.size < 100_000) rawCache.set(rawKey, result);
      return result;
    },
  };
}
