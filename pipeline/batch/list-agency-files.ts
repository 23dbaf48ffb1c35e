// Batch: the archived files each agency sent for a period, for the report stage to read the agencies' own text
// (readAgencyTexts). The newest copy of each file name per agency; files the intake could not archive are left out.
import fs from 'node:fs';
import path from 'node:path';
import type { OpenDatabase } from '../db/open-database.ts';
import { readArchiveDirs } from '../intake/ingest.ts';
import type { AgencyFile } from '../report/narrative/read-agency-texts.ts';

/**
 * Lists the archived files of a period with their agency. Each file is looked for where the intake stored it: the
 * folder given, then the archive folders every ingest recorded in meta (`kehoach ingest --archive DIR`, the demo's
 * demo-archive), then the default "archive" folder beside the database. The archived name is the file's content
 * hash, so the first folder that holds it holds this very file. A file found nowhere keeps the first candidate
 * path: readAgencyTexts then reports it by agency and file name.
 * @param archiveDir an archive folder to try first (the run's own --archive)
 */
export function listAgencyFiles(database: OpenDatabase, period: string, archiveDir?: string): AgencyFile[] {
  const fallback = database.file === ':memory:' ? [] : [path.join(path.dirname(database.file), 'archive')];
  const dirs = [...new Set([...(archiveDir ? [path.resolve(archiveDir)] : []), ...readArchiveDirs(database), ...fallback])];
  const rows = database.sqlite
    .prepare(
      `select f.agency_code as agency, coalesce(a.name, f.agency_code) as agencyName, f.file_name as fileName, f.stored_path as storedPath
         from received_files f left join agencies a on a.code = f.agency_code
        where f.period = ? and f.agency_code is not null and f.stored_path <> ''
        order by f.agency_code, f.file_name, f.received_at desc, f.id desc`,
    )
    .all(period) as { agency: string; agencyName: string; fileName: string; storedPath: string }[];
  const seen = new Set<string>();
  const files: AgencyFile[] = [];
  for (const r of rows) {
    const key = `${r.agency}\u0000${r.fileName}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const candidates = dirs.map((d) => path.join(d, r.storedPath));
    const found = candidates.find((c) => fs.existsSync(c)) ?? candidates[0] ?? r.storedPath;
    files.push({ agency: r.agency, agencyName: r.agencyName, fileName: r.fileName, path: found });
  }
  return files;
}
