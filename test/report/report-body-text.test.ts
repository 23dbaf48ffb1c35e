// Review R1 of issue 10 (A1, B1, B3, B7, B9, B10, B11, C9): the body text of the three reports, with numbers shaped
// like the demo's (2030 outlook of the 2021-2025 review, the environment domain of the six-month report).
import { describe, expect, it } from 'vitest';
import type { Attainment, Projection, Reconciliation } from '../../pipeline/reconcile/reconciliation.ts';
import { parseConfig } from '../../pipeline/config/resolve-config.ts';
import { buildReportModel } from '../../pipeline/report/build-report-model.ts';
import type { ReportModel, ReportSection } from '../../pipeline/report/report-model.ts';
import { makeSampleReconciliation } from './fixtures/make-sample-reconciliation.ts';

const configAt = (date: string) => parseConfig({ report: { date } });

function bodyText(model: ReportModel): string {
  const blocks = (s: { blocks: { kind: string }[] }) => s.blocks.map((b) => ('text' in b ? String(b.text) : '')).join('\n');
  return model.sections
    .map((s: ReportSection) => [s.title, blocks(s), ...s.items.map((i) => [i.title, blocks(i), ...i.points.map((p) => `${p.title}\n${blocks(p)}`)].join('\n'))].join('\n'))
    .join('\n');
}

function itemText(model: ReportModel, title: string): string {
  for (const s of model.sections) for (const i of s.items) if (i.title.startsWith(title)) return i.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');
  for (const s of model.sections) if (s.title.startsWith(title)) return s.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');
  throw new Error(`no item ${title}`);
}

const proj = (points: [number, number][], extra: Partial<Projection>): Projection => ({
  points: points.map(([year, value]) => ({ year, value })),
  projected: null,
  observedRate: null,
  requiredRate: null,
  ratio: null,
  remainingYears: [2026, 2030],
  ...extra,
});

/** The 2021-2025 review with 2030 targets shaped like the demo's: a level, a share, a growth rate, single points. */
function review(): Reconciliation {
  const rec = makeSampleReconciliation('2021-2025');
  const rows = rec.attainments;
  rows.forEach((a) => Object.assign(a, { judgement: 'final', status: a.actual === null ? 'chua_co_so_lieu' : 'dat' }));
  const outlook = (i: number, fields: Partial<Attainment>) => Object.assign(rows[i]!, { judgement: 'outlook', targetPeriod: '2021-2030', changePct: null, changePoints: null, ...fields });
  outlook(0, {
    indicator: 'grdp-binh-quan-dau-nguoi', indicatorName: 'GRDP bình quân đầu người (theo giá hiện hành)', unit: 'triệu đồng/người', aggregation: 'level',
    status: 'co_kha_nang_dat', expression: 'khoảng trên 110', op: 'gt', lo: 110, hi: null, actual: 72, actualKind: 'estimate',
    projection: proj([[2021, 46], [2022, 52], [2023, 58], [2024, 66.5], [2025, 72]], { observedRate: 11.84, requiredRate: 8.84 }),
  });
  outlook(1, {
    indicator: 'ty-le-do-thi-hoa', indicatorName: 'Tỷ lệ đô thị hóa', unit: '%', aggregation: 'level', status: 'kho_dat',
    expression: 'tối thiểu 45', op: 'gte', lo: 45, hi: null, actual: 37.5, actualKind: 'estimate',
    // Relative paces as reconcile computed them before (R1 printed them as "tăng 1,4%", "cần 3,71%/năm").
    projection: proj([[2024, 37], [2025, 37.5]], { observedRate: 1.35, requiredRate: 3.71 }),
  });
  outlook(2, {
    indicator: 'ty-trong-cong-nghiep-che-bien', indicatorName: 'Tỷ trọng công nghiệp chế biến, chế tạo trong GRDP', unit: '%', aggregation: 'level',
    status: 'chua_du_co_so', expression: 'khoảng trên 25', op: 'gt', lo: 25, hi: null, actual: 9.8, actualKind: 'estimate', notes: [{ code: 'single_point' }],
    projection: proj([[2025, 9.8]], { requiredRate: 20.6 }),
  });
  outlook(3, {
    indicator: 'thu-nsnn-2030', indicatorName: 'Thu ngân sách nhà nước trên địa bàn', unit: 'tỷ đồng', aggregation: 'level', status: 'kho_dat',
    expression: 'khoảng 7.800', op: 'approx', lo: 7800, hi: null, actual: 4100, actualKind: 'estimate',
    projection: proj([[2024, 3650], [2025, 4100]], { observedRate: 12.33, requiredRate: 13.73 }),
  });
  return rec;
}

describe('the 2030 outlook of a review (review R1, A1, B3)', () => {
  const model = buildReportModel(review(), configAt('2026-01-09'), 'review');
  const text = itemText(model, 'Khả năng hoàn thành');

  it('groups the targets by verdict in a few paragraphs, never one line per target', () => {
    expect(text).not.toMatch(/^- /m);
    expect(text).toMatch(/^Có 1 chỉ tiêu có khả năng đạt: GRDP bình quân đầu người/m);
    expect(text).toMatch(/^Có 2 chỉ tiêu khó đạt: tỷ lệ đô thị hóa .*; thu ngân sách nhà nước trên địa bàn /m);
    expect(text).toContain('Còn 1 chỉ tiêu chưa đủ số liệu dự báo (mới có số liệu năm 2025; mức cần đạt bình quân mỗi năm nêu tại Phụ lục I).');
    expect(text).not.toContain('chưa đủ số liệu để dự báo');
  });

  it('gives a share its paces in percentage points, a level in %/năm, one decimal, each verdict with its reason', () => {
    // 37 -> 37,5 is 0,5 points; 45 by 2030 needs (45 - 37,5) / 5 = 1,5 points a year.
    expect(text).toContain('tỷ lệ đô thị hóa năm 2025 tăng 0,5 điểm phần trăm, trong khi bình quân mỗi năm cần tăng thêm khoảng 1,5 điểm phần trăm');
    expect(text).not.toMatch(/tăng 1,4%|3,71%\/năm/);
    expect(text).toContain('GRDP bình quân đầu người (theo giá hiện hành) bình quân 2021-2025 tăng 11,8%/năm, cao hơn mức cần 8,8%/năm');
    expect(text).toContain('thu ngân sách nhà nước trên địa bàn năm 2025 tăng 12,3%, thấp hơn mức cần 13,7%/năm');
    // One decimal throughout: no two-decimal rate anywhere in the outlook.
    expect(text).not.toMatch(/\d,\d\d(?!\d)/);
  });

  it('prints a window average of growth rates as Phụ lục I does (7,49, not 7,5), the pace it is compared with in one decimal', () => {
    const rec = review();
    Object.assign(rec.attainments[3]!, {
      indicator: 'grdp-tang-truong', indicatorName: 'Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)', unit: '%', aggregation: 'avg_growth',
      expression: 'khoảng trên 9,5', op: 'gt', lo: 9.5, actual: 7.49, figureBasis: 'window_average', figurePeriod: '2021-2025',
      projection: proj([[2021, 6.52], [2022, 7.01], [2023, 7.33], [2024, 8.12], [2025, 8.5]], { observedRate: 7.4921, requiredRate: 11.5384 }),
    });
    const t = itemText(buildReportModel(rec, configAt('2026-01-09'), 'review'), 'Khả năng hoàn thành');
    expect(t).toContain('bình quân 2021-2025 đạt 7,49%/năm, thấp hơn mức cần 11,5%/năm');
  });

  it('uses reconcile\'s paces in points when it gives them for a share', () => {
    const rec = review();
    Object.assign(rec.attainments[1]!.projection!, { observedPerYear: 0.6, requiredPerYear: 1.52 });
    const t = itemText(buildReportModel(rec, configAt('2026-01-09'), 'review'), 'Khả năng hoàn thành');
    expect(t).toContain('năm 2025 tăng 0,6 điểm phần trăm, trong khi bình quân mỗi năm cần tăng thêm khoảng 1,5 điểm phần trăm');
  });

  it('keeps the data-gap counts out of Hạn chế, yếu kém (A2) and drafts III by domain (B7)', () => {
    const limits = itemText(model, 'Hạn chế');
    expect(limits).not.toMatch(/chưa có số liệu|chưa đủ/);
    expect(limits).toContain('2 chỉ tiêu khó đạt mục tiêu đến năm 2030');
    const ahead = itemText(model, 'NHIỆM VỤ, GIẢI PHÁP');
    expect(ahead).toMatch(/^- Lĩnh vực kinh tế: tập trung chỉ đạo, có giải pháp cụ thể để thực hiện các chỉ tiêu khó đạt mục tiêu đến năm 2030: tỷ lệ đô thị hóa; thu ngân sách nhà nước trên địa bàn/m);
  });
});

describe('the domain and tasks sentences (review R1, B1, B9, B10, B11, C9)', () => {
  it('names an agency only for the targets it follows, and says when it has not sent them', () => {
    const rec = makeSampleReconciliation('2025-H1');
    const env = rec.attainments.filter((a) => a.domain === 'moi_truong');
    const blank = { status: 'chua_co_so_lieu', actual: null, actualKind: null, figureBasis: null, figurePeriod: null, comparePct: null, changePct: null, reportPeriodValue: null } as const;
    Object.assign(env[0]!, blank, { agency: null, sources: env[0]!.sources.map((x) => ({ ...x, agency: null })) });
    Object.assign(env[1]!, blank, { agency: 'ban-quan-ly-khu-kinh-te' });
    rec.agencies.push({ ...rec.agencies[3]!, agency: 'ban-quan-ly-khu-kinh-te', agencyName: 'Ban Quản lý Khu kinh tế tỉnh', missingIndicators: [env[1]!.indicator] });
    const text = bodyText(buildReportModel(rec, configAt('2025-06-24'), 'six-month'));
    expect(text).toContain(`Trong ${env.length} chỉ tiêu của lĩnh vực, 2 chỉ tiêu chưa có số liệu, trong đó 1 chỉ tiêu do Ban Quản lý Khu kinh tế tỉnh theo dõi chưa gửi số liệu (chi tiết tại Phụ lục I).`);
  });

  it('says a domain of one target without a figure plainly', () => {
    const rec = makeSampleReconciliation('2025');
    const qp = rec.attainments.find((a) => a.domain === 'quoc_phong_an_ninh')!;
    Object.assign(qp, { status: 'chua_co_so_lieu', actual: null, actualKind: null, figureBasis: null, figurePeriod: null, comparePct: null, changePct: null });
    const text = bodyText(buildReportModel(rec, configAt('2025-12-20'), 'annual'));
    expect(text).toContain('Lĩnh vực quốc phòng, an ninh có 01 chỉ tiêu, chưa có số liệu, do Cục Thống kê tỉnh Kon Tum theo dõi (chi tiết tại Phụ lục I).');
    expect(text).not.toContain('Chỉ tiêu duy nhất');
  });

  it('counts the tasks in scope and reported, with no zero count', () => {
    const rec = makeSampleReconciliation('2024');
    const text = bodyText(buildReportModel(rec, configAt('2025-01-20'), 'annual'));
    const reported = rec.tasks.filter((x) => x.status !== null).length;
    expect(reported).toBeLessThan(rec.tasks.length);
    expect(text).toContain(`Trong ${rec.tasks.length} nhiệm vụ, đề án đến hạn hoặc thực hiện thường xuyên, ${reported} nhiệm vụ đã có báo cáo kết quả (`);
    expect(text).not.toMatch(/(hoàn thành|đang triển khai|chưa triển khai|chưa thực hiện) 0\b/);
  });

  it('has no meta sentence, no sentence opening with a numeral, no nested brackets, and the social sectors in order', () => {
    const rec = makeSampleReconciliation('2025-H1');
    Object.assign(rec.attainments[0]!, { expression: '70 triệu đồng trở lên (tương đương trên 3.000 USD)', unit: 'triệu đồng/người', status: 'danh_gia_ca_nam', notes: [{ code: 'annual_measure' }] });
    rec.receivedFigures = [];
    const model = buildReportModel(rec, configAt('2025-06-24'), 'six-month');
    const text = bodyText(model);
    expect(text).not.toContain('Các số liệu khác đã nhận trong kỳ');
    expect(text).toContain('(kế hoạch: 70 triệu đồng trở lên, tương đương trên 3.000 USD)');
    expect(text).not.toMatch(/\([^()]*\([^()]*\)[^()]*\)\)/);
    expect(text).not.toContain('chỉ tiêu tính theo cả năm, đánh giá khi có số liệu cả năm (');
    for (const sentence of text.split(/(?<=\.)\s+|\n/)) expect(sentence).not.toMatch(/^\d/);
    const social = model.sections[0]!.items.find((i) => i.title === 'Lĩnh vực văn hóa - xã hội')!.points.map((p) => p.title);
    const order = ['Giáo dục và đào tạo', 'Y tế và dân số', 'Lao động, việc làm', 'Giảm nghèo, an sinh xã hội và công tác dân tộc', 'Văn hóa, thể thao'];
    expect(social).toEqual(order.filter((x) => social.includes(x)));
    expect(social.length).toBeGreaterThan(1);
  });
});

describe('a reference to an appendix never breaks (review R1, C10)', () => {
  it('puts a no-break space inside "Phụ lục I" and "Phụ lục II" in the HTML the PDF and DOCX are made from', async () => {
    const { renderReportHtml } = await import('../../pipeline/report/render-report-html.ts');
    const html = renderReportHtml(buildReportModel(makeSampleReconciliation('2025'), configAt('2025-12-20'), 'annual')).html;
    expect(html).toContain('chi tiết tại Phụ&nbsp;lục&nbsp;I)');
    expect(html).toContain('Phụ&nbsp;lục&nbsp;II)');
    expect(html).not.toMatch(/Phụ lục I{1,2}\)|Phụ lục&nbsp;/);
  });
});
