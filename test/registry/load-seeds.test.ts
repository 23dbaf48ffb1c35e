import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../pipeline/db/open-database.ts';
import { loadSeeds } from '../../pipeline/registry/load-seeds.ts';
import { ensureSeeded } from '../../pipeline/registry/ensure-seeded.ts';
import { listTargets } from '../../pipeline/registry/list-targets.ts';
import { findTargetConflicts } from '../../pipeline/registry/find-target-conflicts.ts';
import { fromProjectRoot } from '../../pipeline/shared/project-paths.ts';
import { isPipelineError } from '../../pipeline/shared/pipeline-error.ts';

let database: OpenDatabase;

beforeEach(() => {
  database = openDatabase({ file: ':memory:' });
});

afterEach(async () => {
  await database.close();
});

function copySeeds(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-seeds-'));
  for (const f of fs.readdirSync(fromProjectRoot('seeds')).filter((x) => x.endsWith('.csv'))) {
    fs.copyFileSync(fromProjectRoot('seeds', f), path.join(dir, f));
  }
  return dir;
}

describe('loadSeeds', () => {
  it('loads targets from all five documents', async () => {
    loadSeeds(database.sqlite);
    const perDocument = database.sqlite
      .prepare('select document, count(*) as n from targets group by document order by document')
      .all() as { document: string; n: number }[];
    expect(perDocument.map((r) => r.document)).toEqual([
      'CTR-3299-2022',
      'KH-434-2023',
      'KH-60CTR-2023',
      'NQ-15-TU-2022',
      'NQ-HDND-KH5N-2021-2025',
    ]);
    for (const r of perDocument) expect(r.n).toBeGreaterThan(5);
  });

  it('is idempotent: loading twice gives the same rows', () => {
    const first = loadSeeds(database.sqlite);
    const dump = () => database.sqlite.prepare('select * from targets order by id').all();
    const before = dump();
    const second = loadSeeds(database.sqlite);
    expect(second).toEqual(first);
    expect(dump()).toEqual(before);
  });

  it('keeps every target traceable to its document and place', () => {
    loadSeeds(database.sqlite);
    const untraceable = database.sqlite
      .prepare("select id from targets where source_ref is null or trim(source_ref) = '' or expression = ''")
      .all();
    expect(untraceable).toEqual([]);
  });

  it('stores the parsed form beside the verbatim expression', async () => {
    loadSeeds(database.sqlite);
    const rows = await listTargets(database.db, '434/KH-UBND');
    const revenue = rows.find((r) => r.indicator === 'thu-nsnn');
    expect(revenue).toMatchObject({ op: 'gt', lo: 7800, hi: null, expression: 'Trên 7.800' });
    const urban = rows.find((r) => r.indicator === 'ty-le-do-thi-hoa');
    expect(urban).toMatchObject({ op: 'approx_range', lo: 50, hi: 52, period: '2030' });
  });

  it('keeps the targets of 15-NQ/TU for the second half of 2022', () => {
    loadSeeds(database.sqlite);
    const periods = database.sqlite
      .prepare("select distinct period from targets where document = 'NQ-15-TU-2022' order by period")
      .all() as { period: string }[];
    expect(periods.map((p) => p.period)).toContain('2022-H2');
  });

  it('refuses a target whose reviewed reading disagrees with the parser, naming file, line and column', () => {
    const dir = copySeeds();
    const file = path.join(dir, 'targets.csv');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    // Line 2 is "Trên 10" read as gt 10: claim it says gte.
    lines[1] = lines[1]!.replace(',gt,10,', ',gte,10,');
    fs.writeFileSync(file, lines.join('\n'));
    try {
      loadSeeds(database.sqlite, dir);
      expect.unreachable('loadSeeds should have thrown');
    } catch (error) {
      expect(isPipelineError(error)).toBe(true);
      expect((error as Error).message).toContain('seeds/targets.csv, dòng 2, cột expression');
    }
    expect(database.sqlite.prepare('select count(*) as n from targets').get()).toEqual({ n: 0 });
  });

  it('refuses an unknown agency code in a task', () => {
    const dir = copySeeds();
    const file = path.join(dir, 'tasks.csv');
    const text = fs.readFileSync(file, 'utf8').replace('so-thong-tin-va-truyen-thong', 'so-khong-ton-tai');
    fs.writeFileSync(file, text);
    expect(() => loadSeeds(database.sqlite, dir)).toThrow(/mã cơ quan "so-khong-ton-tai" không có trong agencies.csv/);
  });

  it('refuses a task row whose text is a numeric target, naming the phrase', () => {
    const dir = copySeeds();
    const file = path.join(dir, 'tasks.csv');
    fs.appendFileSync(
      file,
      'KH-434-2023:T999,KH-434-2023,nhiem_vu,II.9,Tỷ lệ đô thị hóa đạt tối thiểu 45%.,so-xay-dung,Sở Xây dựng,,,đến năm 2030,2030-12-31,false,"434/KH-UBND, mục II.9"\n',
    );
    expect(() => loadSeeds(database.sqlite, dir)).toThrow(/tasks.csv, dòng \d+, cột title: câu "đạt tối thiểu 45%" là chỉ tiêu định lượng/);
  });

  it("refuses a task led only by a central ministry: the province's tasks only", () => {
    const dir = copySeeds();
    const file = path.join(dir, 'tasks.csv');
    fs.appendFileSync(file, 'KH-434-2023:DA99,KH-434-2023,de_an,"Phụ lục II, I.1",Đề án phát triển kinh tế số vùng Tây Nguyên,bo-thong-tin-va-truyen-thong,Bộ Thông tin và Truyền thông,,,2024,2024-12-31,false,"434/KH-UBND, Phụ lục II"\n');
    expect(() => loadSeeds(database.sqlite, dir)).toThrow(/cột lead: nhiệm vụ do bộ, ngành trung ương chủ trì/);
  });

  it('refuses implementation and supervision clauses as tasks (review finding 15), and the seeds hold none', () => {
    loadSeeds(database.sqlite);
    const titles = (database.sqlite.prepare('select title from tasks').all() as { title: string }[]).map((r) => r.title);
    expect(titles.filter((t) => /giám sát việc thực hiện|theo dõi, đôn đốc việc|tổ chức thực hiện có hiệu quả Nghị quyết này/.test(t))).toEqual([]);
    const clauses = [
      'Giao Sở Kế hoạch và Đầu tư theo dõi, đôn đốc việc thực hiện Kế hoạch này.',
      'Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.',
      'Giao Ủy ban nhân dân tỉnh; đề nghị Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh tổ chức thực hiện có hiệu quả Nghị quyết này.',
      'Thủ trưởng các sở, ban ngành, đơn vị, địa phương căn cứ nhiệm vụ được giao chịu trách nhiệm tổ chức triển khai thực hiện thường xuyên, có kết quả kế hoạch.',
      // Review of issue 10, finding 6: the reporting clauses the report itself answers.
      'Căn cứ nhiệm vụ, giải pháp trọng tâm nêu trên và các Phụ lục kèm theo Kế hoạch này, các đơn vị, địa phương được giao nhiệm vụ cụ thể hóa và quán triệt, triển khai thực hiện Kế hoạch',
      'Định kỳ tổng hợp báo cáo kết quả thực hiện về Sở Kế hoạch và Đầu tư trước ngày 20 tháng 12 hằng năm',
      'Tổng hợp, tham mưu Ủy ban nhân dân tỉnh báo cáo Thường trực Tỉnh ủy và các Bộ, Ngành Trung ương theo quy định',
    ];
    for (const [i, title] of clauses.entries()) {
      const dir = copySeeds();
      fs.appendFileSync(path.join(dir, 'tasks.csv'), `KH-434-2023:T9${i},KH-434-2023,nhiem_vu,III,"${title}",so-tai-chinh,Sở Tài chính,,,,,false,"434/KH-UBND, mục III"\n`);
      expect(() => loadSeeds(database.sqlite, dir)).toThrow(/cột title: điều khoản tổ chức thực hiện/);
    }
    // A task of its own that mentions supervision stays a task.
    const dir = copySeeds();
    fs.appendFileSync(path.join(dir, 'tasks.csv'), 'KH-434-2023:T98,KH-434-2023,nhiem_vu,II.5,"Tăng cường kiểm tra, giám sát hoạt động đầu tư công",so-tai-chinh,Sở Tài chính,,,,,true,"434/KH-UBND, mục II.5"\n');
    expect(() => loadSeeds(database.sqlite, dir)).not.toThrow();
  });

  it('reloads only when seeds change', () => {
    expect(ensureSeeded(database.sqlite)).not.toBeNull();
    expect(ensureSeeded(database.sqlite)).toBeNull();
  });
});

describe('findTargetConflicts', () => {
  it('shows the real disagreements between documents', async () => {
    loadSeeds(database.sqlite);
    const conflicts = await findTargetConflicts(database.db);
    const values = conflicts.filter((c) => c.kind === 'value').map((c) => `${c.indicator}@${c.period}`);
    expect(values).toEqual(expect.arrayContaining(['ty-le-do-thi-hoa@2030', 'thu-nsnn@2025']));
    expect(values.some((v) => v.startsWith('ty-le-lao-dong-qua-dao-tao') && v.endsWith('@2030'))).toBe(true);
    const agencies = conflicts.filter((c) => c.kind === 'agency').map((c) => c.indicator);
    expect(agencies).toContain('dong-gop-tfp');
    const tfp = conflicts.find((c) => c.kind === 'agency' && c.indicator === 'dong-gop-tfp')!;
    expect(tfp.details).toContain('so-ke-hoach-va-dau-tu');
    expect(tfp.details).toContain('so-khoa-hoc-va-cong-nghe');
  });

  it('does not report targets that agree', async () => {
    loadSeeds(database.sqlite);
    const conflicts = await findTargetConflicts(database.db);
    for (const c of conflicts.filter((x) => x.kind === 'value')) {
      const rows = database.sqlite
        .prepare(`select distinct op, lo, hi from targets where indicator = ? and period = ?`)
        .all(c.indicator, c.period);
      expect(rows.length).toBeGreaterThan(1);
    }
  });
});
