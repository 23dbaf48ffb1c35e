// Report stage: turns a Reconciliation and the configuration into the view model of one report: the header from the
// issuer in force on the report date, the narrative (this run's draft merged with what staff wrote) laid out as the
// I. / 1. / a) outline with its charts, the signature, and the appendices.
import type { KehoachConfig } from '../config/config-schema.ts';
import type { AttainmentStatus, Reconciliation } from '../reconcile/reconciliation.ts';
import { formatNumber } from '../shared/format-number.ts';
import { buildAppendices } from './build-appendices.ts';
import { buildChecklistModel } from './build-checklist-model.ts';
import { buildAttainmentChart } from './build-attainment-chart.ts';
import { buildNarrativeDraft } from './build-narrative-draft.ts';
import { lowerFirst } from './format/lower-first.ts';
import { reportSummary } from './build-opening-text.ts';
import { buildTrendChart } from './build-trend-chart.ts';
import { periodPhrase, verdictLabel, withUnit } from './describe-attainment.ts';
import { unjudgedCountPhrases } from './count-period-targets.ts';
import { formatDateLine } from './format/format-date-line.ts';
import { formatVietnameseDate } from './format/format-vietnamese-date.ts';
import { formatReportNumber } from './format/format-report-number.ts';
import { layOutNarrative } from './lay-out-narrative.ts';
import type { NarrativeDocument } from './narrative/narrative-document.ts';
import {
  createReportContext,
  type BuildReportModelOptions as ContextOptions,
  type ReportContext,
} from './report-context.ts';
import type { ReportChart, ReportKind, ReportModel } from './report-model.ts';
import { reportSectorOf } from './report-sectors.ts';

export { assertKindFitsPeriod } from './report-context.ts';

/** Options of `buildReportModel` that override the configuration for one run. */
export interface BuildReportModelOptions extends ContextOptions {
  /**
   * Turns this run's draft narrative into the one printed: the report run merges it with the narrative file
   * (syncNarrativeFile). @default the draft as it is
   */
  resolveNarrative?: (draft: NarrativeDocument) => NarrativeDocument;
  /** The narrative file as the checklist names it. @default "narrative.md" */
  narrativeFileName?: string;
}

const STATUS_COLORS: Record<AttainmentStatus, string> = {
  vuot: '#1f5f3a',
  dat: '#3d8c5c',
  co_kha_nang_dat: '#7fb08f',
  kho_dat: '#d08b2c',
  khong_dat: '#b23a2e',
  chua_co_so_lieu: '#9a9a9a',
  khong_danh_gia: '#c8c8c8',
  danh_gia_ca_nam: '#b0b0b0',
  chua_du_co_so: '#b8b8b8',
};

/** Bars of Biểu đồ 1 in this order; each status's estimate ("Ước đạt") next to its actual. */
const CHART_ORDER: readonly AttainmentStatus[] = ['vuot', 'dat', 'co_kha_nang_dat', 'kho_dat', 'khong_dat'];

/**
 * The verdict chart: judged targets only, each bar labelled with the verdict word the text and Phụ lục I use
 * (verdictLabel: "Ước đạt" for an estimate, review finding 19); the caption gives the rest from the same split as the
 * text (countPeriodTargets).
 */
function verdictChart(ctx: ReportContext): ReportChart | null {
  const split = ctx.counts.period;
  const bars: { label: string; count: number; color: string }[] = [];
  for (const status of CHART_ORDER) {
    const rows = split.judged.filter((a) => a.status === status);
    for (const label of [...new Set(rows.map((a) => verdictLabel(a)))].sort((x, y) => Number(x.startsWith('Ước')) - Number(y.startsWith('Ước')))) {
      bars.push({ label, count: rows.filter((a) => verdictLabel(a) === label).length, color: STATUS_COLORS[status] });
    }
  }
  if (bars.length < 2) return null;
  const left = unjudgedCountPhrases(split, periodPhrase(ctx.period));
  return buildAttainmentChart(
    bars,
    `Biểu đồ 1. Kết quả thực hiện ${formatNumber(split.judged.length)} chỉ tiêu đã có số liệu để đánh giá ${ctx.period.label} (số chỉ tiêu)` +
      (left.length > 0 ? `; không thể hiện trên biểu đồ: ${left.join('; ')}` : ''),
  );
}

/** A review's trend of its key indicator, placed in that indicator's sector: real years, the target over its years. */
function trendChart(ctx: ReportContext): { sectionId: string; chart: ReportChart } | null {
  if (ctx.kind !== 'review') return null;
  const withSeries = ctx.attainments.filter((a) => a.projection && a.projection.points.length >= 2);
  // The indicator of the period's own plan, and the target set for the period the chart covers (a 2021-2030 target is
  // not drawn over 2021-2025: review of issue 10, finding 9).
  const key = withSeries.find((a) => a.targetPeriod === ctx.period.id) ?? withSeries.find((a) => a.targetPeriod === ctx.planWindow) ?? withSeries[0];
  if (!key?.projection) return null;
  const own = ctx.attainments.find((a) => a.indicator === key.indicator && a.targetPeriod === ctx.period.id) ?? key;
  const window = /^(\d{4})-(\d{4})$/.exec(own.targetPeriod);
  const lastYear = Math.max(...key.projection.points.map((p) => p.year));
  const chart = buildTrendChart({
    points: key.projection.points,
    target: own.op === 'range' ? own.hi : own.lo,
    targetYears: window ? [Number(window[1]), Number(window[2])] : null,
    estimateYears: key.actualKind === 'estimate' ? [lastYear] : [],
    targetLabel: `Mục tiêu ${own.targetPeriod}: ${lowerFirst(withUnit(own.expression, own.unit))}`,
    unit: key.unit,
    caption: `Biểu đồ 2. ${key.indicatorName} qua các năm (${key.unit})`,
  });
  const sector = reportSectorOf(key.domain, key.indicator);
  return { sectionId: sector?.id ?? 'ket-qua', chart };
}

/**
 * "(Kèm theo Báo cáo số ....../BC-STC ngày 24 tháng 6 năm 2025 của ...)": the date is the header's (one document, one
 * date; review R2 of issue 10, B10); the number stays blank until the office numbers the report.
 */
function appendixReference(ctx: ReportContext): string {
  const n = ctx.config.report.number;
  const number = n === null ? '......' : String(n).padStart(2, '0');
  const symbol = ctx.style === 'party' ? `-BC/${ctx.symbol}` : `/BC-${ctx.symbol}`;
  return `(Kèm theo Báo cáo số ${number}${symbol} ${formatVietnameseDate(ctx.reportDate)}${ctx.issuerFullName ? ` của ${ctx.issuerFullName}` : ''})`;
}

/**
 * Builds the view model of one report.
 * @param reconciliation the reconcile stage's output for the period
 * @param config the frozen configuration (issuers, report number, style, date, illustrative flag)
 * @param kind six-month (needs a half-year period), annual (a year) or review (a multi-year window)
 * @throws PipelineError('usage') when the period does not fit the kind
 */
export function buildReportModel(
  reconciliation: Reconciliation,
  config: KehoachConfig,
  kind: ReportKind,
  options: BuildReportModelOptions = {},
): ReportModel {
  const ctx = createReportContext(reconciliation, config, kind, options);
  const draft = buildNarrativeDraft(ctx);
  const narrative = options.resolveNarrative ? options.resolveNarrative(draft) : draft;
  const charts = new Map<string, ReportChart[]>();
  const verdict = verdictChart(ctx);
  if (verdict) charts.set('ket-qua', [verdict]);
  const trend = trendChart(ctx);
  if (trend) charts.set(trend.sectionId, [...(charts.get(trend.sectionId) ?? []), trend.chart]);
  const { intro, sections } = layOutNarrative(narrative, charts);
  const summary = reportSummary(ctx);
  const party = ctx.style === 'party' ? ctx.issuer.party : null;
  const signer = party?.signer ?? ctx.issuer.signer;
  return {
    kind,
    style: ctx.style,
    isParty: ctx.style === 'party',
    title: `Báo cáo ${lowerFirst(summary)}`,
    reportDate: ctx.reportDate,
    illustrative: config.report.illustrative,
    header: {
      parentName: party ? party.parentName : ctx.issuer.parentName,
      issuerName: party ? party.name : ctx.issuer.name,
      numberLine: formatReportNumber(config.report.number, ctx.symbol, ctx.style),
      placeDateLine: formatDateLine(ctx.issuer.place, ctx.reportDate),
      docType: 'BÁO CÁO',
      summary,
    },
    intro,
    sections,
    closing: [`Trên đây là báo cáo ${lowerFirst(summary)}${ctx.issuerFullName ? ` của ${ctx.issuerFullName}` : ''}./.`],
    signature: {
      recipients: [...ctx.issuer.recipients.map((r) => `- ${r};`), `- Lưu: VT, ${ctx.issuer.archiveUnit}.`],
      authority: signer.authority,
      position: signer.position,
      name: signer.name,
    },
    appendices: buildAppendices(ctx, appendixReference(ctx)),
    checklist: buildChecklistModel(ctx, narrative, options.narrativeFileName ?? 'narrative.md'),
  };
}
