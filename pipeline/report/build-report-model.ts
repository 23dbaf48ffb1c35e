// Report stage: turns a Reconciliation and the configuration into the view model of one report kind: the header
// from the issuer in force on the report date, Vietnamese sentences from the figures, the appendix tables.
import type { KehoachConfig } from '../config/config-schema.ts';
import type { Attainment, AttainmentStatus, Reconciliation } from '../reconcile/reconciliation.ts';
import { parsePeriod, type Period } from '../shared/parse-period.ts';
import { PipelineError } from '../shared/pipeline-error.ts';
import { chooseIssuer } from './choose-issuer.ts';
import { describeAttainment, periodPhrase, STATUS_LABELS, withUnit } from './describe-attainment.ts';
import { formatDateLine } from './format-date-line.ts';
import { formatNumber } from './format-number.ts';
import { formatQuantity } from './format-quantity.ts';
import { formatReportNumber } from './format-report-number.ts';
import { formatShortDate } from './format-short-date.ts';
import { formatVietnameseDate } from './format-vietnamese-date.ts';
import { outlineLetter } from './outline-letter.ts';
import { toRoman } from './to-roman.ts';
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

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
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
  const reportDate = options.date ?? config.report.date ?? todayIso();
  const issuer = chooseIssuer(config.issuers, reportDate);
  const party = style === 'party' ? issuer.party : null;
  const symbol = party?.symbol ?? issuer.symbol;
  const agencyName = (code: string): string =>
    names.agencies?.[code] ?? reconciliation.agencies.find((a) => a.agency === code)?.agencyName ?? code;

  const planWindow = mainPlanWindow(reconciliation.attainments);
  const planYears = planWindow ? Number(planWindow.slice(5)) - Number(planWindow.slice(0, 4)) + 1 : 0;
  const planName = planWindow ? ` ${planYears} năm ${planWindow}` : '';
  // A review of the whole plan window is a tổng kết (final review); of part of it, a sơ kết (CONVENTIONS-VN).
  const summary =
    kind !== 'review'
      ? `Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội ${period.label}`
      : planWindow === period.id
        ? `Tổng kết thực hiện kế hoạch phát triển kinh tế - xã hội${planName}`
        : `Sơ kết ${period.label} thực hiện kế hoạch phát triển kinh tế - xã hội${planName}`;
  const numberLine = formatReportNumber(config.report.number, symbol, style);

  const attainments = [...reconciliation.attainments].sort(
    (a, b) => domainOrder(a.domain) - domainOrder(b.domain) || a.domain.localeCompare(b.domain) || a.targetId.localeCompare(b.targetId, 'en', { numeric: true }),
  );

  // Opening: what the report implements and the basis of its figures (ND 09/2019, Điều 12).
  const docCodes = [...new Set(attainments.map((a) => a.document))].sort();
  const docCites = docCodes.map((code) => {
    const d = names.documents?.[code];
    const label = d?.label ?? citeDocumentLabel(attainments.find((a) => a.document === code)?.documentLabel ?? code);
    // The trích yếu reads well for one or two documents; past that the sentence would run for half a page.
    return d?.title && docCodes.length <= 2 ? `${label} về ${lowerFirst(d.title.replace(/^về\s+/i, ''))}` : label;
  });
  const intro: string[] = [];
  const issuerFull = party ? party.fullName : issuer.fullName;
  const who = issuerFull ?? 'cơ quan';
  intro.push(
    docCites.length > 0
      ? `Thực hiện ${docCites.join('; ')}, ${who} báo cáo ${lowerFirst(summary)} như sau:`
      : `${who.charAt(0).toLocaleUpperCase('vi')}${who.slice(1)} báo cáo ${lowerFirst(summary)} như sau:`,
  );
  intro.push(
    `Số liệu báo cáo hành chính tính từ ngày ${formatShortDate(period.cutoffStart)} đến ngày ${formatShortDate(period.cutoffEnd)} ` +
      `(Điều 12 Nghị định số 09/2019/NĐ-CP); số liệu thống kê tính theo kỳ lịch, từ ngày ${formatShortDate(period.start)} đến ngày ${formatShortDate(period.end)}.`,
  );

  const sections: ReportSection[] = [];
  const statusCount = (s: AttainmentStatus) => attainments.filter((a) => a.status === s).length;

  // I. Targets: the count, the overview chart, then each domain by verdict.
  {
    const blocks: ReportBlock[] = [];
    const n = attainments.length;
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
        n === 0
          ? `Không có chỉ tiêu nào đến kỳ đánh giá ${periodPhrase(period)}.`
          : `Trong tổng số ${formatNumber(n)} chỉ tiêu được theo dõi ${periodPhrase(period)}, ${parts.length === 1 && met === 0 ? '' : 'có '}${parts.join(', ')} (chi tiết tại Phụ lục I).`,
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
    const items: ReportItem[] = [];
    // An indicator set by several documents appears once per target; each sentence then says whose target it is.
    const seen = new Set<string>();
    const repeated = new Set<string>();
    for (const a of attainments) (seen.has(a.indicator) ? repeated : seen).add(a.indicator);
    // "Kế hoạch số 434/KH-UBND" when the document has a số ký hiệu; else how the registry names it.
    const shortCite = (a: Attainment) =>
      /^\d/.test(a.documentLabel) ? citeDocumentLabel(a.documentLabel) : (names.documents?.[a.document]?.label ?? a.documentLabel);
    const domains = [...new Set(attainments.map((a) => a.domain))];
    for (const domain of domains) {
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
    if (kind === 'review') {
      const key = attainments.find((a) => a.projection && a.projection.points.length >= 2);
      if (key && key.projection) {
        const targetYear = Number(key.targetPeriod.slice(-4));
        const target = key.op === 'range' ? key.hi : key.lo;
        items.push({
          number: items.length + 1,
          title: `Xu hướng chỉ tiêu chủ yếu`,
          blocks: [
            {
              kind: 'chart',
              chart: buildTrendChart({
                points: key.projection.points,
                target,
                projected: key.projection.projected,
                targetYear: Number.isFinite(targetYear) ? targetYear : null,
                unit: key.unit,
                caption: `Biểu đồ 2. ${key.indicatorName} qua các năm (${key.unit})`,
              }),
            },
          ],
          points: [],
        });
      }
    }
    sections.push({ roman: '', title: 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', blocks, items });
  }

  // Review: which targets the plan window can still reach, at the pace observed.
  if (kind === 'review') {
    const projected = attainments.filter((a) => a.projection && a.projection.requiredRate !== null);
    const blocks: ReportBlock[] = [];
    if (projected.length === 0) {
      blocks.push({ kind: 'paragraph', text: 'Chưa đủ số liệu các năm để dự báo khả năng hoàn thành mục tiêu.' });
    } else {
      const likely = projected.filter((a) => a.status === 'co_kha_nang_dat' || a.status === 'vuot' || a.status === 'dat');
      const hard = projected.filter((a) => a.status === 'kho_dat' || a.status === 'khong_dat');
      blocks.push({
        kind: 'paragraph',
        text: `Theo tốc độ thực hiện bình quân đến nay, có ${formatNumber(likely.length)} chỉ tiêu có khả năng đạt và ${formatNumber(hard.length)} chỉ tiêu khó đạt mục tiêu${planWindow ? ` giai đoạn ${planWindow}` : ''}.`,
      });
      for (const a of hard) {
        const p = a.projection!;
        blocks.push({
          kind: 'dash',
          text: `- ${a.indicatorName}: bình quân đạt ${p.observedRate === null ? '-' : `${formatNumber(p.observedRate, { decimals: 1 })}%/năm`}, cần ${formatNumber(p.requiredRate!, { decimals: 1 })}%/năm${p.remainingYears ? (p.remainingYears[0] === p.remainingYears[1] ? ` trong năm ${p.remainingYears[0]}` : ` trong giai đoạn ${p.remainingYears[0]}-${p.remainingYears[1]}`) : ''} để đạt mục tiêu (${withUnit(lowerFirst(a.expression), a.unit)}).`,
        });
      }
    }
    sections.push({ roman: '', title: 'DỰ BÁO KHẢ NĂNG HOÀN THÀNH MỤC TIÊU', blocks, items: [] });
  }

  // II. Tasks and schemes.
  if (reconciliation.tasks.length > 0) {
    const t = reconciliation.tasks;
    const done = t.filter((x) => x.status === 'hoan_thanh').length;
    const doing = t.filter((x) => x.status === 'dang_thuc_hien').length;
    const notStarted = t.filter((x) => x.status === 'chua_thuc_hien').length;
    const unreported = t.filter((x) => x.status === null).length;
    const overdue = t.filter((x) => x.overdue);
    const items: ReportItem[] = [];
    items.push({
      number: 1,
      title: 'Các nhiệm vụ, đề án chậm tiến độ',
      blocks:
        overdue.length === 0
          ? [{ kind: 'paragraph', text: 'Không có nhiệm vụ, đề án nào quá thời hạn.' }]
          : overdue.map((x) => ({
              kind: 'dash' as const,
              text: `- ${x.title.replace(/[.;:\s]+$/, '')} (chủ trì: ${x.lead ? agencyName(x.lead) : 'chưa xác định'}; thời hạn: ${x.deadline ? formatShortDate(x.deadline) : (x.deadlineText ?? 'không ghi')}): ${x.progressText ? endSentence(x.progressText) : 'chưa có báo cáo kết quả.'}`,
            })),
      points: [],
    });
    const withProgress = t.filter((x) => x.status === 'hoan_thanh' && x.progressText);
    if (withProgress.length > 0) {
      items.push({
        number: 2,
        title: 'Các nhiệm vụ, đề án đã hoàn thành',
        blocks: withProgress.map((x) => ({ kind: 'dash' as const, text: `- ${x.title.replace(/[.;:\s]+$/, '')}: ${endSentence(x.progressText!)}` })),
        points: [],
      });
    }
    sections.push({
      roman: '',
      title: 'TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ, ĐỀ ÁN',
      blocks: [
        {
          kind: 'paragraph',
          text:
            `Trong tổng số ${formatNumber(t.length)} nhiệm vụ, đề án: đã hoàn thành ${formatNumber(done)}, đang thực hiện ${formatNumber(doing)}, ` +
            `chưa thực hiện ${formatNumber(notStarted)}, chưa có báo cáo ${formatNumber(unreported)}; quá thời hạn ${formatNumber(overdue.length)} (chi tiết tại Phụ lục II).`,
        },
      ],
      items,
    });
  }

  // III. Which agencies reported late, partly or not at all.
  {
    const ag = reconciliation.agencies;
    const late = ag.filter((a) => a.status === 'nop_muon');
    const partial = ag.filter((a) => a.status === 'thieu');
    const none = ag.filter((a) => a.status === 'chua_nop');
    const ok = ag.filter((a) => a.status === 'du');
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
    sections.push({ roman: '', title: 'TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ', blocks, items: [] });
  }

  // IV. Caveats: disagreeing sources, estimates, values to re-check, failed checks.
  {
    const items: ReportItem[] = [];
    const add = (title: string, blocks: ReportBlock[]) => items.push({ number: items.length + 1, title, blocks, points: [] });
    if (reconciliation.conflicts.length > 0) {
      add(
        'Số liệu giữa các nguồn chưa thống nhất',
        reconciliation.conflicts.map((c) => ({
          kind: 'dash' as const,
          text:
            `- ${c.indicatorName} (${periodName(c.period)}): ` +
            c.values.map((v) => `${agencyName(v.agency)} báo cáo ${formatNumber(v.value)}${v.kind === 'estimate' ? ' (ước)' : ''}`).join('; ') +
            `; báo cáo sử dụng số liệu của ${agencyName(c.chosen.agency)} (${c.chosen.reason}).`,
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
    sections.push({ roman: '', title: 'MỘT SỐ LƯU Ý VỀ SỐ LIỆU', blocks, items });
  }
  sections.forEach((s, i) => (s.roman = toRoman(i + 1)));

  const reference =
    `(Kèm theo Báo cáo số ${config.report.number === null ? '.....' : String(config.report.number).padStart(2, '0')}` +
    `${style === 'party' ? `-BC/${symbol}` : `/BC-${symbol}`} ${formatVietnameseDate(reportDate)}` +
    `${issuerFull ? ` của ${issuerFull}` : ''})`;

  // Appendix I: the targets table (STT | Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện | So sánh | Đánh giá).
  const appendices: ReportAppendix[] = [];
  {
    const columns: AppendixColumn[] = [
      { label: 'STT', widthMm: 12, align: 'center' },
      { label: 'Chỉ tiêu', widthMm: 49, align: 'left' },
      { label: 'ĐVT', widthMm: 17, align: 'center' },
      { label: 'Kế hoạch', widthMm: 22, align: 'center' },
      { label: period.kind === 'half' ? 'Ước thực hiện' : 'Thực hiện/ Ước thực hiện', widthMm: 23, align: 'right' },
      { label: 'So sánh (%)', widthMm: 18, align: 'right' },
      { label: 'Đánh giá', widthMm: 24, align: 'center' },
    ];
    const rows: AppendixRow[] = [];
    let groupNo = 0;
    let n = 0;
    for (const domain of [...new Set(attainments.map((a) => a.domain))]) {
      groupNo += 1;
      rows.push({ kind: 'group', label: toRoman(groupNo), title: (DOMAIN_TITLES[domain] ?? domain).toLocaleUpperCase('vi') });
      for (const a of attainments.filter((x) => x.domain === domain)) {
        n += 1;
        rows.push({
          kind: 'cells',
          cells: toCells([
            String(n),
            a.indicatorName,
            // A break opportunity after "/" so "triệu đồng/người" wraps at the slash, not inside a word.
            a.unit.replaceAll('/', '/\u200b'),
            a.expression,
            a.actual === null ? '-' : `${formatNumber(a.actual)}${a.actualKind === 'estimate' ? ' (*)' : ''}`,
            a.comparePct === null ? '-' : formatNumber(a.comparePct, { decimals: 1 }),
            STATUS_LABELS[a.status],
          ], columns),
        });
      }
    }
    appendices.push({
      index: 1,
      label: 'Phụ lục I',
      title: `KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU ${periodPhrase(period).toLocaleUpperCase('vi')}${period.kind === 'half' ? ` ${period.part === 1 ? 'ĐẦU' : 'CUỐI'} NĂM ${period.startYear}` : ''}`,
      reference,
      columns,
      groupSpan: columns.length - 1,
      rows,
      notes: attainments.some((a) => a.actualKind === 'estimate') ? ['(*) Số ước thực hiện.'] : [],
    });
  }
  if (reconciliation.tasks.length > 0) {
    const STATUS: Record<string, string> = { hoan_thanh: 'Hoàn thành', dang_thuc_hien: 'Đang thực hiện', chua_thuc_hien: 'Chưa thực hiện' };
    const columns: AppendixColumn[] = [
      { label: 'STT', widthMm: 12, align: 'center' },
      { label: 'Nhiệm vụ, đề án', widthMm: 56, align: 'left' },
      { label: 'Cơ quan chủ trì', widthMm: 31, align: 'left' },
      { label: 'Thời hạn', widthMm: 25, align: 'center' },
      { label: 'Kết quả thực hiện', widthMm: 41, align: 'left' },
    ];
    appendices.push({
      index: 2,
      label: 'Phụ lục II',
      title: 'TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ, ĐỀ ÁN',
      reference,
      columns,
      groupSpan: columns.length - 1,
      rows: reconciliation.tasks.map((x, i) => ({
        kind: 'cells' as const,
        cells: toCells([
          String(i + 1),
          x.title,
          x.lead ? agencyName(x.lead) : '',
          x.deadline ? formatShortDate(x.deadline) : (x.deadlineText ?? ''),
          `${x.status ? STATUS[x.status] : 'Chưa có báo cáo'}${x.overdue ? ' (quá hạn)' : ''}${x.progressText ? `. ${x.progressText}` : ''}`,
        ], columns),
      })),
      notes: [],
    });
  }

  const signer = party?.signer ?? issuer.signer;
  const recipients = [...issuer.recipients.map((r) => `- ${r};`), `- Lưu: VT, ${issuer.archiveUnit}.`];

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
      numberLine,
      placeDateLine: formatDateLine(issuer.place, reportDate),
      docType: 'BÁO CÁO',
      summary,
    },
    intro,
    sections,
    closing: [`Trên đây là báo cáo ${lowerFirst(summary)}${issuerFull ? ` của ${issuerFull}` : ''}./.`],
    signature: { recipients, authority: signer.authority, position: signer.position, name: signer.name },
    appendices,
  };
}
