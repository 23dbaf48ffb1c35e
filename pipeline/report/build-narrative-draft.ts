// Report stage: the draft the program writes from the figures, as a NarrativeDocument: the opening, section I by
// domain and sector in the register of provincial reports, the facts that section II can start from, a draft of
// section III, and empty places for what only staff can write (nguyên nhân, kiến nghị).
import type { Attainment, AttainmentStatus, ReceivedFigure, TaskProgress } from '../reconcile/reconciliation.ts';
import { JUDGED_STATUSES, unjudgedCountPhrases, type TargetSplit } from './count-period-targets.ts';
import { describeReceivedFigure } from './describe-received-figure.ts';
import { formatNumber } from '../shared/format-number.ts';
import { describeAttainment, periodPhrase } from './describe-attainment.ts';
import { formatShortDate } from './format/format-short-date.ts';
import { lowerFirst } from './format/lower-first.ts';
import type { NarrativeDocument, NarrativeSection } from './narrative/narrative-document.ts';
import { buildOutlookText, outlookYears } from './build-outlook-text.ts';
import { buildOpeningText } from './build-opening-text.ts';
import { taskLeadName, toldAttainments, type ReportContext } from './report-context.ts';
import { REPORT_DOMAINS, reportDomainOf, reportDomainOrder, reportSectorOf } from './report-sectors.ts';

/** Overdue tasks named in the body; the rest are in Phụ lục II. */
const MAX_OVERDUE_NAMED = 5;

/** Sentences per generated paragraph: several figures share one, as reports write them. */
const SENTENCES_PER_PARAGRAPH = 3;

export { JUDGED_STATUSES } from './count-period-targets.ts';

/** "A, B và C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} và ${names[names.length - 1]}`;
}

/** The name an indicator has in a list inside a sentence ("tỷ lệ hộ nghèo"), keeping abbreviations as they are. */
function inSentence(name: string): string {
  return /^[A-ZĐ]{2,}/u.test(name) ? name : lowerFirst(name);
}

/** Chunks sentences into paragraphs of a few sentences each. */
function toParagraphs(sentences: string[]): string {
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += SENTENCES_PER_PARAGRAPH) out.push(sentences.slice(i, i + SENTENCES_PER_PARAGRAPH).join(' '));
  return out.join('\n\n');
}

/** The heading of section I and what the period is called in it. */
function resultsTitle(ctx: ReportContext): string {
  return `KẾT QUẢ THỰC HIỆN ${ctx.period.label.toLocaleUpperCase('vi')}`;
}

/** What section III looks ahead to: the rest of the year, the next year, or the next years of the plan. */
export function nextPeriodLabel(ctx: ReportContext): string {
  const p = ctx.period;
  switch (p.kind) {
    case 'half':
      return p.part === 1 ? `6 tháng cuối năm ${p.startYear}` : `năm ${p.startYear + 1}`;
    case 'year':
      return `năm ${p.startYear + 1}`;
    case 'quarter':
      return `những tháng còn lại của năm ${p.startYear}`;
    case 'window': {
      const planEnd = ctx.planWindow ? Number(ctx.planWindow.slice(5)) : p.endYear;
      if (planEnd > p.endYear) return `những năm còn lại của giai đoạn ${ctx.planWindow} (${p.endYear + 1}-${planEnd})`;
      const span = planEnd - (ctx.planWindow ? Number(ctx.planWindow.slice(0, 4)) : p.startYear);
      return `giai đoạn ${planEnd + 1}-${planEnd + 1 + span}`;
    }
    default: {
      const never: never = p.kind;
      throw new Error(`Loại kỳ không xác định: ${String(never)}`);
    }
  }
}

/**
 * What "bằng Y% …" compares with, naming whose target it is (review finding 4): "kế hoạch năm" only when the target's
 * document is that year's plan; a five-year plan's figure for the year is "mục tiêu năm 2025 của kế hoạch 5 năm
 * 2021-2025"; a window's target "mục tiêu giai đoạn 2021-2025".
 */
export function planPhrase(ctx: ReportContext, a: Attainment): string {
  const doc = ctx.reconciliation.documents?.find((d) => d.code === a.document);
  const title = doc?.title ?? '';
  const year = /^\d{4}$/.test(a.targetPeriod) ? a.targetPeriod : null;
  const multiYear = /(\d+)\s*năm\s+(?:giai đoạn\s+)?(\d{4}\s*-\s*\d{4})/i.exec(title);
  const whose = multiYear
    ? `kế hoạch ${multiYear[1]} năm ${multiYear[2]!.replace(/\s/g, '')}`
    : (ctx.names.documents[a.document]?.label.replace(/ (ngày|của) .*$/, '') ?? a.documentLabel);
  if (year) {
    const yearPlan = new RegExp(`năm\\s+${year}(?!\\s*-)`).test(title) && !multiYear && !/giai đoạn|\d{4}\s*-\s*\d{4}/.test(title);
    if (yearPlan) return year === String(ctx.period.startYear) && ctx.period.kind !== 'window' ? 'kế hoạch năm' : `kế hoạch năm ${year}`;
    return `mục tiêu năm ${year} của ${whose}`;
  }
  if (/^\d{4}-\d{4}$/.test(a.targetPeriod)) return `mục tiêu giai đoạn ${a.targetPeriod}`;
  return 'kế hoạch';
}

/** The sentence of one figure; the source document is named when several documents set targets on it. */
function figureSentences(ctx: ReportContext, list: Attainment[], repeated: Set<string>): string[] {
  return list.map((a) =>
    describeAttainment(a, ctx.period, {
      ...(repeated.has(a.indicator) ? { source: ctx.names.documents[a.document]?.label.replace(/ ngày .*$/, '') ?? a.documentLabel } : {}),
      planPhrase: planPhrase(ctx, a),
      reportDate: ctx.reportDate,
    }),
  );
}

/** The agency that follows a target: its own, else the first of its sources that names one. */
function followingAgency(a: Attainment): string | null {
  return a.agency ?? a.sources?.find((x) => x.agency)?.agency ?? null;
}

/**
 * Who follows the targets without a figure, each agency with the number of those targets it follows and only those
 * (review R1, B1): "1 chỉ tiêu do Ban Quản lý Khu kinh tế tỉnh theo dõi chưa gửi số liệu". "chưa gửi số liệu" only
 * when reconcile's completeness says the agency's expected figures are missing.
 */
function owingPhrases(ctx: ReportContext, missing: Attainment[]): string[] {
  const byAgency = new Map<string, Attainment[]>();
  for (const a of missing) {
    const code = followingAgency(a);
    if (code) byAgency.set(code, [...(byAgency.get(code) ?? []), a]);
  }
  return [...byAgency]
    .map(([code, list]) => {
      const owed = ctx.reconciliation.agencies.find((c) => c.agency === code);
      const unsent = owed !== undefined && list.every((a) => owed.missingIndicators.includes(a.indicator));
      return { name: ctx.agencyName(code), text: `${formatNumber(list.length)} chỉ tiêu do ${ctx.agencyName(code)} theo dõi${unsent ? ' chưa gửi số liệu' : ''}` };
    })
    .sort((x, y) => x.name.localeCompare(y.name, 'vi'))
    .map((x) => x.text);
}

/** A count as a domain sentence writes it when it is the whole domain: "01", "03" (a count below 10 padded). */
function padded(n: number): string {
  return n < 10 ? `0${n}` : formatNumber(n);
}

/**
 * The one sentence per domain on its targets without a figure, first in every domain (review finding 20): the
 * counts of Phụ lục I's "Chưa có số liệu" and, in a six-month report, of its "Đánh giá cả năm" rows without a figure
 * (review R1, A3), naming an agency only for the targets it follows (B1). A domain with nothing else says so plainly:
 * "Lĩnh vực quốc phòng, an ninh có 01 chỉ tiêu, chưa có số liệu (chi tiết tại Phụ lục I)." (B10).
 */
export function noFigureSentence(ctx: ReportContext, domainTitle: string, domainCount: number, missing: Attainment[], annualLater: Attainment[] = []): string | null {
  if (missing.length === 0 && annualLater.length === 0) return null;
  const owing = owingPhrases(ctx, missing);
  const agencies = new Set(missing.map(followingAgency));
  // One agency following every one of them: "…, do Sở X theo dõi"; else the count of each agency's.
  const only = agencies.size === 1 && [...agencies][0] ? owing[0]!.replace(/^\d+ chỉ tiêu /, '') : null;
  const who = only ? `, ${only}` : owing.length > 0 ? `, trong đó ${joinNames(owing)}` : '';
  const later =
    annualLater.length > 0
      ? `${formatNumber(annualLater.length)} chỉ tiêu tính theo năm chưa có số liệu ${periodPhrase(ctx.period)}, đánh giá khi có số liệu cả năm`
      : null;
  let sentence: string;
  if (missing.length === domainCount) sentence = `${domainTitle} có ${padded(domainCount)} chỉ tiêu, ${domainCount === 1 ? '' : 'đều '}chưa có số liệu${who}`;
  else if (annualLater.length === domainCount) sentence = `${domainTitle} có ${padded(domainCount)} chỉ tiêu, ${domainCount === 1 ? '' : 'đều '}là chỉ tiêu tính theo năm, đánh giá khi có số liệu cả năm`;
  else {
    const parts = [missing.length > 0 ? `${formatNumber(missing.length)} chỉ tiêu chưa có số liệu${who}` : null, later].filter((x): x is string => x !== null);
    sentence = `Trong ${formatNumber(domainCount)} chỉ tiêu của lĩnh vực, ${parts.join('; ')}`;
  }
  return `${sentence} (chi tiết tại Phụ lục I).`;
}

/** Received figures the period's targets do not show, by the sector (else domain) they are told in. */
function receivedIn(ctx: ReportContext, domain: string, sectorId: string | null): ReceivedFigure[] {
  return (ctx.reconciliation.receivedFigures ?? []).filter((r) => r.domain === domain && (reportSectorOf(domain, r.indicator)?.id ?? null) === sectorId);
}

/** Section I: the overview, then per domain its no-data sentence and its sectors' paragraphs, then tasks (and outlook). */
function resultsSections(ctx: ReportContext): NarrativeSection[] {
  // An indicator told twice in the section (one row per judgement group) names the document of each target.
  const seen = new Set<string>();
  const repeated = new Set<string>();
  const told = toldAttainments(ctx);
  for (const a of told) (seen.has(a.indicator) ? repeated : seen).add(a.indicator);
  const out: NarrativeSection[] = [{ id: 'ket-qua', level: 1, title: resultsTitle(ctx), parts: [{ kind: 'generated', text: overviewText(ctx) }] }];
  const noFigure = new Set(ctx.counts.period.noFigure);
  // A whole-year measure with no part-year figure is counted in its domain's sentence, not told as a figure (A3).
  const annualLater = new Set(ctx.counts.period.annualNotDue.filter((a) => a.actual === null && (a.reportPeriodValue ?? null) === null));
  const received = ctx.reconciliation.receivedFigures ?? [];
  const domains = [...new Set([...told.map((a) => a.domain), ...received.map((r) => r.domain)])].sort((x, y) => reportDomainOrder(x) - reportDomainOrder(y));
  for (const code of domains) {
    const domain = reportDomainOf(code);
    const inDomain = told.filter((a) => a.domain === code);
    const withFigure = inDomain.filter((a) => !noFigure.has(a) && !annualLater.has(a));
    const sentences = (sectorId: string | null) => [
      ...figureSentences(ctx, withFigure.filter((a) => (reportSectorOf(code, a.indicator)?.id ?? null) === sectorId), repeated),
      ...receivedIn(ctx, code, sectorId).map((r) => describeReceivedFigure(r, ctx.period)),
    ];
    const domainText = [noFigureSentence(ctx, domain.title, inDomain.length, inDomain.filter((a) => noFigure.has(a)), inDomain.filter((a) => annualLater.has(a))) ?? '', toParagraphs(sentences(null))]
      .filter((t) => t !== '')
      .join('\n\n');
    out.push({ id: domain.id, level: 2, title: domain.title, parts: domainText ? [{ kind: 'generated', text: domainText }] : [] });
    for (const sector of domain.sectors) {
      const list = sentences(sector.id);
      if (list.length === 0) continue;
      out.push({ id: sector.id, level: 3, title: sector.title, parts: [{ kind: 'generated', text: toParagraphs(list) }] });
    }
  }
  placeAgencyTexts(ctx, out);
  if (ctx.reconciliation.tasks.length > 0) out.push({ id: 'nhiem-vu-de-an', level: 2, title: 'Việc thực hiện các nhiệm vụ, đề án', parts: [{ kind: 'generated', text: tasksText(ctx) }] });
  const outlook = buildOutlookText(ctx);
  if (outlook) out.push({ id: 'kha-nang', level: 2, title: `Khả năng hoàn thành các mục tiêu đến năm ${outlookYears(ctx)}`, parts: [{ kind: 'generated', text: outlook }] });
  return out;
}

/**
 * Puts each agency's own text under the sector most of its figures are told in (its targets, outlook rows and received
 * figures), else its domain, marked with the agency and the file. A sector that has no paragraph of figures gets its
 * section for the text ("c) Y tế và dân số"), placed in report order; only an agency with no figure at all falls to
 * the opening of section I.
 */
function placeAgencyTexts(ctx: ReportContext, sections: NarrativeSection[]): void {
  const figures = [
    ...ctx.attainments.map((a) => ({ domain: a.domain, indicator: a.indicator, agencies: [a.agency, a.sourceAgency] })),
    ...(ctx.reconciliation.receivedFigures ?? []).map((r) => ({ domain: r.domain, indicator: r.indicator, agencies: [r.agency] })),
  ];
  for (const t of ctx.agencyTexts) {
    const counts = new Map<string, number>();
    for (const f of figures) {
      if (!f.agencies.includes(t.agency)) continue;
      for (const id of [reportSectorOf(f.domain, f.indicator)?.id, reportDomainOf(f.domain).id]) {
        if (id) counts.set(id, (counts.get(id) ?? 0) + (id.includes('.') ? 2 : 1));
      }
    }
    const best = [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0];
    const target = best ? (sections.find((s) => s.id === best) ?? addSectorSection(sections, best)) : sections[0]!;
    (target ?? sections[0]!).parts.push({ kind: 'agency', source: `${ctx.agencyName(t.agency)}, tệp ${t.source}`, text: t.text });
  }
}

/** Adds the section of a sector (or domain) id that has no figures, in report order; null when its domain is not told. */
function addSectorSection(sections: NarrativeSection[], id: string): NarrativeSection | null {
  const domain = REPORT_DOMAINS.find((d) => d.id === id || d.sectors.some((x) => x.id === id));
  if (!domain) return null;
  if (domain.id === id) {
    // A domain with no section yet goes after the last section of the domains before it.
    const section: NarrativeSection = { id, level: 2, title: domain.title, parts: [] };
    const before = REPORT_DOMAINS.slice(0, REPORT_DOMAINS.indexOf(domain)).map((d) => d.id);
    const at = sections.reduce((last, s, i) => (before.some((b) => s.id === b || s.id.startsWith(`${b}.`)) ? i : last), 0);
    sections.splice(at + 1, 0, section);
    return section;
  }
  if (!sections.some((s) => s.id === domain.id)) addSectorSection(sections, domain.id);
  const order = domain.sectors.map((x) => x.id);
  const sector = domain.sectors.find((x) => x.id === id)!;
  const section: NarrativeSection = { id, level: 3, title: sector.title, parts: [] };
  // After the domain heading and the sectors before this one.
  let at = sections.findIndex((s) => s.id === domain.id);
  sections.forEach((s, i) => {
    if (order.indexOf(s.id) !== -1 && order.indexOf(s.id) < order.indexOf(id)) at = i;
  });
  sections.splice(at + 1, 0, section);
  return section;
}

/** "7 chỉ tiêu đạt và vượt kế hoạch (ước)": the verdict groups of judged targets, estimates said as estimates. */
function verdictGroups(judged: Attainment[]): string[] {
  const parts: string[] = [];
  const phrase = (list: Attainment[], words: string) => {
    if (list.length === 0) return;
    const estimates = list.filter((a) => a.actualKind === 'estimate').length;
    // "ước" belongs to a final verdict on an estimate ("ước đạt"); "có khả năng đạt" already looks ahead.
    const final = list.every((a) => a.judgement === 'final');
    const lead = final && estimates === list.length ? `ước ${words}` : words;
    parts.push(`${formatNumber(list.length)} chỉ tiêu ${lead}${final && estimates > 0 && estimates < list.length ? ` (${formatNumber(estimates)} chỉ tiêu theo số ước thực hiện)` : ''}`);
  };
  const of = (...statuses: AttainmentStatus[]) => judged.filter((a) => statuses.includes(a.status));
  phrase(of('vuot', 'dat'), 'đạt và vượt kế hoạch');
  phrase(of('co_kha_nang_dat'), 'có khả năng đạt');
  phrase(of('kho_dat'), 'khó đạt');
  phrase(of('khong_dat'), 'không đạt');
  return parts;
}

/**
 * The three counts of a split, as every place of the report words them (countPeriodTargets): "11 chỉ tiêu đã có số
 * liệu để đánh giá, trong đó …; 3 chỉ tiêu đã có số liệu nhưng chưa đủ cơ sở đánh giá (…); 44 chỉ tiêu chưa có số
 * liệu". The three numbers add up to the total.
 */
export function splitPhrase(split: TargetSplit, withVerdicts = true, partLabel = '6 tháng'): string {
  const parts: string[] = [];
  const groups = verdictGroups(split.judged);
  if (split.judged.length > 0) parts.push(`${formatNumber(split.judged.length)} chỉ tiêu đã có số liệu để đánh giá${withVerdicts && groups.length > 0 ? `, trong đó ${groups.join(', ')}` : ''}`);
  // Why a figure has no verdict is a line of kiem-tra.html, not of the signed body (review R1, B2).
  parts.push(...unjudgedCountPhrases(split, partLabel));
  return parts.join('; ');
}

/** The opening paragraph of section I: how many targets were judged and with what result. */
function overviewText(ctx: ReportContext): string {
  const { period, outlook } = ctx.counts;
  if (period.all.length === 0) return `Không có chỉ tiêu nào đến kỳ đánh giá trong ${ctx.period.label}.`;
  return (
    `Trong ${formatNumber(period.all.length)} chỉ tiêu kế hoạch được theo dõi trong ${ctx.period.label}, ${splitPhrase(period, true, periodPhrase(ctx.period))} (chi tiết tại Phụ lục I).` +
    (outlook.all.length > 0 ? ` Ngoài ra, ${formatNumber(outlook.all.length)} chỉ tiêu có mục tiêu đến năm ${outlookYears(ctx)} được đánh giá khả năng hoàn thành ở phần cuối mục này.` : '') +
    ' Kết quả trên từng lĩnh vực như sau:'
  );
}

function taskTitle(x: TaskProgress): string {
  return x.title.replace(/[.;:\s]+$/, '');
}

/** The tasks paragraph: counts, and the overdue ones by name with their lead agency. */
function tasksText(ctx: ReportContext): string {
  const t = ctx.reconciliation.tasks;
  const count = (status: TaskProgress['status']) => t.filter((x) => x.status === status).length;
  const overdue = t.filter((x) => x.overdue);
  // The body speaks of the tasks reported on; those without a report are the Sở's own gap, listed in kiem-tra.html.
  const reported = t.length - count(null);
  // No zero counts (review R1, B9): only the statuses that occur, in the order of Phụ lục II.
  const statuses = [
    count('hoan_thanh') > 0 ? `hoàn thành ${formatNumber(count('hoan_thanh'))}` : null,
    count('dang_thuc_hien') > 0 ? `đang triển khai ${formatNumber(count('dang_thuc_hien'))}` : null,
    count('chua_thuc_hien') > 0 ? `chưa triển khai ${formatNumber(count('chua_thuc_hien'))}` : null,
  ].filter((x): x is string => x !== null);
  const which = statuses.length > 0 ? ` (${statuses.join(', ')})` : '';
  const lines = [
    `Trong ${formatNumber(t.length)} nhiệm vụ, đề án đến hạn hoặc thực hiện thường xuyên, ` +
      (reported === 0
        ? 'chưa có nhiệm vụ nào có báo cáo kết quả trong kỳ'
        : reported === t.length
          ? `cả ${formatNumber(reported)} nhiệm vụ đã có báo cáo kết quả${which}`
          : `${formatNumber(reported)} nhiệm vụ đã có báo cáo kết quả${which}`) +
      ` (chi tiết tại Phụ lục II).` +
      (overdue.length > MAX_OVERDUE_NAMED
        ? ` Có ${formatNumber(overdue.length)} nhiệm vụ, đề án đã quá thời hạn, trong đó:`
        : overdue.length > 0
          ? ` Có ${formatNumber(overdue.length)} nhiệm vụ, đề án đã quá thời hạn:`
          : ''),
  ];
  // No report is its own status, never "chưa hoàn thành": tasks past their deadline with no report are the Sở's own
  // follow-up, listed in kiem-tra.html (build-checklist-model.ts), not in the signed body.
  // The body names the first few; the appendix lists them all.
  for (const x of overdue.slice(0, MAX_OVERDUE_NAMED)) {
    const deadline = x.deadline ? formatShortDate(x.deadline) : (x.deadlineText ?? 'không ghi');
    lines.push(`- ${taskTitle(x)} (chủ trì: ${taskLeadName(ctx, x) ?? 'chưa xác định'}; thời hạn: ${deadline}).`);
  }
  return lines.join('\n');
}

/**
 * Names of the targets in a list inside a signed sentence: all of them when they are few, else the first `max` and
 * "và N chỉ tiêu khác (chi tiết tại Phụ lục I)". Never an ellipsis (review of issue 10, finding 3): a signed text
 * names what it counts or says where the rest is.
 */
export function namesOf(list: Attainment[], max = 6, inParentheses = false): string {
  const names = [...new Set(list.map((a) => inSentence(a.indicatorName)))];
  // One or two more names read better than "và 1 chỉ tiêu khác".
  if (names.length <= max + 2) return names.join('; ');
  const where = inParentheses ? ', chi tiết tại Phụ lục I' : ' (chi tiết tại Phụ lục I)';
  return `${names.slice(0, max).join('; ')} và ${formatNumber(names.length - max)} chỉ tiêu khác${where}`;
}

/** Whether a figure moved the wrong way against the same period last year. */
function fellBehindLastYear(a: Attainment): boolean {
  const change = a.changePoints ?? a.changePct;
  if (change === null || change === undefined || change === 0) return false;
  return a.direction === 'higher' ? change < 0 : change > 0;
}

/** Section II: facts the data proposes for kết quả and hạn chế; nguyên nhân is for staff. */
function assessmentSections(ctx: ReportContext): NarrativeSection[] {
  const all = ctx.attainments;
  const of = (s: AttainmentStatus) => all.filter((a) => a.status === s);
  const good: string[] = [];
  const met = [...of('vuot'), ...of('dat')];
  // Estimates are said as estimates (review finding 12): "ước đạt và vượt" when every figure counted is one.
  const est = (list: Attainment[]) => (list.length > 0 && list.every((a) => a.actualKind === 'estimate') ? 'ước ' : '');
  if (met.length > 0) {
    good.push(
      `${ctx.period.label.charAt(0).toLocaleUpperCase('vi')}${ctx.period.label.slice(1)}, ${formatNumber(met.length)} chỉ tiêu ${est(met)}đạt và vượt kế hoạch` +
        (of('vuot').length > 0 ? `, trong đó ${est(of('vuot'))}vượt kế hoạch: ${namesOf(of('vuot'))}.` : '.'),
    );
  }
  const likely = of('co_kha_nang_dat');
  const goal = (list: Attainment[]) => (list.every((a) => a.judgement === 'outlook') && ctx.kind === 'review' && outlookYears(ctx) ? `mục tiêu đến năm ${outlookYears(ctx)}` : 'kế hoạch');
  if (likely.length > 0) good.push(`Có ${formatNumber(likely.length)} chỉ tiêu có khả năng đạt ${goal(likely)}: ${namesOf(likely)}.`);
  const bad: string[] = [];
  if (of('khong_dat').length > 0) bad.push(`${formatNumber(of('khong_dat').length)} chỉ tiêu ${est(of('khong_dat'))}không đạt kế hoạch (${namesOf(of('khong_dat'), 6, true)})`);
  if (of('kho_dat').length > 0) bad.push(`${formatNumber(of('kho_dat').length)} chỉ tiêu khó đạt ${goal(of('kho_dat'))} (${namesOf(of('kho_dat'), 6, true)})`);
  const behind = all.filter(fellBehindLastYear);
  if (behind.length > 0) bad.push(`${formatNumber(behind.length)} chỉ tiêu kém hơn cùng kỳ (${namesOf(behind, 6, true)})`);
  // Only performance facts (review R1, A2): the counts of targets without a figure or not yet judged are the Sở's own
  // data gaps, in section I's opening and kiem-tra.html, never the province's weaknesses.
  const overdue = ctx.reconciliation.tasks.filter((x) => x.overdue).length;
  if (overdue > 0) bad.push(`${formatNumber(overdue)} nhiệm vụ, đề án quá thời hạn chưa hoàn thành`);
  return [
    { id: 'danh-gia', level: 1, title: 'ĐÁNH GIÁ CHUNG', parts: [] },
    {
      id: 'danh-gia.ket-qua',
      level: 2,
      title: 'Kết quả đạt được',
      parts: good.length > 0 ? [{ kind: 'generated', text: good.join(' ') }] : [],
      prompt: 'những kết quả nổi bật của kỳ, viết từ gợi ý số liệu dưới đây',
    },
    {
      id: 'danh-gia.han-che',
      level: 2,
      title: 'Hạn chế, yếu kém',
      parts: bad.length > 0 ? [{ kind: 'generated', text: `Tuy nhiên, còn ${bad.join('; ')}.` }] : [],
      prompt: 'hạn chế, yếu kém; bắt đầu bằng "Tuy nhiên"',
    },
    { id: 'danh-gia.nguyen-nhan', level: 2, title: 'Nguyên nhân', parts: [], prompt: 'nguyên nhân khách quan và chủ quan của những hạn chế, yếu kém' },
  ];
}

/**
 * The domain a task belongs to, read from its lead agency: the domain most of that agency's targets are in. Null when
 * the agency follows no target (its tasks go in the general line).
 */
function taskDomain(ctx: ReportContext, task: TaskProgress): string | null {
  const leads = new Set([task.leadAsOf, task.lead, ...task.leads.flatMap((l) => [l.code, l.asOf])].filter((x): x is string => !!x));
  const counts = new Map<string, number>();
  for (const a of ctx.attainments) if (a.agency && leads.has(a.agency)) counts.set(a.domain, (counts.get(a.domain) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1] || reportDomainOrder(x[0]) - reportDomainOrder(y[0]))[0]?.[0] ?? null;
}

/**
 * Section III drafted from the data (review R1, B7): one "- " line per domain naming its targets không đạt or khó
 * đạt and counting its unfinished tasks (đang triển khai, chưa triển khai, quá thời hạn), then a line for the tasks
 * no domain claims; staff complete and rewrite it.
 */
function tasksAheadSections(ctx: ReportContext): NarrativeSection[] {
  const short = ctx.attainments.filter((a) => a.status === 'khong_dat' || a.status === 'kho_dat');
  const goalWord = (list: Attainment[]) => (list.every((a) => a.judgement === 'outlook') && ctx.kind === 'review' && outlookYears(ctx) ? `mục tiêu đến năm ${outlookYears(ctx)}` : 'kế hoạch');
  const unfinished = ctx.reconciliation.tasks.filter((x) => x.status === 'dang_thuc_hien' || x.status === 'chua_thuc_hien' || x.overdue);
  const taskDomains = new Map(unfinished.map((x) => [x, taskDomain(ctx, x)]));
  const lines: string[] = [];
  const domains = [...new Set([...short.map((a) => a.domain), ...[...taskDomains.values()].filter((d): d is string => d !== null)])].sort(
    (x, y) => reportDomainOrder(x) - reportDomainOrder(y),
  );
  const tasksPhrase = (list: TaskProgress[]) => {
    const late = list.filter((x) => x.overdue).length;
    return `đẩy nhanh tiến độ ${formatNumber(list.length)} nhiệm vụ, đề án chưa hoàn thành${late > 0 ? `, trong đó ${formatNumber(late)} nhiệm vụ đã quá thời hạn` : ''} (chi tiết tại Phụ lục II)`;
  };
  for (const code of domains) {
    const mine = short.filter((a) => a.domain === code);
    const tasks = unfinished.filter((x) => taskDomains.get(x) === code);
    // Only the words the period's verdicts use (issue 9): a year-end report has "không đạt", never "khó đạt"; a
    // review's khó đạt are of its later targets ("mục tiêu đến năm 2030").
    const notMet = mine.filter((a) => a.status === 'khong_dat');
    // An indicator already named as not met is not named again as hard to reach.
    const hard = mine.filter((a) => a.status === 'kho_dat' && !notMet.some((x) => x.indicator === a.indicator));
    const groups = [
      notMet.length > 0 ? `các chỉ tiêu chưa đạt kế hoạch: ${namesOf(notMet, 6)}` : null,
      hard.length > 0 ? `các chỉ tiêu khó đạt ${goalWord(hard)}: ${namesOf(hard, 6)}` : null,
    ].filter((x): x is string => x !== null);
    const parts = [
      groups.length > 0 ? `tập trung chỉ đạo, có giải pháp cụ thể để thực hiện ${groups.join('; ')}` : null,
      tasks.length > 0 ? tasksPhrase(tasks) : null,
    ].filter((x): x is string => x !== null);
    lines.push(`- ${reportDomainOf(code).title}: ${parts.join('; ')}.`);
  }
  const general = unfinished.filter((x) => taskDomains.get(x) === null);
  if (general.length > 0) lines.push(`- Các nhiệm vụ, đề án khác: ${tasksPhrase(general)}.`);
  // Chasing agencies for figures is the Sở's own follow-up: kiem-tra.html lists them, the report does not (review 10).
  return [
    {
      id: 'nhiem-vu',
      level: 1,
      title: `NHIỆM VỤ, GIẢI PHÁP ${nextPeriodLabel(ctx).toLocaleUpperCase('vi')}`,
      parts: lines.length > 0 ? [{ kind: 'generated', text: lines.join('\n') }] : [],
      prompt: 'nhiệm vụ, giải pháp chủ yếu theo từng lĩnh vực, mỗi ý một dòng bắt đầu bằng "- "',
    },
    { id: 'kien-nghi', level: 1, title: 'KIẾN NGHỊ, ĐỀ XUẤT', parts: [], prompt: 'kiến nghị với Tỉnh ủy, HĐND, UBND tỉnh hoặc các bộ, ngành (bỏ trống nếu không có)' },
  ];
}

/**
 * Builds this run's draft of the narrative. Every figure of the period is told in section I under its sector; the
 * targets without figures are one sentence per domain; internal data checks are not in it (they go to kiem-tra.html).
 */
export function buildNarrativeDraft(ctx: ReportContext): NarrativeDocument {
  return {
    period: ctx.period.id,
    kind: ctx.kind,
    sections: [
      { id: 'mo-dau', level: 1, title: 'Mở đầu (không đánh số)', parts: [{ kind: 'generated', text: buildOpeningText(ctx) }] },
      ...resultsSections(ctx),
      ...assessmentSections(ctx),
      ...tasksAheadSections(ctx),
    ],
  };
}
