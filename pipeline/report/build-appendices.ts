// Report stage: the appendices: Phụ lục I, one row per indicator with its căn cứ, cùng kỳ, kế hoạch, thực hiện,
// so sánh and đánh giá, grouped by domain; Phụ lục II, the tasks in scope of the period.
import type { TaskProgress } from '../reconcile/reconciliation.ts';
import { formatNumber } from '../shared/format-number.ts';
import type { Attainment } from '../reconcile/reconciliation.ts';
import { figureLabel, verdictLabel } from './describe-attainment.ts';
import { formatShortDate } from './format/format-short-date.ts';
import { toRoman } from './format/to-roman.ts';
import { taskLeadName, type ReportContext } from './report-context.ts';
import type { AppendixCell, AppendixColumn, AppendixRow, ReportAppendix } from './report-model.ts';
import { reportDomainOf } from './report-sectors.ts';

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
  // Targets that end after a review window are an outlook, in a group of their own after the final verdicts (issue 9).
  const judged = attainments.filter((a) => a.judgement !== 'outlook');
  const outlook = attainments.filter((a) => a.judgement === 'outlook');
  const groups: { title: string; rows: Attainment[] }[] = [...new Set(judged.map((a) => a.domain))].map((domain) => ({
    title: reportDomainOf(domain).title.replace(/^Lĩnh vực /, '').toLocaleUpperCase('vi'),
    rows: judged.filter((x) => x.domain === domain),
  }));
  if (outlook.length > 0) {
    const ends = [...new Set(outlook.map((a) => a.targetPeriod.slice(-4)))].sort();
    groups.push({ title: `CÁC CHỈ TIÊU ĐẾN NĂM ${ends.join(', ')}: DỰ BÁO KHẢ NĂNG ĐẠT`, rows: outlook });
  }
  groups.forEach((group, groupIndex) => {
    rows.push({ kind: 'group', label: toRoman(groupIndex + 1), title: group.title });
    for (const a of group.rows) {
      n += 1;
      // One target per row: the governing document's, the one the verdict uses (review of issue 10, finding 13).
      // Other documents' targets on the indicator are listed in the checklist (kiem-tra.html), not run together here.
      const used = a.sources.find((s) => s.used);
      const plans = used ? [used.expression] : [];
      const bases = used ? [basisOf(ctx, used.document, used.documentLabel)] : [];
      const label = figureLabel(a, period);
      const cells = [
        String(n),
        a.indicatorName,
        // A break opportunity after "/" so "triệu đồng/người" wraps at the slash, not inside a word.
        a.unit.replaceAll('/', '/\u200b'),
        (bases.length ? bases : [basisOf(ctx, a.document, a.documentLabel)]).join('; ').replaceAll('/', '/\u200b'),
        (plans.length ? plans : [a.expression]).join('; '),
        a.samePeriodLastYear === null ? '-' : formatNumber(a.samePeriodLastYear),
        // The number shown is the number judged; an average or another period's figure says so.
        a.actual === null ? '-' : `${formatNumber(a.actual)}${a.actualKind === 'estimate' ? ' (*)' : ''}${label ? ` (${label})` : ''}`,
        a.comparePct === null ? '-' : formatNumber(a.comparePct, { decimals: 1 }),
        // Thực hiện / cùng kỳ, in %: 100 plus the change (reconcile computes the change).
        a.changePct === null || a.changePct === undefined ? '-' : formatNumber(100 + a.changePct, { decimals: 1 }),
        verdictLabel(a),
      ];
      rows.push({ kind: 'cells', cells: toCells(cells, columns) });
    }
  });
  const notes = ['Căn cứ: văn bản giao chỉ tiêu. So KH: thực hiện so với kế hoạch; so cùng kỳ: thực hiện so với cùng kỳ năm trước.'];
  if (attainments.some((a) => a.actualKind === 'estimate')) notes.push('(*) Số ước thực hiện.');
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

const TASK_STATUS_LABELS: Record<NonNullable<TaskProgress['status']>, string> = {
  hoan_thanh: 'Hoàn thành',
  dang_thuc_hien: 'Đang thực hiện',
  chua_thuc_hien: 'Chưa thực hiện',
};

/** Phụ lục II: every task in scope with its lead, deadline and what was reported on it. */
function buildTasksAppendix(ctx: ReportContext, reference: string, index: number): ReportAppendix {
  const columns: AppendixColumn[] = [
    { label: 'TT', widthMm: 10, align: 'center' },
    { label: 'Nhiệm vụ, đề án', widthMm: 122, align: 'left' },
    { label: 'Cơ quan chủ trì', widthMm: 44, align: 'left' },
    { label: 'Thời hạn', widthMm: 34, align: 'center' },
    { label: 'Kết quả thực hiện', widthMm: 46, align: 'left' },
  ];
  return {
    index,
    label: `Phụ lục ${toRoman(index)}`,
    title: 'TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ, ĐỀ ÁN',
    reference,
    columns,
    groupSpan: columns.length - 1,
    rows: ctx.reconciliation.tasks.map((x, i) => ({
      kind: 'cells' as const,
      cells: toCells(
        [
          String(i + 1),
          x.title,
          taskLeadName(ctx, x) ?? '',
          x.deadline ? formatShortDate(x.deadline) : (x.deadlineText ?? (x.recurring ? 'Thường xuyên' : 'Không ghi thời hạn')),
          `${x.status ? TASK_STATUS_LABELS[x.status] : x.overdueUnreported ? 'Chưa có báo cáo (đã hết thời hạn)' : 'Chưa có báo cáo'}${x.overdue ? ' (quá hạn)' : ''}${x.progressText ? `. ${x.progressText}` : ''}`,
        ],
        columns,
      ),
    })),
    notes: [],
    small: false,
  };
}

/** The appendices of a report: Phụ lục I always, Phụ lục II when tasks are in scope. */
export function buildAppendices(ctx: ReportContext, reference: string): ReportAppendix[] {
  const appendices = [buildTargetsAppendix(ctx, reference)];
  if (ctx.reconciliation.tasks.length > 0) appendices.push(buildTasksAppendix(ctx, reference, appendices.length + 1));
  return appendices;
}
