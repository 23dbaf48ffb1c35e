// Desk: an upload link is for one agency. A department form carries its agency inside (intake reads it and files the
// figures under that agency), so a form of another agency handed in through this link would change that agency's
// figures. The desk reads the identity first, with intake's own inspection, parser and reader, and keeps such a
// file aside instead.
import { inspectFile } from '../intake/collect/inspect-file.ts';
import type { WorkbookParser } from '../intake/parse/create-workbook-parser.ts';
import { readFormIdentity } from '../intake/read/read-form-sheets.ts';

/**
 * The agency and period a department form names, or null for any other file (and for files intake will refuse).
 * @param withParser the desk's warm workbook parser (`DeskContext.withParser`)
 */
export async function readUploadFormIdentity(
  bytes: Buffer,
  fileName: string,
  withParser: <T>(body: (parser: WorkbookParser) => Promise<T>) => Promise<T>,
): Promise<{ agency: string; period: string } | null> {
  const inspection = inspectFile(bytes, fileName);
  if (inspection.rejectCode || !['xlsx', 'xls', 'ods'].includes(inspection.format)) return null;
  try {
    const identity = readFormIdentity(await withParser((parser) => parser.parse(bytes)));
    return identity ? { agency: identity.agency, period: identity.period } : null;
  } catch {
    // Unreadable: intake refuses it with its reason when it takes the file in.
    return null;
  }
}
