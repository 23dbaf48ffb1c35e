// Desk: staff confirm what an unknown name means. The alias is taught through the same function as
// `kehoach alias add` (database and seeds/aliases.csv), recorded with who and when, and the files whose rows used the
// name are taken in again from the archive, keeping their arrival time.
import path from 'node:path';
import { addIndicatorAlias } from '../registry/add-indicator-alias.ts';
import type { FileOutcome } from '../intake/ingest.ts';
import { parsePeriod } from '../shared/parse-period.ts';
import type { DeskContext } from './create-desk-context.ts';
import { recordAudit } from './record-audit.ts';
import { takeInFiles } from './take-in-files.ts';

/** Options of `confirmIndicatorName`. */
export interface ConfirmNameOptions {
  period: string;
  /** The name as written. */
  name: string;
  indicator: string;
  /** Teach it for this agency only (else for every agency). */
  agency: string | null;
  /** Staff user name. */
  by: string;
}

/**
 * Teaches the alias and re-reads the affected files of the period.
 * @returns the outcomes of the files read again
 */
export async function confirmIndicatorName(ctx: DeskContext, options: ConfirmNameOptions): Promise<{ alias: string; files: FileOutcome[] }> {
  const period = parsePeriod(options.period);
  return ctx.exclusive(`alias ${options.indicator}`, async () => {
    const taught = addIndicatorAlias(ctx.database, {
      name: options.name,
      indicator: options.indicator,
      agency: options.agency ?? undefined,
      seedsDir: ctx.seedsDir,
      today: ctx.now().toISOString().slice(0, 10),
    });
    const affected = ctx.database.sqlite
      .prepare(
        `select distinct f.id, f.agency_code as agency, f.file_name as fileName, f.stored_path as stored, f.received_at as receivedAt
           from problems p join received_files f on f.id = p.file_id
          where f.period = ? and p.code in ('unknown-indicator', 'ambiguous-indicator') and p.value_text = ?
            and f.agency_code is not null and f.stored_path <> '' ${options.agency ? 'and f.agency_code = ?' : ''}`,
      )
      .all(...[period.id, options.name, ...(options.agency ? [options.agency] : [])]) as {
      id: number;
      agency: string;
      fileName: string;
      stored: string;
      receivedAt: string;
    }[];
    const files = await takeInFiles(ctx.database, {
      period: period.id,
      outDir: ctx.outDir,
      archiveDir: ctx.archiveDir,
      files: affected.map((f) => ({ agency: f.agency, fileName: f.fileName, from: path.join(ctx.archiveDir, f.stored), receivedAt: f.receivedAt })),
    });
    recordAudit(ctx.database.sqlite, {
      actor: options.by,
      action: 'xác nhận tên chỉ tiêu',
      period: period.id,
      agency: options.agency,
      detail: { name: taught.alias, indicator: taught.indicator, scope: taught.agency || 'mọi cơ quan', reread: files.map((f) => f.file) },
    });
    return { alias: taught.alias, files };
  });
}
