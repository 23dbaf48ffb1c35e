// Intake stage, store phase: the supersession of an agency's submissions in a period, in one place for intake and for
// reopening a closed period. Submissions form a chain by arrival, each pointing at the next (the last is current);
// supersession is per indicator (issue 11): a later file replaces the figures it carries and keeps the rest, which
// are carried into it with their source. Held submissions (after chốt số liệu) take no part until reopening.
import type BetterSqlite3 from 'better-sqlite3';
import { prepareQuery } from '../../db/prepare-query.ts';

/** One submission's place in the chain, and what it carries of its own. */
export interface ChainLink {
  submissionId: number;
  fileName: string;
  /** Distinct indicators of the submission's own figures. */
  indicators: string[];
}

const keyOf = (r: { indicator_code: string; period: string; kind: string }) => `${r.indicator_code}\u0000${r.period}\u0000${r.kind}`;

/**
 * Re-chains the submissions of one agency and period and rebuilds the carried figures. Call inside the transaction
 * that changed them.
 * @returns the chain, oldest first
 */
export function relinkSubmissions(sqlite: BetterSqlite3.Database, agency: string, period: string): ChainLink[] {
  const subs = prepareQuery<{ id: number; file_name: string }, [string, string]>(
    sqlite,
    `select s.id, f.file_name from submissions s join received_files f on f.id = s.file_id
      where s.agency_code = ? and s.period = ? and s.held = 0 order by s.received_at, s.id`,
  ).all(agency, period);
  const setSuperseded = prepareQuery<never, [number | null, number]>(sqlite, 'update submissions set superseded_by = ? where id = ?');
  for (let i = 0; i < subs.length; i++) setSuperseded.run(subs[i + 1]?.id ?? null, subs[i]!.id);
  prepareQuery<never, [string, string]>(
    sqlite,
    'delete from staged_values where carried_from is not null and submission_id in (select id from submissions where agency_code = ? and period = ?)',
  ).run(agency, period);
  const own = prepareQuery<{ id: number; indicator_code: string; period: string; kind: string }, [number]>(
    sqlite,
    'select id, indicator_code, period, kind from staged_values where submission_id = ? and carried_from is null',
  );
  const carry = prepareQuery<never, [number, number]>(sqlite, `insert into staged_values (submission_id, agency_code, indicator_code, period, kind, value, value_text, unit_text,
      source_file, source_sheet, source_cell, note, carried_from)
    select ?, agency_code, indicator_code, period, kind, value, value_text, unit_text, source_file, source_sheet, source_cell, note, id
      from staged_values where id = ?`);
  const chain: ChainLink[] = [];
  // Key (indicator, period of the figure, kind) -> the own row that holds the figure in force.
  let inForce = new Map<string, number>();
  for (const sub of subs) {
    const rows = own.all(sub.id);
    const next = new Map<string, number>();
    for (const r of rows) next.set(keyOf(r), r.id);
    for (const [key, source] of inForce) {
      if (next.has(key)) continue;
      carry.run(sub.id, source);
      next.set(key, source);
    }
    inForce = next;
    chain.push({ submissionId: sub.id, fileName: sub.file_name, indicators: [...new Set(rows.map((r) => r.indicator_code))] });
  }
  return chain;
}
