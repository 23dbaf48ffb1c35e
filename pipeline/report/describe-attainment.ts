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
  if (a.status === 'chua_du_co_so' || (a.status === 'khong_danh_gia' && shown)) {
    return a.judgement === 'outlook' ? 'Chưa đủ số liệu dự báo' : STATUS_LABELS.chua_du_co_so;
  }
  if (a.status === 'chua_co_so_lieu' || a.status === 'khong_danh_gia') return STATUS_LABELS[a.status];
  const words = VERDICT_WORDS[a.judgement][a.status];
  if (!words) throw new Error(`Kết quả "${a.status}" không dùng cho loại đánh giá "${a.judgement}"`);
  return a.actualKind === 'estimate' ? words.estimate : words.actual;
}

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
function periodIdPhrase(id: string): string {
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
 * What the comparison percentage is "of": "kế hoạch", "kế hoạch năm", "mục tiêu giai đoạn 2021-2025". Never "dự
 * toán": the target compared is a plan's (the NQ HĐND's 2025 figure), not the HĐND's annual budget (review finding 14).
 */
function planWord(a: Attainment, period: Period): string {
  const base = 'kế hoạch';
  if (a.targetPeriod === period.id) return base;
  if (/^\d{4}$/.test(a.targetPeriod)) return `${base} năm`;
  if (/^\d{4}-\d{4}$/.test(a.targetPeriod)) return `mục tiêu giai đoạn ${a.targetPeriod}`;
  return base;
}

/** The verdict clause at the end of a sentence: "đạt kế hoạch", "ước không đạt kế hoạch", "khó đạt kế hoạch". */
function verdictClause(a: Attainment): string {
  if (a.status === 'chua_co_so_lieu' || a.status === 'khong_danh_gia' || a.status === 'danh_gia_ca_nam' || a.status === 'chua_du_co_so') return VERDICT_CLAUSE[a.status];
  return `${lowerFirst(verdictLabel(a))} kế hoạch`;
}

/** "giảm từ 10,6% (năm 2020) xuống 8,2% (năm 2025), bình quân giảm 0,48 điểm phần trăm/năm". */
function describeChange(a: Attainment): string {
  const rate = a.unit === '%' ? ' điểm phần trăm' : a.unit === '‰' ? ' điểm phần nghìn' : ` ${a.unit}`;
  const { from, to } = a.levels!;
  const falling = to.value < from.value;
  const verb = falling ? 'giảm' : 'tăng';
  const moved = `${verb} từ ${formatQuantity(from.value, a.unit)} (${periodIdPhrase(from.period)}) ${falling ? 'xuống' : 'lên'} ${formatQuantity(to.value, a.unit)} (${periodIdPhrase(to.period)})`;
  if (a.actual === null) return moved;
  const perYear = a.figureBasis === 'change_per_year';
  return `${moved}, ${perYear ? 'bình quân ' : ''}${verb} ${formatNumber(Math.abs(a.actual), { decimals: 2 })}${rate}${perYear ? '/năm' : ''}`;
}

/**
 * Writes the sentence for one judged row. The figure is named for what it is (issue 9, item 4): a window average as
 * "bình quân giai đoạn 2021-2025", a reduction with both levels, another period's figure with its period; the verdict
 * words follow the judgement (VERDICT_WORDS). The indicator name and the target expression are data and stay plain
 * text; the template escapes the whole sentence.
 * @param options.source the document whose target this is, when several documents set one on the indicator
 */
export function describeAttainment(a: Attainment, period: Period, options: { source?: string } = {}): string {
  const plan = options.source ? `kế hoạch theo ${options.source}` : 'kế hoạch';
  const target = `${plan}: ${withUnit(lowerFirst(a.expression), a.unit)}`;
  const label = figureLabel(a, period);
  const when = label ? periodIdPhrase(label.replace(/^(bình quân|tổng|bình quân\/năm) /, '')) : periodPhrase(period);
  const verb = a.actualKind === 'estimate' ? 'ước đạt' : 'đạt';
  const own = a.reportPeriodValue !== null && a.reportPeriodValue !== undefined ? `; ${periodPhrase(period)} đạt ${formatQuantity(a.reportPeriodValue, a.unit)}` : '';
  if (a.levels) return `${a.indicatorName} ${describeChange(a)} (${target}); ${verdictClause(a)}.`;
  if (a.actual === null) {
    const shown = a.reportPeriodValue !== null && a.reportPeriodValue !== undefined ? ` (${periodPhrase(period)}: ${formatQuantity(a.reportPeriodValue, a.unit)})` : '';
    return `${a.indicatorName}: chưa có số liệu ${when}${shown} (${options.source ? `chỉ tiêu ${plan}` : 'chỉ tiêu kế hoạch'}: ${withUnit(lowerFirst(a.expression), a.unit)}).`;
  }
  // "Tốc độ tăng trưởng GRDP bình quân" already says it is an average: no second "bình quân".
  const averageNamed = /bình quân\s*$/i.test(a.indicatorName);
  const kind = a.figureBasis === 'window_average' ? (averageNamed ? '' : 'bình quân ') : a.figureBasis === 'window_total' ? 'tổng ' : a.figureBasis === 'yearly_average' ? 'bình quân mỗi năm ' : a.figureBasis === 'year_to_date' && label ? 'lũy kế ' : '';
  const parts: string[] = [`${a.indicatorName} ${kind}${when} ${verb} ${formatQuantity(a.actual, a.unit)}`];
  const isRate = a.unit === '%' || a.unit === '‰';
  if (a.status === 'danh_gia_ca_nam') {
    return `${parts[0]}; chỉ tiêu tính theo cả năm, đánh giá khi có số liệu cả năm (${target}).`;
  }
  if (a.comparePct !== null && !isRate) {
    parts.push(`bằng ${formatPercent(a.comparePct, 1)} ${planWord(a, period)}${options.source ? ` (theo ${options.source})` : ''}`);
  } else {
    parts[0] += ` (${target}${own})`;
  }
  // For rates (% and ‰) the change against last year is in points, not a relative change (CONVENTIONS-VN).
  if (isRate && a.changePoints !== undefined && a.changePoints !== null) {
    const c = a.changePoints;
    const unitWord = a.unit === '%' ? 'điểm phần trăm' : 'điểm phần nghìn';
    if (c > 0) parts.push(`tăng ${formatNumber(c, { decimals: 1 })} ${unitWord} so với cùng kỳ`);
    else if (c < 0) parts.push(`giảm ${formatNumber(-c, { decimals: 1 })} ${unitWord} so với cùng kỳ`);
    else parts.push('bằng cùng kỳ');
  } else if (a.changePct !== null) {
    const c = a.changePct;
    if (c > 0) parts.push(`tăng ${formatPercent(c, 1)} so với cùng kỳ`);
    else if (c < 0) parts.push(`giảm ${formatPercent(-c, 1)} so với cùng kỳ`);
    else parts.push('bằng cùng kỳ');
  }
  if (a.periodEstimate !== undefined && a.periodEstimate !== null && period.kind !== 'year' && period.kind !== 'window') {
    parts.push(`ước cả năm đạt ${formatQuantity(a.periodEstimate, a.unit)}`);
  }
  let sentence = `${parts.join(', ')}; ${verdictClause(a)}.`;
  // Projections to the end of a multi-year plan belong in a review (sơ kết); a six-month or annual report judges the
  // period against its own plan.
  const p = period.kind === 'window' ? a.projection : null;
  const span = (years: [number, number]) => (years[0] === years[1] ? `năm ${years[0]}` : `giai đoạn ${years[0]}-${years[1]}`);
  if (p && p.observedRate !== null && p.observedRate !== undefined) {
    sentence += ` Tốc độ bình quân đạt ${formatNumber(p.observedRate, { decimals: 1 })}%/năm`;
    if (p.requiredRate !== null && p.remainingYears) {
      sentence += `; để đạt mục tiêu cần ${formatNumber(p.requiredRate, { decimals: 1 })}%/năm trong ${span(p.remainingYears)}`;
    }
    sentence += '.';
  } else if (p && p.observedPerYear !== undefined && p.observedPerYear !== null) {
    // Totals and counts: a rate means nothing there, the amount per year does.
    sentence += ` Bình quân mỗi năm đạt ${formatQuantity(p.observedPerYear, a.unit)}`;
    if (p.requiredPerYear !== undefined && p.requiredPerYear !== null && p.remainingYears) {
      sentence += `; để đạt mục tiêu cần ${formatQuantity(p.requiredPerYear, a.unit)}/năm trong ${span(p.remainingYears)}`;
    }
    sentence += '.';
  }
  return sentence;
}
