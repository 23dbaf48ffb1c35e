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
