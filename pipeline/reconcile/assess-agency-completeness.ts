// Reconcile stage: completeness and timeliness of each agency for a period (who sent what, when, and what is missing).
import type BetterSqlite3 from 'better-sqlite3';
import type { Period } from '../shared/parse-period.ts';
import type { AgencyCompleteness } from './reconciliation.ts';
import { findAgencyOnDate } from '../registry/find-agency-on-date.ts';
import { readTargetRegister } from './read-target-register.ts';
import { isTargetInScope } from './is-target-in-scope.ts';
import { addDays } from '../shared/vietnam-time.ts';

/** What completeness needs of a target in scope. */
export interface FollowedTarget {
  indicator: string;
  agency: string | null;
}

/** Options of {@link assessAgencyCompleteness}. */
export interface CompletenessOptions {
  /** Days after the period's cut-off (ND 09/2019) by which figures are due. @default 5 (configuration) */
  daysAfterCutoff: number;
  /** The date "now" (ISO): an agency with nothing and the deadline past is late. */
  asOf: string;
}

interface AgencyRow {
  agency: string;
  agency_name: string;
  valid_to: string | null;
  successor: string | null;
}


interface ReportedRow {
  agency: string;
  indicator: string;
  start_date: string;
  end_date: string;
  received_on: string;
}

/**
 * The deadline of a period: its ND 09/2019 cut-off end plus the configured days (2024-H1: 14/6 + 5 = 2024-06-19).
 */
export function periodDeadline(period: Period, daysAfterCutoff: number): string {
  return addDays(period.cutoffEnd, daysAfterCutoff);
}

interface FileRow {
  agency: string;
  file_period: string;
  received_at: string;
  received_on: string;
  accepted: number;
  start_date: string;
  end_date: string;
}

/** Whole days from one ISO date to a later one. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The one completeness rule (issue 9, item 6), for `kehoach status` and the report alike: one row per agency that
 * follows a target in scope (expected) or sent a file for the period, read from the marts agency_received_files and
 * agency_reported_indicators. Dates are Vietnam dates; a file received after `asOf` does not count (a report dated
 * 22/12 never lists a file of 23/12). An agency that ended before the period's cut-off (the 2025 mergers) is replaced
 * by its successor (findAgencyOnDate), and figures sent under the old code count for the successor. Statuses:
 * - dung_han: every expected indicator, the first accepted file by the deadline;
 * - muon: every expected indicator, the first accepted file after the deadline (lateDays says by how much);
 * - khong_hop_le: files came, none was accepted (all refused): not "chưa gửi";
 * - thieu: files accepted, some expected indicators missing;
 * - chua_gui: nothing received by the as-of date.
 */
export function assessAgencyCompleteness(
  sqlite: BetterSqlite3.Database,
  period: Period,
  targets: readonly FollowedTarget[],
  options: CompletenessOptions,
): AgencyCompleteness[] {
  const agencies = new Map(
    (sqlite.prepare('select agency, agency_name, valid_to, successor from stg_agencies').all() as AgencyRow[]).map((a) => [
      a.agency,
      { ...a, validTo: a.valid_to },
    ]),
  );
  const resolve = (code: string) => findAgencyOnDate(agencies, code, period.cutoffEnd);
  const inPeriod = (start: string, end: string) => start >= period.start && end <= period.end;
  const expected = new Map<string, Set<string>>();
  for (const t of targets) {
    if (!t.agency) continue;
    const code = resolve(t.agency);
    const set = expected.get(code) ?? new Set<string>();
    set.add(t.indicator);
    expected.set(code, set);
  }
  const files = new Map<string, FileRow[]>();
  // Files of the period that came after the as-of date: they do not count, but the agency is listed (chưa gửi as of
  // that date, with the day its file came), so the report and `kehoach status --as-of` name it alike.
  const arrivedLater = new Map<string, string>();
  for (const f of sqlite.prepare('select * from agency_received_files order by received_at').all() as FileRow[]) {
    const matches = period.kind === 'window' ? inPeriod(f.start_date, f.end_date) : f.file_period === period.id;
    if (!matches) continue;
    const code = resolve(f.agency);
    if (f.received_on > options.asOf) {
      if (!arrivedLater.has(code)) arrivedLater.set(code, f.received_at);
      continue;
    }
    files.set(code, [...(files.get(code) ?? []), f]);
  }
  const reported = new Map<string, Set<string>>();
  const reportedRows = sqlite
    .prepare('select agency, indicator, start_date, end_date, received_on from agency_reported_indicators')
    .all() as ReportedRow[];
  for (const r of reportedRows) {
    // A figure counts for the period when it lies inside it and, except for review windows, reaches its end: a
    // first-half figure does not answer for the year. A figure received after the as-of date does not count.
    if (!inPeriod(r.start_date, r.end_date) || (period.kind !== 'window' && r.end_date !== period.end)) continue;
    if (r.received_on > options.asOf) continue;
    const code = resolve(r.agency);
    const set = reported.get(code) ?? new Set<string>();
    set.add(r.indicator);
    reported.set(code, set);
  }
  const deadline = periodDeadline(period, options.daysAfterCutoff);
  const rows: AgencyCompleteness[] = [];
  for (const code of new Set([...expected.keys(), ...files.keys(), ...arrivedLater.keys()])) {
    const want = expected.get(code) ?? new Set<string>();
    const mine = files.get(code) ?? [];
    const accepted = mine.filter((f) => f.accepted === 1);
    // Only what came with an accepted file by the as-of date counts as received.
    const got = accepted.length > 0 ? (reported.get(code) ?? new Set<string>()) : new Set<string>();
    const received = [...want].filter((i) => got.has(i)).length;
    const missing = want.size - received;
    const firstAccepted = accepted[0]?.received_on ?? null;
    const lateDays = firstAccepted && firstAccepted > deadline ? daysBetween(deadline, firstAccepted) : null;
    const submission: AgencyCompleteness['submission'] =
      mine.length === 0 ? 'chua_gui' : accepted.length === 0 ? 'khong_hop_le' : missing > 0 ? 'thieu' : lateDays !== null ? 'muon' : 'dung_han';
    // Late: the first accepted file after the deadline; with none accepted, the first file; with none, the as-of date.
    const late = firstAccepted ? lateDays !== null : mine[0] ? mine[0].received_on > deadline : options.asOf > deadline;
    rows.push({
      agency: code,
      agencyName: agencies.get(code)?.agency_name ?? code,
      expected: want.size,
      received,
      missing,
      files: mine.length,
      firstReceivedAt: mine[0]?.received_at ?? null,
      lastReceivedAt: mine.at(-1)?.received_at ?? null,
      deadline,
      // The statuses of issue 4, kept for readers of the older field.
      status: submission === 'dung_han' ? 'du' : submission === 'muon' ? 'nop_muon' : submission === 'thieu' ? 'thieu' : 'chua_nop',
      rejectedFiles: mine.length - accepted.length,
      late,
      submission,
      lateDays,
      missingIndicators: [...want].filter((i) => !got.has(i)),
      arrivedAfterAsOf: mine.length === 0 ? (arrivedLater.get(code) ?? null) : null,
    });
  }
  return rows.sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'vi') || a.agency.localeCompare(b.agency));
}

/**
 * The completeness of every agency for a report period, as the report sees it: the targets in scope of the period
 * (isTargetInScope) and the one rule above. `kehoach status` prints this.
 */
export function readAgencyCompleteness(sqlite: BetterSqlite3.Database, period: Period, options: CompletenessOptions): AgencyCompleteness[] {
  const targets = readTargetRegister(sqlite).filter((t) => isTargetInScope(t, period));
  return assessAgencyCompleteness(sqlite, period, targets, options);
}
