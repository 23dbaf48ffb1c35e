// Reconcile stage: completeness and timeliness of each agency for a period (who sent what, when, and what is missing).
import type BetterSqlite3 from 'better-sqlite3';
import type { Period } from '../shared/parse-period.ts';
import type { AgencyCompleteness } from './reconciliation.ts';

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

interface LogRow {
  agency: string;
  file_period: string;
  start_date: string;
  end_date: string;
  files: number;
  rejected_files: number;
  first_received_at: string;
  last_received_at: string;
  first_accepted_at: string | null;
}

interface ReportedRow {
  agency: string;
  indicator: string;
  start_date: string;
  end_date: string;
}

/** ISO date `days` after another. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The deadline of a period: its ND 09/2019 cut-off end plus the configured days (2024-H1: 14/6 + 5 = 2024-06-19).
 */
export function periodDeadline(period: Period, daysAfterCutoff: number): string {
  return addDays(period.cutoffEnd, daysAfterCutoff);
}

/**
 * One row per agency that follows a target in scope (expected) or sent a file for the period. An agency that ended
 * before the period's cut-off (the 2025 mergers) is replaced by its successor, and figures sent under the old code
 * count for the successor.
 */
export function assessAgencyCompleteness(
  sqlite: BetterSqlite3.Database,
  period: Period,
  targets: readonly FollowedTarget[],
  options: CompletenessOptions,
): AgencyCompleteness[] {
  const agencies = new Map(
    (sqlite.prepare('select agency, agency_name, valid_to, successor from stg_agencies').all() as AgencyRow[]).map((a) => [a.agency, a]),
  );
  const resolve = (code: string): string => {
    let current = code;
    for (let i = 0; i < 10; i++) {
      const a = agencies.get(current);
      if (!a || !a.successor || !a.valid_to || a.valid_to > period.cutoffEnd) break;
      current = a.successor;
    }
    return current;
  };
  const inPeriod = (start: string, end: string) => start >= period.start && end <= period.end;
  const expected = new Map<string, Set<string>>();
  for (const t of targets) {
    if (!t.agency) continue;
    const code = resolve(t.agency);
    const set = expected.get(code) ?? new Set<string>();
    set.add(t.indicator);
    expected.set(code, set);
  }
  const reported = new Map<string, Set<string>>();
  for (const r of sqlite.prepare('select agency, indicator, start_date, end_date from agency_reported_indicators').all() as ReportedRow[]) {
    // A figure counts for the period when it lies inside it and, except for review windows, reaches its end: a
    // first-half figure does not answer for the year.
    if (!inPeriod(r.start_date, r.end_date) || (period.kind !== 'window' && r.end_date !== period.end)) continue;
    const code = resolve(r.agency);
    const set = reported.get(code) ?? new Set<string>();
    set.add(r.indicator);
    reported.set(code, set);
  }
  const logs = new Map<string, LogRow[]>();
  for (const r of sqlite.prepare('select * from agency_submission_log').all() as LogRow[]) {
    const matches = period.kind === 'window' ? inPeriod(r.start_date, r.end_date) : r.file_period === period.id;
    if (!matches) continue;
    const code = resolve(r.agency);
    logs.set(code, [...(logs.get(code) ?? []), r]);
  }
  const deadline = periodDeadline(period, options.daysAfterCutoff);
  const codes = new Set([...expected.keys(), ...logs.keys()]);
  const rows: AgencyCompleteness[] = [];
  for (const code of codes) {
    const want = expected.get(code) ?? new Set<string>();
    const got = reported.get(code) ?? new Set<string>();
    const received = [...want].filter((i) => got.has(i)).length;
    const log = logs.get(code) ?? [];
    const min = (xs: (string | null)[]) => xs.filter((x): x is string => !!x).sort()[0] ?? null;
    const max = (xs: (string | null)[]) => xs.filter((x): x is string => !!x).sort().at(-1) ?? null;
    const firstAccepted = min(log.map((l) => l.first_accepted_at));
    const late = firstAccepted ? firstAccepted.slice(0, 10) > deadline : options.asOf > deadline;
    const missing = want.size - received;
    const status: AgencyCompleteness['status'] =
      !firstAccepted && received === 0 ? 'chua_nop' : missing > 0 ? 'thieu' : late ? 'nop_muon' : 'du';
    rows.push({
      agency: code,
      agencyName: agencies.get(code)?.agency_name ?? code,
      expected: want.size,
      received,
      missing,
      files: log.reduce((s, l) => s + l.files, 0),
      firstReceivedAt: min(log.map((l) => l.first_received_at)),
      lastReceivedAt: max(log.map((l) => l.last_received_at)),
      deadline,
      status,
      rejectedFiles: log.reduce((s, l) => s + l.rejected_files, 0),
      late,
      submission: status === 'du' ? 'dung_han' : status === 'nop_muon' ? 'muon' : status === 'thieu' ? 'thieu' : log.some((l) => l.files > 0) ? 'khong_hop_le' : 'chua_gui',
      lateDays: late && firstAccepted ? Math.round((Date.parse(firstAccepted.slice(0, 10)) - Date.parse(deadline)) / 86_400_000) : null,
    });
  }
  return rows.sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'vi') || a.agency.localeCompare(b.agency));
}
