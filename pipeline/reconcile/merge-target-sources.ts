// Reconcile stage: one judged row per indicator (issue 9, item 5). Several documents often set a target on the same
// indicator (the five-year resolution, the plan implementing it, the December annual plan); the report shows the
// indicator once, with the verdict of one target and every document's target listed beside it.
import type { Attainment, AttainmentStatus, SourceChoice, TargetSource } from './reconciliation.ts';
import type { TargetRow } from './read-target-register.ts';

/** Legal force of a document kind, highest first: a resolution binds the plans that implement it. */
const FORCE: Readonly<Record<string, number>> = { nghi_quyet: 3, quyet_dinh: 2, chuong_trinh: 1, ke_hoach: 1 };

/** How bad a verdict is, worst first: the stricter of two targets gives the worse verdict on the same figure. */
const STRICTNESS: Readonly<Record<AttainmentStatus, number>> = {
  khong_dat: 0,
  kho_dat: 1,
  dat: 2,
  co_kha_nang_dat: 2,
  vuot: 3,
  danh_gia_ca_nam: 4,
  khong_danh_gia: 4,
  chua_co_so_lieu: 4,
  chua_du_co_so: 4,
};

/** The document facts the choice reads, by target id. */
export type TargetFacts = Pick<TargetRow, 'target_id' | 'document_issued_on' | 'document_issued_year' | 'document_kind'>;

/** The year that holds a half or a quarter ("2025-H1" -> "2025"), else null. */
export function yearOfPart(periodId: string): string | null {
  return /^(\d{4})-(?:H[12]|Q[1-4])$/.exec(periodId)?.[1] ?? null;
}

/** The rows whose target is for the report period itself, else (a half or quarter) for the year that holds it. */
function samePeriodRows(rows: readonly Attainment[], periodId: string): Attainment[] {
  const exact = rows.filter((r) => r.targetPeriod === periodId);
  if (exact.length > 0) return exact;
  const year = yearOfPart(periodId);
  return year === null ? [] : rows.filter((r) => r.targetPeriod === year);
}

/**
 * Picks the target a row's verdict uses, and says why:
 * 1. same_period: the target whose period is the report period (the annual plan in an annual report); for a part of a
 *    year (a half, a quarter) with no target of its own, the target of the year that holds it (review R1 of issue 10,
 *    B6: the 2025-H1 report judges "Số lao động được giải quyết việc làm" on the 2025 target "khoảng 7.000", as the
 *    annual report does, not on the 2021-2025 yearly average "khoảng 6.000 lao động/năm");
 * 2. most_recent: the most recently issued document (by issue date, else by year);
 * 3. binding: issued the same day (or year, when a day is unknown): the document of higher legal force;
 * 4. stricter: nothing tells the documents apart and their targets disagree on the figure: the worse verdict;
 * 5. document_order: nothing tells them apart and they agree: the first in document order.
 */
export function chooseSource(rows: readonly Attainment[], periodId: string, facts: ReadonlyMap<string, TargetFacts>): { row: Attainment; choice: SourceChoice } {
  if (rows.length === 1) return { row: rows[0]!, choice: 'only' };
  const samePeriod = samePeriodRows(rows, periodId);
  if (samePeriod.length === 1) return { row: samePeriod[0]!, choice: 'same_period' };
  const pool = samePeriod.length > 1 ? samePeriod : rows;
  const year = (r: Attainment) => facts.get(r.targetId)?.document_issued_year ?? 0;
  const day = (r: Attainment) => facts.get(r.targetId)?.document_issued_on ?? null;
  const force = (r: Attainment) => FORCE[facts.get(r.targetId)?.document_kind ?? ''] ?? 0;
  const latestYear = Math.max(...pool.map(year));
  let candidates = pool.filter((r) => year(r) === latestYear);
  if (candidates.length === 1) return { row: candidates[0]!, choice: 'most_recent' };
  if (candidates.every((r) => day(r) !== null)) {
    const latestDay = candidates.map((r) => day(r)!).sort().at(-1)!;
    const onDay = candidates.filter((r) => day(r) === latestDay);
    if (onDay.length === 1) return { row: onDay[0]!, choice: 'most_recent' };
    candidates = onDay;
  }
  const strongest = Math.max(...candidates.map(force));
  const bound = candidates.filter((r) => force(r) === strongest);
  if (bound.length === 1) return { row: bound[0]!, choice: 'binding' };
  // Nothing tells the documents apart: when their targets give the figure different verdicts, the stricter decides
  // (the worse verdict), so the looser wording of two never makes a figure read "Đạt" that the other calls short.
  const worst = Math.min(...bound.map((r) => STRICTNESS[r.status]));
  const strict = bound.filter((r) => STRICTNESS[r.status] === worst);
  if (strict.length < bound.length) return { row: strict[0]!, choice: 'stricter' };
  return { row: bound[0]!, choice: 'document_order' };
}

/**
 * Joins the rows of one indicator and judgement into one: the chosen target's row, with `sources` listing every
 * document's target (the used one first, then in document order), each with the verdict it gets on its own figure.
 * Rows come in register order and leave in the order of each indicator's first row.
 */
export function mergeTargetSources(rows: readonly Attainment[], periodId: string, facts: ReadonlyMap<string, TargetFacts>): Attainment[] {
  const groups = new Map<string, Attainment[]>();
  for (const r of rows) {
    const key = `${r.indicator}\u0000${r.judgement}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()].map((group) => {
    const { row, choice } = chooseSource(group, periodId, facts);
    const sources: TargetSource[] = [row, ...group.filter((r) => r !== row)].map((r) => ({ ...r.sources[0]!, used: r === row }));
    return { ...row, sources, sourceChoice: choice };
  });
}
