// Report stage: the registry names the report sentences quote (plan documents, agencies), read from the database.
import type { OpenDatabase } from '../db/open-database.ts';
import type { ReportDocumentName, ReportRegistryNames } from './report-context.ts';
import { formatShortDate } from './format/format-short-date.ts';

const DOCUMENT_KIND_WORDS: Record<string, string> = { ke_hoach: 'Kế hoạch', nghi_quyet: 'Nghị quyết', chuong_trinh: 'Chương trình' };

/**
 * Reads how each plan document is cited ("Kế hoạch số 434/KH-UBND ngày 22/02/2023 của Ủy ban nhân dân tỉnh Kon Tum")
 * with its trích yếu, and every agency's name by code (the names of the documents' time, as the registry keeps them).
 */
export async function readRegistryNames(database: OpenDatabase): Promise<ReportRegistryNames> {
  const agencyNames: Record<string, string> = {};
  for (const a of await database.db.selectFrom('agencies').select(['code', 'name']).execute()) agencyNames[a.code] = a.name;
  const documents: Record<string, ReportDocumentName> = {};
  for (const d of await database.db.selectFrom('documents').selectAll().execute()) {
    const word = DOCUMENT_KIND_WORDS[d.kind] ?? 'Văn bản';
    const number = d.so_ky_hieu ? ` số ${d.so_ky_hieu}` : '';
    const date = d.issued_on ? ` ngày ${formatShortDate(d.issued_on)}` : d.issued_year && !d.so_ky_hieu ? ` năm ${d.issued_year}` : '';
    const issuer = d.issuer && agencyNames[d.issuer] ? ` của ${agencyNames[d.issuer]}` : '';
    documents[d.code] = { label: `${word}${number}${date}${issuer}`, title: d.title, missingNumber: !d.so_ky_hieu, issued: d.issued_on ?? (d.issued_year ? String(d.issued_year) : undefined) };
  }
  return { documents, agencies: agencyNames };
}
