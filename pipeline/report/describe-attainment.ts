// Report stage: the Vietnamese sentence that reports one target's figure ("Thu ngân sách nhà nước trên địa bàn
// 6 tháng ước đạt 1.245,8 tỷ đồng, bằng 30,0% kế hoạch năm, tăng 8,2% so với cùng kỳ").
import type { Attainment, AttainmentStatus, Judgement } from '../reconcile/reconciliation.ts';
import type { Period } from '../shared/parse-period.ts';
import { formatPercent } from '../shared/format-percent.ts';
import { formatQuantity } from '../shared/format-quantity.ts';
import { formatNumber } from '../shared/format-number.ts';
import { toRoman } from './format/to-roman.ts';
import { lowerFirst } from './format/lower-first.ts';

/**
 * Verdict words by status, as the "Đánh giá" column prints them. Which statuses a row may carry depends on the
 * judgement its report period allows (see VERDICT_WORDS and README, "Verdict words by period").
 */
export const STATUS_LABELS: Record<AttainmentStatus, string> = {
  vuot: 'Vượt',
  dat: 'Đạt',
  khong_dat: 'Không đạt',
  co_kha_nang_dat: 'Có khả năng đạt',
  kho_dat: 'Khó đạt',
  danh_gia_ca_nam: 'Đánh giá cả năm',
  chua_co_so_lieu: 'Chưa có số liệu',
  khong_danh_gia: 'Không đánh giá',
  chua_du_co_so: 'Chưa đủ cơ sở đánh giá',
};

/**
 * The verdict-word table by period (issue 9, item 3; CONVENTIONS-VN, evaluation words), one home for it:
 * - final (the report period reaches the target period's end): Vượt / Đạt / Không đạt, and with an estimated figure
 *   Ước vượt / Ước đạt / Ước không đạt;
 * - progress (six months or a quarter of the target's year): Có khả năng đạt / Khó đạt, or Đánh giá cả năm for a
 *   measure that exists for whole years only;
 * - outlook (a target ending after a review window): Có khả năng đạt / Khó đạt, with the rate still needed;
 * - any: Chưa có số liệu, Không đánh giá.
 */
export const VERDICT_WORDS: Readonly<Record<Judgement, Partial<Record<AttainmentStatus, { actual: string; estimate: string }>>>> = {
  final: {
    vuot: { actual: 'Vượt', estimate: 'Ước vượt' },
    dat: { actual: 'Đạt', estimate: 'Ước đạt' },
    khong_dat: { actual: 'Không đạt', estimate: 'Ước không đạt' },
  },
  progress: {
    co_kha_nang_dat: { actual: 'Có khả năng đạt', estimate: 'Có khả năng đạt' },
    kho_dat: { actual: 'Khó đạt', estimate: 'Khó đạt' },
    danh_gia_ca_nam: { actual: 'Đánh giá cả năm', estimate: 'Đánh giá cả năm' },
  },
  outlook: {
    co_kha_nang_dat: { actual: 'Có khả năng đạt', estimate: 'Có khả năng đạt' },
    kho_dat: { actual: 'Khó đạt', estimate: 'Khó đạt' },
  },
};

/**
 * The "Đánh giá" word of a row, from the table above. A row that shows a figure but has no verdict is never "Không
 * đánh giá" (review finding 5): "Chưa đủ cơ sở đánh giá", or "Chưa đủ số liệu dự báo" for an outlook; the reason is
 * told beside it (unjudgedReason).
 * @throws Error when reconcile gave a status its judgement does not allow (a defect, never data)
 */
export function verdictLabel(a: Pick<Attainment, 'status' | 'judgement' | 'actualKind'> & Partial<Pick<Attainment, 'actual' | 'reportPeriodValue'>>): string {
  const shown = (a.actual ?? null) !== null || (a.reportPeriodValue ?? null) !== null;
  if (a.status === 'chua_du_co_so' || ((a.status === 'khong_danh_gia' || a.status === 'chua_co_so_lieu') && shown)) {
    return a.judgement === 'outlook' ? 'Chưa đủ số liệu dự báo' : STATUS_LABELS.chua_du_co_so;
  }
  if (a.status === 'chua_co_so_lieu' || a.status === 'khong_danh_gia') return STATUS_LABELS[a.status];
  const words = VERDICT_WORDS[a.judgement][a.status];
  if (!words) throw new Error(`Kết quả "${a.status}" không dùng cho loại đánh giá "${a.judgement}"`);
  return a.actualKind === 'estimate' ? words.estimate : words.actual;
}

/**
 * The class of a whole-year measure a six-month report does not judge yet (review R1, A3), one word in Phụ lục I
 * (verdictLabel of status danh_gia_ca_nam) and one phrase in the body's counts.
 */
export const ANNUAL_NOT_DUE_LABEL = STATUS_LABELS.danh_gia_ca_nam;
export const ANNUAL_NOT_DUE_PHRASE = 'chỉ tiêu tính theo năm, đánh giá khi có số liệu cả năm';

const VERDICT_CLAUSE: Record<AttainmentStatus, string> = {
  vuot: 'vượt kế hoạch',
  dat: 'đạt kế hoạch',
  khong_dat: 'không đạt kế hoạch',
  co_kha_nang_dat: 'có khả năng đạt kế hoạch',
  kho_dat: 'khó đạt kế hoạch',
  danh_gia_ca_nam: 'đánh giá theo số cả năm',
  chua_co_so_lieu: 'chưa có số liệu',
  khong_danh_gia: 'chưa đủ cơ sở để đánh giá',
  chua_du_co_so: 'chưa đủ cơ sở để đánh giá',
};

/** A period id as a sentence names it: "2025" -> "năm 2025", "2021-2025" -> "giai đoạn 2021-2025", "2025-H1" -> "6 tháng đầu năm 2025". */
export function periodIdPhrase(id: string): string {
  if (/^\d{4}$/.test(id)) return `năm ${id}`;
  const window = /^(\d{4})-(\d{4})$/.exec(id);
  // A one-year window ("2024-2024") is that year.
  if (window) return window[1] === window[2] ? `năm ${window[1]}` : `giai đoạn ${id}`;
  const half = /^(\d{4})-H([12])$/.exec(id);
  if (half) return `6 tháng ${half[2] === '1' ? 'đầu' : 'cuối'} năm ${half[1]}`;
  return id;
}

/**
 * The label the figure needs beside it when it is not simply the report period's own figure (issue 9, item 4: an
 * average is labelled as one): "bình quân 2021-2025", "tổng 2021-2025", "năm 2024", "2020-2025". Empty otherwise.
 */
export function figureLabel(a: Pick<Attainment, 'figureBasis' | 'figurePeriod'>, period: Period): string {
  const p = a.figurePeriod;
  if (!a.figureBasis || !p) return '';
  switch (a.figureBasis) {
    case 'window_average':
      return `bình quân ${p}`;
    case 'window_total':
      return `tổng ${p}`;
    case 'yearly_average':
      return `bình quân/năm ${p}`;
    case 'change':
    case 'change_per_year':
      return p;
    case 'year_to_date':
      return p === period.id ? '' : `lũy kế đến ${p}`;
    case 'period_value':
      return p === period.id ? '' : periodIdPhrase(p);
    default: {
      const never: never = a.figureBasis;
      throw new Error(`Cách tính số liệu không xác định: ${String(never)}`);
    }
  }
}

/** The short name of the period inside a sentence: "6 tháng", "năm 2024", "quý III", "giai đoạn 2021-2023". */
export function periodPhrase(period: Period): string {
  switch (period.kind) {
    case 'half':
      return '6 tháng';
    case 'year':
      return `năm ${period.startYear}`;
    case 'quarter':
      return `quý ${toRoman(period.part ?? 1)}`;
    case 'window':
      return `giai đoạn ${period.startYear}-${period.endYear}`;
    default: {
      const never: never = period.kind;
      throw new Error(`Loại kỳ không xác định: ${String(never)}`);
    }
  }
}

/**
 * Puts the unit into a target expression after its last number, the way documents write it: "từ 95 trở lên" in %
 * gives "từ 95% trở lên", "trên 10" gives "trên 10%", "từ 50 trở lên" in sản phẩm gives "từ 50 sản phẩm trở lên".
 * An expression that already names a % or ‰ is left alone ("giảm 3-4%/năm").
 */
export function withUnit(expression: string, unit: string): string {
  // "70 triệu đồng trở lên (tương đương trên 3.000 USD)" already names its unit ("triệu đồng" of triệu đồng/người).
  if (!unit || /[%‰]/.test(expression) || expression.includes(unit) || expression.includes(unit.split('/')[0]!)) return expression;
  const sign = unit === '%' || unit === '‰' ? unit : ` ${unit}`;
  const numbers = [...expression.matchAll(/\d[\d.,]*/g)];
  const last = numbers[numbers.length - 1];
  if (!last || last.index === undefined) return `${expression}${sign}`;
  const end = last.index + last[0].length;
  return `${expression.slice(0, end)}${sign}${expression.slice(end)}`;
}

/**
 * A target expression with its unit as a sentence prints it inside brackets: an inner bracket becomes a comma clause,
 * never nested brackets (review R1, B11): "70 triệu đồng trở lên, tương đương trên 3.000 USD".
 */
export function targetText(a: Pick<Attainment, 'expression' | 'unit'>): string {
  return withUnit(lowerFirst(a.expression), a.unit)
    .replace(/\s*\(([^()]*)\)/g, ', $1')
    .trim();
}

/**
 * What the comparison percentage is "of" when the caller does not say (it knows the target's document: planPhrase
 * in build-narrative-draft.ts): "kế hoạch", "mục tiêu năm 2025", "mục tiêu giai đoạn 2021-2025". Never "dự toán" nor
 * "kế hoạch năm" without knowing the document is that year's plan (review finding 4).
 */
function planWord(a: Attainment, period: Period): string {
  if (a.targetPeriod === period.id) return 'kế hoạch';
  if (/^\d{4}$/.test(a.targetPeriod)) return `mục tiêu năm ${a.targetPeriod}`;
  if (/^\d{4}-\d{4}$/.test(a.targetPeriod)) return `mục tiêu giai đoạn ${a.targetPeriod}`;
  return 'kế hoạch';
}

/** The verdict clause at the end of a sentence: "đạt kế hoạch", "ước không đạt kế hoạch", "khó đạt kế hoạch". */
function verdictClause(a: Attainment): string {
  if (a.status === 'chua_co_so_lieu' || a.status === 'khong_danh_gia' || a.status === 'danh_gia_ca_nam' || a.status === 'chua_du_co_so') return VERDICT_CLAUSE[a.status];
  return `${lowerFirst(verdictLabel(a))} kế hoạch`;
}

/** "điểm phần trăm", "điểm phần nghìn", or the unit: what a change of a level is counted in. */
function pointsWord(unit: string): string {
  return unit === '%' ? 'điểm phần trăm' : unit === '‰' ? 'điểm phần nghìn' : unit;
}

/** "giảm từ 10,6% (năm 2020) xuống 8,2% (năm 2025), bình quân giảm 0,48 điểm phần trăm/năm". */
function describeChange(a: Attainment): string {
  const rate = ` ${pointsWord(a.unit)}`;
  const { from, to } = a.levels!;
  const falling = to.value < from.value;
  const verb = falling ? 'giảm' : 'tăng';
  const moved = `${verb} từ ${formatQuantity(from.value, a.unit)} (${periodIdPhrase(from.period)}) ${falling ? 'xuống' : 'lên'} ${formatQuantity(to.value, a.unit)} (${periodIdPhrase(to.period)})`;
  if (a.actual === null) return moved;
  const perYear = a.figureBasis === 'change_per_year';
  return `${moved}, ${perYear ? 'bình quân ' : ''}${verb} ${formatNumber(Math.abs(a.actual))}${rate}${perYear ? '/năm' : ''}`;
}

/**
 * The pace observed so far, worded for what it is (review findings 17, 18): "bình quân 7,49%/năm" only over two or
 * more yearly changes, else "năm 2025 tăng 12,3%"; every rate printed by formatNumber's default precision, as the
 * appendix prints the figure. Null when the projection has no pace.
 */
export function describeObservedPace(a: Pick<Attainment, 'projection' | 'aggregation' | 'unit'>): string | null {
  const p = a.projection;
  if (!p || p.points.length === 0) return null;
  // A growth-rate indicator's points are the yearly rates themselves; a level's points give one change fewer.
  const changes = a.aggregation === 'avg_growth' ? p.points.length : p.points.length - 1;
  const lastYear = Math.max(...p.points.map((x) => x.year));
  if (p.observedRate !== null && p.observedRate !== undefined) {
    if (a.aggregation === 'per_year_reduction') {
      const verb = p.observedRate >= 0 ? 'giảm' : 'tăng';
      const amount = `${formatNumber(Math.abs(p.observedRate))} ${pointsWord(a.unit)}`;
      return changes >= 2 ? `bình quân ${verb} ${amount}/năm` : changes === 1 ? `năm ${lastYear} ${verb} ${amount}` : null;
    }
    if (changes >= 2) return `bình quân ${formatNumber(p.observedRate)}%/năm`;
    // One year's change is the change against the year before, printed as "so với cùng kỳ" prints it.
    if (changes === 1) return `năm ${lastYear} ${p.observedRate >= 0 ? 'tăng' : 'giảm'} ${formatPercent(Math.abs(p.observedRate), 1)}`;
    return null;
  }
  if (p.observedPerYear !== null && p.observedPerYear !== undefined) {
    if (changes >= 2) return `bình quân ${formatQuantity(p.observedPerYear, a.unit)}/năm`;
    if (changes === 1) return `năm ${lastYear} đạt ${formatQuantity(p.observedPerYear, a.unit)}`;
  }
  return null;
}

/** The pace still needed: "cần 11,5%/năm trong giai đoạn 2026-2030", or null when the projection has none. */
export function describeRequiredPace(a: Pick<Attainment, 'projection' | 'aggregation' | 'unit'>): string | null {
  const p = a.projection;
  if (!p) return null;
  const span = p.remainingYears ? (p.remainingYears[0] === p.remainingYears[1] ? ` trong năm ${p.remainingYears[0]}` : ` trong giai đoạn ${p.remainingYears[0]}-${p.remainingYears[1]}`) : '';
  if (p.requiredRate !== null && p.requiredRate !== undefined) {
    if (a.aggregation === 'per_year_reduction') return `cần giảm ${formatNumber(p.requiredRate)} ${pointsWord(a.unit)}/năm${span}`;
    // A level that must fall (a "dưới" target) needs a negative rate: said as a fall, never "cần -0,49%/năm".
    return p.requiredRate < 0 ? `cần giảm ${formatNumber(-p.requiredRate)}%/năm${span}` : `cần ${formatNumber(p.requiredRate)}%/năm${span}`;
  }
  if (p.requiredPerYear !== null && p.requiredPerYear !== undefined) return `cần ${formatQuantity(p.requiredPerYear, a.unit)}/năm${span}`;
  return null;
}

/** What a change target measures, for the reason it cannot be formed yet. */
function measuredWord(a: Pick<Attainment, 'aggregation' | 'expression' | 'targetPeriod'>): string {
  if (a.aggregation === 'per_year_reduction' || /giảm[^;]*\/\s*năm/i.test(a.expression)) return 'mức giảm bình quân';
  // The window's rate, not "bình quân" beside a half-year figure that is not one (issue 9, finding 7).
  if (a.aggregation === 'avg_growth') return /^\d{4}-\d{4}$/.test(a.targetPeriod) ? `tốc độ tăng giai đoạn ${a.targetPeriod}` : 'tốc độ tăng của kỳ';
  if (a.aggregation === 'cumulative' || a.aggregation === 'count_added') return 'tổng số đạt được';
  return 'mức thay đổi so với kỳ gốc';
}

/**
 * Why a row that shows a figure has no verdict, from reconcile's coded notes (review finding 2): "chưa có số liệu năm
 * 2020 để tính mức giảm bình quân", "chưa đủ số liệu để dự báo", "chỉ tiêu tính theo cả năm, …".
 */
export function unjudgedReason(a: Attainment): string {
  const note = <C extends Attainment['notes'][number]['code']>(code: C) => a.notes.find((n) => n.code === code) as Extract<Attainment['notes'][number], { code: C }> | undefined;
  if (a.status === 'danh_gia_ca_nam' || (note('annual_measure') && a.judgement === 'progress')) return 'chỉ tiêu tính theo cả năm, đánh giá khi có số liệu cả năm';
  const base = note('base_missing');
  if (base) return `chưa có số liệu ${periodIdPhrase(base.period)} để tính ${measuredWord(a)}`;
  const parts = note('missing_parts');
  if (parts && parts.periods.length > 0) {
    const list = parts.periods.map((x) => (/^\d{4}$/.test(x) ? x : periodIdPhrase(x)));
    const years = list.every((x) => /^\d{4}$/.test(x));
    return `chưa có số liệu ${years ? (list.length > 1 ? 'các năm ' : 'năm ') : ''}${list.join(', ')} để tính ${measuredWord(a)}`;
  }
  if (a.judgement === 'outlook' || note('single_point') || note('not_enough_points')) return 'chưa đủ số liệu để dự báo';
  const unit = note('unit_differs');
  if (unit) return `chỉ tiêu tính theo ${unit.targetUnit}, số liệu báo cáo tính theo ${unit.unit}, chưa so sánh được`;
  if (note('no_quantity')) return 'chỉ tiêu không định lượng, chưa so sánh được';
  return 'chưa đủ cơ sở để đánh giá';
}

/** Options of describeAttainment. */
export interface DescribeAttainmentOptions {
  /** The document whose target this is, when several documents set one on the indicator. */
  source?: string;
  /**
   * What "bằng Y% …" compares with, naming whose target it is ("kế hoạch năm", "mục tiêu năm 2025 của kế hoạch 5
   * năm 2021-2025"). @default planWord: "kế hoạch" for the period's own target, else the target's period
   */
  planPhrase?: string;
  /** The report date (ISO): the report period's own figure is an estimate when the period ends after it. */
  reportDate?: string;
}

/** "tăng 0,9 điểm phần trăm so với cùng kỳ", "giảm 3,4% so với cùng kỳ", or null without a comparison. */
export function describeChangeOnLastYear(unit: string, changePct: number | null, changePoints: number | null | undefined): string | null {
  // For rates (% and ‰) the change against last year is in points, not a relative change (CONVENTIONS-VN).
  if ((unit === '%' || unit === '‰') && changePoints !== undefined && changePoints !== null) {
    if (changePoints === 0) return 'bằng cùng kỳ';
    return `${changePoints > 0 ? 'tăng' : 'giảm'} ${formatNumber(Math.abs(changePoints), { decimals: 1 })} ${pointsWord(unit)} so với cùng kỳ`;
  }
  if (changePct === null) return null;
  if (changePct === 0) return 'bằng cùng kỳ';
  return `${changePct > 0 ? 'tăng' : 'giảm'} ${formatPercent(Math.abs(changePct), 1)} so với cùng kỳ`;
}

/** The verb of a figure: "ước đạt" for an estimate, "đạt" for an actual; a falling level says "còn" ("ước còn 8,2%"). */
export function figureVerb(estimate: boolean, direction: 'higher' | 'lower' = 'higher'): string {
  const verb = direction === 'lower' ? 'còn' : 'đạt';
  return estimate ? `ước ${verb}` : verb;
}

/** The period the report period's own figure is for: the period, or in a multi-year review its last year. */
function ownPeriodPhrase(period: Period): string {
  return period.kind === 'window' ? `năm ${period.endYear}` : periodPhrase(period);
}

/** A row with a figure and no verdict: the figure, then why it is not judged, then the target (and a needed pace). */
function describeUnjudged(a: Attainment, period: Period, options: DescribeAttainmentOptions, target: string): string {
  const ownFirst = a.reportPeriodValue !== null && a.reportPeriodValue !== undefined && (a.actual === null || (period.kind !== 'window' && a.figurePeriod !== period.id));
  const estimate = a.actualKind === 'estimate' || (options.reportDate !== undefined && period.end > options.reportDate);
  const pace = a.judgement === 'outlook' ? describeRequiredPace(a) : null;
  // The body says the figure, never why it has no verdict yet (review R1, B2, B11): a missing base year, the years an
  // average lacks, "chỉ tiêu tính theo cả năm" are lines of kiem-tra.html and a class of section I's opening.
  // A window's target beside a part of it says whose it is: "(kế hoạch giai đoạn 2021-2025: trên 10%)".
  const windowTarget = /^\d{4}-\d{4}$/.test(a.targetPeriod) && period.kind !== 'window' && !options.source ? `kế hoạch giai đoạn ${a.targetPeriod}: ${targetText(a)}` : target;
  const why = `${pace ? `; để đạt mục tiêu ${pace}` : ''} (${windowTarget}).`;
  const change = describeChangeOnLastYear(a.unit, a.changePct, a.changePoints);
  // A growth rate of the period itself is its growth against cùng kỳ: "GRDP 6 tháng ước tăng 7,85% so với cùng kỳ".
  const growthName = /^tốc độ tăng(?: trưởng)?\s+/i;
  const ownValue = ownFirst ? a.reportPeriodValue! : a.actual !== null && (a.figurePeriod === period.id || !a.figurePeriod) ? a.actual : null;
  if (a.unit === '%' && growthName.test(a.indicatorName) && ownValue !== null && period.kind !== 'window') {
    const name = a.indicatorName.replace(growthName, '');
    return `${name.charAt(0).toLocaleUpperCase('vi')}${name.slice(1)} ${periodPhrase(period)} ${estimate || a.actualKind === 'estimate' ? 'ước ' : ''}${ownValue < 0 ? 'giảm' : 'tăng'} ${formatQuantity(Math.abs(ownValue), a.unit)} so với cùng kỳ${why}`;
  }
  if (ownFirst) {
    // Lead with the period's own figure (review finding 12); another period's figure follows it in brackets.
    const other = a.actual !== null && a.figurePeriod ? ` (${periodIdPhrase(a.figurePeriod)}: ${formatQuantity(a.actual, a.unit)})` : '';
    return `${a.indicatorName} ${ownPeriodPhrase(period)} ${figureVerb(estimate, a.direction)} ${formatQuantity(a.reportPeriodValue!, a.unit)}${other}${change ? `, ${change}` : ''}${why}`;
  }
  // A change that cannot be formed shows the level reached: the figure is for the last year of its period.
  const isChange = a.figureBasis === 'change' || a.figureBasis === 'change_per_year';
  const label = figureLabel(a, period);
  const when = isChange && a.figurePeriod ? periodIdPhrase(a.figurePeriod.slice(-4)) : label ? periodIdPhrase(label.replace(/^(bình quân|tổng|bình quân\/năm) /, '')) : periodPhrase(period);
  const value = a.actual ?? a.reportPeriodValue!;
  return `${a.indicatorName} ${when} ${figureVerb(a.actualKind === 'estimate' || (a.actual === null && estimate), a.direction)} ${formatQuantity(value, a.unit)}${change ? `, ${change}` : ''}${why}`;
}

/**
 * Writes the sentence for one row. The figure is named for what it is (issue 9, item 4): a window average as
 * "bình quân giai đoạn 2021-2025", a reduction with both levels, another period's figure with its period; an estimate
 * says "ước đạt"; the verdict words follow the judgement (VERDICT_WORDS); a figure without a verdict says why. The
 * indicator name and the target expression are data and stay plain text; the template escapes the whole sentence.
 */
export function describeAttainment(a: Attainment, period: Period, options: DescribeAttainmentOptions = {}): string {
  const plan = options.source ? `kế hoạch theo ${options.source}` : 'kế hoạch';
  const target = `${plan}: ${targetText(a)}`;
  const label = figureLabel(a, period);
  const when = label ? periodIdPhrase(label.replace(/^(bình quân|tổng|bình quân\/năm) /, '')) : periodPhrase(period);
  const verb = figureVerb(a.actualKind === 'estimate');
  const judged = a.status !== 'chua_co_so_lieu' && a.status !== 'khong_danh_gia' && a.status !== 'danh_gia_ca_nam' && a.status !== 'chua_du_co_so';
  if (a.levels && judged) return `${a.indicatorName} ${describeChange(a)} (${target}); ${verdictClause(a)}.`;
  if (a.actual === null && (a.reportPeriodValue === null || a.reportPeriodValue === undefined)) {
    return `${a.indicatorName}: chưa có số liệu ${when} (${options.source ? `chỉ tiêu ${plan}` : 'chỉ tiêu kế hoạch'}: ${targetText(a)}).`;
  }
  if (!judged) return describeUnjudged(a, period, options, target);
  const value = a.actual!;
  // "Tốc độ tăng trưởng GRDP bình quân" already says it is an average: no second "bình quân".
  const averageNamed = /bình quân\s*$/i.test(a.indicatorName);
  const kind = a.figureBasis === 'window_average' ? (averageNamed ? '' : 'bình quân ') : a.figureBasis === 'window_total' ? 'tổng ' : a.figureBasis === 'yearly_average' ? 'bình quân mỗi năm ' : a.figureBasis === 'year_to_date' && label ? 'lũy kế ' : '';
  const parts: string[] = [`${a.indicatorName} ${kind}${when} ${verb} ${formatQuantity(value, a.unit)}`];
  const isRate = a.unit === '%' || a.unit === '‰';
  const ownEstimate = a.actualKind === 'estimate' || (options.reportDate !== undefined && period.end > options.reportDate);
  const own = a.reportPeriodValue !== null && a.reportPeriodValue !== undefined ? `; ${ownPeriodPhrase(period)} ${figureVerb(ownEstimate)} ${formatQuantity(a.reportPeriodValue, a.unit)}` : '';
  if (a.comparePct !== null && !isRate) {
    parts.push(`bằng ${formatPercent(a.comparePct, 1)} ${options.planPhrase ?? planWord(a, period)}${options.source ? ` (theo ${options.source})` : ''}`);
  } else {
    parts[0] += ` (${target}${own})`;
  }
  const change = describeChangeOnLastYear(a.unit, a.changePct, a.changePoints);
  if (change) parts.push(change);
  if (a.periodEstimate !== undefined && a.periodEstimate !== null && period.kind !== 'year' && period.kind !== 'window') {
    parts.push(`ước cả năm đạt ${formatQuantity(a.periodEstimate, a.unit)}`);
  }
  let sentence = `${parts.join(', ')}; ${verdictClause(a)}.`;
  // Projections to the end of a multi-year plan belong in a review (sơ kết); a six-month or annual report judges the
  // period against its own plan.
  if (period.kind === 'window' && a.projection) {
    const observed = describeObservedPace(a);
    const required = describeRequiredPace(a);
    if (observed) sentence += ` Tốc độ thực hiện ${observed}${required ? `; để đạt mục tiêu ${required}` : ''}.`;
  }
  return sentence;
}
