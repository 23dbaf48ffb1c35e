import { describe, expect, it } from 'vitest';
import { protectCsvText, toCsv } from '../../pipeline/shared/to-csv.ts';

describe('toCsv', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+84 260', "'+84 260"],
    ['-giảm', "'-giảm"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['Thu ngân sách', 'Thu ngân sách'],
  ])('keeps the text cell %s from becoming a formula', (text, expected) => {
    expect(protectCsvText(text)).toBe(expected);
  });

  it('writes numbers plainly with a dot decimal, negatives included', () => {
    expect(toCsv(['a', 'b'], [{ a: -2.5, b: 1245.8 }])).toBe('a,b\n-2.5,1245.8\n');
  });

  it('quotes commas, quotes and newlines', () => {
    expect(toCsv(['a'], [{ a: 'Sở "A", phòng\nB' }])).toBe('a\n"Sở ""A"", phòng\nB"\n');
  });
});
