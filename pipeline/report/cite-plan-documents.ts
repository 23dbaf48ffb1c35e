// Report stage: how the report cites the plan documents it implements, from the Reconciliation's documents (the
// report reads nothing else: issue 10, item 9). One home for the citation and its date style.
import type { PlanDocument, Reconciliation } from '../reconcile/reconciliation.ts';
import { formatShortDate } from './format/format-short-date.ts';

/** How a plan document is cited (seeds/documents.csv, carried by the Reconciliation). */
export interface ReportDocumentName {
  /** "Kế hoạch số 434/KH-UBND ngày 22/02/2023 của Ủy ban nhân dân tỉnh Kon Tum". */
  label: string;
  /** Trích yếu, with dates written out in words ("ngày 15 tháng 5 năm 2023") put in the report's style ("15/5/2023"). */
  title: string;
  /** The document has no số ký hiệu in its source: cited by title and year, and listed in the staff checklist. */
  missingNumber?: boolean;
  /** Ngày ban hành (ISO), else the year, for citing documents in the order they were issued. */
  issued?: string;
}

/** The names the sentences quote: plan documents and agencies by code, all from the Reconciliation. */
export interface ReportNames {
  documents: Readonly<Record<string, ReportDocumentName>>;
  agencies: Readonly<Record<string, string>>;
}

/** The kind of a document as a citation names it (seeds/documents.csv `kind`). */
const DOCUMENT_KIND_WORDS: Record<string, string> = {
  ke_hoach: 'Kế hoạch',
  nghi_quyet: 'Nghị quyết',
  chuong_trinh: 'Chương trình',
  quyet_dinh: 'Quyết định',
  chi_thi: 'Chỉ thị',
  ket_luan: 'Kết luận',
  de_an: 'Đề án',
};

/**
 * Puts the dates a trích yếu writes in words ("ngày 09 tháng 01 năm 2023") in the one date style of the report
 * ("ngày 09/01/2023", NĐ 30/2020 padding: formatShortDate), so one sentence never mixes the two (review finding 14).
 * Every other character of the trích yếu is kept as the source has it.
 */
export function normaliseDatesInText(text: string): string {
  return text.replace(/ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu, (whole, d: string, m: string, y: string) => {
    const day = Number(d);
    const month = Number(m);
    if (day < 1 || day > 31 || month < 1 || month > 12) return whole;
    return `ngày ${formatShortDate(`${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)}`;
  });
}

/** "Kế hoạch số 434/KH-UBND ngày 22/02/2023 của Ủy ban nhân dân tỉnh Kon Tum"; without số: "Nghị quyết năm 2020 của …". */
export function citePlanDocument(d: PlanDocument): ReportDocumentName {
  const word = DOCUMENT_KIND_WORDS[d.kind] ?? 'Văn bản';
  const number = d.number ? ` số ${d.number}` : '';
  const date = d.issuedOn ? ` ngày ${formatShortDate(d.issuedOn)}` : d.issuedYear !== null && !d.number ? ` năm ${d.issuedYear}` : '';
  const issuer = d.issuerName ? ` của ${d.issuerName}` : '';
  return {
    label: `${word}${number}${date}${issuer}`,
    title: normaliseDatesInText(d.title),
    missingNumber: !d.number,
    issued: d.issuedOn ?? (d.issuedYear !== null ? String(d.issuedYear) : undefined),
  };
}

/** Every plan document's citation and every agency's name, read from the Reconciliation only. */
export function citePlanDocuments(reconciliation: Pick<Reconciliation, 'documents' | 'agencyNames'>): ReportNames {
  const documents: Record<string, ReportDocumentName> = {};
  for (const d of reconciliation.documents ?? []) documents[d.code] = citePlanDocument(d);
  return { documents, agencies: { ...(reconciliation.agencyNames ?? {}) } };
}
