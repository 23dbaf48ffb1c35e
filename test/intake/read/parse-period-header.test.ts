import { describe, expect, it } from 'vitest';
import { parsePeriodHeader } from '../../../pipeline/intake/read/parse-period-header.ts';
import { parsePeriod } from '../../../pipeline/shared/parse-period.ts';

const H1 = parsePeriod('2024-H1');

describe('parsePeriodHeader', () => {
  it.each([
    ['Năm 2023', '2023', 'actual'],
    ['Thực hiện 6 tháng năm 2024', '2024-H1', 'actual'],
    ['Ước thực hiện 6 tháng năm 2024', '2024-H1', 'estimate'],
    ['Kế hoạch năm 2024', '2024', 'plan'],
    ['Cùng kỳ', '2023-H1', 'actual'],
    ['Thực hiện cùng kỳ năm trước', '2023-H1', 'actual'],
    ['2021', '2021', 'actual'],
    ['Ước TH cả năm 2024', '2024', 'estimate'],
    ['TH 6T/2024', '2024-H1', 'actual'],
    ['Quý I/2024', '2024-Q1', 'actual'],
    ['6 tháng cuối năm 2023', '2023-H2', 'actual'],
    ['Thực hiện', '2024-H1', 'actual'],
    ['Ước thực hiện', '2024-H1', 'estimate'],
    ['Kế hoạch', '2024', 'plan'],
    ['Giai đoạn 2021-2025', '2021-2025', 'actual'],
    ['Năm 2024 Kế hoạch', '2024', 'plan'],
    ['Năm 2024 Thực hiện 6 tháng', '2024-H1', 'actual'],
  ])('reads "%s" as %s %s', (label, period, kind) => {
    expect(parsePeriodHeader(label, H1)).toMatchObject({ type: 'value', period, kind });
  });

  it.each(['So sánh (%)', 'TH/KH (%)', 'Ước TH 6 tháng so với cùng kỳ (%)', 'Tăng/giảm so với năm 2023'])(
    'treats "%s" as a comparison column',
    (label) => {
      expect(parsePeriodHeader(label, H1)).toEqual({ type: 'comparison' });
    },
  );

  it('keeps "Đánh giá thực hiện năm 2024" a figure column (budget forms), unlike "Đánh giá kết quả"', () => {
    expect(parsePeriodHeader('Đánh giá thực hiện năm 2024', H1)).toMatchObject({ type: 'value', period: '2024' });
  });

  it('reports a nine-month column as a period it does not support', () => {
    expect(parsePeriodHeader('9 tháng năm 2024', H1)).toMatchObject({ type: 'unsupported' });
  });

  it.each(['Chỉ tiêu', 'Đơn vị tính', 'Ghi chú', 'STT', 'Thuyết minh số liệu năm 2024', 'Đánh giá kết quả 6 tháng năm 2024', 'Nhận xét, đánh giá năm 2024'])('says nothing about "%s"', (label) => {
    expect(parsePeriodHeader(label, H1)).toBeNull();
  });
});
