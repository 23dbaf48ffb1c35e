// Report stage: turns a Reconciliation and the configuration into the view model of one report kind: the header
// from the issuer in force on the report date, Vietnamese sentences from the figures, the appendix tables.
import type { KehoachConfig } from '../config/config-schema.ts';
import type { Attainment, AttainmentStatus, Reconciliation, TaskProgress } from '../reconcile/reconciliation.ts';
import { parsePeriod, type Period } from '../shared/parse-period.ts';
import { PipelineError } from '../shared/pipeline-error.ts';
import { chooseIssuer } from './choose-issuer.ts';
import { describeAttainment, periodPhrase, STATUS_LABELS, withUnit } from './describe-attainment.ts';
import { formatDateLine } from './format/format-date-line.ts';
import { formatNumber } from '../shared/format-number.ts';
import { formatQuantity } from '../shared/format-quantity.ts';
import { formatReportNumber } from './format/format-report-number.ts';
import { formatShortDate } from './format/format-short-date.ts';
import { formatVietnameseDate } from './format/format-vietnamese-date.ts';
import { outlineLetter } from './format/outline-letter.ts';
import { toRoman } from './format/to-roman.ts';
import { buildAttainmentChart } from './build-attainment-chart.ts';
import { buildTrendChart } from './build-trend-chart.ts';
import type {
  AppendixCell,
  AppendixColumn,
  AppendixRow,
  ReportAppendix,
  ReportBlock,
  ReportItem,
  ReportKind,
  ReportModel,
  ReportPoint,
  ReportSection,
  ReportStyle,
} from './report-model.ts';

/** Names from the registry the sentences quote (the plan documents, agencies by code). */
export interface ReportRegistryNames {
  /** Plan documents by code: how a sentence cites it ("Kế hoạch số 434/KH-UBND") and its trích yếu. */
  documents?: Readonly<Record<string, { label: string; title: string }>>;
  /** Agency names by code, as they were in the period (for task leads and conflicting sources). */
  agencies?: Readonly<Record<string, string>>;
}

/** Options of `buildReportModel` that override the configuration for one run. */
export interface BuildReportModelOptions {
  /** Document style. @default config.report.style */
  style?: ReportStyle;
  /** Report date (ISO). @default config.report.date, else today (UTC) */
  date?: string;
}

/** Domain headings, in the order reports treat them. Codes not listed follow, under their code. */
export const DOMAIN_TITLES: Readonly<Record<string, string>> = {
  kinh_te: 'Kinh tế',
  xa_hoi: 'Văn hóa - xã hội',
  moi_truong: 'Tài nguyên và môi trường',
  quoc_phong_an_ninh: 'Quốc phòng, an ninh',
  xay_dung_dang: 'Xây dựng Đảng và hệ thống chính trị',
};

/** Order of the status groups inside a domain, with the heading of each group. */
const STATUS_GROUPS: [AttainmentStatus, string][] = [
  ['vuot', 'Các chỉ tiêu vượt kế hoạch'],
  ['dat', 'Các chỉ tiêu đạt kế hoạch'],
  ['co_kha_nang_dat', 'Các chỉ tiêu có khả năng đạt kế hoạch'],
  ['kho_dat', 'Các chỉ tiêu khó đạt kế hoạch'],
  ['khong_dat', 'Các chỉ tiêu chưa đạt kế hoạch'],
  ['chua_co_so_lieu', 'Các chỉ tiêu chưa có số liệu'],
  ['khong_danh_gia', 'Các chỉ tiêu chưa đủ cơ sở đánh giá'],
];

const STATUS_COLORS: Record<AttainmentStatus, string> = {
  vuot: '#1f5f3a',
  dat: '#3d8c5c',
  co_kha_nang_dat: '#7fb08f',
  kho_dat: '#d08b2c',
  khong_dat: '#b23a2e',
  chua_co_so_lieu: '#9a9a9a',
  khong_danh_gia: '#c8c8c8',
};

const KIND_PERIOD: Record<ReportKind, Period['kind']> = { 'six-month': 'half', annual: 'year', review: 'window' };
const KIND_NAME: Record<ReportKind, string> = { 'six-month': '6 tháng', annual: 'năm', review: 'sơ kết' };

function lowerFirst(text: string): string {
  return text ? text.charAt(0).toLocaleLowerCase('vi') + text.slice(1) : text;
}

/** Today in Vietnam (UTC+7, no daylight saving): the date a report signed now carries. */
function todayInVietnam(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

function domainOrder(code: string): number {
  const i = Object.keys(DOMAIN_TITLES).indexOf(code);
  return i === -1 ? 99 : i;
}

/** The plan window most targets of the report belong to ("2021-2025"), for the title of a review. */
function mainPlanWindow(attainments: Attainment[]): string | null {
  const counts = new Map<string, number>();
  for (const a of attainments) if (/^\d{4}-\d{4}$/.test(a.targetPeriod)) counts.set(a.targetPeriod, (counts.get(a.targetPeriod) ?? 0) + 1);
  let best: string | null = null;
  for (const [k, n] of [...counts].sort((x, y) => x[0].localeCompare(y[0]))) if (best === null || n > counts.get(best)!) best = k;
  return best;
}

function toCells(texts: string[], columns: AppendixColumn[]): AppendixCell[] {
  return texts.map((text, i) => ({ text, align: columns[i]?.align ?? 'left' }));
}

const TYPE_WORDS: Record<string, string> = {
  KH: 'Kế hoạch', NQ: 'Nghị quyết', CTr: 'Chương trình', QĐ: 'Quyết định', CT: 'Chỉ thị', KL: 'Kết luận', BC: 'Báo cáo', HD: 'Hướng dẫn', TB: 'Thông báo',
};

/**
 * How a sentence cites a document known only by its số ký hiệu: "434/KH-UBND" -> "Kế hoạch số 434/KH-UBND",
 * "15-NQ/TU" -> "Nghị quyết số 15-NQ/TU". Anything else is quoted as it is.
 */
function citeDocumentLabel(label: string): string {
  const m = /^\d+\/([A-Za-zĐđ]+)-/.exec(label) ?? /^\d+-([A-Za-zĐđ]+)\//.exec(label);
  const word = m ? TYPE_WORDS[m[1]!] : undefined;
  return word ? `${word} số ${label}` : label;
}

/** What each check of sql/checks looks for, as the report names it; unknown checks are quoted by name. */
const CHECK_TITLES: Readonly<Record<string, string>> = {
  implausible_share_over_100: 'Tỷ lệ nằm ngoài khoảng 0-100%',
  implausible_unit_jump: 'Số liệu chênh khoảng 1.000 lần (nghi nhầm đơn vị tính)',
  overdue_tasks: 'Nhiệm vụ quá thời hạn chưa hoàn thành',
  share_children_sum_over_100: 'Tổng các thành phần cơ cấu vượt 100%',
  targets_unit_mismatch: 'Chỉ tiêu có đơn vị tính khác đơn vị của số liệu',
};

/** The Vietnamese name of a period id ("2024-H1" -> "6 tháng đầu năm 2024"), or the id when it is not one. */
function periodName(id: string): string {
  try {
    return parsePeriod(id).label;
  } catch {
    return id;
  }
}

/** Ends a sentence taken from data with exactly one full stop. */
function endSentence(text: string): string {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} và ${names[names.length - 1]}`;
}

/**
 * Checks that a report kind can be written for a period: six-month needs a half year, annual a year, review a
 * multi-year window.
 * @throws PipelineError('usage') naming the period form the kind needs
 */
export function assertKindFitsPeriod(kind: ReportKind, period: Period): void {
  if (KIND_PERIOD[kind] === period.kind) return;
  const want = { half: '6 tháng (2024-H1)', year: 'năm (2024)', window: 'giai đoạn (2021-2023)', quarter: 'quý' }[KIND_PERIOD[kind]];
  throw new PipelineError('usage', `Báo cáo ${KIND_NAME[kind]} cần kỳ ${want}; kỳ "${period.id}" không phù hợp.`);
}

/** What every part of the report reads: the period, the targets in report order, the registry names. */
interface BuildContext {
  kind: ReportKind;
  period: Period;
  reconciliation: Reconciliation;
  /** Targets sorted by domain, then by target id. */
  attainments: Attainment[];
  names: ReportRegistryNames;
  /** The plan window most targets belong to ("2021-2025"), or null. */
  planWindow: string | null;
  /** An agency's name by code, as of the period (registry, else the reconciliation, else the code). */
  agencyName(code: string): string;
}

/** The trích yếu: "Tình hình thực hiện ... 6 tháng đầu năm 2024", "Sơ kết giai đoạn 2021-2023 ...", "Tổng kết ...". */
function summaryOf(ctx: BuildContext): string {
  const { kind, period, planWindow } = ctx;
  if (kind !== 'review') return `Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội ${period.label}`;
  const planYears = planWindow ? Number(planWindow.slice(5)) - Number(planWindow.slice(0, 4)) + 1 : 0;
  const planName = planWindow ? ` ${planYears} năm ${planWindow}` : '';
  // A review of the whole plan window is a tổng kết (final review); of part of it, a sơ kết (CONVENTIONS-VN).
  return planWindow === period.id
    ? `Tổng kết thực hiện kế hoạch phát triển kinh tế - xã hội${planName}`
    : `Sơ kết ${period.label} thực hiện kế hoạch phát triển kinh tế - xã hội${planName}`;
}

/** Opening paragraphs: what the report implements, and the basis of its figures (NĐ 09/2019, Điều 12). */
function buildIntro(ctx: BuildContext, summary: string, issuerFull: string | null): string[] {
  const { attainments, names, period } = ctx;
  const docCodes = [...new Set(attainments.map((a) => a.document))].sort();
  const docCites = docCodes.map((code) => {
    const d = names.documents?.[code];
    const label = d?.label ?? citeDocumentLabel(attainments.find((a) => a.document === code)?.documentLabel ?? code);
    // The trích yếu reads well for one or two documents; past that the sentence would run for half a page.
    return d?.title && docCodes.length <= 2 ? `${label} về ${lowerFirst(d.title.replace(/^về\s+/i, ''))}` : label;
  });
  const who = issuerFull ?? 'cơ quan';
  return [
    docCites.length > 0
      ? `Thực hiện ${docCites.join('; ')}, ${who} báo cáo ${lowerFirst(summary)} như sau:`
      : `${who.charAt(0).toLocaleUpperCase('vi')}${who.slice(1)} báo cáo ${lowerFirst(summary)} như sau:`,
    `Số liệu báo cáo hành chính tính từ ngày ${formatShortDate(period.cutoffStart)} đến ngày ${formatShortDate(period.cutoffEnd)} ` +
      `(Điều 12 Nghị định số 09/2019/NĐ-CP); số liệu thống kê tính theo kỳ lịch, từ ngày ${formatShortDate(period.start)} đến ngày ${formatShortDate(period.end)}.`,
  ];
}

/** Section on the targets: the count of verdicts, the overview chart, each domain by verdict, a review's trend. */
function buildTargetsSection(ctx: BuildContext): ReportSection {
  const { attainments, period, names } = ctx;
  const statusCount = (s: AttainmentStatus) => attainments.filter((a) => a.status === s).length;
  const blocks: ReportBlock[] = [];
  const counted = STATUS_GROUPS.map(([s]) => [s, statusCount(s)] as const).filter(([, c]) => c > 0);
  const met = statusCount('vuot') + statusCount('dat');
  const parts: string[] = [];
  if (met > 0) parts.push(`${formatNumber(met)} chỉ tiêu đạt và vượt kế hoạch`);
  for (const s of ['khong_dat', 'co_kha_nang_dat', 'kho_dat', 'chua_co_so_lieu', 'khong_danh_gia'] as const) {
    const c = statusCount(s);
    if (c > 0) parts.push(`${formatNumber(c)} chỉ tiêu ${lowerFirst(STATUS_LABELS[s])}`);
  }
  blocks.push({
    kind: 'paragraph',
    text:
      attainments.length === 0
        ? `Không có chỉ tiêu nào đến kỳ đánh giá ${periodPhrase(period)}.`
        : `Trong tổng số ${formatNumber(attainments.length)} chỉ tiêu được theo dõi ${periodPhrase(period)}, ${parts.length === 1 && met === 0 ? '' : 'có '}${parts.join(', ')} (chi tiết tại Phụ lục I).`,
  });
  // One bar says nothing the sentence does not; the chart starts to help from two verdicts on.
  if (counted.length > 1) {
    blocks.push({
      kind: 'chart',
      chart: buildAttainmentChart(
        counted.map(([s, c]) => ({ label: STATUS_LABELS[s], count: c, color: STATUS_COLORS[s] })),
        `Biểu đồ 1. Kết quả thực hiện các chỉ tiêu ${periodPhrase(period)} (số chỉ tiêu)`,
      ),
    });
  }

  // An indicator set by several documents appears once per target; each sentence then says whose target it is.
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const a of attainments) (seen.has(a.indicator) ? repeated : seen).add(a.indicator);
  // "Kế hoạch số 434/KH-UBND" when the document has a số ký hiệu; else how the registry names it.
  const shortCite = (a: Attainment) =>
    /^\d/.test(a.documentLabel) ? citeDocumentLabel(a.documentLabel) : (names.documents?.[a.document]?.label ?? a.documentLabel);
  const items: ReportItem[] = [];
  for (const domain of [...new Set(attainments.map((a) => a.domain))]) {
    const inDomain = attainments.filter((a) => a.domain === domain);
    const points: ReportPoint[] = [];
    for (const [status, title] of STATUS_GROUPS) {
      const group = inDomain.filter((a) => a.status === status);
      if (group.length === 0) continue;
      points.push({
        letter: outlineLetter(points.length),
        title: `${title} (${formatNumber(group.length)} chỉ tiêu)`,
        blocks: group.map((a) => ({
          kind: 'dash',
          text: `- ${describeAttainment(a, period, repeated.has(a.indicator) ? { source: shortCite(a) } : {})}`,
        })),
      });
    }
    items.push({ number: items.length + 1, title: DOMAIN_TITLES[domain] ?? domain, blocks: [], points });
  }
  const trend = ctx.kind === 'review' ? buildTrendItem(ctx, items.length + 1) : null;
  if (trend) items.push(trend);
  return { roman: '', title: 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', blocks, items };
}

/** A review's trend of its key indicator: the first with a yearly series, preferring a target of the plan reviewed. */
function buildTrendItem(ctx: BuildContext, number: number): ReportItem | null {
  const withSeries = ctx.attainments.filter((a) => a.projection && a.projection.points.length >= 2);
  const key = withSeries.find((a) => a.targetPeriod === ctx.planWindow) ?? withSeries[0];
  if (!key?.projection) return null;
  const targetYear = Number(key.targetPeriod.slice(-4));
  return {
    number,
    title: 'Xu hướng chỉ tiêu chủ yếu',
    blocks: [
      {
        kind: 'chart',
        chart: buildTrendChart({
          points: key.projection.points,
          target: key.op === 'range' ? key.hi : key.lo,
          projected: key.projection.projected,
          targetYear: Number.isFinite(targetYear) ? targetYear : null,
          unit: key.unit,
          caption: `Biểu đồ 2. ${key.indicatorName} qua các năm (${key.unit})`,
        }),
      },
    ],
    points: [],
  };
}

/** A review's outlook: which targets the plan can still reach at the pace observed, and what pace the others need. */
function buildOutlookSection(ctx: BuildContext): ReportSection {
  // Rates (levels, growth, per-year reductions) carry requiredRate; totals and counts carry requiredPerYear.
  const projected = ctx.attainments.filter(
    (a) => a.projection && (a.projection.requiredRate !== null || (a.projection.requiredPerYear ?? null) !== null),
  );
  const blocks: ReportBlock[] = [];
  if (projected.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'Chưa đủ số liệu các năm để dự báo khả năng hoàn thành mục tiêu.' });
  } else {
    const likely = projected.filter((a) => a.status === 'co_kha_nang_dat' || a.status === 'vuot' || a.status === 'dat');
    const hard = projected.filter((a) => a.status === 'kho_dat' || a.status === 'khong_dat');
    blocks.push({
      kind: 'paragraph',
      text: `Theo tốc độ thực hiện bình quân đến nay, có ${formatNumber(likely.length)} chỉ tiêu có khả năng đạt và ${formatNumber(hard.length)} chỉ tiêu khó đạt mục tiêu${ctx.planWindow ? ` giai đoạn ${ctx.planWindow}` : ''}.`,
    });
    for (const a of hard) {
      const p = a.projection!;
      const perYear = (v: number | null | undefined) => (v === null || v === undefined ? '-' : `${formatQuantity(v, a.unit)}/năm`);
      const asRate = p.requiredRate !== null;
      const observed = asRate
        ? p.observedRate === null
          ? '-'
          : `${formatNumber(p.observedRate, { decimals: 1 })}%/năm`
        : perYear(p.observedPerYear);
      const required = asRate ? `${formatNumber(p.requiredRate!, { decimals: 1 })}%/năm` : perYear(p.requiredPerYear);
      const span = p.remainingYears
        ? p.remainingYears[0] === p.remainingYears[1]
          ? ` trong năm ${p.remainingYears[0]}`
          : ` trong giai đoạn ${p.remainingYears[0]}-${p.remainingYears[1]}`
        : '';
      blocks.push({
        kind: 'dash',
        text: `- ${a.indicatorName}: bình quân đạt ${observed}, cần ${required}${span} để đạt mục tiêu (${withUnit(lowerFirst(a.expression), a.unit)}).`,
      });
    }
  }
  return { roman: '', title: 'DỰ BÁO KHẢ NĂNG HOÀN THÀNH MỤC TIÊU', blocks, items: [] };
}

/** Section on tasks and schemes: the counts, the overdue ones, the ones done (the full list is Phụ lục II). */
function buildTasksSection(ctx: BuildContext): ReportSection {
  const t = ctx.reconciliation.tasks;
  const count = (status: TaskProgress['status']) => t.filter((x) => x.status === status).length;
  const overdue = t.filter((x) => x.overdue);
  const title = (x: TaskProgress) => x.title.replace(/[.;:\s]+$/, '');
  const items: ReportItem[] = [
    {
      number: 1,
      title: 'Các nhiệm vụ, đề án chậm tiến độ',
      blocks:
        overdue.length === 0
          ? [{ kind: 'paragraph', text: 'Không có nhiệm vụ, đề án nào quá thời hạn.' }]
          : overdue.map((x) => ({
              kind: 'dash' as const,
              text: `- ${title(x)} (chủ trì: ${x.lead ? ctx.agencyName(x.lead) : 'chưa xác định'}; thời hạn: ${x.deadline ? formatShortDate(x.deadline) : (x.deadlineText ?? 'không ghi')}): ${x.progressText ? endSentence(x.progressText) : 'chưa có báo cáo kết quả.'}`,
            })),
      points: [],
    },
  ];
  const done = t.filter((x) => x.status === 'hoan_thanh' && x.progressText);
  if (done.length > 0) {
    items.push({
      number: 2,
      title: 'Các nhiệm vụ, đề án đã hoàn thành',
      blocks: done.map((x) => ({ kind: 'dash' as const, text: `- ${title(x)}: ${endSentence(x.progressText!)}` })),
      points: [],
    });
  }
  return {
    roman: '',
    title: 'TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ, ĐỀ ÁN',
    blocks: [
      {
        kind: 'paragraph',
        text:
          `Trong tổng số ${formatNumber(t.length)} nhiệm vụ, đề án: đã hoàn thành ${formatNumber(count('hoan_thanh'))}, đang thực hiện ${formatNumber(count('dang_thuc_hien'))}, ` +
          `chưa thực hiện ${formatNumber(count('chua_thuc_hien'))}, chưa có báo cáo ${formatNumber(count(null))}; quá thời hạn ${formatNumber(overdue.length)} (chi tiết tại Phụ lục II).`,
      },
    ],
    items,
  };
}

/** Section on the agencies: who sent everything on time, who was late, short, or silent, whose files were refused. */
function buildAgenciesSection(ctx: BuildContext): ReportSection {
  const ag = ctx.reconciliation.agencies;
  // An agency can be both short of figures and late: it is listed under both (reconcile's `late` says so).
  const late = ag.filter((a) => a.status === 'nop_muon' || (a.late === true && a.status !== 'chua_nop'));
  const partial = ag.filter((a) => a.status === 'thieu');
  const none = ag.filter((a) => a.status === 'chua_nop');
  const ok = ag.filter((a) => a.status === 'du' && a.late !== true);
  const deadline = ag[0]?.deadline;
  const blocks: ReportBlock[] = [
    {
      kind: 'paragraph',
      text:
        `Có ${formatNumber(ok.length)}/${formatNumber(ag.length)} cơ quan, đơn vị gửi đủ số liệu đúng hạn` +
        (deadline ? ` (hạn gửi: ngày ${formatShortDate(deadline)})` : '') +
        `; ${formatNumber(late.length)} cơ quan gửi muộn, ${formatNumber(partial.length)} cơ quan gửi thiếu, ${formatNumber(none.length)} cơ quan chưa gửi.`,
    },
  ];
  if (late.length > 0) blocks.push({ kind: 'dash', text: `- Gửi muộn: ${joinNames(late.map((a) => `${a.agencyName}${a.lastReceivedAt ? ` (ngày ${formatShortDate(a.lastReceivedAt.slice(0, 10))})` : ''}`))}.` });
  if (partial.length > 0) blocks.push({ kind: 'dash', text: `- Gửi thiếu số liệu: ${joinNames(partial.map((a) => `${a.agencyName} (thiếu ${formatNumber(a.missing)}/${formatNumber(a.expected)} chỉ tiêu)`))}.` });
  if (none.length > 0) blocks.push({ kind: 'dash', text: `- Chưa gửi báo cáo: ${joinNames(none.map((a) => a.agencyName))}.` });
  const rejected = ag.filter((a) => a.rejectedFiles > 0);
  if (rejected.length > 0) blocks.push({ kind: 'dash', text: `- Có tệp không đọc được hoặc sai mẫu, đề nghị gửi lại: ${joinNames(rejected.map((a) => `${a.agencyName} (${formatNumber(a.rejectedFiles)} tệp)`))}.` });
  return { roman: '', title: 'TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ', blocks, items: [] };
}

/** Section on the caveats: disagreeing sources, estimates, values to re-check, failed data checks. */
function buildCaveatsSection(ctx: BuildContext): ReportSection {
  const { reconciliation, attainments } = ctx;
  const items: ReportItem[] = [];
  const add = (title: string, blocks: ReportBlock[]) => items.push({ number: items.length + 1, title, blocks, points: [] });
  if (reconciliation.conflicts.length > 0) {
    add(
      'Số liệu giữa các nguồn chưa thống nhất',
      reconciliation.conflicts.map((c) => ({
        kind: 'dash' as const,
        text:
          `- ${c.indicatorName} (${periodName(c.period)}): ` +
          c.values.map((v) => `${ctx.agencyName(v.agency)} báo cáo ${formatNumber(v.value)}${v.kind === 'estimate' ? ' (ước)' : ''}`).join('; ') +
          `; báo cáo sử dụng số liệu của ${ctx.agencyName(c.chosen.agency)} (${c.chosen.reason}).`,
      })),
    );
  }
  const estimates = attainments.filter((a) => a.actualKind === 'estimate');
  if (estimates.length > 0) {
    add('Số liệu ước thực hiện', [
      {
        kind: 'paragraph',
        text: `Có ${formatNumber(estimates.length)} chỉ tiêu sử dụng số ước thực hiện, sẽ được cập nhật khi có số liệu chính thức: ${estimates.map((a) => a.indicatorName).join('; ')}.`,
      },
    ]);
  }
  if (reconciliation.implausible.length > 0) {
    add(
      'Số liệu cần kiểm tra lại',
      reconciliation.implausible.map((v) => ({
        kind: 'dash' as const,
        text: `- ${v.indicatorName} (${periodName(v.period)}): giá trị ${formatQuantity(v.value, v.unit)}, nguồn ${v.source}: ${endSentence(v.reason)}`,
      })),
    );
  }
  const failing = reconciliation.checks.filter((c) => c.failing > 0);
  if (failing.length > 0) {
    add(
      'Kết quả kiểm tra dữ liệu',
      failing.map((c) => ({ kind: 'dash' as const, text: `- ${CHECK_TITLES[c.name] ?? `Kiểm tra "${c.name}"`}: ${formatNumber(c.failing)} trường hợp cần xử lý.` })),
    );
  }
  const blocks: ReportBlock[] = items.length === 0 ? [{ kind: 'paragraph', text: 'Số liệu các nguồn thống nhất; không có số liệu ước tính hoặc cần kiểm tra lại.' }] : [];
  return { roman: '', title: 'MỘT SỐ LƯU Ý VỀ SỐ LIỆU', blocks, items };
}

/** Phụ lục I: STT | Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện/Ước thực hiện | So sánh (%) | Đánh giá, grouped by domain. */
function buildTargetsAppendix(ctx: BuildContext, reference: string): ReportAppendix {
  const { attainments, period } = ctx;
  const columns: AppendixColumn[] = [
    // Widths add up to the 165 mm text block; "Kế hoạch" holds target phrases such as "khoảng 118.000 tỷ đồng".
    { label: 'STT', widthMm: 12, align: 'center' },
    { label: 'Chỉ tiêu', widthMm: 48, align: 'left' },
    { label: 'ĐVT', widthMm: 16, align: 'center' },
    { label: 'Kế hoạch', widthMm: 26, align: 'center' },
    { label: period.kind === 'half' ? 'Ước thực hiện' : 'Thực hiện/ Ước thực hiện', widthMm: 22, align: 'right' },
    { label: 'So sánh (%)', widthMm: 18, align: 'right' },
    { label: 'Đánh giá', widthMm: 23, align: 'center' },
  ];
  const rows: AppendixRow[] = [];
  let n = 0;
  [...new Set(attainments.map((a) => a.domain))].forEach((domain, groupIndex) => {
    rows.push({ kind: 'group', label: toRoman(groupIndex + 1), title: (DOMAIN_TITLES[domain] ?? domain).toLocaleUpperCase('vi') });
    for (const a of attainments.filter((x) => x.domain === domain)) {
      n += 1;
      const cells = [
        String(n),
        a.indicatorName,
        // A break opportunity after "/" so "triệu đồng/người" wraps at the slash, not inside a word.
        a.unit.replaceAll('/', '/\u200b'),
        a.expression,
        a.actual === null ? '-' : `${formatNumber(a.actual)}${a.actualKind === 'estimate' ? ' (*)' : ''}`,
        a.comparePct === null ? '-' : formatNumber(a.comparePct, { decimals: 1 }),
        STATUS_LABELS[a.status],
      ];
      rows.push({ kind: 'cells', cells: toCells(cells, columns) });
    }
  });
  const half = period.kind === 'half' ? ` ${period.part === 1 ? 'ĐẦU' : 'CUỐI'} NĂM ${period.startYear}` : '';
  return {
    index: 1,
    label: 'Phụ lục I',
    title: `KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU ${periodPhrase(period).toLocaleUpperCase('vi')}${half}`,
    reference,
    columns,
    groupSpan: columns.length - 1,
    rows,
    notes: attainments.some((a) => a.actualKind === 'estimate') ? ['(*) Số ước thực hiện.'] : [],
  };
}

const TASK_STATUS_LABELS: Record<NonNullable<TaskProgress['status']>, string> = {
  hoan_thanh: 'Hoàn thành',
  dang_thuc_hien: 'Đang thực hiện',
  chua_thuc_hien: 'Chưa thực hiện',
};

/** Phụ lục II: every task with its lead, deadline and what was reported on it. */
function buildTasksAppendix(ctx: BuildContext, reference: string, index: number): ReportAppendix {
  const columns: AppendixColumn[] = [
    { label: 'STT', widthMm: 12, align: 'center' },
    { label: 'Nhiệm vụ, đề án', widthMm: 56, align: 'left' },
    { label: 'Cơ quan chủ trì', widthMm: 31, align: 'left' },
    { label: 'Thời hạn', widthMm: 25, align: 'center' },
    { label: 'Kết quả thực hiện', widthMm: 41, align: 'left' },
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
          x.lead ? ctx.agencyName(x.lead) : '',
          x.deadline ? formatShortDate(x.deadline) : (x.deadlineText ?? ''),
          `${x.status ? TASK_STATUS_LABELS[x.status] : 'Chưa có báo cáo'}${x.overdue ? ' (quá hạn)' : ''}${x.progressText ? `. ${x.progressText}` : ''}`,
        ],
        columns,
      ),
    })),
    notes: [],
  };
}

/**
 * Builds the view model of one report.
 * @param reconciliation the reconcile stage's output for the period
 * @param config the frozen configuration (issuers, report number, style, date, illustrative flag)
 * @param kind six-month (needs a half-year period), annual (a year) or review (a multi-year window)
 * @param names registry names the sentences quote
 * @throws PipelineError('usage') when the period does not fit the kind
 */
export function buildReportModel(
  reconciliation: Reconciliation,
  config: KehoachConfig,
  kind: ReportKind,
  names: ReportRegistryNames = {},
  options: BuildReportModelOptions = {},
): ReportModel {
  const period = reconciliation.period;
  assertKindFitsPeriod(kind, period);
  const style = options.style ?? config.report.style;
  const reportDate = options.date ?? config.report.date ?? todayInVietnam();
  // Today's issuer signs; the period's own agency names come from the data (CONVENTIONS-VN, agencies change).
  const issuer = chooseIssuer(config.issuers, reportDate);
  const party = style === 'party' ? issuer.party : null;
  const symbol = party?.symbol ?? issuer.symbol;
  const issuerFull = party ? party.fullName : issuer.fullName;
  const ctx: BuildContext = {
    kind,
    period,
    reconciliation,
    attainments: [...reconciliation.attainments].sort(
      (a, b) =>
        domainOrder(a.domain) - domainOrder(b.domain) || a.domain.localeCompare(b.domain) || a.targetId.localeCompare(b.targetId, 'en', { numeric: true }),
    ),
    names,
    planWindow: mainPlanWindow(reconciliation.attainments),
    agencyName: (code) => names.agencies?.[code] ?? reconciliation.agencies.find((a) => a.agency === code)?.agencyName ?? code,
  };
  const summary = summaryOf(ctx);

  const sections = [
    buildTargetsSection(ctx),
    ...(kind === 'review' ? [buildOutlookSection(ctx)] : []),
    ...(reconciliation.tasks.length > 0 ? [buildTasksSection(ctx)] : []),
    buildAgenciesSection(ctx),
    buildCaveatsSection(ctx),
  ].map((s, i) => ({ ...s, roman: toRoman(i + 1) }));

  const reference =
    `(Kèm theo Báo cáo số ${config.report.number === null ? '.....' : String(config.report.number).padStart(2, '0')}` +
    `${style === 'party' ? `-BC/${symbol}` : `/BC-${symbol}`} ${formatVietnameseDate(reportDate)}` +
    `${issuerFull ? ` của ${issuerFull}` : ''})`;
  const appendices = [buildTargetsAppendix(ctx, reference)];
  if (reconciliation.tasks.length > 0) appendices.push(buildTasksAppendix(ctx, reference, appendices.length + 1));

  const signer = party?.signer ?? issuer.signer;
  return {
    kind,
    style,
    isParty: style === 'party',
    title: `Báo cáo ${lowerFirst(summary)}`,
    reportDate,
    illustrative: config.report.illustrative,
    header: {
      parentName: party ? party.parentName : issuer.parentName,
      issuerName: party ? party.name : issuer.name,
      numberLine: formatReportNumber(config.report.number, symbol, style),
      placeDateLine: formatDateLine(issuer.place, reportDate),
      docType: 'BÁO CÁO',
      summary,
    },
    intro: buildIntro(ctx, summary, issuerFull),
    sections,
    closing: [`Trên đây là báo cáo ${lowerFirst(summary)}${issuerFull ? ` của ${issuerFull}` : ''}./.`],
    signature: {
      recipients: [...issuer.recipients.map((r) => `- ${r};`), `- Lưu: VT, ${issuer.archiveUnit}.`],
      authority: signer.authority,
      position: signer.position,
      name: signer.name,
    },
    appendices,
  };
}
