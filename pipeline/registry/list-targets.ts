// Registry stage: the targets as the `targets` command and the reports list them.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

/** One target as exported (`kehoach targets --format csv`). */
export interface TargetListing {
  id: string;
  document: string;
  indicator: string;
  indicator_name: string;
  period: string;
  op: string;
  lo: number | null;
  hi: number | null;
  unit: string | null;
  agency: string | null;
  expression: string;
  source_ref: string;
}

/** Lists targets in document order, optionally of one document (by code or số ký hiệu). */
export async function listTargets(db: Kysely<Database>, document?: string): Promise<TargetListing[]> {
  let q = db
    .selectFrom('targets as t')
    .innerJoin('indicators as i', 'i.code', 't.indicator')
    .innerJoin('documents as d', 'd.code', 't.document')
    .select([
      't.id',
      't.document',
      't.indicator',
      'i.name as indicator_name',
      't.period',
      't.op',
      't.lo',
      't.hi',
      't.unit',
      't.agency',
      't.expression',
      't.source_ref',
    ]);
  if (document) q = q.where((eb) => eb.or([eb('d.code', '=', document), eb('d.so_ky_hieu', '=', document)]));
  const rows = await q.execute();
  // Natural order of ids: "KH-434-2023:2" before "KH-434-2023:10".
  return rows.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}
