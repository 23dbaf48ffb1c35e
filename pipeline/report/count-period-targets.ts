// Report stage: the one split of a period's targets that every count in a report (and the batch's console line) uses
// (review of issue 10, finding 1): judged / has a figure but no verdict / no figure, and a review's outlook apart.
import type { Attainment, AttainmentStatus } from '../reconcile/reconciliation.ts';

/** Statuses that carry a verdict on a figure (the others have no figure or no basis to judge). */
export const JUDGED_STATUSES: readonly AttainmentStatus[] = ['vuot', 'dat', 'co_kha_nang_dat', 'kho_dat', 'khong_dat'];

/** Whether a row shows a figure: the figure judged, or the period's own figure printed beside an unjudged row. */
export function hasFigure(a: Pick<Attainment, 'actual' | 'reportPeriodValue'>): boolean {
  return a.actual !== null || (a.reportPeriodValue ?? null) !== null;
}

/** Targets split three ways; the three lists add up to `all`. */
export interface TargetSplit {
  all: Attainment[];
  /** A verdict: vượt, đạt, không đạt, có khả năng đạt, khó đạt. */
  judged: Attainment[];
  /**
   * A figure but no verdict: a whole-year measure in a six-month report (danh_gia_ca_nam), a change whose base is
   * missing or an outlook with one point (chua_du_co_so), a target without a number or in another unit
   * (khong_danh_gia).
   */
  figureNotJudged: Attainment[];
  /** No figure for the period. */
  noFigure: Attainment[];
}

/** How a report counts its targets: those of the period, and (in a review) those ending later, told apart. */
export interface PeriodTargetCounts {
  /** The targets section I tells by sector (in a review with 2030 targets: those of the window). */
  period: TargetSplit;
  /** A review's targets that end after its window (judgement outlook), when both kinds are present; else empty. */
  outlook: TargetSplit;
}

function split(all: Attainment[]): TargetSplit {
  const judged = all.filter((a) => JUDGED_STATUSES.includes(a.status));
  const rest = all.filter((a) => !JUDGED_STATUSES.includes(a.status));
  return { all, judged, figureNotJudged: rest.filter(hasFigure), noFigure: rest.filter((a) => !hasFigure(a)) };
}

/**
 * Splits a period's targets, one home for every count a report prints (section I's opening, Biểu đồ 1's caption, the
 * per-domain no-data sentences, II.2, a review's outlook) and for the batch's console line. A review that has targets
 * of its window and targets ending later (2030) tells the later ones apart as its outlook; otherwise every target is
 * the period's.
 */
export function countPeriodTargets(attainments: readonly Attainment[]): PeriodTargetCounts {
  const mixed = attainments.some((a) => a.judgement !== 'outlook') && attainments.some((a) => a.judgement === 'outlook');
  if (!mixed) return { period: split([...attainments]), outlook: split([]) };
  return { period: split(attainments.filter((a) => a.judgement !== 'outlook')), outlook: split(attainments.filter((a) => a.judgement === 'outlook')) };
}

/**
 * The counts in one console line, the same split the report prints: "58 chỉ tiêu trong kỳ: 11 đã đánh giá, 3 có số
 * liệu chưa đủ cơ sở đánh giá, 44 chưa có số liệu" (and a review's targets ending later after it).
 */
export function describeTargetCounts(counts: PeriodTargetCounts): string {
  const line = (s: TargetSplit) =>
    `${s.judged.length} đã đánh giá, ${s.figureNotJudged.length} có số liệu chưa đủ cơ sở đánh giá, ${s.noFigure.length} chưa có số liệu`;
  const own = `${counts.period.all.length} chỉ tiêu trong kỳ: ${line(counts.period)}`;
  return counts.outlook.all.length > 0 ? `${own}; ${counts.outlook.all.length} chỉ tiêu có mục tiêu sau kỳ: ${line(counts.outlook)}` : own;
}
