// Report stage: Phụ lục II and the tasks of the staff checklist (review of issue 10, findings 6, 12, 16, 22).
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../pipeline/config/resolve-config.ts';
import { buildReportModel } from '../../pipeline/report/build-report-model.ts';
import type { Reconciliation, TaskProgress } from '../../pipeline/reconcile/reconciliation.ts';
import type { ReportModel } from '../../pipeline/report/report-model.ts';
import { makeSampleReconciliation } from './fixtures/make-sample-reconciliation.ts';
import { NO_TARGET_WORD } from '../../pipeline/report/build-appendices.ts';

const config = parseConfig({ report: { date: '2025-01-20', number: 5 } });

function task(over: Partial<TaskProgress> & Pick<TaskProgress, 'taskId' | 'title'>): TaskProgress {
  return {
    document: 'KH-434-2023',
    kind: 'nhiem_vu',
    lead: null,
    leadAsOf: null,
    leadName: null,
    leads: [],
    deadlineText: null,
    deadline: null,
    recurring: false,
    status: null,
    progressText: null,
    source: null,
    overdue: false,
    overdueUnreported: false,
    ...over,
  };
}

const lead = (code: string, name: string) => ({ code, asOf: code, name, successorUnknown: false });

/** The 2024 sample with more unreported tasks of the Sở's channel, and two tasks reconcile set aside. */
function sample(): Reconciliation {
  const r = makeSampleReconciliation('2024');
  r.tasks.push(
    task({ taskId: 'KH-434-2023:T11', title: 'Tăng cường công tác quản lý thu gom, xử lý chất thải rắn sinh hoạt', leads: [lead('so-tai-nguyen-va-moi-truong', 'Sở Tài nguyên và Môi trường')], recurring: true, deadlineText: 'Thường xuyên' }),
    task({ taskId: 'KH-434-2023:T12', title: 'Quyết định phê duyệt Quy hoạch tỉnh Kon Tum thời kỳ 2021 - 2030', leads: [lead('so-ke-hoach-va-dau-tu', 'Sở Kế hoạch và Đầu tư')], deadline: '2023-12-31', deadlineText: 'Năm 2023', overdueUnreported: true }),
    task({ taskId: 'KH-434-2023:T14', title: 'Tham mưu đề xuất Trung ương sớm đầu tư các tuyến cao tốc', leads: [lead('so-giao-thong-van-tai', 'Sở Giao thông vận tải')], deadlineText: 'Chi tiết tại Phụ lục III kèm theo.' }),
  );
  r.documents = [{ code: 'KH-434-2023', kind: 'ke_hoach', number: '434/KH-UBND', issuedOn: '2023-02-22', issuedYear: 2023, issuer: 'ubnd-tinh-kon-tum', issuerName: 'Ủy ban nhân dân tỉnh Kon Tum', title: 'Triển khai Chương trình số 50-CTr/TU' }];
  r.tasksSetAside = [
    task({
      taskId: 'NQ-15-TU-2022:T22',
      document: 'NQ-15-TU-2022',
      title: 'Ban Tuyên giáo Tỉnh ủy thường xuyên chỉ đạo, định hướng các cơ quan báo chí tuyên truyền Nghị quyết',
      leads: [lead('ban-tuyen-giao-tinh-uy', 'Ban Tuyên giáo Tỉnh ủy')],
      recurring: true,
      setAside: { reason: 'outside_channel', channels: ['dang'] },
    }),
    task({ taskId: 'NQ-15-TU-2022:T3', document: 'NQ-15-TU-2022', title: 'Thực hiện tốt nhiệm vụ kiểm tra, giám sát theo chương trình', deadline: '2022-12-31', overdueUnreported: true, setAside: { reason: 'lead_unknown', channels: [] } }),
  ];
  r.checks.push({ name: 'overdue_tasks', failing: r.tasks.filter((x) => x.overdue || x.overdueUnreported).length });
  return r;
}

function tasksAppendix(model: ReportModel) {
  return model.appendices.find((a) => a.title === 'TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ, ĐỀ ÁN')!;
}

const group = (model: ReportModel, title: string) => model.checklist.groups.find((g) => g.title === title)!;

describe('Phụ lục II', () => {
  it('lists the tasks with a report first, with their result, then the others by lead agency, one spanned line each', () => {
    const model = buildReportModel(sample(), config, 'annual');
    const rows = tasksAppendix(model).rows;
    const shape = rows.map((r) => (r.kind === 'group' ? `[${r.label}] ${r.title}` : `${r.cells[0]!.text} ${r.cells.length}`));
    expect(shape).toEqual([
      '[I] NHIỆM VỤ, ĐỀ ÁN ĐÃ CÓ BÁO CÁO KẾT QUẢ',
      '1 5',
      '2 5',
      '3 5',
      '[II] NHIỆM VỤ, ĐỀ ÁN CHƯA CÓ BÁO CÁO KẾT QUẢ',
      // By lead agency in Vietnamese order, with the count; each task one row: TT and one cell spanning the rest.
      '[] Sở Giao thông vận tải (1)',
      '4 2',
      '[] Sở Kế hoạch và Đầu tư (1)',
      '5 2',
      '[] Sở Tài nguyên và Môi trường (2)',
      '6 2',
      '7 2',
    ]);
    const line = (id: string) => {
      const i = rows.findIndex((r) => r.kind === 'cells' && r.cells[1]!.text.startsWith(id));
      return rows[i]!.kind === 'cells' ? rows[i]!.cells : [];
    };
    const overdue = line('Quyết định phê duyệt Quy hoạch tỉnh Kon Tum');
    expect(overdue[1]).toMatchObject({ text: 'Quyết định phê duyệt Quy hoạch tỉnh Kon Tum thời kỳ 2021 - 2030 (thời hạn 31/12/2023, đã hết thời hạn).', span: 4 });
    expect(line('Tăng cường công tác quản lý thu gom')[1]!.text).toMatch(/\(thực hiện thường xuyên\)\.$/);
    // The plan's own appendix is named with the plan, never read as this report's Phụ lục III.
    expect(line('Tham mưu đề xuất Trung ương')[1]!.text).toMatch(/\(thời hạn theo Phụ lục III của 434\/KH-UBND\)\.$/);
    // A reported task keeps its five cells: lead, deadline as a date, result.
    const reported = rows[2]!;
    expect(reported.kind === 'cells' && reported.cells.map((c) => c.text).slice(3)).toEqual(['15/02/2024', 'Đang thực hiện (quá thời hạn). Đang lấy ý kiến các sở, ngành; dự kiến trình UBND tỉnh trong tháng 7.']);
  });

  it('leaves out the tasks set aside, from the appendix and the body alike', () => {
    const model = buildReportModel(sample(), config, 'annual');
    const printed = JSON.stringify([model.sections, model.appendices]);
    expect(printed).not.toContain('Ban Tuyên giáo Tỉnh ủy');
    expect(printed).not.toContain('kiểm tra, giám sát theo chương trình');
    expect(printed).not.toContain('chưa xác định');
  });
});

describe('the tasks of the checklist', () => {
  it('lists the tasks led outside the reporting channel with their leads and channel, and those with no lead', () => {
    const model = buildReportModel(sample(), config, 'annual');
    expect(group(model, 'Nhiệm vụ do cơ quan ngoài phạm vi báo cáo chủ trì (không đưa vào báo cáo)').items).toEqual([
      'Ban Tuyên giáo Tỉnh ủy (cơ quan của Đảng, báo cáo Tỉnh ủy): Ban Tuyên giáo Tỉnh ủy thường xuyên chỉ đạo, định hướng các cơ quan báo chí tuyên truyền Nghị quyết (NQ-15-TU-2022, NQ-15-TU-2022:T22).',
    ]);
    expect(group(model, 'Nhiệm vụ, đề án chưa xác định cơ quan chủ trì (không đưa vào báo cáo)').items).toEqual([
      'Thực hiện tốt nhiệm vụ kiểm tra, giám sát theo chương trình (NQ-15-TU-2022, NQ-15-TU-2022:T3; thời hạn 31/12/2022).',
    ]);
  });

  it('counts the overdue tasks as Phụ lục II marks them and as the overdue_tasks check counts them', () => {
    const rec = sample();
    const model = buildReportModel(rec, config, 'annual');
    const marked = tasksAppendix(model).rows.filter((r) => r.kind === 'cells' && r.cells.some((c) => /quá thời hạn|đã hết thời hạn/.test(c.text)));
    const items = group(model, 'Nhiệm vụ, đề án quá thời hạn chưa hoàn thành').items;
    expect(items).toHaveLength(3);
    expect(marked).toHaveLength(3);
    expect(rec.checks.find((c) => c.name === 'overdue_tasks')!.failing).toBe(3);
    // The data-check group does not repeat it.
    expect(group(model, 'Kết quả kiểm tra dữ liệu (sql/checks)').items.join(' ')).not.toContain('Nhiệm vụ');
  });

  it('lists each estimated figure once, as many as Phụ lục I marks (*) for distinct figures', () => {
    const rec = makeSampleReconciliation('2021-2023');
    const withFigure = rec.attainments.filter((a) => a.actual !== null);
    for (const a of withFigure.slice(0, 2)) a.actualKind = 'estimate';
    // A review shows an indicator in its window and in its outlook: one figure, two rows.
    const estimate = withFigure[0]!;
    rec.attainments.push({ ...estimate, targetId: `${estimate.targetId}-2030`, targetPeriod: '2030', judgement: 'outlook', status: 'co_kha_nang_dat' });
    // A figure with no target in the period: no (*) row in Phụ lục I, so listed apart, not among the estimates.
    rec.receivedFigures = [
      {
        indicator: 'ty-le-do-thi-hoa', indicatorName: 'Tỷ lệ đô thị hóa', domain: 'kinh_te', unit: '%', direction: 'higher', period: '2023', value: 37.5, kind: 'estimate',
        source: 'bao-cao.ods!Báo cáo!F9', agency: 'so-xay-dung', agencyName: 'Sở Xây dựng', samePeriodLastYear: 36.9, changePct: 1.6, changePoints: 0.6, laterTarget: null,
      },
    ];
    const model = buildReportModel(rec, config, 'review');
    expect(group(model, 'Số liệu đã nhận, không có chỉ tiêu giao cho kỳ').items).toEqual(['Tỷ lệ đô thị hóa: 37,5% (ước) (Sở Xây dựng, bao-cao.ods!Báo cáo!F9).']);
    const items = group(model, 'Số liệu ước thực hiện').items;
    expect(new Set(items).size).toBe(items.length);
    // Rows of figures received without a target (Đánh giá "Không giao chỉ tiêu trong kỳ") are marked too, but listed apart.
    const marked = model.appendices[0]!.rows.filter(
      (r) => r.kind === 'cells' && r.cells.some((c) => c.text.includes('(*)')) && !r.cells.some((c) => c.text === NO_TARGET_WORD),
    );
    const distinct = new Set(marked.map((r) => (r.kind === 'cells' ? `${r.cells[1]!.text}|${r.cells[6]!.text}` : '')));
    expect(items).toHaveLength(distinct.size);
    expect(marked.length).toBeGreaterThan(distinct.size);
  });
});

describe('a lead that ceased inside the period (review R3)', () => {
  it('is named with its last day in Phụ lục II, and the checklist says so rather than "chỉ ghi các cơ quan còn lại"', () => {
    const rec = sample();
    rec.tasks.push(
      task({
        taskId: 'KH-434-2023:T40',
        title: 'Thu gom, xử lý chất thải rắn sinh hoạt tại các đô thị',
        leads: [{ code: 'ubnd-cac-huyen-thanh-pho', asOf: 'ubnd-cac-huyen-thanh-pho', name: 'Ủy ban nhân dân các huyện, thành phố', successorUnknown: true, lastDay: '2025-06-30' }],
        recurring: true,
      }),
    );
    const model = buildReportModel(rec, config, 'annual');
    const titles = tasksAppendix(model).rows.flatMap((r) => (r.kind === 'group' ? [r.title] : []));
    expect(titles).toContain('Ủy ban nhân dân các huyện, thành phố (đến ngày 30/6/2025) (1)');
    const item = group(model, 'Nhiệm vụ có cơ quan chủ trì đã giải thể, sáp nhập, chưa xác định cơ quan kế thừa').items.find((i) => i.includes('Thu gom, xử lý chất thải rắn sinh hoạt tại các đô thị'))!;
    expect(item).toContain('kèm ngày cuối hoạt động');
    expect(item).not.toContain('chỉ ghi các cơ quan chủ trì còn lại');
  });
});
