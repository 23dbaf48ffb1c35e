// Desk: the audit log. Every change made through the desk is one row: who, when, what, for which period and agency.
import type BetterSqlite3 from 'better-sqlite3';

/** One change, as recorded. */
export interface AuditEntry {
  /** Staff user name, or `đơn vị:<agency code>` for an upload through a link. */
  actor: string;
  /** What was done: sign-in, run, upload, alias, narrative, report, close, reopen, link. */
  action: string;
  period?: string | null;
  agency?: string | null;
  /** Details kept as JSON. */
  detail?: Record<string, unknown>;
  /** @default now */
  at?: string;
}

/** Appends one entry to `desk_audit_log`. */
export function recordAudit(sqlite: BetterSqlite3.Database, entry: AuditEntry): void {
  sqlite
    .prepare('insert into desk_audit_log (at, actor, action, period, agency_code, detail) values (?, ?, ?, ?, ?, ?)')
    .run(entry.at ?? new Date().toISOString(), entry.actor, entry.action, entry.period ?? null, entry.agency ?? null, entry.detail ? JSON.stringify(entry.detail) : null);
}

/** One row of the log as pages list it. */
export interface AuditRow {
  at: string;
  actor: string;
  action: string;
  period: string | null;
  agency: string | null;
  detail: string | null;
}

/** The latest entries, newest first, optionally of one period. */
export function listAudit(sqlite: BetterSqlite3.Database, options: { period?: string; limit?: number } = {}): AuditRow[] {
  const limit = options.limit ?? 50;
  const sql = `select at, actor, action, period, agency_code as agency, detail from desk_audit_log
    ${options.period ? 'where period = ?' : ''} order by id desc limit ${Math.max(1, Math.min(limit, 1000))}`;
  const stmt = sqlite.prepare(sql);
  return (options.period ? stmt.all(options.period) : stmt.all()) as AuditRow[];
}
