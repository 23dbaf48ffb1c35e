// Registry stage: reads seeds/thesaurus.csv (the field's abbreviations, synonyms, aggregation words and spelling
// variants, reviewed data) into a Thesaurus. Plan import and the intake matcher read it through here.
import fs from 'node:fs';
import path from 'node:path';
import { fromProjectRoot } from '../db/project-root.ts';
import { PipelineError } from '../shared/pipeline-error.ts';
import { readCsvFile } from '../shared/read-csv-file.ts';
import { createThesaurus, THESAURUS_KINDS, type Thesaurus, type ThesaurusKind, type ThesaurusRule } from './create-thesaurus.ts';

/** Columns of seeds/thesaurus.csv. */
export const THESAURUS_COLUMNS = ['term', 'means', 'kind', 'note', 'source_ref'] as const;

const cache = new Map<string, { mtimeMs: number; thesaurus: Thesaurus }>();

/**
 * Reads and checks a thesaurus CSV: `kind` one of spelling, synonym, abbreviation, aggregation; `term` and
 * `source_ref` filled; `means` filled except for aggregation words. Read once per file and modification time.
 * @param file @default seeds/thesaurus.csv of the repository
 * @throws PipelineError('seed') naming the file, line and column of every row it refuses
 */
export function loadThesaurus(file: string = fromProjectRoot('seeds', 'thesaurus.csv')): Thesaurus {
  const absolute = path.resolve(file);
  const mtimeMs = fs.statSync(absolute).mtimeMs;
  const cached = cache.get(absolute);
  if (cached && cached.mtimeMs === mtimeMs) return cached.thesaurus;
  const problems: string[] = [];
  const rules: ThesaurusRule[] = [];
  const name = path.basename(absolute);
  for (const rec of readCsvFile(absolute, THESAURUS_COLUMNS)) {
    const f = rec.fields;
    const kind = f.kind ?? '';
    const at = (column: string, message: string) => problems.push(`${name}, dòng ${rec.line}, cột ${column}: ${message}`);
    if (!(THESAURUS_KINDS as readonly string[]).includes(kind)) at('kind', `giá trị "${kind}" không thuộc ${THESAURUS_KINDS.join(', ')}`);
    if (!f.term) at('term', 'bỏ trống');
    if (!f.source_ref) at('source_ref', 'bỏ trống');
    if (kind === 'aggregation' ? f.means !== '' : !f.means) {
      at('means', kind === 'aggregation' ? 'từ chỉ cách tính (aggregation) để trống cột means' : 'bỏ trống');
    }
    rules.push({ term: f.term ?? '', means: f.means ?? '', kind: kind as ThesaurusKind, sourceRef: f.source_ref ?? '', line: rec.line });
  }
  if (problems.length > 0) {
    throw new PipelineError('seed', `Tệp ${name} có ${problems.length} dòng không hợp lệ:\n  ${problems.join('\n  ')}`);
  }
  const thesaurus = createThesaurus(rules);
  cache.set(absolute, { mtimeMs, thesaurus });
  return thesaurus;
}
