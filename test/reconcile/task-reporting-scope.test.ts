import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../../pipeline/reconcile/reconcile.ts';
import { runChecks } from '../../pipeline/reconcile/run-checks.ts';
import { findReportingChannel, type ChannelAgency } from '../../pipeline/registry/find-reporting-channel.ts';
import { loadSeeds } from '../../pipeline/registry/load-seeds.ts';
import { expectedAgencies, loadIntakeRegistry } from '../../pipeline/intake/match/load-intake-registry.ts';
import { openDatabase } from '../../pipeline/db/open-database.ts';
import { parsePeriod } from '../../pipeline/shared/parse-period.ts';
import { toMatchKey } from '../../pipeline/shared/to-match-key.ts';
import { createReconcileDatabase, type ReconcileTestDatabase } from './seed-reconcile-database.ts';
import { TEST_OPTIONS } from './reconcile-options.ts';

// Review of issue 10, finding 6: a Sở's report to the Tỉnh ủy and UBND speaks of the tasks of the bodies that report to
// it under the UBND's plan (434/KH-UBND, mục III.1); the Party's organs, the HĐND, the court and procuracy, the Mặt
// trận and central bodies answer through their own channels; a task with no lead cannot be chased.
describe('findReportingChannel on the seeded agencies', () => {
  let agencies: Map<string, ChannelAgency>;
  let expected: string[];

  beforeAll(() => {
    const database = openDatabase({ file: ':memory:' });
    loadSeeds(database.sqlite);
    agencies = new Map(
      (database.sqlite.prepare('select code, kind, parent from agencies').all() as { code: string; kind: string; parent: string | null }[]).map((a) => [a.code, { kind: a.kind, parent: a.parent }]),
    );
    expected = expectedAgencies(loadIntakeRegistry(database.sqlite), parsePeriod('2025-H1'));
    void database.close();
  });

  it('asks for files from the same channel the report speaks of: the Mặt trận leads a task of 434/KH-UBND but gets no form', () => {
    expect(expected).toContain('so-tai-chinh');
    expect(expected).toContain('bo-chi-huy-quan-su-tinh');
    expect(expected).not.toContain('uy-ban-mat-tran-to-quoc-viet-nam-tinh');
    expect(expected.every((code) => findReportingChannel(agencies, code) === 'ubnd')).toBe(true);
  });

  it.each([
    ['so-tai-chinh', 'ubnd'],
    ['ban-quan-ly-khu-kinh-te-tinh', 'ubnd'],
    ['cong-an-tinh', 'ubnd'],
    // A ngành under a ministry is still assigned by the UBND's plan (434/KH-UBND, mục II.6.b).
    ['bo-chi-huy-bo-doi-bien-phong-tinh', 'ubnd'],
    ['cac-so-ban-nganh', 'ubnd'],
    ['ubnd-cac-huyen-thanh-pho', 'ubnd'],
    ['cac-don-vi-lien-quan', 'ubnd'],
    ['ban-tuyen-giao-tinh-uy', 'dang'],
    ['ban-can-su-dang-ubnd-tinh', 'dang'],
    ['cac-co-quan-tham-muu-giup-viec-cua-tinh-uy', 'dang'],
    ['cac-huyen-uy-thanh-uy-dang-uy-truc-thuoc-tinh-uy', 'dang'],
    ['thuong-truc-hdnd-tinh', 'hdnd'],
    ['cac-ban-cua-hdnd-tinh', 'hdnd'],
    ['vien-kiem-sat-nhan-dan-tinh', 'tu_phap'],
    ['toa-an-nhan-dan-tinh', 'tu_phap'],
    ['uy-ban-mat-tran-to-quoc-viet-nam-tinh', 'mat_tran_doan_the'],
    ['tinh-doan', 'mat_tran_doan_the'],
    ['cac-to-chuc-chinh-tri-xa-hoi-tinh', 'mat_tran_doan_the'],
    ['cac-bo-nganh-trung-uong', 'trung_uong'],
  ])('puts %s in the %s channel', (code, channel) => {
    expect(findReportingChannel(agencies, code)).toBe(channel);
  });
});

describe('reconcile: the tasks of the report and the tasks set aside', () => {
  let t: ReconcileTestDatabase;

  beforeAll(() => {
    t = createReconcileDatabase();
    const { sqlite } = t.database;
    const agency = sqlite.prepare(`insert into agencies (code, name, kind, parent, source_ref) values (?, ?, ?, ?, 'test')`);
    agency.run('tinh-uy', 'Tỉnh ủy Kon Tum', 'tinh_uy', null);
    agency.run('ban-tuyen-giao', 'Ban Tuyên giáo Tỉnh ủy', 'doan_the', 'tinh-uy');
    agency.run('hdnd-tinh', 'Hội đồng nhân dân tỉnh Kon Tum', 'hdnd', null);
    agency.run('vien-kiem-sat', 'Viện Kiểm sát nhân dân tỉnh', 'tu_phap', null);
    agency.run('mttq', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'doan_the', null);
    agency.run('ubnd-tinh', 'Ủy ban nhân dân tỉnh Kon Tum', 'ubnd_tinh', null);
    agency.run('cac-so-ban-nganh', 'Các sở, ban ngành thuộc tỉnh', 'nhom', 'ubnd-tinh');
    sqlite
      .prepare(
        `insert into documents (code, so_ky_hieu, kind, issuer, issued_on, issued_year, title, source_ref)
         values ('NQ-TU-2022', '15-NQ/TU', 'nghi_quyet', null, '2022-07-06', 2022, 'Nghị quyết 6 tháng cuối năm 2022', 'test')`,
      )
      .run();
    // The plan KH-TEST runs to 2025 (its target), so its tasks are in force in 2024 and 2025.
    t.addIndicator({ code: 'thu-nsnn', unit: 'tỷ đồng', aggregation: 'cumulative' });
    t.addTarget({ id: 'thu-nsnn', indicator: 'thu-nsnn', period: '2025', expression: 'trên 5.000 tỷ đồng', op: 'gt', lo: 5000, unit: 'tỷ đồng', agency: 'so-tai-chinh' });
    const task = (id: string, title: string, deadline: string | null, leads: string[], document = 'KH-TEST') => {
      sqlite
        .prepare(`insert into tasks (id, document, kind, title, title_key, deadline_text, deadline, recurring, source_ref) values (?, ?, 'nhiem_vu', ?, ?, ?, ?, ?, 'test')`)
        .run(id, document, title, toMatchKey(title), deadline ? null : 'Thường xuyên', deadline, deadline ? 0 : 1);
      for (const l of leads) sqlite.prepare(`insert into task_agencies (task_id, agency_code, role) values (?, ?, 'lead')`).run(id, l);
    };
    task('KH-TEST:T1', 'Ban hành Đề án phát triển kinh tế số', '2024-03-31', ['so-tai-chinh']);
    task('KH-TEST:T2', 'Tuyên truyền Nghị quyết số 23-NQ/TW', '2024-03-31', ['ban-tuyen-giao']);
    task('KH-TEST:T3', 'Thẩm tra báo cáo kinh tế - xã hội', '2024-03-31', ['hdnd-tinh']);
    task('KH-TEST:T4', 'Nâng cao chất lượng công tác kiểm sát', null, ['vien-kiem-sat']);
    task('KH-TEST:T5', 'Thực hiện tốt quy chế dân chủ cơ sở', null, ['mttq']);
    task('KH-TEST:T6', 'Đẩy mạnh thực hiện tái cơ cấu kinh tế', '2024-03-31', []);
    task('KH-TEST:T7', 'Tuyên truyền, phổ biến Chương trình chuyển đổi số', null, ['ban-tuyen-giao', 'cac-so-ban-nganh']);
    task('KH-TEST:T8', 'Hoàn thành quy hoạch sử dụng đất', '2025-06-30', ['so-tai-chinh']);
    // A task of a resolution for the second half of 2022: out of force in 2024.
    task('NQ-TU-2022:T1', 'Hoàn thành các chỉ tiêu 6 tháng cuối năm 2022', '2022-12-31', ['so-tai-chinh'], 'NQ-TU-2022');
    t.addTaskReport({ agency: 'ban-tuyen-giao', taskId: 'KH-TEST:T2', period: '2024-H1', status: 'dang_thuc_hien', text: 'Đã tổ chức hội nghị', receivedAt: '2024-06-18T09:00:00Z' });
  });

  afterAll(() => t.close());

  it('keeps in the report only the tasks with a lead in the Sở reporting channel', async () => {
    const r = await reconcile(t.database, parsePeriod('2024-H1'), { ...TEST_OPTIONS, asOf: '2024-07-10' });
    expect(r.tasks.map((x) => x.taskId)).toEqual(['KH-TEST:T1', 'KH-TEST:T7']);
    expect(r.tasks.every((x) => x.setAside === undefined)).toBe(true);
  });

  it('sets aside the tasks of Party organs, the HĐND, the procuracy and the Mặt trận, with their channels, even when reported', async () => {
    const r = await reconcile(t.database, parsePeriod('2024-H1'), { ...TEST_OPTIONS, asOf: '2024-07-10' });
    const aside = Object.fromEntries((r.tasksSetAside ?? []).map((x) => [x.taskId, x.setAside]));
    expect(aside).toEqual({
      'KH-TEST:T2': { reason: 'outside_channel', channels: ['dang'] },
      'KH-TEST:T3': { reason: 'outside_channel', channels: ['hdnd'] },
      'KH-TEST:T4': { reason: 'outside_channel', channels: ['tu_phap'] },
      'KH-TEST:T5': { reason: 'outside_channel', channels: ['mat_tran_doan_the'] },
      'KH-TEST:T6': { reason: 'lead_unknown', channels: [] },
    });
    // Nothing is lost: the Party organ's own report stays on the task, for the checklist.
    expect(r.tasksSetAside?.find((x) => x.taskId === 'KH-TEST:T2')).toMatchObject({ status: 'dang_thuc_hien', progressText: 'Đã tổ chức hội nghị' });
  });

  it('counts overdue_tasks over the report tasks of the period only, as the report does', async () => {
    const period = parsePeriod('2024-H1');
    const raw = runChecks(t.database.sqlite, { period_start: period.start, period_end: period.end, as_of: '2024-07-10' }).find((c) => c.name === 'overdue_tasks')!;
    // The check itself finds every task past its deadline: T1, T2 (reported, not done), T3, T6 and the 2022 task.
    expect(raw.rows.map((row) => row.task_id).sort()).toEqual(['KH-TEST:T1', 'KH-TEST:T2', 'KH-TEST:T3', 'KH-TEST:T6', 'NQ-TU-2022:T1']);
    const r = await reconcile(t.database, period, { ...TEST_OPTIONS, asOf: '2024-07-10' });
    const overdue = r.tasks.filter((x) => x.overdue || x.overdueUnreported).map((x) => x.taskId);
    expect(overdue).toEqual(['KH-TEST:T1']);
    expect(r.checks.find((c) => c.name === 'overdue_tasks')?.failing).toBe(1);
  });

  it('counts per period: nothing overdue in 2023, T1 and T8 once their deadlines pass in 2025', async () => {
    const y2023 = await reconcile(t.database, parsePeriod('2023'), { ...TEST_OPTIONS, asOf: '2024-01-10' });
    expect(y2023.checks.find((c) => c.name === 'overdue_tasks')?.failing).toBe(0);
    const y2025 = await reconcile(t.database, parsePeriod('2025'), { ...TEST_OPTIONS, asOf: '2026-01-10' });
    expect(y2025.tasks.filter((x) => x.overdueUnreported).map((x) => x.taskId)).toEqual(['KH-TEST:T1', 'KH-TEST:T8']);
    expect(y2025.checks.find((c) => c.name === 'overdue_tasks')?.failing).toBe(2);
  });
});
