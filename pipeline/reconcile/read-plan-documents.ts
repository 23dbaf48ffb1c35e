// Reconcile stage: the plan documents and agency names the report cites, so the report stage reads only the
// Reconciliation (issue 10, item 9).
import type BetterSqlite3 from 'better-sqlite3';
import { prepareQuery } from '../db/prepare-query.ts';
import type { PlanDocument } from './reconciliation.ts';

interface DocumentRow {
  document: string;
  document_kind: string;
  so_ky_hieu: string | null;
  issued_on: string | null;
  issued_year: number | null;
  document_issuer: string | null;
  document_title: string;
}

/**
 * Every plan document (view stg_documents) with its issuer's name, and every agency's name by code (stg_agencies).
 * @returns documents in code order; agency names by code
 */
export function readPlanDocuments(sqlite: BetterSqlite3.Database): { documents: PlanDocument[]; agencyNames: Record<string, string> } {
  const agencyNames: Record<string, string> = {};
  for (const a of prepareQuery<{ agency: string; agency_name: string }>(sqlite, 'select agency, agency_name from stg_agencies order by agency').all()) {
    agencyNames[a.agency] = a.agency_name;
  }
  const documents = prepareQuery<DocumentRow>(
    sqlite,
    'select document, document_kind, so_ky_hieu, issued_on, issued_year, document_issuer, document_title from stg_documents order by document',
  )
    .all()
    .map((d) => ({
      code: d.document,
      kind: d.document_kind,
      number: d.so_ky_hieu || null,
      issuedOn: d.issued_on || null,
      issuedYear: d.issued_year ?? null,
      issuer: d.document_issuer || null,
      issuerName: d.document_issuer ? (agencyNames[d.document_issuer] ?? null) : null,
      title: d.document_title,
    }));
  return { documents, agencyNames };
}
