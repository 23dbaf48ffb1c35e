// Report stage: a review's outlook: which targets the plan can still reach at the pace observed, and what pace the
// others need (the draft of the narrative's "kha-nang" section).
import { formatNumber } from '../shared/format-number.ts';
import { formatQuantity } from '../shared/format-quantity.ts';
import { lowerFirst } from './format/lower-first.ts';
import { withUnit } from './describe-attainment.ts';
import type { ReportContext } from './report-context.ts';

/** The years the outlook targets end in ("2030"), for the heading of the outlook. */
export function outlookYears(ctx: ReportContext): string {
  return [...new Set(ctx.attainments.filter((a) => a.judgement === 'outlook').map((a) => a.targetPeriod.slice(-4)))].sort().join(', ');
}

/**
 * The outlook of a review: for the targets that end after the window (judgement "outlook", issue 9), how many the
 * pace so far reaches, and one "- " line per target that needs a faster pace. Empty when there are none.
 */
export function buildOutlookText(ctx: ReportContext): string {
  const outlook = ctx.attainments.filter((a) => a.judgement === 'outlook');
  if (outlook.length === 0 || ctx.kind !== 'review') return '';
  const likely = outlook.filter((a) => a.status === 'co_kha_nang_dat');
  const hard = outlook.filter((a) => a.status === 'kho_dat');
  const unknown = outlook.length - likely.length - hard.length;
  const lines = [
    `Đối với ${formatNumber(outlook.length)} chỉ tiêu có mục tiêu đến năm ${outlookYears(ctx)}, theo tốc độ thực hiện bình quân đến nay, ` +
      `${formatNumber(likely.length)} chỉ tiêu có khả năng đạt, ${formatNumber(hard.length)} chỉ tiêu khó đạt` +
      (unknown > 0 ? `, ${formatNumber(unknown)} chỉ tiêu chưa đủ số liệu để dự báo` : '') +
      ' (chi tiết tại Phụ lục I)' +
      (hard.some((a) => a.projection) ? '; để đạt mục tiêu, các chỉ tiêu sau cần tốc độ cao hơn:' : '.'),
  ];
  for (const a of hard.filter((x) => x.projection)) {
    const p = a.projection!;
    const perYear = (v: number | null | undefined) => (v === null || v === undefined ? '-' : `${formatQuantity(v, a.unit)}/năm`);
    const asRate = p.requiredRate !== null;
    const observed = asRate ? (p.observedRate === null ? '-' : `${formatNumber(p.observedRate, { decimals: 1 })}%/năm`) : perYear(p.observedPerYear);
    const required = asRate ? `${formatNumber(p.requiredRate!, { decimals: 1 })}%/năm` : perYear(p.requiredPerYear);
    const span = p.remainingYears
      ? p.remainingYears[0] === p.remainingYears[1]
        ? ` trong năm ${p.remainingYears[0]}`
        : ` trong giai đoạn ${p.remainingYears[0]}-${p.remainingYears[1]}`
      : '';
    lines.push(`- ${a.indicatorName}: bình quân đạt ${observed}, cần ${required}${span} (mục tiêu: ${withUnit(lowerFirst(a.expression), a.unit)}).`);
  }
  return lines.join('\n');
}
