// Registry stage: the domain thesaurus (seeds/thesaurus.csv) as rewrite passes over a folded name key, so that the
// names of one measure in documents, annual plans and agency files ("Tốc độ tăng trưởng tổng sản phẩm trên địa bàn
// (GRDP) bình quân", "Tốc độ tăng GRDP") give one key. Used by plan import and the intake matcher through
// toIndicatorKey.
import { toMatchKey } from '../shared/to-match-key.ts';

/** Kinds of thesaurus rows (seeds/README.md, thesaurus.csv). */
export const THESAURUS_KINDS = ['spelling', 'synonym', 'abbreviation', 'aggregation'] as const;
export type ThesaurusKind = (typeof THESAURUS_KINDS)[number];

/** One reviewed row of seeds/thesaurus.csv. */
export interface ThesaurusRule {
  /** As written in the seed: the abbreviation ("GRDP"), the variant ("tốc độ tăng"), the aggregation word. */
  term: string;
  /** What it means: the words an abbreviation stands for, the preferred form of a synonym; blank for aggregation. */
  means: string;
  kind: ThesaurusKind;
  /** Where the usage is seen. */
  sourceRef: string;
  /** Line in seeds/thesaurus.csv (0 for rules built in code or tests). */
  line: number;
}

/** A rule that changed a key, for `plan import` to print how a name matched. */
export interface AppliedRule {
  kind: ThesaurusKind;
  term: string;
  means: string;
}

/** The thesaurus as rewrite passes on folded keys. */
export interface Thesaurus {
  readonly rules: readonly ThesaurusRule[];
  /**
   * Rewrites a folded key (toMatchKey form: lower case, no diacritics, words separated by one space) in four passes:
   * spelling (tỷ -> tỉ), synonyms (tốc độ tăng -> tăng trưởng), abbreviations (tổng sản phẩm trên địa bàn -> grdp:
   * the long form becomes the short one, so a name holding both keeps one), aggregation words dropped (bình quân,
   * hằng năm). Repeated words left next to each other ("grdp grdp") are kept once.
   */
  normalize(foldedKey: string): { key: string; applied: AppliedRule[] };
}

interface Pass {
  kind: ThesaurusKind;
  re: RegExp | null;
  to: Map<string, { out: string; rule: ThesaurusRule }>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// "10 000" (from "10.000") is one number, in names and in rules alike.
const DIGIT_GROUPS = /(?<![0-9])(\d{1,3}) (\d{3})(?![0-9])/g;
const joinDigitGroups = (key: string) => (/\d \d/.test(key) ? key.replace(DIGIT_GROUPS, '$1$2') : key);
const foldTerm = (text: string) => joinDigitGroups(toMatchKey(text));

/** Drops a word group repeated right after itself ("grdp grdp" -> "grdp", "a b a b" -> "a b"). */
export function dropRepeatedWords(key: string): string {
  const words = key.split(' ').filter(Boolean);
  for (let size = 1; size <= 4; size++) {
    for (let i = 0; i + 2 * size <= words.length; ) {
      let same = true;
      for (let k = 0; k < size && same; k++) same = words[i + k] === words[i + size + k];
      if (same) words.splice(i + size, size);
      else i++;
    }
  }
  return words.join(' ');
}

/**
 * Builds the passes of a thesaurus. Each pass reads its terms through the passes before it, so an aggregation word
 * written in full ("bình quân") still matches after the abbreviation pass wrote it "bq".
 */
export function createThesaurus(rules: readonly ThesaurusRule[]): Thesaurus {
  const passes: Pass[] = [];
  const runPasses = (key: string, upTo: number, applied: AppliedRule[] | null): string => {
    let out = key;
    for (let i = 0; i < upTo; i++) {
      const pass = passes[i]!;
      if (!pass.re) continue;
      out = out.replace(pass.re, (m) => {
        const hit = pass.to.get(m)!;
        applied?.push({ kind: hit.rule.kind, term: hit.rule.term, means: hit.rule.means });
        return hit.out;
      });
      out = out.replace(/ {2,}/g, ' ').trim();
    }
    return out;
  };
  for (const kind of THESAURUS_KINDS) {
    const index = passes.length;
    const to = new Map<string, { out: string; rule: ThesaurusRule }>();
    for (const rule of rules.filter((r) => r.kind === kind)) {
      const term = foldTerm(rule.term);
      const means = foldTerm(rule.means);
      // Abbreviations rewrite the long form into the short one; the others rewrite the term into what it means.
      const [from, out] = kind === 'abbreviation' ? [means, term] : kind === 'aggregation' ? [term, ''] : [term, means];
      const fromKey = runPasses(from, index, null);
      if (fromKey && fromKey !== out && !to.has(fromKey)) to.set(fromKey, { out, rule });
    }
    const alternatives = [...to.keys()].sort((a, b) => b.length - a.length).map(escape);
    passes.push({
      kind,
      to,
      re: alternatives.length ? new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})(?![a-z0-9])`, 'g') : null,
    });
  }
  return {
    rules,
    normalize(foldedKey) {
      const applied: AppliedRule[] = [];
      const key = dropRepeatedWords(runPasses(joinDigitGroups(foldedKey), passes.length, applied));
      return { key, applied };
    },
  };
}
