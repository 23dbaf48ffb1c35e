// Registry stage: which registry indicator a plan row names, and how it was found (issue 9: one indicator per
// measure). `plan import` prints the answer for every row and refuses to split a measure silently.
import type BetterSqlite3 from 'better-sqlite3';
import { toMatchKey, toSlug } from '../shared/to-match-key.ts';
import type { AppliedRule, Thesaurus } from './create-thesaurus.ts';
import { qualifiersOf, toIndicatorKey } from './to-indicator-key.ts';

/** How a plan row's name was matched, in the order tried. */
export type PlanMatchHow =
  /** The name is an indicator code, or its slug is one (codes are slugs of short names). */
  | 'code'
  /** A name staff taught (`kehoach alias add`, seeds/aliases.csv). */
  | 'alias'
  /** The indicator's name, folded (case, diacritics, punctuation). */
  | 'name'
  /** The same measure through the domain thesaurus (abbreviations, synonyms, "bình quân" as aggregation). */
  | 'thesaurus';

/** The outcome for one name. */
export type PlanIndicatorMatch =
  | { type: 'match'; indicator: string; how: PlanMatchHow; rules: AppliedRule[] }
  | { type: 'ambiguous'; candidates: string[]; how: PlanMatchHow }
  /** No indicator is this measure; `close` lists existing ones that look like it (a new indicator needs --new). */
  | { type: 'none'; close: { indicator: string; name: string }[] };

/** Matches plan row names against the registry; build once per import. */
export interface PlanIndicatorMatcher {
  match(name: string): PlanIndicatorMatch;
}

interface IndicatorRow {
  code: string;
  name: string;
  name_key: string;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!k) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Share of the words two keys have in common (Jaccard), with a key inside the other counting as close. */
function closeness(a: string, b: string): number {
  const x = new Set(a.split(' '));
  const y = new Set(b.split(' '));
  let common = 0;
  for (const w of x) if (y.has(w)) common += 1;
  if (common === x.size || common === y.size) return 1;
  return common / (x.size + y.size - common);
}

/** Two names this close are probably one measure: a new indicator then needs `--new` or a confirmation. */
export const CLOSE_NAME = 0.6;

/**
 * Builds the matcher over the registry's indicators and taught aliases (agency-specific aliases are left to intake).
 * Order: code, alias, name, thesaurus key, the thesaurus key without bracketed qualifiers and price basis (only
 * when it names one indicator).
 */
export function createPlanIndicatorMatcher(sqlite: BetterSqlite3.Database, thesaurus: Thesaurus): PlanIndicatorMatcher {
  const indicators = sqlite.prepare('select code, name, name_key from indicators').all() as IndicatorRow[];
  const aliases = sqlite.prepare("select alias_key, indicator from indicator_aliases where agency = ''").all() as { alias_key: string; indicator: string }[];
  const keyed = indicators.map((i) => ({ ...i, ...toIndicatorKey(i.name, thesaurus) }));
  const codes = new Set(indicators.map((i) => i.code));
  const byNameKey = groupBy(indicators, (i) => i.name_key);
  const byAlias = groupBy(aliases, (a) => a.alias_key);
  const byKey = groupBy(keyed, (i) => i.key);
  const byLoose = groupBy(keyed, (i) => i.looseKey);
  const one = (codesFound: string[], how: PlanMatchHow, rules: AppliedRule[] = []): PlanIndicatorMatch => {
    const unique = [...new Set(codesFound)];
    return unique.length === 1 ? { type: 'match', indicator: unique[0]!, how, rules } : { type: 'ambiguous', candidates: unique, how };
  };
  return {
    match(name) {
      const trimmed = name.trim();
      if (codes.has(trimmed)) return { type: 'match', indicator: trimmed, how: 'code', rules: [] };
      const folded = toMatchKey(trimmed);
      const alias = byAlias.get(folded);
      if (alias) return one(alias.map((a) => a.indicator), 'alias');
      const exact = byNameKey.get(folded);
      if (exact) return one(exact.map((i) => i.code), 'name');
      if (codes.has(toSlug(trimmed))) return { type: 'match', indicator: toSlug(trimmed), how: 'code', rules: [] };
      const k = toIndicatorKey(trimmed, thesaurus);
      const same = byKey.get(k.key);
      if (same) return one(same.map((i) => i.code), 'thesaurus', k.applied);
      // The looser key drops brackets and price basis: only when every qualifier the name carries is the indicator's
      // too ("GRDP bình quân đầu người" may be the current-price one; "(theo giá so sánh)" may not). Else "gần giống".
      const mine = qualifiersOf(trimmed, thesaurus);
      const loose = byLoose.get(k.looseKey)?.filter((i) => {
        // A growth rate is measured at constant prices (giá so sánh, Tổng cục Thống kê): "tăng trưởng GRDP theo giá so
        // sánh" is the growth indicator whether or not its name says so.
        const theirs = [...qualifiersOf(i.name, thesaurus), ...(i.key.split(' ').includes('truong') ? ['gss'] : [])];
        return mine.every((q) => theirs.includes(q));
      });
      if (loose && loose.length > 0 && new Set(loose.map((i) => i.code)).size === 1) return one(loose.map((i) => i.code), 'thesaurus', k.applied);
      const close = keyed
        .map((i) => ({ indicator: i.code, name: i.name, score: closeness(k.key, i.key) }))
        .filter((c) => c.score >= CLOSE_NAME)
        .sort((a, b) => b.score - a.score || a.indicator.localeCompare(b.indicator))
        .slice(0, 3);
      return { type: 'none', close: close.map(({ indicator, name: n }) => ({ indicator, name: n })) };
    },
  };
}
