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

/** Phụ lục I. Widths add up to the 165 mm text block; the table prints at 11 pt to hold ten columns. */
function buildTargetsAppendix(ctx: ReportContext, reference: string): ReportAppendix {
  const { attainments, period } = ctx;
  const estimateWord = period.kind === 'half' ? 'Ước thực hiện' : 'Thực hiện/ Ước TH';
  // Widths for the landscape appendix page (257 mm text block, styles.hbs), the table 1 mm narrower.
  const columns: AppendixColumn[] = [
    { label: 'TT', widthMm: 8, align: 'center' },
    { label: 'Chỉ tiêu', widthMm: 70, align: 'left' },
    { label: 'ĐVT', widthMm: 14, align: 'center' },
    { label: 'Căn cứ', widthMm: 36, align: 'center' },
    { label: 'Kế hoạch', widthMm: 34, align: 'center' },
    { label: 'Cùng kỳ', widthMm: 13, align: 'right' },
    { label: estimateWord, widthMm: 30, align: 'right' },
    { label: 'So KH (%)', widthMm: 11, align: 'right' },
    { label: 'So cùng kỳ (%)', widthMm: 12, align: 'right' },
    { label: 'Đánh giá', widthMm: 28, align: 'center' },
  ];
  const rows: AppendixRow[] = [];
  let n = 0;
  const reasons: { n: number; reason: string }[] = [];
  const received = ctx.reconciliation.receivedFigures ?? [];
  // Targets that end after a review window are an outlook, in a group of their own after the final verdicts (issue 9).
  const judged = attainments.filter((a) => a.judgement !== 'outlook');
  const outlook = attainments.filter((a) => a.judgement === 'outlook');
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
  groups.forEach((group, groupIndex) => {
    rows.push({ kind: 'group', label: toRoman(groupIndex + 1), title: group.title });
    for (const a of group.rows) {
      n += 1;
      rows.push({ kind: 'cells', cells: toCells(targetCells(ctx, a, n), columns) });
      // A figure without a verdict says why, in the notes under the table (review findings 2, 5).
      const verdict = verdictLabel(a);
      if (verdict === 'Chưa đủ cơ sở đánh giá' || verdict === 'Chưa đủ số liệu dự báo') reasons.push({ n, reason: unjudgedReason(a) });
    }
    for (const r of group.received) {
      n += 1;
      rows.push({ kind: 'cells', cells: toCells(receivedCells(ctx, r, n), columns) });
    }
  });
  const notes = ['Căn cứ: văn bản giao chỉ tiêu. So KH: thực hiện so với kế hoạch; so cùng kỳ: thực hiện so với cùng kỳ năm trước.'];
  const estimates = attainments.some((a) => a.actualKind === 'estimate') || received.some((r) => r.kind === 'estimate');
  if (estimates) notes.push('(*) Số ước thực hiện.');
  if (received.length > 0) {
    notes.push(
      `"${NO_TARGET_WORD}": số liệu đã nhận trong kỳ của chỉ tiêu không có kế hoạch giao cho ${period.label}; cột Kế hoạch ghi mục tiêu của kỳ sau (nếu có) để tham khảo, không dùng để đánh giá.`,
    );
  }
  if (reasons.length > 0) notes.push('"Chưa đủ cơ sở đánh giá", "Chưa đủ số liệu dự báo": đã có số liệu nhưng chưa tính được kết quả theo chỉ tiêu, vì:');
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

/** The Đánh giá word of a received figure: not a verdict, the period sets no target on it. */
export const NO_TARGET_WORD = 'Không giao chỉ tiêu trong kỳ';

/** A value with its estimate mark and, when it is not the period's own figure, what it is: "7,49 (*) (bình quân 2021-2025)". */
function valueCell(value: number, estimate: boolean, label: string): string {
  return `${formatNumber(value)}${estimate ? ' (*)' : ''}${label ? ` (${label})` : ''}`;
}

/** One target's cells: the governing document's target, the figure judged (else the period's own figure), the verdict. */
function targetCells(ctx: ReportContext, a: Attainment, n: number): string[] {
  const { period } = ctx;
  // One target per row: the governing document's, the one the verdict uses (review of issue 10, finding 13).
  // Other documents' targets on the indicator are listed in the checklist (kiem-tra.html), not run together here.
  const used = a.sources.find((s) => s.used);
  const basis = used ? basisOf(ctx, used.document, used.documentLabel) : basisOf(ctx, a.document, a.documentLabel);
  const ownEstimate = a.actualKind === 'estimate' || period.end > ctx.reportDate;
  const shown =
    a.actual !== null
      ? valueCell(a.actual, a.actualKind === 'estimate', figureLabel(a, period))
      : a.reportPeriodValue !== null && a.reportPeriodValue !== undefined
        ? valueCell(a.reportPeriodValue, ownEstimate, '')
        : '-';
  return [
    String(n),
    a.indicatorName,
    // A break opportunity after "/" so "triệu đồng/người" wraps at the slash, not inside a word.
    a.unit.replaceAll('/', '/\u200b'),
    basis.replaceAll('/', '/\u200b'),
    used ? used.expression : a.expression,
    a.samePeriodLastYear === null ? '-' : formatNumber(a.samePeriodLastYear),
    // The number shown is the number judged; an average or another period's figure says so.
    shown,
    a.comparePct === null ? '-' : formatNumber(a.comparePct, { decimals: 1 }),
    // Thực hiện / cùng kỳ, in %: 100 plus the change (reconcile computes the change).
    a.changePct === null || a.changePct === undefined ? '-' : formatNumber(100 + a.changePct, { decimals: 1 }),
    verdictLabel(a),
  ];
}

/** A received figure's cells: its value (*) when estimated, kế hoạch "-" or the later target marked as such. */
function receivedCells(ctx: ReportContext, r: ReceivedFigure, n: number): string[] {
  const later = r.laterTarget;
  return [
    String(n),
    r.indicatorName,
    r.unit.replaceAll('/', '/\u200b'),
    // The document as Căn cứ cites a target's: số ký hiệu, else its kind and year (not the registry code).
    later ? basisOf(ctx, later.document, later.documentLabel).replaceAll('/', '/\u200b') : '-',
    later ? `(Mục tiêu đến năm ${later.targetPeriod.slice(-4)}: ${withUnit(later.expression, r.unit)})` : '-',
    r.samePeriodLastYear === null ? '-' : formatNumber(r.samePeriodLastYear),
    valueCell(r.value, r.kind === 'estimate', ''),
    '-',
    r.changePct === null ? '-' : formatNumber(100 + r.changePct, { decimals: 1 }),
    NO_TARGET_WORD,
  ];
}

const TASK_STATUS_LABELS: Record<NonNullable<TaskProgress['status']>, string> = {
  hoan_thanh: 'Hoàn thành',
  dang_thuc_hien: 'Đang thực hiện',
  chua_thuc_hien: 'Chưa thực hiện',
};

/** Agency names joined in a sentence: a group's "Các ..." after the first name is lowercased ("..., các đơn vị liên quan"). */
function joinNames(names: readonly string[]): string {
  return names.map((n, i) => (i > 0 ? n.replace(/^Các /, 'các ') : n)).join(', ');
}

/** The lead agencies of a task as printed: those known on the report date (one that ceased with no successor is left
 * to the checklist, build-checklist-model.ts), else the name reconcile gives. */
function leadsOf(ctx: ReportContext, x: TaskProgress): string {
  const known = [...new Set((x.leads ?? []).filter((l) => !l.successorUnknown && l.name).map((l) => l.name!))];
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
      const result = `${TASK_STATUS_LABELS[x.status!]}${x.overdue ? ' (quá thời hạn)' : ''}${x.progressText ? `. ${x.progressText}` : ''}`;
      rows.push({ kind: 'cells', cells: toCells([String(++n), x.title, leadsOf(ctx, x), deadlineOf(ctx, x) ?? '-', result], columns) });
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
        rows.push({ kind: 'cells', cells: [{ text: String(++n), align: 'center' }, { text: `${title}${when ? ` (${when})` : ''}.`, align: 'left', span: columns.length - 1 }] });
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
