import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsvText } from '../../../pipeline/intake/parse/decode-csv-text.ts';
import { readCsvSheet, sniffDelimiter } from '../../../pipeline/intake/parse/read-csv-sheet.ts';
import { FIXTURES } from '../open-test-database.ts';

describe('decodeCsvText', () => {
  it.each([
    ['csv-utf8-bom.csv', 'utf-8'],
    ['csv-utf16.csv', 'utf-16le'],
    ['csv-windows-1258.csv', 'windows-1258'],
  ])('reads %s as %s, in NFC', (file, encoding) => {
    const d = decodeCsvText(fs.readFileSync(path.join(FIXTURES, file)));
    expect(d.encoding).toBe(encoding);
    expect(d.text).toContain('Thu ngân sách nhà nước trên địa bàn');
    expect(d.text).toBe(d.text.normalize('NFC'));
  });

  it('reads UTF-8 without a BOM as UTF-8', () => {
    expect(decodeCsvText(Buffer.from('Tỷ lệ,1'))).toEqual({ text: 'Tỷ lệ,1', encoding: 'utf-8' });
  });

  it('falls back to Windows-1258 when the bytes are not UTF-8', () => {
    expect(decodeCsvText(iconv.encode('Tài chính Đăk Tô', 'windows1258')).text).toBe('Tài chính Đăk Tô');
  });
});

describe('sniffDelimiter', () => {
  it.each([
    ['a;b;c\n1;2,5;3\n', ';', false],
    ['a,b,c\n1,"2,5",3\n', ',', false],
    ['a\tb\tc\n1\t2\t3\n', '\t', false],
    ['sep=;\na;b\n1;2\n', ';', true],
    ['"sep=,"\na,b\n', ',', true],
  ])('finds the separator of %j', (text, delimiter, skip) => {
    expect(sniffDelimiter(text)).toEqual({ delimiter, skipFirstLine: skip });
  });
});

describe('readCsvSheet', () => {
  it('keeps every cell as text, so "1.520,5" is never read as 1.5205', () => {
    const book = readCsvSheet(fs.readFileSync(path.join(FIXTURES, 'csv-windows-1258.csv')), 'x');
    expect(book.sheets[0]!.rows[1]![3]).toEqual({ t: 's', v: '1.520,5' });
  });
});
