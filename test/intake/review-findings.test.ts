// The shapes a fresh review of issue 12 found landing wrong (make-review-files.ts), read against the real registry:
// each figure lands right or is refused with its cell, never lands wrong in silence.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../pipeline/db/open-database.ts';
import { ingest, type IngestResult } from '../../pipeline/intake/ingest.ts';
import { ensureSeeded } from '../../pipeline/registry/ensure-seeded.ts';
import { buildIntakeSummary, writeIntakeFeedback } from '../../pipeline/intake/feedback/write-intake-feedback.ts';
import * as XLSX from 'xlsx';
import { FIXTURES } from './open-test-database.ts';

let database: OpenDatabase;
let dir: string;
let result: IngestResult;

beforeAll(async () => {
  database = openDatabase({ file: ':memory:' });
  ensureSeeded(database.sqlite);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-review12-'));
  result = await ingest(database, { period: '2024-H1', inbox: path.join(FIXTURES, 'review12'), archiveDir: path.join(dir, 'a') });
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const valuesOf = (file: string) =>
  (
    database.sqlite
      // Distinct: a later file of the agency carries its earlier figures forward (issue 11), with their source.
      .prepare(`select distinct indicator_code, period, kind, value, source_cell from staged_values where source_file = ? order by id`)
      .all(file) as { indicator_code: string; period: string; kind: string; value: number; source_cell: string }[]
  ).map((v) => `${v.indicator_code} ${v.period} ${v.kind} ${v.value} @${v.source_cell}`);
const problemsOf = (file: string) => result.files.find((f) => f.file === file)!.problems.filter((p) => p.code !== 'indicator-not-followed');

describe('review findings of issue 12', () => {
  it('does not drop a bracket that changes the measure: the row is a suggestion, not data', () => {
    const values = valuesOf('bracket-meaning.xlsx');
    expect(values.filter((v) => /@D[234] /.test(`${v} `))).toEqual([]);
    const confirm = problemsOf('bracket-meaning.xlsx').filter((p) => p.code === 'needs-confirmation');
    expect(confirm.map((p) => p.cell).sort()).toEqual(['B2', 'B3', 'B4']);
    expect(confirm.find((p) => p.cell === 'B2')!.message).toContain('không kể tiền sử dụng đất');
    expect(confirm.find((p) => p.cell === 'B2')!.suggestedIndicator).toBe('thu-nsnn');
  });

  it('takes "(kế hoạch)" as the figure kind and drops a harmless "(lũy kế)"', () => {
    const values = valuesOf('bracket-meaning.xlsx');
    expect(values).toContain('ty-le-do-thi-hoa 2024-H1 plan 39 @D5');
    expect(values).toContain('ty-le-che-phu-rung 2024-H1 actual 63.7 @D6');
    expect(values.some((v) => v.startsWith('ty-le-do-thi-hoa 2024-H1 actual'))).toBe(false);
  });

  it('treats a row of height 0 as hidden', () => {
    expect(valuesOf('row-height0.xlsx')).toEqual(['ty-le-do-thi-hoa 2024-H1 actual 38.2 @D2']);
    const hidden = problemsOf('row-height0.xlsx').find((p) => p.code === 'hidden-content');
    expect(hidden?.message).toMatch(/3/);
  });

  it('refuses a figure under a title that names other periods than the one taken in', () => {
    expect(valuesOf('title-other-period.xlsx')).toEqual([]);
    const p = problemsOf('title-other-period.xlsx').find((q) => q.code === 'wrong-period');
    expect(p).toBeDefined();
    expect(p!.message).toContain('2025');
  });

  it('refuses "1.520" once a refused "38.250" % shows the file is in the English style', () => {
    expect(valuesOf('ambiguous-dots.csv')).toEqual([]);
    const p = problemsOf('ambiguous-dots.csv').find((q) => q.code === 'ambiguous-number');
    expect(p?.cell).toBe('D2');
    expect(p?.message).toContain('38.250');
  });

  it('refuses an accountant’s "(47,5)" with its cell instead of storing -47.5', () => {
    expect(valuesOf('accounting-negative.xlsx')).toEqual(['ty-le-do-thi-hoa 2024-H1 actual 38.2 @D3']);
    expect(problemsOf('accounting-negative.xlsx').find((q) => q.code === 'ambiguous-number')?.cell).toBe('D2');
  });
});

describe('a replaced file whose error the newer file does not make good', () => {
  it('still tells the agency of the formula without its result in D2', async () => {
    const db = openDatabase({ file: ':memory:' });
    ensureSeeded(db.sqlite);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-review12b-'));
    try {
      await ingest(db, { period: '2024-H1', inbox: path.join(FIXTURES, 'review12-replaced'), archiveDir: path.join(out, 'a') });
      const older = buildIntakeSummary(db, '2024-H1').files.find((f) => f.file === 'bao-cao-lan-1.xlsx')!;
      expect(older.superseded).toBe(true);
      const d2 = older.problems.find((p) => p.cell === 'D2')!;
      expect(d2.code).toBe('formula-no-cached-value');
      expect(d2.still_open).toBe(true);
      const written = await writeIntakeFeedback(db, { period: '2024-H1', outDir: out });
      const sheet = XLSX.read(fs.readFileSync(written.find((f) => f.endsWith('.xlsx') && f.includes('phan-hoi'))!)).Sheets['Phản hồi']!;
      const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 }).map((r) => r.join(' | '));
      expect(rows.some((r) => r.includes('bao-cao-lan-1.xlsx') && r.includes('D2'))).toBe(true);
    } finally {
      await db.close();
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
