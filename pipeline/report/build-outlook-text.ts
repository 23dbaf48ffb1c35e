// Report stage: a review's outlook: which targets the plan can still reach at the pace observed, and what pace the
// others need (the draft of the narrative's "kha-nang" section).
import { formatNumber } from '../shared/format-number.ts';
import { lowerFirst } from './format/lower-first.ts';
import type { Attainment } from '../reconcile/reconciliation.ts';
import type { Period } from '../shared/parse-period.ts';
import { formatQuantity } from '../shared/format-quantity.ts';
import { describeObservedPace, describeRequiredPace, figureVerb, periodIdPhrase, unjudgedReason, withUnit } from './describe-attainment.ts';
import type { ReportContext } from './report-context.ts';

/** The years the outlook targets end in ("2030"), for the heading of the outlook. */
export function outlookYears(ctx: ReportContext): string {
  return [...new Set(ctx.attainments.filter((a) => a.judgement === 'outlook').map((a) => a.targetPeriod.slice(-4)))].sort().join(', ');
}

/** "năm 2025 ước đạt 8,2%", "bình quân giai đoạn 2021-2025 ước đạt 7,49%": the figure an outlook row shows. */
function figurePhrase(a: Attainment, period: Period): string | null {
  const value = a.actual ?? a.reportPeriodValue ?? null;
  if (value === null) return null;
  const p = a.actual !== null ? a.figurePeriod : null;
  const isChange = a.figureBasis === 'change' || a.figureBasis === 'change_per_year';
  const when =
    a.figureBasis === 'window_average' && p
      ? `${/bình quân\s*$/i.test(a.indicatorName) ? '' : 'bình quân '}${periodIdPhrase(p)}`
      : p
        ? periodIdPhrase(isChange ? p.slice(-4) : p)
        : `năm ${period.endYear}`;
  return `${when} ${figureVerb(a.actualKind === 'estimate', a.direction)} ${formatQuantity(value, a.unit)}`;
}

/** One "- " line of the outlook: the figure, what it says about the target, the pace still needed. */
function outlookLine(a: Attainment, period: Period): string {
  const figure = figurePhrase(a, period);
  const goal = `(mục tiêu: ${withUnit(lowerFirst(a.expression), a.unit)})`;
  const required = describeRequiredPace(a);
  let verdict: string;
  if (a.status === 'co_kha_nang_dat') verdict = 'có khả năng đạt';
  else if (a.status === 'kho_dat') {
    // The figure of a window average is already its pace: no second "bình quân" beside it.
    const observed = a.figureBasis === 'window_average' ? null : describeObservedPace(a);
    verdict = `khó đạt${observed ? `, ${observed}` : ''}${required ? `, ${required}` : ''}`;
  } else verdict = `${unjudgedReason(a)}${required ? `; để đạt mục tiêu ${required}` : ''}`;
  return `- ${a.indicatorName}: ${figure ? `${figure}; ` : ''}${verdict} ${goal}.`;
}

/**
 * The outlook of a review: for the targets that end after the window (judgement "outlook", issue 9), how many the
 * pace so far reaches, how many have a figure but too few points to project, how many have none (the counts of
 * countPeriodTargets); then, when section I does not tell them (a tổng kết with targets of its own window), one "- "
 * line per target with a figure, so every figure received is in the body once; otherwise one line per target that
 * needs a faster pace. Empty when there are none.
 */
export function buildOutlookText(ctx: ReportContext): string {
  const apart = ctx.counts.outlook.all.length > 0;
  // A sơ kết whose every target ends later tells them all in section I; its outlook still names the pace each needs.
  const split = apart ? ctx.counts.outlook : ctx.attainments.every((a) => a.judgement === 'outlook') ? ctx.counts.period : ctx.counts.outlook;
  if (split.all.length === 0 || ctx.kind !== 'review') return '';
  const likely = split.judged.filter((a) => a.status === 'co_kha_nang_dat');
  const hard = split.judged.filter((a) => a.status === 'kho_dat');
  const counted = [
    `${formatNumber(likely.length)} chỉ tiêu có khả năng đạt`,
    `${formatNumber(hard.length)} chỉ tiêu khó đạt`,
    ...(split.figureNotJudged.length > 0 ? [`${formatNumber(split.figureNotJudged.length)} chỉ tiêu đã có số liệu nhưng chưa đủ số liệu để dự báo`] : []),
    ...(split.noFigure.length > 0 ? [`${formatNumber(split.noFigure.length)} chỉ tiêu chưa có số liệu`] : []),
  ];
  const listed = apart ? [...likely, ...hard, ...split.figureNotJudged] : hard.filter((a) => describeRequiredPace(a) !== null);
  const intro = `Đối với ${formatNumber(split.all.length)} chỉ tiêu có mục tiêu đến năm ${outlookYears(ctx)}, theo tốc độ thực hiện đến nay, ${counted.join(', ')} (chi tiết tại Phụ lục I)`;
  const lead = listed.length === 0 ? '.' : apart ? '; cụ thể như sau:' : '; để đạt mục tiêu, các chỉ tiêu sau cần tốc độ cao hơn:';
  return [`${intro}${lead}`, ...listed.map((a) => outlookLine(a, ctx.period))].join('\n');
}
