// Reconcile stage entry: from the database (sql/ views) and a report period to the typed Reconciliation the report
// stage reads.
//
// Where each rule lives:
// - SQL (sql/staging, sql/intermediate, sql/marts, sql/checks): renaming and casting; period calendar dates; current
//   submissions; the one figure per indicator and period (followed agency, then actual over estimate, then latest);
//   the gaps between agencies' figures; files and their times per agency; tasks with their reports; the data checks
//   (shares over 100%, ~1000x jumps, parts of a whole over 100%, overdue tasks, unit mismatches).
// - TypeScript (here): scoping targets to the report period, forming each period's value by aggregation
//   (evaluate-target.ts), the geometric mean and the projections (geometric-mean-rate.ts, project-target.ts), the
//   verdicts with the configured tolerances (judge-attainment.ts), deadlines and lateness
//   (assess-agency-completeness.ts): they depend on the report period and the options together, which views cannot
//   take as parameters.
import type { OpenDatabase } from '../db/open-database.ts';
import type { Period } from '../shared/parse-period.ts';
import type { ImplausibleValue, Reconciliation } from './reconciliation.ts';
import { readTargetRegister } from './read-target-register.ts';
import { isTargetInScope } from './is-target-in-scope.ts';
import { readIndicatorSeries } from './read-indicator-series.ts';
import { evaluateTarget } from './evaluate-target.ts';
import { assessAgencyCompleteness } from './assess-agency-completeness.ts';
import { readValueConflicts } from './read-value-conflicts.ts';
import { readTaskProgress } from './read-task-progress.ts';
import { runChecks, type CheckResult } from './run-checks.ts';
import { mergeTargetSources } from './merge-target-sources.ts';
import { chooseReviewKind } from './choose-review-kind.ts';
import { readPlanDocuments } from './read-plan-documents.ts';
import { collectReceivedFigures } from './collect-received-figures.ts';
import { todayInVietnam } from '../shared/vietnam-time.ts';

/** Options of {@link reconcile}: the `evaluation` and `deadlines` parts of the configuration, and the date "now". */
export interface ReconcileOptions {
  /** Tolerance of "khoảng" targets, % of the bound; also the margin beyond a one-sided bound that counts as vượt. @default 5 */
  approxTolerancePct: number;
  /** Gaps between agencies' figures up to this % of the chosen figure are rounding, not a conflict. @default 0.5 */
  conflictTolerancePct: number;
  /** Observed/required progress ratio at or above which a target is "có khả năng đạt" (Open SDG). @default 0.95 */
  likelyRatio: number;
  /** Days after the period's ND 09/2019 cut-off by which agencies must send. @default 5 */
  daysAfterCutoff: number;
  /** The date (ISO) deadlines and lateness are judged at; files received after it do not count. @default today in Vietnam (UTC+7) */
  asOf?: string;
}

/** The implausible values the checks found, as data: the report words them (describe-implausible-value.ts). */
function implausibleFrom(checks: readonly CheckResult[]): ImplausibleValue[] {
  const rows = (name: string) => checks.find((c) => c.name === name)?.rows ?? [];
  const base = (r: Record<string, unknown>) => ({
    indicator: String(r.indicator),
    indicatorName: String(r.indicator_name),
    period: String(r.value_period),
    value: Number(r.value),
    unit: String(r.unit),
    source: String(r.source),
    agency: String(r.agency),
  });
  return [
    ...rows('implausible_share_over_100').map((r) => ({ ...base(r), check: 'implausible_share_over_100' as const, reason: String(r.reason), reference: null })),
    ...rows('implausible_unit_jump').map((r) => ({
      ...base(r),
      check: 'implausible_unit_jump' as const,
      reason: '',
      reference: { value: Number(r.reference_value), period: String(r.reference_period), agency: String(r.reference_agency), kind: String(r.reference_kind) },
    })),
  ];
}

/**
 * Reconciles one report period: every target in scope with the figure used and the verdict, the figures received for
 * the period that no verdict shows (collect-received-figures.ts), agency completeness and timeliness, disagreeing
 * sources, implausible figures, tasks, and the data checks. Figures of files received after `asOf` count nowhere; a
 * figure whose period ends after `asOf` is an estimate (figure-kind-as-of.ts).
 */
export async function reconcile(database: OpenDatabase, period: Period, options: ReconcileOptions): Promise<Reconciliation> {
  const { sqlite } = database;
  const asOf = options.asOf ?? todayInVietnam();
  const register = readTargetRegister(sqlite);
  const targets = register.filter((t) => isTargetInScope(t, period));
  // Every indicator's series: the targets' for the verdicts, the rest for the figures received without a target.
  const series = readIndicatorSeries(sqlite, undefined, asOf);
  const judged = targets.map((t) => evaluateTarget(t, period, series.get(t.indicator) ?? [], { ...options, asOf }));
  const attainments = mergeTargetSources(judged, period.id, new Map(targets.map((t) => [t.target_id, t])));
  const agencies = assessAgencyCompleteness(sqlite, period, targets, { daysAfterCutoff: options.daysAfterCutoff, asOf });
  const conflicts = readValueConflicts(sqlite, period, options.conflictTolerancePct);
  const checks = runChecks(sqlite, { period_start: period.start, period_end: period.end, as_of: asOf });
  const plan = readPlanDocuments(sqlite);
  const receivedFigures = collectReceivedFigures(sqlite, { period, asOf, series, attainments, targets: register, agencyNames: plan.agencyNames });
  const overdue = new Set((checks.find((c) => c.name === 'overdue_tasks')?.rows ?? []).map((r) => String(r.task_id)));
  return {
    period,
    asOf,
    ...chooseReviewKind(period, targets),
    attainments,
    agencies,
    conflicts,
    implausible: implausibleFrom(checks),
    tasks: readTaskProgress(sqlite, period, overdue, { asOf }),
    checks: checks.map((c) => ({ name: c.name, failing: c.rows.length })),
    ...plan,
    receivedFigures,
  };
}
