// Report stage: the Vietnamese formatting helpers (numbers, percent, per-mille, dates, outline letters).
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../pipeline/shared/format-number.ts';
import { formatPercent } from '../../pipeline/shared/format-percent.ts';
import { formatPerMille } from '../../pipeline/shared/format-per-mille.ts';
import { formatQuantity } from '../../pipeline/shared/format-quantity.ts';
import { formatVietnameseDate } from '../../pipeline/report/format/format-vietnamese-date.ts';
import { formatDateLine } from '../../pipeline/report/format/format-date-line.ts';
import { formatShortDate } from '../../pipeline/report/format/format-short-date.ts';
import { outlineLetter } from '../../pipeline/report/format/outline-letter.ts';
import { toRoman } from '../../pipeline/report/format/to-roman.ts';
import { formatReportNumber } from '../../pipeline/report/format/format-report-number.ts';

describe('formatNumber', () => {
  it.each([
    [1245.8, undefined, '1.245,8'],
    [7800, undefined, '7.800'],
    [1234567.891, undefined, '1.234.567,89'],
    [0.5, undefined, '0,5'],
    [-1245.8, undefined, '-1.245,8'],
    [30, { decimals: 1 }, '30,0'],
    [92.75, undefined, '92,75'],
    [1.005, { decimals: 2 }, '1,01'],
    [-0.001, undefined, '0'],
    [999.999, { decimals: 1 }, '1.000,0'],
    [100, undefined, '100'],
    [4.06, { decimals: 1 }, '4,1'],
    [92.75, { maxDecimals: 10 }, '92,75'],
    [7800, { maxDecimals: 10 }, '7.800'],
    [2.5e22, undefined, '25.000.000.000.000.000.000.000'],
  ])('formats %s with %o as %s', (value, options, expected) => {
    expect(formatNumber(value, options)).toBe(expected);
  });

  it('refuses NaN', () => {
    expect(() => formatNumber(Number.NaN)).toThrow();
  });
});

describe('formatPercent and formatPerMille', () => {
  it.each([
    [9.5, undefined, '9,5%'],
    [30, 1, '30,0%'],
    [92.75, undefined, '92,75%'],
    [8.2, 1, '8,2%'],
  ])('writes %s (decimals %s) as %s, without a space before %', (value, decimals, expected) => {
    expect(formatPercent(value, decimals)).toBe(expected);
  });

  it.each([
    [12, '12‰'],
    [14.5, '14,5‰'],
  ])('writes %s per mille as %s', (value, expected) => {
    expect(formatPerMille(value)).toBe(expected);
  });

  it.each([
    [1245.8, 'tỷ đồng', '1.245,8 tỷ đồng'],
    [9.5, '%', '9,5%'],
    [12, '‰', '12‰'],
    [85, 'xã', '85 xã'],
  ])('puts the unit of %s %s after the number: %s', (value, unit, expected) => {
    expect(formatQuantity(value, unit)).toBe(expected);
  });
});

describe('dates', () => {
  it.each([
    ['2023-07-05', 'ngày 05 tháng 7 năm 2023'],
    ['2024-01-15', 'ngày 15 tháng 01 năm 2024'],
    ['2024-02-09', 'ngày 09 tháng 02 năm 2024'],
    ['2024-03-01', 'ngày 01 tháng 3 năm 2024'],
    ['2024-12-31', 'ngày 31 tháng 12 năm 2024'],
    ['2024-10-10', 'ngày 10 tháng 10 năm 2024'],
  ])('writes %s as "%s" (days below 10 and months 1, 2 padded)', (iso, expected) => {
    expect(formatVietnameseDate(iso)).toBe(expected);
  });

  it('writes the place and date line', () => {
    expect(formatDateLine('Kon Tum', '2023-07-05')).toBe('Kon Tum, ngày 05 tháng 7 năm 2023');
  });

  it.each([
    ['2024-06-14', '14/6/2024'],
    ['2023-12-15', '15/12/2023'],
    ['2024-02-05', '05/02/2024'],
    ['2024-01-01', '01/01/2024'],
  ])('writes the short date %s as %s', (iso, expected) => {
    expect(formatShortDate(iso)).toBe(expected);
  });

  it('refuses a date that is not ISO', () => {
    expect(() => formatVietnameseDate('5/7/2023')).toThrow();
  });
});

describe('outline numbering', () => {
  it.each([
    [0, 'a'],
    [3, 'd'],
    [4, 'đ'],
    [5, 'e'],
    [6, 'g'],
    [7, 'h'],
    [8, 'i'],
    [9, 'k'],
    [22, 'y'],
    [23, 'aa'],
  ])('letters point %i as %s', (index, expected) => {
    expect(outlineLetter(index)).toBe(expected);
  });

  it.each([
    [1, 'I'],
    [4, 'IV'],
    [9, 'IX'],
    [14, 'XIV'],
  ])('writes section %i as %s', (n, expected) => {
    expect(toRoman(n)).toBe(expected);
  });

  it.each([
    [5, 'STC', 'state', 'Số: 05/BC-STC'],
    [123, 'STC', 'state', 'Số: 123/BC-STC'],
    [15, 'TU', 'party', 'Số 15-BC/TU'],
  ] as const)('writes report number %i/%s in %s style as %s', (n, symbol, style, expected) => {
    expect(formatReportNumber(n, symbol, style)).toBe(expected);
  });

  it('leaves dots for the number when it is not yet given, for the văn thư to fill', () => {
    expect(formatReportNumber(null, 'STC', 'state')).toBe('Số: ....../BC-STC');
  });
});
