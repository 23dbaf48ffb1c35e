// Report stage: a review's outlook: which targets the plan can still reach at the pace observed, and what pace the
// others need (the draft of the narrative's "kha-nang" section).
import { formatNumber } from '../shared/format-number.ts';
import { formatQuantity } from '../shared/format-quantity.ts';
import { withUnit } from './describe-attainment.ts';
import type { ReportContext } from './report-context.ts';

function lowerFirst(text: string): string {
  return text ? text.charAt(0).toLocaleLowerCase('vi') + text.slice(1) : text;
}

/** The outlook paragraph and one "- " line per target that needs a faster pace. */
export function buildOutlookText(ctx: ReportContext): string {
  // Rates (levels, growth, per-year reductions) carry requiredRate; totals and counts carry requiredPerYear.
  const projected = ctx.attainments.filter(
    (a) => a.projection && (a.projection.requiredRate !== null || (a.projection.requiredPerYear ?? null) !== null),
  );
  if (projected.length === 0) return 'Chưa đủ số liệu các năm để dự báo khả năng hoàn thành mục tiêu.';
  const likely = projected.filter((a) => a.status === 'co_kha_nang_dat' || a.status === 'vuot' || a.status === 'dat');
  const hard = projected.filter((a) => a.status === 'kho_dat' || a.status === 'khong_dat');
  const lines = [
    `Theo tốc độ thực hiện bình quân đến nay, có ${formatNumber(likely.length)} chỉ tiêu có khả năng đạt và ${formatNumber(hard.length)} chỉ tiêu khó đạt mục tiêu${ctx.planWindow ? ` giai đoạn ${ctx.planWindow}` : ''}` +
      (hard.length > 0 ? '; để đạt mục tiêu, các chỉ tiêu sau cần tốc độ cao hơn:' : '.'),
  ];
  for (const a of hard) {
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
