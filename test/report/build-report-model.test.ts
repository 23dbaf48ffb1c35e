// Report stage: the view model: issuer by report date, period-era names from the data, the sentences, the outline.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../pipeline/config/resolve-config.ts';
import { buildReportModel } from '../../pipeline/report/build-report-model.ts';
import { chooseIssuer } from '../../pipeline/report/choose-issuer.ts';
import { describeAttainment, withUnit } from '../../pipeline/report/describe-attainment.ts';
import { renderReportHtml } from '../../pipeline/report/render-report-html.ts';
import { makeSampleReconciliation, SAMPLE_NAMES } from './fixtures/make-sample-reconciliation.ts';

const configAt = (date: string, extra: object = {}) => parseConfig({ report: { date, number: 5, ...extra } });

describe('buildReportModel', () => {
  it('signs a 2024 report written in 2026 with the issuer in force in 2026, quoting the names of 2024', () => {
    const model = buildReportModel(makeSampleReconciliation('2024-H1'), configAt('2026-01-15'), 'six-month', SAMPLE_NAMES);
    expect(model.header.parentName).toBe('UBND TỈNH QUẢNG NGÃI');
    expect(model.header.issuerName).toBe('SỞ TÀI CHÍNH');
    expect(model.header.numberLine).toBe('Số: 05/BC-STC');
    expect(model.header.placeDateLine).toBe('Quảng Ngãi, ngày 15 tháng 01 năm 2026');
    const text = JSON.stringify(model.sections);
    expect(text).toContain('Sở Lao động - Thương binh và Xã hội');
    expect(text).toContain('UBND huyện Ngọc Hồi');
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

  it('letters the points of a domain a b c d đ e g', () => {
    const reconciliation = makeSampleReconciliation('2024');
    // Seven verdict groups in one domain: final verdicts beside the outlook of targets that end later.
    const groups = [['vuot', 'final'], ['dat', 'final'], ['co_kha_nang_dat', 'outlook'], ['kho_dat', 'outlook'], ['khong_dat', 'final'], ['chua_co_so_lieu', 'final'], ['khong_danh_gia', 'final']] as const;
    groups.forEach(([status, judgement], i) => Object.assign(reconciliation.attainments[i]!, { status, judgement }));
    const model = buildReportModel(reconciliation, configAt('2025-01-05'), 'annual');
    const economy = model.sections[0]!.items[0]!;
    expect(economy.points.map((p) => p.letter)).toEqual(['a', 'b', 'c', 'd', 'đ', 'e', 'g']);
  });

  it('counts the targets met and not met', () => {
    const model = buildReportModel(makeSampleReconciliation('2024-H1'), configAt('2024-07-05'), 'six-month');
    expect((model.sections[0]!.blocks[0] as { text: string }).text).toMatch(/^Trong tổng số 21 chỉ tiêu được theo dõi 6 tháng, có 13 chỉ tiêu có khả năng đạt, 6 chỉ tiêu khó đạt/);
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
    const outlook = model.sections.find((x) => x.title === 'DỰ BÁO KHẢ NĂNG HOÀN THÀNH MỤC TIÊU')!;
    const line = outlook.blocks.map((b) => ('text' in b ? b.text : '')).find((t) => t.includes(total.indicatorName))!;
    expect(line).toContain(`bình quân đạt 1.300 ${total.unit}/năm, cần 2.800 ${total.unit}/năm trong giai đoạn 2024-2025`);
  });

  it('refuses a kind that does not fit the period', () => {
    expect(() => buildReportModel(makeSampleReconciliation('2024'), configAt('2024-07-05'), 'six-month')).toThrow(/6 tháng/);
  });

  it('numbers the sections I, II, III and puts the targets table in Phụ lục I', () => {
    const model = buildReportModel(makeSampleReconciliation('2024'), configAt('2025-01-10'), 'annual');
    expect(model.sections.map((s) => s.roman)).toEqual(['I', 'II', 'III', 'IV']);
    expect(model.appendices.map((a) => a.label)).toEqual(['Phụ lục I', 'Phụ lục II']);
    expect(model.appendices[0]!.columns.map((c) => c.label)).toEqual(['STT', 'Chỉ tiêu', 'ĐVT', 'Kế hoạch', 'Thực hiện/ Ước thực hiện', 'So sánh (%)', 'Đánh giá']);
  });
});

describe('describeAttainment', () => {
  const rec = makeSampleReconciliation('2024-H1');

  it('writes the budget sentence of a six-month report', () => {
    expect(describeAttainment(rec.attainments[0]!, rec.period)).toBe(
      'Thu ngân sách nhà nước trên địa bàn 6 tháng ước đạt 1.245,8 tỷ đồng, bằng 30,0% dự toán năm, tăng 8,2% so với cùng kỳ; khó đạt kế hoạch.',
    );
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
  ])('puts the unit into the target "%s" (%s): %s', (expression, unit, expected) => {
    expect(withUnit(expression, unit)).toBe(expected);
  });
});
