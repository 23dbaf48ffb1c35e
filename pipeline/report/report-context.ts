// Report stage: what every part of a report reads, built once per report: the period, the targets in report order,
// the issuer in force on the report date, and the document citations and agency names the sentences quote (from the
// Reconciliation only).
import type { IssuerProfile, KehoachConfig } from '../config/config-schema.ts';
import type { Attainment, Reconciliation, TaskProgress } from '../reconcile/reconciliation.ts';
import type { Period } from '../shared/parse-period.ts';
import type { AgencyText } from './narrative/read-agency-texts.ts';
import { PipelineError } from '../shared/pipeline-error.ts';
import { chooseIssuer } from './choose-issuer.ts';
import { citePlanDocuments, type ReportNames } from './cite-plan-documents.ts';
import { countPeriodTargets, type PeriodTargetCounts } from './count-period-targets.ts';
import type { ReportKind, ReportStyle } from './report-model.ts';
import { reportDomainOrder } from './report-sectors.ts';
import { todayInVietnam } from '../shared/vietnam-time.ts';

/** Options of a report run that override the configuration. */
export interface BuildReportModelOptions {
  /** Document style. @default config.report.style */
  style?: ReportStyle;
  /** Report date (ISO). @default config.report.date, else today in Vietnam */
  date?: string;
  /** Text the agencies sent beside their figures, placed in the draft under their sector. @default none */
  agencyTexts?: readonly AgencyText[];
  /** Checklist lines about the report's date, signer or marking against the period's first report (batch/keep-report-settings.ts). */
  settingsNotes?: readonly string[];
}

/** Everything the parts of one report read. */
export interface ReportContext {
  kind: ReportKind;
  style: ReportStyle;
  period: Period;
  reportDate: string;
  reconciliation: Reconciliation;
  /** Targets sorted by domain (report order), then by target id. */
  attainments: Attainment[];
  /** Plan document citations and agency names, built from the Reconciliation alone (citePlanDocuments). */
  names: ReportNames;
  /** The one split of the targets every count of the report uses (countPeriodTargets). */
  counts: PeriodTargetCounts;
  /** The plan window most targets belong to ("2021-2025"), or null. */
  planWindow: string | null;
  issuer: IssuerProfile;
  /** The issuer in running text ("Sở Tài chính tỉnh Quảng Ngãi"), party or state by style, or null. */
  issuerFullName: string | null;
  /** Ký hiệu of the issuer in the number line ("STC"). */
  symbol: string;
  config: KehoachConfig;
  /** Text the agencies sent beside their figures. */
  agencyTexts: readonly AgencyText[];
  /** Checklist lines about the date, signer or marking against the period's first report. */
  settingsNotes: readonly string[];
  /** An agency's name by code, as of the period (registry, else the reconciliation, else the code). */
  agencyName(code: string): string;
}

const KIND_PERIOD: Record<ReportKind, Period['kind']> = { 'six-month': 'half', annual: 'year', review: 'window' };
const KIND_NAME: Record<ReportKind, string> = { 'six-month': '6 tháng', annual: 'năm', review: 'sơ kết, tổng kết' };

/**
 * Checks that a report kind can be written for a period: six-month needs a half year, annual a year, review a
 * multi-year window.
 * @throws PipelineError('usage') naming the period form the kind needs
 */
export function assertKindFitsPeriod(kind: ReportKind, period: Period): void {
  if (KIND_PERIOD[kind] === period.kind) return;
  // The example is the asked period's own year, not a fixed one: "kỳ 6 tháng (2025-H1 hoặc 2025-H2)" for "2025".
  const y = period.endYear;
  const want = { half: `6 tháng (${y}-H1 hoặc ${y}-H2)`, year: `năm (${y})`, window: `giai đoạn (${y - 4}-${y})`, quarter: 'quý' }[KIND_PERIOD[kind]];
  throw new PipelineError('usage', `Báo cáo ${KIND_NAME[kind]} cần kỳ ${want}; kỳ "${period.id}" không phù hợp.`);
}

/** The lead agency of a task as of the report date (successor links, from reconcile), else as the document names it. */
export function taskLeadName(ctx: ReportContext, task: TaskProgress): string | null {
  if (task.leadName) return task.leadName;
  const code = task.leadAsOf ?? task.lead;
  return code ? ctx.agencyName(code) : null;
}

/**
 * The targets section I tells by sector and counts: in a tổng kết, those of the window (final verdicts), the ones
 * ending later (2030) being its outlook, told apart (issue 9); otherwise all of them.
 */
export function toldAttainments(ctx: Pick<ReportContext, 'counts'>): Attainment[] {
  return ctx.counts.period.all;
}

/** The plan window most targets of the report belong to ("2021-2025"), for the title of a review. */
function mainPlanWindow(attainments: Attainment[]): string | null {
  const counts = new Map<string, number>();
  for (const a of attainments) if (/^\d{4}-\d{4}$/.test(a.targetPeriod)) counts.set(a.targetPeriod, (counts.get(a.targetPeriod) ?? 0) + 1);
  let best: string | null = null;
  for (const [k, n] of [...counts].sort((x, y) => x[0].localeCompare(y[0]))) if (best === null || n > counts.get(best)!) best = k;
  return best;
}

/**
 * Builds the context of one report.
 * @throws PipelineError('usage') when the period does not fit the kind; PipelineError('config') when no issuer is
 * in force on the report date
 */
export function createReportContext(
  reconciliation: Reconciliation,
  config: KehoachConfig,
  kind: ReportKind,
  options: BuildReportModelOptions = {},
): ReportContext {
  const period = reconciliation.period;
  const names = citePlanDocuments(reconciliation);
  assertKindFitsPeriod(kind, period);
  const style = options.style ?? config.report.style;
  const reportDate = options.date ?? config.report.date ?? todayInVietnam();
  // Today's issuer signs; the period's own agency names come from the data (CONVENTIONS-VN, agencies change).
  const issuer = chooseIssuer(config.issuers, reportDate);
  const party = style === 'party' ? issuer.party : null;
  const attainments = [...reconciliation.attainments].sort(
    (a, b) =>
      reportDomainOrder(a.domain) - reportDomainOrder(b.domain) ||
      a.domain.localeCompare(b.domain) ||
      a.targetId.localeCompare(b.targetId, 'en', { numeric: true }),
  );
  return {
    kind,
    style,
    period,
    reportDate,
    reconciliation,
    attainments,
    counts: countPeriodTargets(attainments),
    names,
    planWindow: reconciliation.planWindow ?? mainPlanWindow(reconciliation.attainments),
    issuer,
    issuerFullName: party ? party.fullName : issuer.fullName,
    symbol: party?.symbol ?? issuer.symbol,
    config,
    agencyTexts: options.agencyTexts ?? [],
    settingsNotes: options.settingsNotes ?? [],
    agencyName: (code) => names.agencies[code] ?? reconciliation.agencies.find((a) => a.agency === code)?.agencyName ?? code,
  };
}
