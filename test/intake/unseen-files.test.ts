// Five agency files in shapes the intake had never been shown (make-unseen-files.ts), read against the real registry
// (seeds/): every figure a clerk reads at a glance lands, in the right period, with the cell it came from.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../pipeline/db/open-database.ts';
import { ingest, type IngestResult } from '../../pipeline/intake/ingest.ts';
import { ensureSeeded } from '../../pipeline/registry/ensure-seeded.ts';
import { FIXTURES } from './open-test-database.ts';

let database: OpenDatabase;
let dir: string;
let result: IngestResult;

beforeAll(async () => {
  database = openDatabase({ file: ':memory:' });
  ensureSeeded(database.sqlite);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-unseen-'));
  result = await ingest(database, { period: '2025-H1', inbox: path.join(FIXTURES, 'unseen'), archiveDir: path.join(dir, 'a') });
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const valuesOf = (file: string) =>
  (
    database.sqlite
      // The current submission's figures (issue 11 carries an agency's earlier figures forward, with their source).
      .prepare(
        `select v.indicator_code, v.period, v.kind, v.value, v.source_cell from staged_values v join submissions s on s.id = v.submission_id
          where v.source_file = ? and s.superseded_by is null order by v.id`,
      )
      .all(file) as { indicator_code: string; period: string; kind: string; value: number; source_cell: string }[]
  ).map((v) => `${v.indicator_code} ${v.period} ${v.kind} ${v.value} @${v.source_cell}`);
// Issue 11's notice that an agency sent a figure it does not follow is beside the point of these files.
const outcome = (file: string) => {
  const o = result.files.find((f) => f.file === file)!;
  return { ...o, problems: o.problems.filter((p) => p.code !== 'indicator-not-followed') };
};

describe('files never seen before', () => {
  it('takes the period from the title over a "Kết quả" column and reads breakdown rows with their parent row', () => {
    expect(valuesOf('ket-qua-6-thang.xlsx')).toEqual([
      'ty-le-truong-dat-chuan-quoc-gia 2025-H1 actual 71.4 @D5',
      'ty-le-truong-dat-chuan-quoc-gia-mam-non 2025-H1 actual 65.2 @D6',
      'ty-le-truong-dat-chuan-quoc-gia-tieu-hoc 2025-H1 actual 78.9 @D7',
      'ty-le-truong-dat-chuan-quoc-gia-thcs 2025-H1 actual 74.1 @D8',
      'ty-le-truong-dat-chuan-quoc-gia-thpt 2025-H1 actual 60 @D9',
      'ty-le-lao-dong-qua-dao-tao 2025-H1 actual 58.3 @D10',
    ]);
    const note = database.sqlite.prepare("select note from staged_values where source_cell = 'D6' and source_file = 'ket-qua-6-thang.xlsx'").get() as { note: string };
    expect(note.note).toContain('tiêu đề trang');
    expect(note.note).toContain('Mầm non');
  });

  it('reads names with a qualifier in brackets under a header band naming the period', () => {
    expect(valuesOf('so-lieu-nong-nghiep.xlsx')).toEqual([
      'ty-le-che-phu-rung 2025-H1 actual 63.7 @D5',
      'dien-tich-sam-ngoc-linh 2025-H1 actual 2310.5 @D6',
      'dien-tich-trong-moi-mac-ca 2025-H1 actual 412 @D7',
      'ty-le-xa-dat-chuan-ntm 2025-H1 actual 61.3 @D8',
    ]);
  });

  it('reads the field’s abbreviations and synonyms through the thesaurus', () => {
    expect(valuesOf('chi-tieu-chu-yeu.xlsx')).toHaveLength(12);
    expect(outcome('chi-tieu-chu-yeu.xlsx').problems).toEqual([]);
    expect(valuesOf('chi-tieu-chu-yeu.xlsx')).toContain('gia-tri-xuat-khau 2025-H1 actual 52.3 @D6');
    expect(valuesOf('chi-tieu-chu-yeu.xlsx')).toContain('grdp-binh-quan-dau-nguoi 2025-H1 actual 36.4 @D4');
  });

  it('reads a transposed sheet turned round, with the agency’s own cells, and says which layout it saw', () => {
    expect(valuesOf('thu-chi-dau-tu.xlsx')).toEqual([
      'thu-nsnn 2023 actual 3120.4 @B3',
      'thu-nsnn 2024 actual 3405.9 @B4',
      'thu-nsnn 2025-H1 actual 1702.3 @B5',
      'von-dau-tu-toan-xa-hoi 2023 actual 11800 @C3',
      'von-dau-tu-toan-xa-hoi 2024 actual 12550 @C4',
      'von-dau-tu-toan-xa-hoi 2025-H1 actual 5920 @C5',
      'gia-tri-xuat-khau 2023 actual 95.6 @D3',
      'gia-tri-xuat-khau 2024 actual 104.2 @D4',
      'gia-tri-xuat-khau 2025-H1 actual 51.8 @D5',
    ]);
    expect(outcome('thu-chi-dau-tu.xlsx').problems.map((p) => `${p.severity} ${p.code}`)).toEqual(['warning unsupported-layout']);
  });

  it('reads the province total of a sheet with one column per district, and says the district columns were not', () => {
    expect(valuesOf('theo-huyen.xlsx')).toEqual([
      'dien-tich-trong-moi-cay-an-qua 2025-H1 actual 337.5 @I3',
      'dien-tich-trong-moi-sam-ngoc-linh 2025-H1 actual 125.2 @I4',
      'dien-tich-trong-moi-duoc-lieu-khac 2025-H1 actual 95.5 @I5',
    ]);
    const [p] = outcome('theo-huyen.xlsx').problems;
    expect(p).toMatchObject({ code: 'unsupported-layout', severity: 'warning' });
    expect(p!.message).toContain('Đắk Hà');
  });
});
