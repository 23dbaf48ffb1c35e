// Report stage: the view model: issuer by report date, period-era names from the data, the sentences, the outline.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../pipeline/config/resolve-config.ts';
import { buildReportModel } from '../../pipeline/report/build-report-model.ts';
import { chooseIssuer } from '../../pipeline/report/choose-issuer.ts';
import { describeAttainment, withUnit } from '../../pipeline/report/describe-attainment.ts';
import { renderReportHtml } from '../../pipeline/report/render-report-html.ts';
import { makeSampleReconciliation } from './fixtures/make-sample-reconciliation.ts';

const configAt = (date: string, extra: object = {}) => parseConfig({ report: { date, number: 5, ...extra } });

describe('buildReportModel', () => {
  it('signs a 2024 report written in 2026 with the issuer in force in 2026, quoting the names of 2024', () => {
    const model = buildReportModel(makeSampleReconciliation('2024-H1'), configAt('2026-01-15'), 'six-month');
    expect(model.header.parentName).toBe('UBND TỈNH QUẢNG NGÃI');
    expect(model.header.issuerName).toBe('SỞ TÀI CHÍNH');
    expect(model.header.numberLine).toBe('Số: 05/BC-STC');
    expect(model.header.placeDateLine).toBe('Quảng Ngãi, ngày 15 tháng 01 năm 2026');
    // The agencies that owe figures are chased from the checklist, named as they were in 2024.
    const text = JSON.stringify(model.checklist);
    expect(text).toContain('Sở Lao động - Thương binh và Xã hội');
    expect(text).toContain('UBND huyện Ngọc Hồi');
    expect(JSON.stringify(model.sections)).not.toContain('Đôn đốc');
    expect(model.intro[0]).toContain('Ủy ban nhân dân tỉnh Kon Tum');
  });

  it.each([
    ['2025-02-28', 'SỞ KẾ HOẠCH VÀ ĐẦU TƯ', 'Kon Tum'],
    ['2025-03-01', 'SỞ TÀI CHÍNH', 'Kon Tum'],
    ['2025-07-01', 'SỞ TÀI CHÍNH', 'Quảng Ngãi'],
  ])('chooses the issuer valid on %s', (date, name, place) => {
    const issuer = chooseIssuer(configAt(date).issuers, date);
    expect(issuer.name).toBe(name);
    expect(issuer.place).toBe(place);
  });

  it('writes the Party header in Party style', () => {
    const model = buildReportModel(makeSampleReconciliation('2024'), configAt('2025-08-01', { style: 'party' }), 'annual');
    expect(model.isParty).toBe(true);
    expect(model.header.numberLine).toBe('Số 05-BC/ĐU');
    expect(model.signature.authority).toBe('T/M ĐẢNG ỦY');
    const html = renderReportHtml(model).html;
    expect(html).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(html).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('tells the economy sector by sector, lettered a b c d đ, in the order provincial reports follow', () => {
    const model = buildReportModel(makeSampleReconciliation('2024-H1'), configAt('2024-07-05'), 'six-month');
    const economy = model.sections[0]!.items[0]!;
    expect(economy.title).toBe('Lĩnh vực kinh tế');
    expect(economy.points.map((p) => `${p.letter}) ${p.title}`)).toEqual([
      'a) Tăng trưởng và cơ cấu kinh tế',
      'b) Nông, lâm nghiệp, thủy sản và xây dựng nông thôn mới',
      'c) Thương mại, dịch vụ và du lịch',
      'd) Thu, chi ngân sách nhà nước',
      'đ) Đầu tư phát triển và doanh nghiệp',
    ]);
  });

  it('puts several figures of a sector in one paragraph', () => {
    const model = buildReportModel(makeSampleReconciliation('2024-H1'), configAt('2024-07-05'), 'six-month');
    const growth = model.sections[0]!.items[0]!.points[0]!;
    expect(growth.blocks).toHaveLength(1);
    expect((growth.blocks[0] as { text: string }).text).toMatch(/^Tốc độ tăng trưởng .*\. GRDP bình quân đầu người .*\.$/);
  });

  it('names the targets without figures once per domain, with the agencies that owe them', () => {
    const model = buildReportModel(makeSampleReconciliation('2024-H1'), configAt('2024-07-05'), 'six-month');
    const economy = model.sections[0]!.items[0]!;
    expect(economy.blocks.map((b) => ('text' in b ? b.text : ''))).toContain(
      'Trong 9 chỉ tiêu của lĩnh vực, 1 chỉ tiêu chưa có số liệu, do Cục Thống kê tỉnh Kon Tum theo dõi (chi tiết tại Phụ lục I).',
    );
    expect(JSON.stringify(model.sections)).not.toContain('Các chỉ tiêu chưa có số liệu');
  });

  it('counts the targets judged and draws only those, with the rest counted in the caption', () => {
    const model = buildReportModel(makeSampleReconciliation('2024-H1'), configAt('2024-07-05'), 'six-month');
    const [overview, chart] = model.sections[0]!.blocks;
    // 19 judged + 1 with a figure but no verdict (số doanh nghiệp, khong_danh_gia) + 1 without a figure (OCOP) = 21.
    expect((overview as { text: string }).text).toMatch(
      /^Trong 21 chỉ tiêu kế hoạch được theo dõi trong 6 tháng đầu năm 2024, 19 chỉ tiêu đã có số liệu để đánh giá, trong đó 13 chỉ tiêu có khả năng đạt, 6 chỉ tiêu khó đạt; 1 chỉ tiêu đã có số liệu nhưng chưa đủ cơ sở đánh giá; 1 chỉ tiêu chưa có số liệu \(chi tiết tại Phụ lục I\)/,
    );
    const c = (chart as { kind: 'chart'; chart: { rows: { label: string; value: number }[]; caption: string } }).chart;
    expect(c.rows.map((r) => r.label)).not.toContain('Chưa có số liệu');
    expect(c.rows.reduce((n, r) => n + r.value, 0)).toBe(19);
    expect(c.caption).toContain('không thể hiện trên biểu đồ: 1 chỉ tiêu đã có số liệu nhưng chưa đủ cơ sở đánh giá; 1 chỉ tiêu chưa có số liệu');
  });

  it('keeps internal data checks and agency follow-up out of the report and in the checklist', () => {
    const model = buildReportModel(makeSampleReconciliation('2024-H1'), configAt('2024-07-05'), 'six-month');
    const body = JSON.stringify(model.sections);
    expect(body).not.toMatch(/trường hợp cần xử lý|Số liệu giữa các nguồn chưa thống nhất/);
    const titles = model.checklist.groups.map((g) => g.title);
    expect(titles).toContain('Số liệu giữa các nguồn chưa thống nhất');
    expect(model.checklist.groups.find((g) => g.title.startsWith('Thể thức'))!.items.join(' ')).toContain('Chưa có họ tên người ký');
    expect(model.checklist.groups.find((g) => g.title.startsWith('Phần nội dung còn để trống'))!.items.join(' ')).toContain('Nguyên nhân');
  });

  it('keeps the 2030 targets of a tổng kết apart: out of the sector counts and the chart, in the outlook item', () => {
    const rec = makeSampleReconciliation('2021-2025');
    rec.attainments.forEach((a, i) => {
      if (i < 5) Object.assign(a, { judgement: 'outlook', targetPeriod: '2021-2030', status: i % 2 ? 'kho_dat' : 'co_kha_nang_dat' });
      else Object.assign(a, { judgement: 'final', status: a.actual === null ? 'chua_co_so_lieu' : 'dat' });
    });
    const model = buildReportModel(rec, configAt('2026-01-09'), 'review');
    const [overview, chart] = model.sections[0]!.blocks;
    expect((overview as { text: string }).text).toContain('Ngoài ra, 5 chỉ tiêu có mục tiêu đến năm 2030 được đánh giá khả năng hoàn thành');
    expect((chart as { kind: 'chart'; chart: { rows: { label: string }[] } } | undefined)?.chart.rows.map((r) => r.label) ?? []).not.toContain('Khó đạt');
    expect(model.sections[0]!.items.map((i) => i.title)).toContain('Khả năng hoàn thành các mục tiêu đến năm 2030');
  });

  it('never ends a list of targets with an ellipsis: names them all or counts the rest with the appendix', () => {
    const model = buildReportModel(makeSampleReconciliation('2024', { extraRows: 12 }), configAt('2025-01-20'), 'annual');
    const body = JSON.stringify(model.sections);
    expect(body).not.toMatch(/; \.\.\.|…\)/);
    expect(body).toMatch(/chỉ tiêu không đạt kế hoạch \(.*?; chỉ tiêu bổ sung số 1 [^;()]* và 12 chỉ tiêu khác, chi tiết tại Phụ lục I\)/);
    const few = JSON.stringify(buildReportModel(makeSampleReconciliation('2024', { extraRows: 2 }), configAt('2025-01-20'), 'annual').sections);
    expect(few).not.toContain('chỉ tiêu khác');
    expect(few).toContain('chỉ tiêu bổ sung số 2 về phát triển hạ tầng');
  });

  it('prints one target per row in Phụ lục I, the governing one, and lists the other documents\' targets in the checklist', () => {
    const rec = makeSampleReconciliation('2024');
    const a = rec.attainments[0]!;
    const source = (document: string, expression: string, used: boolean) => ({
      targetId: `${document}:1`, document, documentLabel: document, expression, targetPeriod: '2024', op: 'gte', lo: 1, hi: null,
      sourceRef: `${document}, STT 1`, agency: null, actual: a.actual, status: a.status, comparePct: a.comparePct, used,
    });
    a.sources = [source('NQ-12', 'khoảng 5.000 tỷ đồng', true), source('KH-434', 'trên 5.000 tỷ đồng', false)];
    a.sourceChoice = 'binding';
    const model = buildReportModel(rec, configAt('2025-01-20'), 'annual');
    const appendix = JSON.stringify(model.appendices[0]);
    expect(appendix).toContain('khoảng 5.000 tỷ đồng');
    expect(appendix).not.toContain('trên 5.000 tỷ đồng');
    const group = model.checklist.groups.find((g) => g.title === 'Chỉ tiêu được các văn bản giao mục tiêu khác nhau')!;
    expect(group.items).toEqual([
      `${a.indicatorName}: đang đánh giá theo khoảng 5.000 tỷ đồng (NQ-12, 2024) (văn bản có hiệu lực pháp lý cao hơn); văn bản khác: trên 5.000 tỷ đồng (KH-434, 2024).`,
    ]);
  });

  it('speaks of the tasks reported on, and lists the unreported ones and the agencies to chase in the checklist', () => {
    const model = buildReportModel(makeSampleReconciliation('2024'), configAt('2025-01-20'), 'annual');
    const body = JSON.stringify(model.sections);
    // How many are in scope and how many reported, no zero counts (review R1, B9).
    expect(body).toContain('Trong 4 nhiệm vụ, đề án đến hạn hoặc thực hiện thường xuyên, 3 nhiệm vụ đã có báo cáo kết quả (');
    expect(body).not.toMatch(/(hoàn thành|đang triển khai|chưa triển khai) 0\b/);
    expect(body).not.toMatch(/chưa có báo cáo kết quả|Đôn đốc/);
    const tasks = model.checklist.groups.find((g) => g.title.startsWith('Nhiệm vụ, đề án chưa có báo cáo kết quả'))!;
    expect(tasks.title).toBe('Nhiệm vụ, đề án chưa có báo cáo kết quả');
    expect(tasks.advice).toMatch(/^1 trong 4 nhiệm vụ, đề án của báo cáo chưa có báo cáo kết quả/);
    expect(tasks.items).toHaveLength(1);
    expect(tasks.items[0]).toMatch(/: Rà soát, điều chỉnh quy hoạch sử dụng đất cấp huyện \(thời hạn /);
  });

  it('lists in the checklist the targets without figures that no agency follows, since the body cannot name who owes them', () => {
    const rec = makeSampleReconciliation('2024');
    const missing = rec.attainments.filter((a) => a.actual === null);
    missing[0]!.agency = null;
    const model = buildReportModel(rec, configAt('2025-01-20'), 'annual');
    const group = model.checklist.groups.find((g) => g.title.startsWith('Chỉ tiêu chưa có số liệu và chưa xác định cơ quan theo dõi'))!;
    expect(group.title).toBe('Chỉ tiêu chưa có số liệu và chưa xác định cơ quan theo dõi');
    expect(group.items).toEqual([`${missing[0]!.indicatorName} (${missing[0]!.documentLabel}).`]);
  });

  it('leaves the number for the văn thư as "Số: ....../BC-STC"', () => {
    const model = buildReportModel(makeSampleReconciliation('2025'), parseConfig({ report: { date: '2025-12-20' } }), 'annual');
    expect(model.header.numberLine).toBe('Số: ....../BC-STC');
  });

  it('states the scope after the 2025 merger when the plans are the former Kon Tum\'s', () => {
    const model = buildReportModel(makeSampleReconciliation('2025'), parseConfig({ report: { date: '2025-12-20' } }), 'annual');
    expect(model.intro.join(' ')).toContain('tỉnh Kon Tum (cũ)');
    expect(model.header.placeDateLine).toBe('Quảng Ngãi, ngày 20 tháng 12 năm 2025');
  });

  it('calls a review of part of the plan a sơ kết and of the whole plan a tổng kết', () => {
    const partial = buildReportModel(makeSampleReconciliation('2021-2023'), configAt('2024-02-01'), 'review');
    expect(partial.header.summary).toBe('Sơ kết giai đoạn 2021-2023 thực hiện kế hoạch phát triển kinh tế - xã hội 5 năm 2021-2025');
    const whole = buildReportModel(makeSampleReconciliation('2021-2025'), configAt('2026-02-01'), 'review');
    expect(whole.header.summary).toBe('Tổng kết thực hiện kế hoạch phát triển kinh tế - xã hội 5 năm 2021-2025');
  });

  it('gives a total target that is hard to reach the amount a year it still needs', () => {
    const reconciliation = makeSampleReconciliation('2021-2023');
    const total = reconciliation.attainments[3]!;
    total.aggregation = 'cumulative';
    total.status = 'kho_dat';
    total.projection = {
      points: [{ year: 2021, value: 1200 }, { year: 2022, value: 1300 }, { year: 2023, value: 1400 }],
      projected: 6500,
      observedRate: null,
      requiredRate: null,
      ratio: 0.7,
      remainingYears: [2024, 2025],
      observedPerYear: 1300,
      requiredPerYear: 2800,
    };
    const model = buildReportModel(reconciliation, configAt('2024-02-01'), 'review');
    const outlook = model.sections[0]!.items.find((x) => x.title === 'Khả năng hoàn thành các mục tiêu đến năm 2025')!;
    const line = outlook.blocks.map((b) => ('text' in b ? b.text : '')).find((t) => t.toLocaleLowerCase('vi').includes(total.indicatorName.toLocaleLowerCase('vi')))!;
    expect(line).toContain(`${total.indicatorName.charAt(0).toLocaleLowerCase('vi')}${total.indicatorName.slice(1)} bình quân 2021-2023 đạt 1.300 ${total.unit}/năm, thấp hơn mức cần 2.800 ${total.unit}/năm`);
  });

  it('refuses a kind that does not fit the period', () => {
    expect(() => buildReportModel(makeSampleReconciliation('2024'), configAt('2024-07-05'), 'six-month')).toThrow(/6 tháng/);
  });

  it('numbers only the sections that print (Kiến nghị left empty is not printed) and puts the targets in Phụ lục I', () => {
    const model = buildReportModel(makeSampleReconciliation('2024'), configAt('2025-01-10'), 'annual');
    expect(model.sections.map((s) => `${s.roman}. ${s.title}`)).toEqual(['I. KẾT QUẢ THỰC HIỆN NĂM 2024', 'II. ĐÁNH GIÁ CHUNG', 'III. NHIỆM VỤ, GIẢI PHÁP NĂM 2025']);
    expect(model.appendices.map((a) => a.label)).toEqual(['Phụ lục I', 'Phụ lục II']);
    expect(model.appendices[0]!.columns.map((c) => c.label)).toEqual([
      'TT', 'Chỉ tiêu', 'ĐVT', 'Căn cứ', 'Kế hoạch', 'Thực hiện/ Ước TH', 'So KH (%)', 'Đánh giá',
    ]);
    // No row has a cùng kỳ figure: the two cùng kỳ columns are dropped, not printed "-" in every row (review R1, B8).
    expect(model.appendices[0]!.notes.join(' ')).toContain('Chưa có số liệu cùng kỳ năm trước');
  });
});

describe('describeAttainment', () => {
  const rec = makeSampleReconciliation('2024-H1');

  it('writes the budget sentence of a six-month report', () => {
    expect(describeAttainment(rec.attainments[0]!, rec.period, { planPhrase: 'kế hoạch năm' })).toBe(
      'Thu ngân sách nhà nước trên địa bàn 6 tháng ước đạt 1.245,8 tỷ đồng, bằng 30,0% kế hoạch năm, tăng 8,2% so với cùng kỳ; khó đạt kế hoạch.',
    );
    // Without knowing the document, the sentence names the target's year, never "kế hoạch năm" (review finding 4).
    expect(describeAttainment(rec.attainments[0]!, rec.period)).toContain('bằng 30,0% mục tiêu năm 2024,');
  });

  it('gives the change of a rate in percentage points when reconcile provides it', () => {
    const a = { ...rec.attainments[11]!, changePoints: 0.8 };
    expect(describeAttainment(a, rec.period)).toContain('92,75% (kế hoạch: trên 95%), tăng 0,8 điểm phần trăm so với cùng kỳ');
  });

  it.each([
    ['Trên 10', '%', 'Trên 10%'],
    ['từ 95 trở lên', '%', 'từ 95% trở lên'],
    ['Giảm 3-4%/năm', '%', 'Giảm 3-4%/năm'],
    ['19-20', '%', '19-20%'],
    ['Từ 50 trở lên', 'sản phẩm', 'Từ 50 sản phẩm trở lên'],
    ['Dưới 18', '‰', 'Dưới 18‰'],
    ['70 triệu đồng trở lên (tương đương trên 3.000 USD)', 'triệu đồng/người', '70 triệu đồng trở lên (tương đương trên 3.000 USD)'],
    ['Trên 110', 'triệu đồng/người', 'Trên 110 triệu đồng/người'],
  ])('puts the unit into the target "%s" (%s): %s', (expression, unit, expected) => {
    expect(withUnit(expression, unit)).toBe(expected);
  });
});
