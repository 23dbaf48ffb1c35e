import { describe, expect, it } from 'vitest';
import { changeCell, taskResult } from '../../pipeline/report/build-appendices.ts';

describe('Phụ lục I "So cùng kỳ" by kind of indicator (review R1 of issue 10, B4)', () => {
  it('prints the change of a rate or share in points with its sign, as the body says "tăng 0,5 điểm phần trăm"', () => {
    // Tỷ lệ đô thị hóa 37,5% against 37,0%: the ratio would read 101,4.
    expect(changeCell('%', 1.35, 0.5)).toBe('+0,5');
    expect(changeCell('%', -2.5, -0.5)).toBe('-0,5');
    expect(changeCell('‰', -3, -0.4)).toBe('-0,4');
    expect(changeCell('%', 0, 0)).toBe('0,0');
    expect(changeCell('%', 1.2, null)).toBe('-');
  });

  it('keeps thực hiện / cùng kỳ × 100 for levels and totals', () => {
    // GRDP per head 72 against 66,5: 108,3.
    expect(changeCell('triệu đồng/người', 8.270677, null)).toBe('108,3');
    expect(changeCell('tỷ đồng', 12.328767, null)).toBe('112,3');
    expect(changeCell('tỷ đồng', null, null)).toBe('-');
  });
});

describe('Phụ lục II "Kết quả thực hiện" (review R1 of issue 10, C8)', () => {
  it('prints the status once and drops the agency text restating it', () => {
    expect(taskResult('hoan_thanh', false, 'Đã hoàn thành, báo cáo UBND tỉnh.')).toBe('Hoàn thành, báo cáo UBND tỉnh.');
    expect(taskResult('dang_thuc_hien', false, 'Đang triển khai theo kế hoạch.')).toBe('Đang thực hiện theo kế hoạch.');
    expect(taskResult('dang_thuc_hien', false, 'Đang triển khai.')).toBe('Đang thực hiện');
    expect(taskResult('hoan_thanh', false, 'Đã hoàn thành. Ban hành Quyết định số 12/QĐ-UBND.')).toBe('Hoàn thành. Ban hành Quyết định số 12/QĐ-UBND.');
  });

  it('keeps a text that adds something, and the overdue mark', () => {
    expect(taskResult('dang_thuc_hien', true, 'Đã trình UBND tỉnh dự thảo đề án.')).toBe('Đang thực hiện (quá thời hạn). Đã trình UBND tỉnh dự thảo đề án.');
    expect(taskResult('chua_thuc_hien', false, null)).toBe('Chưa thực hiện');
  });
});

describe('document numbers wrap at "/" without a character in the text (review R1 of issue 10, C3)', () => {
  it('writes <wbr> after "/" in the Căn cứ and ĐVT cells, escapes the text around it, and never U+200B', async () => {
    const { parseConfig } = await import('../../pipeline/config/resolve-config.ts');
    const { buildReportModel } = await import('../../pipeline/report/build-report-model.ts');
    const { renderReportHtml } = await import('../../pipeline/report/render-report-html.ts');
    const { makeSampleReconciliation } = await import('./fixtures/make-sample-reconciliation.ts');
    const rec = makeSampleReconciliation('2024');
    rec.attainments[0]!.unit = 'triệu đồng/<b>người</b>';
    const html = renderReportHtml(buildReportModel(rec, parseConfig({ report: { date: '2024-07-05', number: 5 } }), 'annual')).html;
    expect(html).not.toContain('\u200b');
    expect(html).toContain('<td class="align-center">434/<wbr>KH-UBND</td>');
    // Agency or register text stays escaped data; only the "/" gains a break opportunity.
    expect(html).toContain('triệu đồng/<wbr>&lt;b&gt;người&lt;/<wbr>b&gt;');
  });
});
