// Reconcile stage: each task with the latest progress reported on it in the period (mart task_progress), and the
// latest earlier report apart.
import type BetterSqlite3 from 'better-sqlite3';
import type { Period } from '../shared/parse-period.ts';
import type { TaskLead, TaskProgress, TaskSetAside } from './reconciliation.ts';
import { findAgencyOnDate } from '../registry/find-agency-on-date.ts';
import { findReportingChannel } from '../registry/find-reporting-channel.ts';
import { addDays, toVietnamDate } from '../shared/vietnam-time.ts';

interface Row {
  task_id: string;
  document: string;
  task_kind: 'nhiem_vu' | 'de_an';
  title: string;
  lead: string | null;
  deadline_text: string | null;
  deadline: string | null;
  recurring: number;
  task_report_id: number | null;
  report_period: string | null;
  report_end_date: string | null;
  received_at: string | null;
  task_status: TaskProgress['status'];
  progress_text: string | null;
  source: string | null;
}

/** Options of {@link readTaskProgress}. */
export interface TaskProgressOptions {
  /** The report date (ISO): lead agencies are named as they are on it (successor links). @default the period's end */
  asOf?: string;
}

/** The last day a document is in force for: the end of its last target period, or its last task deadline. */
function documentHorizons(sqlite: BetterSqlite3.Database): Map<string, string> {
  const rows = sqlite
    .prepare(
      `select document, max(end_date) as horizon from (
         select document, end_date from target_register
         union all select document, deadline as end_date from stg_tasks where deadline is not null
       ) group by document`,
    )
    .all() as { document: string; horizon: string }[];
  return new Map(rows.map((r) => [r.document, r.horizon]));
}

/** Words for a lead that ceased before the report date with no successor in the registry (review finding 4). */
export const SUCCESSOR_UNKNOWN = 'cơ quan kế thừa chưa xác định';

interface RegistryAgency {
  name: string;
  validTo: string | null;
  successor: string | null;
  kind: string;
  parent: string | null;
}

/**
 * Whether the report leaves a task to staff (review of issue 10, finding 6): every lead the document names reports
 * through a channel other than the UBND's (findReportingChannel: Party organs, HĐND, court and procuracy, Mặt trận and
 * đoàn thể, central bodies), or no lead is known on the report date (none named, or all ceased with no successor).
 * A task with at least one lead in the Sở's channel stays in the report.
 */
function setAsideOf(codes: readonly string[], leadText: string | null, leads: readonly TaskLead[], agencies: ReadonlyMap<string, RegistryAgency>): TaskSetAside | undefined {
  if (codes.length === 0) return leadText?.trim() ? undefined : { reason: 'lead_unknown', channels: [] };
  const channels = codes.map((c) => findReportingChannel(agencies, c));
  if (channels.every((c) => c !== 'ubnd')) return { reason: 'outside_channel', channels };
  if (leads.every((l) => l.successorUnknown && l.name === null)) return { reason: 'lead_unknown', channels };
  return undefined;
}

/**
 * Every lead of a task as of `asOf`, in the document's order, each through its successor links
 * (findAgencyOnDate); an agency that ceased before the report period began with no successor is flagged, not named.
 * One that ceased inside the period (the district UBNDs on 01/7/2025, in the 2025 annual report and the 2021-2025
 * review) led the task for part of it and is named (review R3 of issue 10: dropping it rewrote who was responsible).
 */
function leadsAsOf(codes: readonly string[], agencies: ReadonlyMap<string, RegistryAgency>, asOf: string, periodStart: string): TaskLead[] {
  const leads: TaskLead[] = [];
  for (const code of codes) {
    const current = agencies.has(code) ? findAgencyOnDate(agencies, code, asOf) : code;
    const a = agencies.get(current);
    const ceased = !!a?.validTo && a.validTo <= asOf;
    if (leads.some((l) => l.asOf === current)) continue;
    // Ceased inside the period: named, with the last day it existed (the report words it); before it: unknown.
    const inPeriod = ceased && a!.validTo! > periodStart;
    leads.push({
      code,
      asOf: current,
      name: !ceased || inPeriod ? (a?.name ?? null) : null,
      successorUnknown: ceased,
      ...(inPeriod ? { lastDay: addDays(a!.validTo!, -1) } : {}),
    });
  }
  return leads;
}

/**
 * Whether a task report speaks of the report period (review R2, A5): its period ends inside the report period. A task
 * report tells the task's state at the end of its own period, so in the annual report of 2025 both the 2025-H1 and the
 * 2025 reports count (the later one wins), in the six-month report of 2025-H1 the 2025 report (the state on 31/12) does
 * not, in 2025-H2 it does, and in 2026 neither does: an earlier report is only ever carried as `earlierReport`.
 */
function reportedIn(reportEnd: string, period: Period): boolean {
  return reportEnd >= period.start && reportEnd <= period.end;
}

/**
 * Lists the tasks in scope of a report period (issue 9, item 7) with their latest report for the period (one whose
 * period ends inside it, received by the report date: see reportedIn), else with no status and the latest report of
 * an earlier period as `earlierReport` (review R2, A5: a 2026 report never counts a 2025 report as made in 2026).
 * In scope are the tasks of plans still in force in the period (a plan's horizon is the end of its last target
 * period or task deadline, so the tasks of 15-NQ/TU for the second half of 2022 are not in a 2025 report) that are
 * due in or before the period, recurring ("thường xuyên") or open-ended, and not reported done before the period began.
 * Every lead agency is named as of the report date: Sở Kế hoạch và Đầu tư's tasks are Sở Tài chính's after 01/3/2025;
 * one that ceased with no successor known reads SUCCESSOR_UNKNOWN. A task past its deadline is `overdue` ("quá thời
 * hạn chưa hoàn thành") only when a report says it is not done; with no report it is `overdueUnreported`. A task led
 * only outside the Sở's reporting channel, or with no lead known, carries `setAside` (reconcile lists it apart).
 * @param overdue ids of the tasks the overdue_tasks check returned (deadline passed, not reported done)
 */
export function readTaskProgress(sqlite: BetterSqlite3.Database, period: Period, overdue: ReadonlySet<string>, options: TaskProgressOptions = {}): TaskProgress[] {
  const asOf = options.asOf ?? period.end;
  const agencies = new Map(
    (
      sqlite.prepare('select agency, agency_name, agency_kind, parent_agency, valid_to, successor from stg_agencies').all() as {
        agency: string;
        agency_name: string;
        agency_kind: string;
        parent_agency: string | null;
        valid_to: string | null;
        successor: string | null;
      }[]
    ).map((a) => [a.agency, { name: a.agency_name, validTo: a.valid_to, successor: a.successor, kind: a.agency_kind, parent: a.parent_agency }]),
  );
  const horizons = documentHorizons(sqlite);
  const doneBefore = new Set(
    (sqlite
      .prepare("select distinct task_id from task_progress where task_status = 'hoan_thanh' and report_end_date < ?")
      .all(period.start) as { task_id: string }[]).map((r) => r.task_id),
  );
  const leadAsOf = (code: string | null) => (code && agencies.has(code) ? findAgencyOnDate(agencies, code, asOf) : code);
  const leadCodes = new Map<string, string[]>();
  for (const l of sqlite.prepare("select task_id, agency from stg_task_agencies where role = 'lead' order by position").all() as { task_id: string; agency: string }[]) {
    leadCodes.set(l.task_id, [...(leadCodes.get(l.task_id) ?? []), l.agency]);
  }
  const inScope = (r: Row) =>
    (horizons.get(r.document) ?? '9999-12-31') >= period.start &&
    (r.recurring === 1 || r.deadline === null || r.deadline <= period.end) &&
    !doneBefore.has(r.task_id);
  const rows = sqlite
    .prepare('select * from task_progress order by task_id, report_end_date desc, received_at desc, task_report_id desc')
    .all() as Row[];
  const byTask = new Map<string, Row[]>();
  for (const r of rows) if (inScope(r)) byTask.set(r.task_id, [...(byTask.get(r.task_id) ?? []), r]);
  // A report received after the report date does not count (review finding 1), as figures do not.
  const received = (r: Row) => r.task_report_id !== null && r.report_end_date !== null && (r.received_at === null || (toVietnamDate(r.received_at) ?? r.received_at) <= asOf);
  const said = (r: Row) => r.task_status !== null || r.progress_text !== null;
  const tasks: TaskProgress[] = [];
  for (const [, taskRows] of byTask) {
    const r = taskRows[0]!;
    const latest = (rs: Row[]) => rs.find(said) ?? rs[0];
    const own = latest(taskRows.filter((x) => received(x) && reportedIn(x.report_end_date!, period)));
    const earlier = own ? undefined : latest(taskRows.filter((x) => received(x) && x.report_end_date! < period.start));
    const codes = leadCodes.get(r.task_id) ?? [];
    const leads = leadsAsOf(codes, agencies, asOf, period.start);
    const first = codes[0] ?? r.lead;
    const status = own?.task_status ?? null;
    tasks.push({
      taskId: r.task_id,
      document: r.document,
      kind: r.task_kind,
      title: r.title,
      lead: first,
      leadAsOf: leads[0]?.asOf ?? leadAsOf(first),
      leadName: leads.length > 0 ? [...new Set(leads.map((l) => l.name ?? SUCCESSOR_UNKNOWN))].join(', ') : first ? (agencies.get(leadAsOf(first)!)?.name ?? null) : null,
      leads,
      deadlineText: r.deadline_text,
      deadline: r.deadline,
      recurring: r.recurring === 1,
      status,
      progressText: own?.progress_text ?? null,
      source: own?.source ?? null,
      ...(own ? { reportedPeriod: own.report_period! } : {}),
      ...(earlier ? { earlierReport: { period: earlier.report_period!, status: earlier.task_status, progressText: earlier.progress_text, source: earlier.source } } : {}),
      overdue: overdue.has(r.task_id) && status !== null,
      overdueUnreported: overdue.has(r.task_id) && status === null,
      setAside: setAsideOf(codes, r.lead, leads, agencies),
    });
  }
  return tasks.sort((a, b) => a.taskId.localeCompare(b.taskId, 'en', { numeric: true }));
}
