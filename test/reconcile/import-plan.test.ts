import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPlan, parsePlanPeriod } from '../../pipeline/registry/import-plan.ts';
import { fromProjectRoot } from '../../pipeline/shared/project-paths.ts';
import { isPipelineError } from '../../pipeline/shared/pipeline-error.ts';
import type { DataProblem } from '../../pipeline/shared/data-problem.ts';
import { createReconcileDatabase, type ReconcileTestDatabase } from './seed-reconcile-database.ts';

const fixture = (name: string) => fromProjectRoot('test', 'fixtures', 'reconcile', name);

describe('plan import', () => {
  let t: ReconcileTestDatabase;
  const targets = () =>
    t.database.sqlite.prepare('select * from targets order by id').all() as Record<string, string | number | null>[];

  beforeEach(() => {
    t = createReconcileDatabase();
    t.addIndicator({ code: 'ty-le-che-phu-rung', name: 'Tỷ lệ che phủ rừng', unit: '%', aggregation: 'level' });
    t.addIndicator({ code: 'thu-nsnn', name: 'Thu ngân sách nhà nước trên địa bàn', unit: 'tỷ đồng', aggregation: 'cumulative' });
  });
  afterEach(() => t.close());

  it('loads every row of a good CSV, matching indicators by name and creating the unknown ones', () => {
    const r = importPlan(t.database.sqlite, fixture('ke-hoach-mau.csv'));
    expect(r).toMatchObject({ file: 'ke-hoach-mau.csv', targets: 3, replaced: 0, documentsCreated: [], indicatorsCreated: ['ty-le-do-thi-hoa'] });
    const rows = targets();
    expect(rows.map((x) => [x.indicator, x.period, x.op, x.lo, x.hi, x.unit, x.agency, x.source_ref, x.origin])).toEqual([
      ['ty-le-che-phu-rung', '2024', 'eq', 64, 64, '%', 'so-nong-nghiep', 'ke-hoach-mau.csv, dòng 2', 'plan-import'],
      ['thu-nsnn', '2024-H1', 'gt', 2400, null, 'tỷ đồng', 'so-tai-chinh', 'ke-hoach-mau.csv, dòng 3', 'plan-import'],
      ['ty-le-do-thi-hoa', '2021-2025', 'approx_range', 50, 52, '%', null, 'ke-hoach-mau.csv, dòng 5', 'plan-import'],
    ]);
    expect(rows.map((x) => x.expression)).toEqual(['đạt 64%', 'trên 2.400', 'Khoảng 50-52']);
    const created = t.database.sqlite.prepare("select * from indicators where code = 'ty-le-do-thi-hoa'").get() as Record<string, string>;
    expect(created).toMatchObject({ name: 'Tỷ lệ đô thị hóa', unit: '%', domain: 'kinh_te', direction: 'higher', aggregation: 'level', origin: 'plan-import' });
  });

  it('loads nothing from a file with a row it cannot understand, and names each such row', () => {
    let caught: unknown;
    try {
      importPlan(t.database.sqlite, fixture('ke-hoach-loi.csv'));
    } catch (error) {
      caught = error;
    }
    expect(isPipelineError(caught) && caught.code).toBe('plan-import');
    const problems = (caught as { problems: DataProblem[] }).problems;
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'Chỉ tiêu kế hoạch'],
      [4, 'Kỳ'],
    ]);
    expect((caught as Error).message).toContain('dòng 3');
    expect((caught as Error).message).toContain('phấn đấu vượt mức');
    expect(targets()).toEqual([]);
    expect(t.database.sqlite.prepare("select count(*) as n from indicators where origin = 'plan-import'").get()).toEqual({ n: 0 });
  });

  it('replaces its own targets when the same file is imported again', () => {
    importPlan(t.database.sqlite, fixture('ke-hoach-mau.csv'));
    const first = targets();
    const again = importPlan(t.database.sqlite, fixture('ke-hoach-mau.csv'));
    expect(again.replaced).toBe(3);
    expect(again.indicatorsCreated).toEqual([]);
    expect(targets()).toEqual(first);
  });

  it('refuses a row whose document differs from --document', () => {
    expect(() => importPlan(t.database.sqlite, fixture('ke-hoach-mau.csv'), { document: 'KH-KHAC' })).toThrow(/khác văn bản đã chọn/);
    expect(targets()).toEqual([]);
  });

  it('reads a workbook: raw cell values, percent formats, a title above the header, a new document', () => {
    const r = importPlan(t.database.sqlite, fixture('ke-hoach-2023-kon-tum.xlsx'));
    expect(r.targets).toBe(13);
    expect(r.documentsCreated).toEqual(['01-KH-UBND']);
    const doc = t.database.sqlite.prepare("select * from documents where code = '01-KH-UBND'").get() as Record<string, string>;
    expect(doc).toMatchObject({ so_ky_hieu: '01/KH-UBND', kind: 'ke_hoach' });
    const by = Object.fromEntries(targets().map((x) => [x.indicator, x]));
    expect(by['thu-nsnn']).toMatchObject({ expression: '4.500', op: 'eq', lo: 4500, unit: 'tỷ đồng', agency: 'so-tai-chinh', source_ref: 'ke-hoach-2023-kon-tum.xlsx, dòng 6' });
    expect(by['ty-le-che-phu-rung']).toMatchObject({ expression: '63,12%', op: 'eq', lo: 63.12, unit: '%' });
    expect(by['ty-le-lao-dong-qua-dao-tao']).toMatchObject({ op: 'gt', lo: 57, agency: 'so-lao-dong' });
    const aggregation = (code: string) =>
      (t.database.sqlite.prepare('select aggregation, direction from indicators where code = ?').get(code) as { aggregation: string; direction: string });
    expect(aggregation('toc-do-tang-truong-tong-san-pham-tren-dia-ban-grdp')).toEqual({ aggregation: 'avg_growth', direction: 'higher' });
    expect(aggregation('ty-le-ho-ngheo-theo-chuan-ngheo-da-chieu')).toEqual({ aggregation: 'per_year_reduction', direction: 'lower' });
    expect(aggregation('dien-tich-trong-rung-moi').aggregation).toBe('cumulative');
    expect(aggregation('so-doanh-nghiep-thanh-lap-moi').aggregation).toBe('count_added');
  });
});

describe('plan import: the period column', () => {
  it.each([
    ['2024', '2024'],
    ['Năm 2024', '2024'],
    ['2024-H1', '2024-H1'],
    ['6 tháng đầu năm 2024', '2024-H1'],
    ['6 tháng cuối năm 2022', '2022-H2'],
    ['Giai đoạn 2021-2025', '2021-2025'],
    ['2021 - 2025', '2021-2025'],
    ['Quý III/2024', '2024-Q3'],
    ['năm tới', null],
    ['2025-2021', null],
  ])('reads "%s" as %s', (text, expected) => {
    expect(parsePlanPeriod(text)).toBe(expected);
  });
});

describe('plan import: a workbook with bad cells', () => {
  it('names the cell by its letter and loads nothing', () => {
    const t = createReconcileDatabase();
    try {
      t.addIndicator({ code: 'ty-le-che-phu-rung', name: 'Tỷ lệ che phủ rừng', unit: '%', aggregation: 'level' });
      t.addIndicator({ code: 'thu-nsnn', name: 'Thu ngân sách nhà nước trên địa bàn', unit: 'tỷ đồng', aggregation: 'cumulative' });
      let problems: DataProblem[] = [];
      try {
        importPlan(t.database.sqlite, fixture('ke-hoach-loi.xlsx'));
      } catch (error) {
        problems = (error as { problems: DataProblem[] }).problems;
      }
      expect(problems.map((p) => [p.row, p.column, p.sheet])).toEqual([
        [3, 'F', 'Chỉ tiêu'],
        [4, 'G', 'Chỉ tiêu'],
      ]);
      expect(problems[1]!.message).toContain('Sở Không Có');
      expect(t.database.sqlite.prepare('select count(*) as n from targets').get()).toEqual({ n: 0 });
    } finally {
      void t.close();
    }
  });
});
