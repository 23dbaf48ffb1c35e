import { describe, expect, it } from 'vitest';
import {
  parseVietnameseNumber,
  VietnameseNumberError,
} from '../../pipeline/registry/parse-vietnamese-number.ts';

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

// Figures as the five plan documents print them (decimal comma, thousands dot), and what agencies type.
const READINGS: Array<[text: string, value: number]> = [
  ['7.800', 7800],
  ['9,5', 9.5],
  ['1.245,8', 1245.8],
  ['12.650', 12650],
  ['0,5', 0.5],
  ['06', 6],
  ['01', 1],
  ['05', 5],
  ['0', 0],
  ['100', 100],
  ['92,75', 92.75],
  ['97,06', 97.06],
  ['32,5', 32.5],
  ['118.000', 118000],
  ['620.000', 620000],
  ['1.000.000', 1000000],
  ['1234', 1234],
  ['12.650,5', 12650.5],
  ['0,125', 0.125],
  [' 38,4 ', 38.4],
  ['-2,3', -2.3],
  ['\u22121.500', -1500],
  ['+5', 5],
  ['-0', 0],
];

// Text that is not a number, or that a reader could take two ways.
const REFUSALS: Array<[text: string, reason: string]> = [
  ['', 'chuỗi rỗng'],
  ['   ', 'chuỗi rỗng'],
  ['7.80', 'dấu chấm chỉ dùng để ngăn nhóm ba chữ số'],
  ['1.5', 'dấu chấm chỉ dùng để ngăn nhóm ba chữ số'],
  ['1.2345', 'dấu chấm chỉ dùng để ngăn nhóm ba chữ số'],
  ['1.000.00', 'dấu chấm chỉ dùng để ngăn nhóm ba chữ số'],
  ['1,245.8', 'kiểu tiếng Anh'],
  ['12,650', 'có thể là số thập phân'],
  ['1,000', 'có thể là số thập phân'],
  ['01.000', 'không được bắt đầu bằng chữ số 0'],
  ['1,2,3', 'nhiều dấu phẩy'],
  [',5', 'phải bắt đầu và kết thúc bằng chữ số'],
  ['5,', 'phải bắt đầu và kết thúc bằng chữ số'],
  ['.5', 'phải bắt đầu và kết thúc bằng chữ số'],
  ['5%', 'có ký tự không phải chữ số'],
  ['1 000', 'có ký tự không phải chữ số'],
  ['abc', 'có ký tự không phải chữ số'],
  ['1e3', 'có ký tự không phải chữ số'],
  ['--5', 'có ký tự không phải chữ số'],
  ['- 5', 'có ký tự không phải chữ số'],
  ['9,5 tỷ', 'có ký tự không phải chữ số'],
  ['99999999999999999999', 'số quá lớn'],
];

describe('parseVietnameseNumber', () => {
  it.each(READINGS)('reads "%s" as %d', (text, value) => {
    expect(parseVietnameseNumber(text)).toBe(value);
  });

  it.each(REFUSALS)('refuses "%s"', (text, reason) => {
    const error = errorOf(() => parseVietnameseNumber(text));
    expect(error).toBeInstanceOf(VietnameseNumberError);
    expect(error).toMatchObject({ text, reason: expect.stringContaining(reason) });
  });

  it('words its error in Vietnamese with the text as given', () => {
    expect(() => parseVietnameseNumber('7.80')).toThrow(
      'Không đọc được số "7.80": dấu chấm chỉ dùng để ngăn nhóm ba chữ số; số thập phân dùng dấu phẩy (ví dụ "9,5")',
    );
  });
});
