// Report stage: the Vietnamese sentence that reports one target's figure ("Thu ngân sách nhà nước trên địa bàn
// 6 tháng ước đạt 1.245,8 tỷ đồng, bằng 30,0% dự toán năm, tăng 8,2% so với cùng kỳ").
import type { Attainment, AttainmentStatus } from '../reconcile/reconciliation.ts';
import type { Period } from '../shared/parse-period.ts';
import { formatPercent } from '../shared/format-percent.ts';
import { formatQuantity } from '../shared/format-quantity.ts';
import { formatNumber } from '../shared/format-number.ts';
import { toRoman } from './format/to-roman.ts';

/** Verdict words used in the body and the "Đánh giá" column (CONVENTIONS-VN, evaluation words). */
export const STATUS_LABELS: Record<AttainmentStatus, string> = {
  vuot: 'Vượt',
  dat: 'Đạt',
  khong_dat: 'Chưa đạt',
  co_kha_nang_dat: 'Có khả năng đạt',
  kho_dat: 'Khó đạt',
  chua_co_so_lieu: 'Chưa có số liệu',
  khong_danh_gia: 'Không đánh giá',
};

const VERDICT_CLAUSE: Record<AttainmentStatus, string> = {
  vuot: 'vượt kế hoạch',
  dat: 'đạt kế hoạch',
  khong_dat: 'chưa đạt kế hoạch',
  co_kha_nang_dat: 'có khả năng đạt kế hoạch',
  kho_dat: 'khó đạt kế hoạch',
  chua_co_so_lieu: 'chưa có số liệu',
  khong_danh_gia: 'chưa đủ cơ sở để đánh giá',
};

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

function lowerFirst(text: string): string {
  return text ? text.charAt(0).toLocaleLowerCase('vi') + text.slice(1) : text;
}

/**
 * Puts the unit into a target expression after its last number, the way documents write it: "từ 95 trở lên" in %
 * gives "từ 95% trở lên", "trên 10" gives "trên 10%", "từ 50 trở lên" in sản phẩm gives "từ 50 sản phẩm trở lên".
 * An expression that already names a % or ‰ is left alone ("giảm 3-4%/năm").
 */
export function withUnit(expression: string, unit: string): string {
  if (!unit || /[%‰]/.test(expression) || expression.includes(unit)) return expression;
  const sign = unit === '%' || unit === '‰' ? unit : ` ${unit}`;
  const numbers = [...expression.matchAll(/\d[\d.,]*/g)];
  const last = numbers[numbers.length - 1];
  if (!last || last.index === undefined) return `${expression}${sign}`;
  const end = last.index + last[0].length;
  return `${expression.slice(0, end)}${sign}${expression.slice(end)}`;
}

/** What the comparison percentage is "of": "kế hoạch", "kế hoạch năm", "dự toán năm", "mục tiêu giai đoạn 2021-2025". */
function planWord(a: Attainment, period: Period): string {
  const budget = /ngân sách/i.test(a.indicatorName);
  const base = budget ? 'dự toán' : 'kế hoạch';
  if (a.targetPeriod === period.id) return base;
  if (/^\d{4}$/.test(a.targetPeriod)) return `${base} năm`;
  if (/^\d{4}-\d{4}$/.test(a.targetPeriod)) return `mục tiêu giai đoạn ${a.targetPeriod}`;
  return base;
}

/**
 * Writes the sentence for one target. The indicator name and the target expression are data and stay plain text;
 * the template escapes the whole sentence.
 * @param options.source the document whose target this is, when several documents set one on the indicator
 */
export function describeAttainment(a: Attainment, period: Period, options: { source?: string } = {}): string {
  const plan = options.source ? `kế hoạch theo ${options.source}` : 'kế hoạch';
  const when = periodPhrase(period);
  if (a.actual === null) {
    return `${a.indicatorName}: chưa có số liệu ${when} (${options.source ? `chỉ tiêu ${plan}` : 'chỉ tiêu kế hoạch'}: ${withUnit(lowerFirst(a.expression), a.unit)}).`;
  }
  const verb = a.actualKind === 'estimate' ? 'ước đạt' : 'đạt';
  const avg = a.aggregation === 'avg_growth' && period.kind === 'window' ? 'bình quân ' : '';
  const parts: string[] = [`${a.indicatorName} ${avg}${when} ${verb} ${formatQuantity(a.actual, a.unit)}`];
  const isRate = a.unit === '%' || a.unit === '‰';
  if (a.comparePct !== null && !isRate) {
    parts.push(`bằng ${formatPercent(a.comparePct, 1)} ${planWord(a, period)}${options.source ? ` (theo ${options.source})` : ''}`);
  } else {
    parts[0] += ` (${plan}: ${withUnit(lowerFirst(a.expression), a.unit)})`;
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
  let sentence = `${parts.join(', ')}; ${VERDICT_CLAUSE[a.status]}.`;
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
