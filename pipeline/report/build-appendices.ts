// Report stage: the appendices: Phụ lục I, one row per indicator with its căn cứ, cùng kỳ, kế hoạch, thực hiện,
// so sánh and đánh giá, grouped by domain; Phụ lục II, the tasks in scope of the period.
import type { ReceivedFigure, TaskProgress } from '../reconcile/reconciliation.ts';
import { formatNumber } from '../shared/format-number.ts';
import type { Attainment } from '../reconcile/reconciliation.ts';
import { figureLabel, unjudgedReason, verdictLabel, withUnit } from './describe-attainment.ts';
import { formatShortDate } from './format/format-short-date.ts';
import { toRoman } from './format/to-roman.ts';
import { taskLeadName, type ReportContext } from './report-context.ts';
import type { AppendixCell, AppendixColumn, AppendixRow, ReportAppendix } from './report-model.ts';
import { reportDomainOf, reportDomainOrder } from './report-sectors.ts';

function toCells(texts: string[], columns: AppendixColumn[]): AppendixCell[] {
  return texts.map((text, i) => ({ text, align: columns[i]?.align ?? 'left' }));
}

/** The short citation of a target's document in the table ("434/KH-UBND", else its year and kind). */
function basisOf(ctx: ReportContext, documentCode: string, documentLabel: string): string {
  if (/^\d/.test(documentLabel)) return documentLabel;
  return ctx.names.documents?.[documentCode]?.label.replace(/ của .*$/, '') ?? documentLabel;
}

/** An indicator measured in % or ‰: its change on cùng kỳ is in points, not a ratio (CONVENTIONS-VN). */
function isRate(unit: string): boolean {
  return unit === '%' || unit === '‰';
}

/**
 * "So cùng kỳ": for % and ‰ the change in points with its sign ("+0,5", "-1,2"), the body's "tăng 0,5 điểm phần
 * trăm"; for levels and totals thực hiện / cùng kỳ × 100 ("102,9").
 */
export function changeCell(unit: string, changePct: number | null | undefined, changePoints: number | null | undefined): string {
  if (isRate(unit)) {
    if (changePoints === null || changePoints === undefined) return '-';
    const text = formatNumber(Math.abs(changePoints), { decimals: 1 });
    return changePoints > 0 && text !== '0,0' ? `+${text}` : changePoints < 0 && text !== '0,0' ? `-${text}` : '0,0';
  }
  return changePct === null || changePct === undefined ? '-' : formatNumber(100 + changePct, { decimals: 1 });
}

type TargetColumnKey = 'n' | 'name' | 'unit' | 'basis' | 'plan' | 'same' | 'value' | 'vsPlan' | 'vsSame' | 'verdict';

/**
 * Phụ lục I. Widths add up to the 256 mm table on the landscape page; the table prints at 11 pt to hold ten columns.
 * The columns follow the report (review R1 of issue 10, B4, B5, B8, C5-C7): "Cùng kỳ" and "So cùng kỳ" only when a
 * row has a cùng kỳ figure (never in a tổng kết, which compares with the plan); "(*)" only when some figures are
 * estimates and others are not; the notes state how each comparison column and the verdict words are formed.
 */
function buildTargetsAppendix(ctx: ReportContext, reference: string): ReportAppendix {
  const { attainments, period } = ctx;
  // A figure received on an indicator that already has a row here (the 2025 rate behind a 2021-2025 average) is told
  // in the body beside that row; a second row "Không giao chỉ tiêu trong kỳ" would contradict the first (review R3).
  const shown = new Set(attainments.map((a) => a.indicator));
  const received = (ctx.reconciliation.receivedFigures ?? []).filter((r) => !shown.has(r.indicator));
  const estimateWord = period.kind === 'half' ? 'Ước thực hiện' : 'Thực hiện/ Ước TH';
  const hasSamePeriod = attainments.some((a) => a.samePeriodLastYear !== null) || received.some((r) => r.samePeriodLastYear !== null);
  // Widths for the landscape appendix page (257 mm text block, styles.hbs), the table 1 mm narrower; without the two
  // cùng kỳ columns their 25 mm go to the indicator's name.
  const all: (AppendixColumn & { key: TargetColumnKey })[] = [
    { key: 'n', label: 'TT', widthMm: 8, align: 'center' },
    { key: 'name', label: 'Chỉ tiêu', widthMm: hasSamePeriod ? 70 : 95, align: 'left' },
    { key: 'unit', label: 'ĐVT', widthMm: 14, align: 'center', breakAtSlash: true },
    { key: 'basis', label: 'Căn cứ', widthMm: 36, align: 'center', breakAtSlash: true },
    { key: 'plan', label: 'Kế hoạch', widthMm: 34, align: 'center' },
    { key: 'same', label: 'Cùng kỳ', widthMm: 13, align: 'right' },
    { key: 'value', label: estimateWord, widthMm: 30, align: 'right' },
    { key: 'vsPlan', label: 'So KH (%)', widthMm: 11, align: 'right' },
    { key: 'vsSame', label: 'So cùng kỳ', widthMm: 12, align: 'right' },
    { key: 'verdict', label: 'Đánh giá', widthMm: 28, align: 'center' },
  ];
  const keyed = all.filter((c) => hasSamePeriod || (c.key !== 'same' && c.key !== 'vsSame'));
  const columns: AppendixColumn[] = keyed.map(({ key: _key, ...c }) => c);
  const toRow = (cells: Record<TargetColumnKey, string>): AppendixCell[] =>
    keyed.map((c) => ({ text: cells[c.key], align: c.align, ...(c.breakAtSlash ? { breakAtSlash: true } : {}) }));
  const rows: AppendixRow[] = [];
  let n = 0;
  const reasons: { n: number; reason: string }[] = [];
  // Targets that end after a review window are an outlook, in a group of their own after the final verdicts (issue 9).
  const judged = attainments.filter((a) => a.judgement !== 'outlook');
  const outlook = attainments.filter((a) => a.judgement === 'outlook');
  // The "(*)" mark tells estimates from actual figures; when every figure shown is an estimate (a six-month report
  // dated before the half ends, under a column headed "Ước thực hiện") the notes say it once instead.
  const marks = [...attainments.map((a) => shownEstimate(ctx, a)), ...received.map((r) => r.kind === 'estimate')].filter((m): m is boolean => m !== null);
  const allEstimates = marks.length > 0 && marks.every((m) => m);
  const markEstimates = !allEstimates && marks.some((m) => m);
  const domains = [...new Set([...judged.map((a) => a.domain), ...received.map((r) => r.domain)])].sort((x, y) => reportDomainOrder(x) - reportDomainOrder(y));
  const groups: { title: string; rows: Attainment[]; received: ReceivedFigure[] }[] = domains.map((domain) => ({
    title: reportDomainOf(domain).title.replace(/^Lĩnh vực /, '').toLocaleUpperCase('vi'),
    rows: judged.filter((x) => x.domain === domain),
    received: received.filter((r) => r.domain === domain),
  }));
  if (outlook.length > 0) {
    const ends = [...new Set(outlook.map((a) => a.targetPeriod.slice(-4)))].sort();
    groups.push({ title: `CÁC CHỈ TIÊU ĐẾN NĂM ${ends.join(', ')}: DỰ BÁO KHẢ NĂNG ĐẠT`, rows: outlook, received: [] });
  }
  const verdicts = new Set<string>();
  const annualWords = new Set<string>();
  groups.forEach((group, groupIndex) => {
    rows.push({ kind: 'group', label: toRoman(groupIndex + 1), title: group.title });
    for (const a of group.rows) {
      n += 1;
      rows.push({ kind: 'cells', cells: toRow(targetCells(ctx, a, n, markEstimates)) });
      // A figure without a verdict says why, in the notes under the table (review findings 2, 5).
      const verdict = verdictLabel(a);
      verdicts.add(verdict);
      if (a.status === 'danh_gia_ca_nam') annualWords.add(verdict);
      else if (verdict === 'Chưa đủ cơ sở đánh giá' || verdict === 'Chưa đủ số liệu dự báo') reasons.push({ n, reason: unjudgedReason(a) });
    }
    for (const r of group.received) {
      n += 1;
      rows.push({ kind: 'cells', cells: toRow(receivedCells(ctx, r, n, markEstimates)) });
    }
  });
  const notes = [comparisonNote(ctx, hasSamePeriod, [...attainments, ...received].some((x) => isRate(x.unit)))];
  if (!hasSamePeriod && period.kind !== 'window') notes.push('Chưa có số liệu cùng kỳ năm trước nên bảng không có cột Cùng kỳ, So cùng kỳ.');
  if (allEstimates) notes.push('Các số liệu thực hiện trong bảng là số ước thực hiện.');
  if (markEstimates) notes.push('(*) Số ước thực hiện.');
  const tolerance = formatNumber(ctx.config.evaluation?.approxTolerancePct ?? 5);
  if ([...verdicts].some((v) => /vượt/i.test(v)) || attainments.some((a) => a.judgement === 'final' && a.actual !== null)) {
    notes.push(
      `Đánh giá "vượt": kế hoạch giao một mức hoặc một khoảng ("đạt X", "khoảng X", "X-Y") thì thực hiện cao hơn mức đó (cận trên của khoảng; với "khoảng" quá ${tolerance}%) là vượt; kế hoạch giao một ngưỡng ("trên X", "từ X trở lên", "dưới X") thì thực hiện qua ngưỡng là đạt, chỉ ghi vượt khi vượt ngưỡng quá ${tolerance}%.`,
    );
  }
  // The same class and words as the body's count (describe-attainment.ts, count-period-targets.ts).
  for (const word of annualWords) notes.push(`"${word}": chỉ tiêu tính theo năm, đánh giá khi có số liệu cả năm.`);
  if (received.length > 0) {
    notes.push(
      `"${NO_TARGET_WORD}": số liệu đã nhận trong kỳ của chỉ tiêu không có kế hoạch giao cho ${period.label}; cột Kế hoạch ghi mục tiêu của kỳ sau (nếu có) để tham khảo, không dùng để đánh giá.`,
    );
  }
  if (reasons.length > 0) {
    const words = ['Chưa đủ cơ sở đánh giá', 'Chưa đủ số liệu dự báo'].filter((w) => verdicts.has(w)).map((w) => `"${w}"`);
    notes.push(`${words.join(', ')}: đã có số liệu nhưng chưa tính được kết quả theo chỉ tiêu, vì:`);
  }
  // One line per reason, naming the rows it applies to ("Chưa đủ số liệu để dự báo: TT 62, 63, 66.").
  for (const reason of [...new Set(reasons.map((r) => r.reason))]) {
    const at = reasons.filter((r) => r.reason === reason).map((r) => String(r.n));
    notes.push(`${reason.charAt(0).toLocaleUpperCase('vi')}${reason.slice(1)}: TT ${at.join(', ')}.`);
  }
  return {
    index: 1,
    label: 'Phụ lục I',
    title: `KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU ${period.label.toLocaleUpperCase('vi')}`,
    reference,
    columns,
    groupSpan: columns.length - 1,
    rows,
    notes,
    small: true,
  };
}

/** The first note: what Căn cứ, So KH and (when shown) So cùng kỳ hold. */
function comparisonNote(ctx: ReportContext, hasSamePeriod: boolean, hasRates: boolean): string {
  const parts = ['Căn cứ: văn bản giao chỉ tiêu.', `So KH (%): ${PLAN_COMPARISON_RULE}`];
  if (hasSamePeriod) {
    parts.push(
      hasRates
        ? 'So cùng kỳ: thực hiện so với cùng kỳ năm trước (%); đối với chỉ tiêu tính bằng % (‰), cột So cùng kỳ ghi mức tăng (+), giảm (-) theo điểm phần trăm (phần nghìn).'
        : 'So cùng kỳ: thực hiện so với cùng kỳ năm trước (%).',
    );
  }
  void ctx;
  return parts.join(' ');
}

/**
 * Whether "So KH (%)" means something on a row, the rule of reconcile's comparePct (F1, hasComparePct in
 * create-target-evaluation.ts): an amount, count or level not in % or ‰ against one bound to reach ("trên", "từ ...
 * trở lên", "khoảng", one figure). A ratio of two rates (7,49 against "trên 10" = 74,9), of a "dưới" bound (102,5
 * against "dưới 56%" reads as over-achieved) or of a range (which bound?) reads as nothing: "-" (review R1, B4, C5).
 */
function planRatioMeans(a: Pick<Attainment, 'unit' | 'op'>): boolean {
  return !isRate(a.unit) && (a.op === 'gt' || a.op === 'gte' || a.op === 'eq' || a.op === 'approx');
}

/** How "So KH (%)" is formed, stated under the table. */
const PLAN_COMPARISON_RULE =
  'thực hiện so với mức kế hoạch (%), chỉ tính với chỉ tiêu giao một mức về số lượng, giá trị; chỉ tiêu tính bằng %, ‰, chỉ tiêu giao một khoảng hoặc mức tối đa ("dưới X") ghi "-", kết quả xem cột Đánh giá.';

/** The Đánh giá word of a received figure: not a verdict, the period sets no target on it. */
export const NO_TARGET_WORD = 'Không giao chỉ tiêu trong kỳ';

/** A value with its estimate mark and, when it is not the period's own figure, what it is: "7,49 (*) (bình quân 2021-2025)". */
function valueCell(value: number, estimate: boolean, label: string): string {
  return `${formatNumber(value)}${estimate ? ' (*)' : ''}${label ? ` (${label})` : ''}`;
}

/** Whether the figure a target's row shows is an estimate; null when the row shows none. */
function shownEstimate(ctx: ReportContext, a: Attainment): boolean | null {
  if (a.actual !== null) return a.actualKind === 'estimate';
  if (a.reportPeriodValue !== null && a.reportPeriodValue !== undefined) return a.actualKind === 'estimate' || ctx.period.end > ctx.reportDate;
  return null;
}

/** One target's cells: the governing document's target, the figure judged (else the period's own figure), the verdict. */
function targetCells(ctx: ReportContext, a: Attainment, n: number, markEstimates: boolean): Record<TargetColumnKey, string> {
  const { period } = ctx;
  // One target per row: the governing document's, the one the verdict uses (review of issue 10, finding 13).
  // Other documents' targets on the indicator are listed in the checklist (kiem-tra.html), not run together here.
  const used = a.sources.find((s) => s.used);
  const basis = used ? basisOf(ctx, used.document, used.documentLabel) : basisOf(ctx, a.document, a.documentLabel);
  const estimate = markEstimates && shownEstimate(ctx, a) === true;
  const shown =
    a.actual !== null
      ? valueCell(a.actual, estimate, figureLabel(a, period))
      : a.reportPeriodValue !== null && a.reportPeriodValue !== undefined
        ? valueCell(a.reportPeriodValue, estimate, '')
        : '-';
  return {
    n: String(n),
    name: a.indicatorName,
    unit: a.unit,
    basis,
    plan: used ? used.expression : a.expression,
    same: a.samePeriodLastYear === null ? '-' : formatNumber(a.samePeriodLastYear),
    // The number shown is the number judged; an average or another period's figure says so.
    value: shown,
    vsPlan: a.comparePct === null || !planRatioMeans(a) ? '-' : formatNumber(a.comparePct, { decimals: 1 }),
    vsSame: changeCell(a.unit, a.changePct, a.changePoints),
    verdict: verdictLabel(a),
  };
}

/** A received figure's cells: its value (*) when estimated, kế hoạch "-" or the later target marked as such. */
function receivedCells(ctx: ReportContext, r: ReceivedFigure, n: number, markEstimates: boolean): Record<TargetColumnKey, string> {
  const later = r.laterTarget;
  return {
    n: String(n),
    name: r.indicatorName,
    unit: r.unit,
    // The document as Căn cứ cites a target's: số ký hiệu, else its kind and year (not the registry code).
    basis: later ? basisOf(ctx, later.document, later.documentLabel) : '-',
    plan: later ? `(Mục tiêu đến năm ${later.targetPeriod.slice(-4)}: ${withUnit(later.expression, r.unit)})` : '-',
    same: r.samePeriodLastYear === null ? '-' : formatNumber(r.samePeriodLastYear),
    value: valueCell(r.value, markEstimates && r.kind === 'estimate', ''),
    vsPlan: '-',
    vsSame: changeCell(r.unit, r.changePct, r.changePoints),
    verdict: NO_TARGET_WORD,
  };
}

const TASK_STATUS_LABELS: Record<NonNullable<TaskProgress['status']>, string> = {
  hoan_thanh: 'Hoàn thành',
  dang_thuc_hien: 'Đang thực hiện',
  chua_thuc_hien: 'Chưa thực hiện',
};

/** How an agency's progress text restates each status at its start ("Đã hoàn thành", "Đang triển khai"). */
const STATUS_RESTATED: Record<NonNullable<TaskProgress['status']>, RegExp> = {
  hoan_thanh: /^(?:đã\s+)?hoàn\s+thành/iu,
  dang_thuc_hien: /^(?:đang\s+(?:tiếp\s+tục\s+)?(?:thực\s+hiện|triển\s+khai))/iu,
  chua_thuc_hien: /^(?:chưa\s+(?:thực\s+hiện|triển\s+khai))/iu,
};

/**
 * The "Kết quả thực hiện" cell: the status word once, then the agency's text where it adds something (review R1 of
 * issue 10, C8). A leading restatement of the status is dropped: "Đã hoàn thành, báo cáo UBND tỉnh." -> "Hoàn thành,
 * báo cáo UBND tỉnh."; "Đang triển khai theo kế hoạch." -> "Đang thực hiện theo kế hoạch."; "Đang triển khai." ->
 * "Đang thực hiện". Any other text follows the status as its own sentence. The agency's words are data, escaped by
 * the template.
 */
export function taskResult(status: NonNullable<TaskProgress['status']>, overdue: boolean, progressText: string | null | undefined): string {
  const word = `${TASK_STATUS_LABELS[status]}${overdue ? ' (quá thời hạn)' : ''}`;
  const text = progressText?.trim() ?? '';
  if (!text) return word;
  const restated = STATUS_RESTATED[status].exec(text);
  if (!restated) return `${word}. ${text}`;
  const rest = text.slice(restated[0].length).replace(/^[\s.;:]+$/u, '');
  if (!rest) return word;
  // The rest continues the clause (", báo cáo UBND tỉnh.", " theo kế hoạch."): it follows the status word directly.
  if (/^(?:,|\s+\p{Ll})/u.test(rest)) return `${word}${rest.replace(/^\s+/u, ' ')}`;
  const sentence = rest.replace(/^[\s.;:-]+/u, '');
  return `${word}. ${sentence.charAt(0).toLocaleUpperCase('vi')}${sentence.slice(1)}`;
}

/** Characters a line holds in Phụ lục II at 12 pt: the task column of part I (122 mm), a whole row of part II. */
const REPORTED_TITLE_LINE = 62;
const UNREPORTED_LINE = 130;

/**
 * A row of four lines or more (by its length) may split across a page break, so a page does not end a quarter empty before a long
 * task (review R1 of issue 10, C2); shorter rows stay whole.
 */
function longRow(text: string, lineChars: number): { long?: true } {
  return text.length > lineChars * 3 ? { long: true } : {};
}

/** Agency names joined in a sentence: a group's "Các ..." after the first name is lowercased ("..., các đơn vị liên quan"). */
function joinNames(names: readonly string[]): string {
  return names.map((n, i) => (i > 0 ? n.replace(/^Các /, 'các ') : n)).join(', ');
}

/** The lead agencies of a task as printed: those known on the report date (one that ceased with no successor is left
 * to the checklist, build-checklist-model.ts), else the name reconcile gives. */
function leadsOf(ctx: ReportContext, x: TaskProgress): string {
  const known = [...new Set((x.leads ?? []).filter((l) => l.name).map((l) => (l.lastDay ? `${l.name!} (đến ngày ${formatShortDate(l.lastDay)})` : l.name!)))];
  return known.length > 0 ? joinNames(known) : (taskLeadName(ctx, x) ?? '');
}

/**
 * The deadline as a date ("31/12/2023"), else as the plan words it ("Thường xuyên", "trước ngày 20 tháng 12 hằng
 * năm"); a deadline the plan gives in one of its own appendices names the plan ("Theo Phụ lục III của 434/KH-UBND"),
 * so it is not read as this report's Phụ lục III.
 */
function deadlineOf(ctx: ReportContext, x: TaskProgress): string | null {
  if (x.deadline) return formatShortDate(x.deadline);
  if (x.recurring) return 'Thường xuyên';
  const text = x.deadlineText?.trim().replace(/[.\s]+$/, '');
  if (!text) return null;
  const annex = /^(?:chi tiết )?(?:tại|theo) (phụ lục [IVX]+)(?: kèm theo)?$/iu.exec(text);
  if (!annex) return text;
  const number = ctx.reconciliation.documents?.find((d) => d.code === x.document)?.number;
  return `Theo ${annex[1]!.replace(/^phụ lục/i, 'Phụ lục')}${number ? ` của ${number}` : ' của kế hoạch'}`;
}

/**
 * Phụ lục II (review of issue 10, finding 22): part I, the tasks with a report, each with its lead, deadline and
 * result; part II, the tasks without one, grouped by lead agency, one line each with its deadline, so a reader finds
 * who owes what without paging through "Chưa có báo cáo". Only the report's tasks (reconcile's `tasks`: in force in
 * the period, led in the Sở's reporting channel); the others are in kiem-tra.html.
 */
function buildTasksAppendix(ctx: ReportContext, reference: string, index: number): ReportAppendix {
  const columns: AppendixColumn[] = [
    { label: 'TT', widthMm: 10, align: 'center' },
    { label: 'Nhiệm vụ, đề án', widthMm: 122, align: 'left' },
    { label: 'Cơ quan chủ trì', widthMm: 44, align: 'left' },
    { label: 'Thời hạn', widthMm: 34, align: 'center' },
    { label: 'Kết quả thực hiện', widthMm: 46, align: 'left' },
  ];
  const tasks = ctx.reconciliation.tasks;
  const reported = tasks.filter((x) => x.status !== null);
  const unreported = tasks.filter((x) => x.status === null);
  const rows: AppendixRow[] = [];
  let n = 0;
  let part = 0;
  if (reported.length > 0) {
    rows.push({ kind: 'group', label: toRoman(++part), title: 'NHIỆM VỤ, ĐỀ ÁN ĐÃ CÓ BÁO CÁO KẾT QUẢ' });
    for (const x of reported) {
      const result = taskResult(x.status!, x.overdue, x.progressText);
      rows.push({ kind: 'cells', cells: toCells([String(++n), x.title, leadsOf(ctx, x), deadlineOf(ctx, x) ?? '-', result], columns), ...longRow(x.title, REPORTED_TITLE_LINE) });
    }
  }
  if (unreported.length > 0) {
    rows.push({ kind: 'group', label: toRoman(++part), title: 'NHIỆM VỤ, ĐỀ ÁN CHƯA CÓ BÁO CÁO KẾT QUẢ' });
    const byLead = new Map<string, TaskProgress[]>();
    for (const x of unreported) byLead.set(leadsOf(ctx, x), [...(byLead.get(leadsOf(ctx, x)) ?? []), x]);
    for (const [lead, group] of [...byLead].sort((a, b) => a[0].localeCompare(b[0], 'vi'))) {
      rows.push({ kind: 'group', label: '', title: `${lead || 'Chưa xác định cơ quan chủ trì'} (${formatNumber(group.length)})` });
      for (const x of group) {
        const deadline = deadlineOf(ctx, x);
        const lower = deadline?.replace(/^(Theo|Thường) /, (w) => w.toLocaleLowerCase('vi'));
        const when = x.overdueUnreported ? `thời hạn ${lower}, đã hết thời hạn` : deadline ? (x.recurring ? 'thực hiện thường xuyên' : `thời hạn ${lower}`) : null;
        const title = x.title.replace(/[.;:\s]+$/, '');
        const text = `${title}${when ? ` (${when})` : ''}.`;
        rows.push({ kind: 'cells', cells: [{ text: String(++n), align: 'center' }, { text, align: 'left', span: columns.length - 1 }], ...longRow(text, UNREPORTED_LINE) });
      }
    }
  }
  return {
    index,
    label: `Phụ lục ${toRoman(index)}`,
    title: 'TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ, ĐỀ ÁN',
    reference,
    columns,
    groupSpan: columns.length - 1,
    rows,
    notes: [
      'Các nhiệm vụ, đề án do các sở, ban, ngành, địa phương chủ trì theo kế hoạch của Ủy ban nhân dân tỉnh, đến hạn hoặc thực hiện thường xuyên trong kỳ; số trong ngoặc sau tên cơ quan là số nhiệm vụ, đề án.',
    ],
    small: false,
  };
}

/** The appendices of a report: Phụ lục I always, Phụ lục II when tasks are in scope. */
export function buildAppendices(ctx: ReportContext, reference: string): ReportAppendix[] {
  const appendices = [buildTargetsAppendix(ctx, reference)];
  if (ctx.reconciliation.tasks.length > 0) appendices.push(buildTasksAppendix(ctx, reference, appendices.length + 1));
  return appendices;
}
