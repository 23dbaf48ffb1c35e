import { describe, expect, it } from 'vitest';
import { readCellNumber, readNumberText } from '../../../pipeline/intake/read/read-cell-number.ts';

describe('readNumberText', () => {
  it.each([
    ['1.245,8', 1245.8, false],
    ['9,5', 9.5, false],
    ['92,75%', 92.75, true],
    ['3.250', 3250, false],
    ['7.800', 7800, false],
    [' 12 ', 12, false],
    ['-2,3', -2.3, false],
    ['(1.500)', -1500, false],
    ['06', 6, false],
    ['100%', 100, true],
  ])('reads "%s" as %d', (text, value, percent) => {
    const r = readNumberText(text);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toBe(value);
      expect(r.percent).toBe(percent);
    }
  });

  it.each([
    ['x', 'text-in-number-cell'],
    ['-', 'text-in-number-cell'],
    ['Đạt', 'text-in-number-cell'],
    ['Khoảng 40', 'text-in-number-cell'],
    ['12,650', 'ambiguous-number'],
    ['1,245.8', 'ambiguous-number'],
    ['7.80', 'ambiguous-number'],
  ])('reports "%s" as %s instead of guessing', (text, code) => {
    const r = readNumberText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(code);
  });
});

describe('readCellNumber', () => {
  it('turns a percent-formatted cell into percent', () => {
    expect(readCellNumber({ t: 'n', v: 0.9275, z: '0.00%' })).toMatchObject({ ok: true, value: 92.75, percent: true });
  });

  it('keeps a plain number as it is', () => {
    expect(readCellNumber({ t: 'n', v: 3010.5, z: '#,##0.0' })).toMatchObject({ ok: true, value: 3010.5, percent: false });
  });

  it('reports a formula without a cached result', () => {
    expect(readCellNumber({ t: 'e', v: '', f: 'D3+E3' })).toMatchObject({ ok: false, code: 'formula-no-cached-value', text: '=D3+E3' });
  });

  it.each(['dd/mm/yyyy', 'm/d/yy', 'h:mm', '[$-42A]dd/mm/yyyy'])('reports a number formatted as a date (%s)', (z) => {
    expect(readCellNumber({ t: 'n', v: 45_000, z })).toMatchObject({ ok: false, code: 'type-error' });
  });

  it.each(['#,##0.0', '0.00" tỷ đồng"', 'General', '[Red]#,##0', '0.00E+00'])('reads a number with format %s', (z) => {
    expect(readCellNumber({ t: 'n', v: 12.5, z })).toMatchObject({ ok: true, value: 12.5 });
  });

  it('reports an error cell and a date as type errors', () => {
    expect(readCellNumber({ t: 'e', v: '#DIV/0!' })).toMatchObject({ ok: false, code: 'type-error' });
    expect(readCellNumber({ t: 'd', v: '2025-06-30T00:00:00.000Z' })).toMatchObject({ ok: false, code: 'type-error' });
  });
});
