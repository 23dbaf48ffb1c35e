// Batch stage: closing (chốt số liệu) and reopening a period. A closed period keeps the figures of the report
// that was issued; files arriving later are stored and staged but held, and listed, until an explicit reopening.
import os from 'node:os';
import type BetterSqlite3 from 'better-sqlite3';
import { findActiveClosure, type ActiveClosure } from '../db/find-active-closure.ts';
import { relinkSubmissions } from '../intake/store/relink-submissions.ts';
import { PipelineError } from '../shared/pipeline-error.ts';
import type { Period } from '../shared/parse-period.ts';

/** A submission that arrived after the period was closed. */
export interface HeldSubmission {
  submissionId: number;
  agency: string;
  fileName: string;
  receivedAt: string;
}

/** Who does it and why; recorded with the closure. */
export interface ClosureActor {
  /** @default the operating-system user name */
  by?: string;
  note?: string;
  /** @default now */
  at?: string;
}

function actor(by?: string): string {
  return by ?? os.userInfo().username;
}

/** Lists the submissions held because they arrived after the period was closed. */
export function listHeldSubmissions(sqlite: BetterSqlite3.Database, period: Period): HeldSubmission[] {
  return (
    sqlite
      .prepare(
        `select s.id as submissionId, s.agency_code as agency, f.file_name as fileName, s.received_at as receivedAt
         from submissions s join received_files f on f.id = s.file_id
         where s.period = ? and s.held = 1 order by s.received_at, s.id`,
      )
      .all(period.id) as HeldSubmission[]
  );
}

/**
 * Closes a period: from now on the figures of its reports do not change. Refuses a period already closed.
 */
export function closePeriod(sqlite: BetterSqlite3.Database, period: Period, who: ClosureActor = {}): ActiveClosure {
  const existing = findActiveClosure(sqlite, period.id);
  if (existing) {
    throw new PipelineError(
      'period-closed',
      `Kỳ ${period.id} đã được chốt số liệu lúc ${existing.closedAt} (người chốt: ${existing.closedBy}). Muốn sửa số liệu, mở lại kỳ bằng "kehoach close --period ${period.id} --reopen --reason ...".`,
    );
  }
  const at = who.at ?? new Date().toISOString();
  sqlite
    .prepare('insert into period_closures (period, closed_at, closed_by, note) values (?, ?, ?, ?)')
    .run(period.id, at, actor(who.by), who.note ?? null);
  return findActiveClosure(sqlite, period.id)!;
}

/**
 * Reopens a closed period, recording who and why, releases the held submissions and lets the latest submission of
 * each agency supersede the earlier ones again.
 * @returns the submissions that were held and now count
 */
export function reopenPeriod(
  sqlite: BetterSqlite3.Database,
  period: Period,
  reason: string,
  who: ClosureActor = {},
): HeldSubmission[] {
  if (!reason.trim()) {
    throw new PipelineError('usage', 'Mở lại kỳ đã chốt cần ghi rõ lý do (--reason "...").');
  }
  const closure = findActiveClosure(sqlite, period.id);
  if (!closure) throw new PipelineError('usage', `Kỳ ${period.id} chưa chốt số liệu, không cần mở lại.`);
  const released = listHeldSubmissions(sqlite, period);
  const run = sqlite.transaction(() => {
    sqlite
      .prepare('update period_closures set reopened_at = ?, reopened_by = ?, reopen_reason = ? where id = ?')
      .run(who.at ?? new Date().toISOString(), actor(who.by), reason.trim(), closure.id);
    sqlite.prepare('update submissions set held = 0 where period = ? and held = 1').run(period.id);
    // As intake does: the submissions of each agency form a chain by arrival, superseding per indicator.
    const agencies = sqlite.prepare('select distinct agency_code from submissions where period = ?').all(period.id) as { agency_code: string }[];
    for (const { agency_code } of agencies) relinkSubmissions(sqlite, agency_code, period.id);
  });
  run.immediate();
  return released;
}
