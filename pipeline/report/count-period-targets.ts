// Report stage: the one split of a period's targets that every count in a report (and the batch's console line) uses
// (review of issue 10, finding 1): judged / has a figure but no verdict / no figure, and a review's outlook apart.
import type { Attainment, AttainmentStatus } from '../reconcile/reconciliation.ts';
import { formatNumber } from '../shared/format-number.ts';

/** Statuses that carry a verdict on a figure (the others have no figure or no basis to judge). */
export const JUDGED_STATUSES: readonly AttainmentStatus[] = ['vuot', 'dat', 'co_kha_nang_dat', 'kho_dat', 'khong_dat'];

/** Whether a row shows a figure: the figure judged, or the period's own figure printed beside an unjudged row. */
export function hasFigure(a: Pick<Attainment, 'actual' | 'reportPeriodValue'>): boolean {
  return a.actual !== null || (a.reportPeriodValue ?? null) !== null;
}

/** Whether a row is a whole-year measure a six-month report does not judge yet (Phụ lục I: "Đánh giá cả năm"). */
export function isAnnualNotDue(a: Pick<Attainment, 'status'>): boolean {
  return a.status === 'danh_gia_ca_nam';
}

/** Targets split four ways; the four lists add up to `all`, and each matches one Phụ lục I verdict word. */
export interface TargetSplit {
  all: Attainment[];
  /** A verdict: vượt, đạt, không đạt, có khả năng đạt, khó đạt. */
  judged: Attainment[];
  /**
   * A whole-year measure in a six-month or quarter report (danh_gia_ca_nam), with or without a part-year figure:
   * "chỉ tiêu tính theo năm, đánh giá khi có số liệu cả năm", the Phụ lục I word "Đánh giá cả năm" (review R1, A3).
   */
  annualNotDue: Attainment[];
  /**
   * A figure but no verdict ("Chưa đủ cơ sở đánh giá"): a change whose base is
   * missing or an outlook with one point (chua_du_co_so), a target without a number or in another unit
   * (khong_danh_gia).
   */
  figureNotJudged: Attainment[];
  /** No figure for the period ("Chưa có số liệu"). */
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
  const annualNotDue = all.filter((a) => !JUDGED_STATUSES.includes(a.status) && isAnnualNotDue(a));
  const rest = all.filter((a) => !JUDGED_STATUSES.includes(a.status) && !isAnnualNotDue(a));
  return { all, judged, annualNotDue, figureNotJudged: rest.filter(hasFigure), noFigure: rest.filter((a) => !hasFigure(a)) };
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
    `${s.judged.length} đã đánh giá, ${s.annualNotDue.length > 0 ? `${s.annualNotDue.length} tính theo năm, đánh giá khi có số liệu cả năm, ` : ''}${s.figureNotJudged.length} có số liệu chưa đủ cơ sở đánh giá, ${s.noFigure.length} chưa có số liệu`;
  const own = `${counts.period.all.length} chỉ tiêu trong kỳ: ${line(counts.period)}`;
  return counts.outlook.all.length > 0 ? `${own}; ${counts.outlook.all.length} chỉ tiêu có mục tiêu sau kỳ: ${line(counts.outlook)}` : own;
}

/**
 * The counts of a split that have no verdict, worded as every place of a report words them (section I's opening,
 * Biểu đồ 1's caption): "14 chỉ tiêu tính theo năm, đánh giá khi có số liệu cả năm (3 chỉ tiêu đã có số liệu 6
 * tháng)", "1 chỉ tiêu đã có số liệu nhưng chưa đủ cơ sở đánh giá", "32 chỉ tiêu chưa có số liệu". Each is the count
 * of one Phụ lục I word ("Đánh giá cả năm", "Chưa đủ cơ sở đánh giá", "Chưa có số liệu"); `partLabel` names the
 * part-year figure ("6 tháng").
 */
export function unjudgedCountPhrases(split: TargetSplit, partLabel: string, reasons = ''): string[] {
  const shown = split.annualNotDue.filter(hasFigure).length;
  return [
    split.annualNotDue.length > 0
      ? `${formatNumber(split.annualNotDue.length)} chỉ tiêu tính theo năm, đánh giá khi có số liệu cả năm${shown > 0 ? ` (${formatNumber(shown)} chỉ tiêu đã có số liệu ${partLabel})` : ''}`
      : null,
    split.figureNotJudged.length > 0 ? `${formatNumber(split.figureNotJudged.length)} chỉ tiêu đã có số liệu nhưng chưa đủ cơ sở đánh giá${reasons}` : null,
    split.noFigure.length > 0 ? `${formatNumber(split.noFigure.length)} chỉ tiêu chưa có số liệu` : null,
  ].filter((x): x is string => x !== null);
}
