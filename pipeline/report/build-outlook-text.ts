// Report stage: a review's outlook: which targets the plan can still reach at the pace observed, and what pace the
// others need (the draft of the narrative's "kha-nang" section).
import { formatNumber } from '../shared/format-number.ts';
import { lowerFirst } from './format/lower-first.ts';
import { describeObservedPace, describeRequiredPace, withUnit } from './describe-attainment.ts';
import type { ReportContext } from './report-context.ts';

/** The years the outlook targets end in ("2030"), for the heading of the outlook. */
export function outlookYears(ctx: ReportContext): string {
  return [...new Set(ctx.attainments.filter((a) => a.judgement === 'outlook').map((a) => a.targetPeriod.slice(-4)))].sort().join(', ');
}

/**
 * The outlook of a review: for the targets that end after the window (judgement "outlook", issue 9), how many the
 * pace so far reaches, how many have a figure but too few points to project, how many have none (the counts of
 * countPeriodTargets), and one "- " line per target that needs a faster pace. Empty when there are none.
 */
export function buildOutlookText(ctx: ReportContext): string {
  // A sơ kết whose every target ends later tells them all in section I; its outlook still names the pace each needs.
  const split = ctx.counts.outlook.all.length > 0 ? ctx.counts.outlook : ctx.attainments.every((a) => a.judgement === 'outlook') ? ctx.counts.period : ctx.counts.outlook;
  if (split.all.length === 0 || ctx.kind !== 'review') return '';
  const likely = split.judged.filter((a) => a.status === 'co_kha_nang_dat');
  const hard = split.judged.filter((a) => a.status === 'kho_dat');
  const counted = [
    `${formatNumber(likely.length)} chỉ tiêu có khả năng đạt`,
    `${formatNumber(hard.length)} chỉ tiêu khó đạt`,
    ...(split.figureNotJudged.length > 0 ? [`${formatNumber(split.figureNotJudged.length)} chỉ tiêu đã có số liệu nhưng chưa đủ số liệu để dự báo`] : []),
    ...(split.noFigure.length > 0 ? [`${formatNumber(split.noFigure.length)} chỉ tiêu chưa có số liệu`] : []),
  ];
  const needing = hard.filter((a) => describeRequiredPace(a) !== null);
  const lines = [
    `Đối với ${formatNumber(split.all.length)} chỉ tiêu có mục tiêu đến năm ${outlookYears(ctx)}, theo tốc độ thực hiện đến nay, ${counted.join(', ')} (chi tiết tại Phụ lục I)` +
      (needing.length > 0 ? '; để đạt mục tiêu, các chỉ tiêu sau cần tốc độ cao hơn:' : '.'),
  ];
  for (const a of needing) {
    const observed = describeObservedPace(a);
    lines.push(`- ${a.indicatorName}: ${observed ? `${observed}, ` : ''}${describeRequiredPace(a)} (mục tiêu: ${withUnit(lowerFirst(a.expression), a.unit)}).`);
  }
  return lines.join('\n');
}
