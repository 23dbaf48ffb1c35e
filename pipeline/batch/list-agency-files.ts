// Batch: the archived files each agency sent for a period, for the report stage to read the agencies' own text
// (readAgencyTexts). The newest copy of each file name per agency; files the intake could not archive are left out.
import path from 'node:path';
import type { OpenDatabase } from '../db/open-database.ts';
import type { AgencyFile } from '../report/narrative/read-agency-texts.ts';

/**
 * Lists the archived files of a period with their agency.
 * @param archiveDir the intake's archive folder; the default is the intake's (an "archive" folder beside the
 *   database, see resolveArchiveDir in intake/ingest.ts)
 */
export function listAgencyFiles(database: OpenDatabase, period: string, archiveDir?: string): AgencyFile[] {
  const dir = archiveDir ?? path.join(path.dirname(database.file), 'archive');
  const rows = database.sqlite
    .prepare(
      `select agency_code as agency, file_name as fileName, stored_path as storedPath
         from received_files
        where period = ? and agency_code is not null and stored_path <> ''
        order by agency_code, file_name, received_at desc, id desc`,
    )
    .all(period) as { agency: string; fileName: string; storedPath: string }[];
  const seen = new Set<string>();
  const files: AgencyFile[] = [];
  for (const r of rows) {
    const key = `${r.agency}\u0000${r.fileName}`;
    if (seen.has(key)) continue;
    seen.add(key);
    files.push({ agency: r.agency, fileName: r.fileName, path: path.join(dir, r.storedPath) });
  }
  return files;
}
