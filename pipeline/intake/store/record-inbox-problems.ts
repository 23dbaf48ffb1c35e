// Intake stage, store phase: keeps the inbox-level problems of a run (skipped entries, unreadable register lines) so
// summary.json and the feedback list them with the files, whichever run wrote them.
import type BetterSqlite3 from 'better-sqlite3';
import type { InboxProblem } from '../collect/collect-received-files.ts';

/** Records the problems for a period, replacing an earlier row for the same entry and code. */
export function recordInboxProblems(sqlite: BetterSqlite3.Database, period: string, problems: readonly InboxProblem[], recordedAt: string): void {
  const insert = sqlite.prepare(
    `insert into inbox_problems (period, source_path, line, agency_code, code, severity, message, action, recorded_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (period, source_path, line, code) do update set agency_code = excluded.agency_code, severity = excluded.severity,
       message = excluded.message, action = excluded.action, recorded_at = excluded.recorded_at`,
  );
  sqlite.transaction(() => {
    for (const p of problems) insert.run(period, p.source, p.line ?? 0, p.agency, p.code, p.severity, p.message, p.action, recordedAt);
  })();
}
