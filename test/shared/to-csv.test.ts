import { parse } from 'csv-parse/sync';
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
    expect(toCsv(['a', 'b'], [{ a: -2.5, b: 1245.8 }])).toBe('"a","b"\n-2.5,1245.8\n');
  });

  it('quotes commas, quotes and newlines', () => {
    expect(toCsv(['a'], [{ a: 'Sở "A", phòng\nB' }])).toBe('"a"\n"Sở ""A"", phòng\nB"\n');
  });
});

describe('toCsv for a spreadsheet that splits on ";" (issue 11)', () => {
  const evil = 'bao-cao;=1+2;@x;-y.xlsx!Sheet1!B7';

  it.each([',', ';', '\t'])('leaves no field starting a formula when read with the separator %j', (separator) => {
    const text = toCsv(['source', 'value'], [{ source: evil, value: 2010.5 }, { source: '@SUM(A1)', value: -3 }]);
    // Excel in the Vietnamese locale splits on ";", respecting double quotes.
    const rows = parse(text, { delimiter: separator, relax_quotes: true, relax_column_count: true }) as string[][];
    for (const field of rows.flat()) expect(field).not.toMatch(/^[=+@]|^-[^\d]/);
  });

  it('quotes every text field, header included, and leaves numbers bare', () => {
    expect(toCsv(['a', 'b'], [{ a: 'Sở Tài chính', b: -2.5 }])).toBe('"a","b"\n"Sở Tài chính",-2.5\n');
  });

  it.each(['=1+1', ' =1+1', '\t=1', '＝1+1', '-giảm'])('neutralises the formula-leading text %j', (text) => {
    expect(toCsv(['a'], [{ a: text }]).split('\n')[1]).toMatch(/^"'/);
  });
});
