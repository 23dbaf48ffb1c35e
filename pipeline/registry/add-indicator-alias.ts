// Registry stage: teaches the registry a name an agency writes for an indicator, in the database now and in
// seeds/aliases.csv so it survives a re-seed and reaches every copy of the project.
import fs from 'node:fs';
import path from 'node:path';
import type { OpenDatabase } from '../db/open-database.ts';
import { PROJECT_PATHS } from '../shared/project-paths.ts';
import { PipelineError } from '../shared/pipeline-error.ts';
import { toPlainCsv } from '../shared/to-csv.ts';
import { toMatchKey } from '../shared/to-match-key.ts';
import { todayInVietnam } from '../shared/vietnam-time.ts';

/** Options of `addIndicatorAlias`. */
export interface AliasOptions {
  /** The name as agencies write it. */
  name: string;
  /** Indicator code. */
  indicator: string;
  /** Only for this agency: its code (the CLI resolves a Vietnamese name to the code first). @default every agency */
  agency?: string;
  /** Folder holding aliases.csv. @default seeds/ */
  seedsDir?: string;
  /** Date recorded in added_on (ISO). @default today */
  today?: string;
  /** Who taught it and how, recorded in source_ref (the desk: "bàn làm việc: <user> <time>"). @default `kehoach alias add` */
  sourceRef?: string;
}

const HEADER = 'alias,indicator,agency,added_on,source_ref\n';

/** Adds (or re-points) an alias; returns the row as written to aliases.csv. */
export function addIndicatorAlias(database: OpenDatabase, options: AliasOptions): { alias: string; indicator: string; agency: string } {
  const alias = options.name.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!alias) throw new PipelineError('usage', '--name không được để trống.');
  const known = (table: 'indicators' | 'agencies', code: string) =>
    database.sqlite.prepare(`select 1 from ${table} where code = ?`).get(code) !== undefined;
  if (!known('indicators', options.indicator)) {
    throw new PipelineError('usage', `Không có chỉ tiêu mã "${options.indicator}" (xem mã bằng: kehoach targets).`);
  }
  let agency = '';
  if (options.agency) {
    if (!known('agencies', options.agency)) throw new PipelineError('usage', `Không có cơ quan mã "${options.agency}".`);
    agency = options.agency;
  }
  const today = options.today ?? todayInVietnam();
  const sourceRef = options.sourceRef ?? 'kehoach alias add';
  const file = path.join(options.seedsDir ?? PROJECT_PATHS.seeds, 'aliases.csv');
  const line = toPlainCsv(['alias', 'indicator', 'agency', 'added_on', 'source_ref'], [{ alias, indicator: options.indicator, agency, added_on: today, source_ref: sourceRef }])
    .split('\n')[1]!;
  const run = database.sqlite.transaction(() => {
    database.sqlite
      .prepare(
        `insert into indicator_aliases (alias_key, alias, indicator, agency, added_on, source_ref) values (?, ?, ?, ?, ?, ?)
         on conflict (alias_key, agency) do update set alias = excluded.alias, indicator = excluded.indicator, added_on = excluded.added_on,
           source_ref = excluded.source_ref`,
      )
      .run(toMatchKey(alias), alias, options.indicator, agency, today, sourceRef);
    const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const text = existing === '' ? HEADER : existing.endsWith('\n') ? existing : `${existing}\n`;
    fs.writeFileSync(file, `${text}${line}\n`);
  });
  run.immediate();
  return { alias, indicator: options.indicator, agency };
}
