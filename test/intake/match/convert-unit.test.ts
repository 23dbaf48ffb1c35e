import { describe, expect, it } from 'vitest';
import { convertUnit, normalizeUnit } from '../../../pipeline/intake/match/convert-unit.ts';

describe('convertUnit', () => {
  it.each([
    [5_800_500, 'triệu đồng', 'tỷ đồng', 5800.5],
    [12.65, 'nghìn tỷ đồng', 'tỷ đồng', 12650],
    [1520.5, 'tỷ đồng', 'triệu đồng', 1_520_500],
    [85_200_000, 'USD', 'triệu USD', 85.2],
    [0.5, 'tỷ USD', 'triệu USD', 500],
    [1.1, '%', '‰', 11],
    [12, '‰', '%', 1.2],
    [65_000, 'nghìn đồng/người', 'triệu đồng/người', 65],
    [40, 'giường bệnh', 'giường', 40],
    [1520, 'Tỷ đồng', 'tỷ đồng', 1520],
    [1520, 'Tr.đ', 'tỷ đồng', 1.52],
  ])('converts %d %s to %s', (value, from, to, expected) => {
    expect(convertUnit(value, from, to)).toMatchObject({ ok: true, value: expected });
  });

  it.each([
    ['ha', 'tỷ đồng'],
    ['%', 'tỷ đồng'],
    ['triệu USD', 'tỷ đồng'],
    ['người', 'hộ'],
  ])('refuses %s to %s', (from, to) => {
    expect(convertUnit(1, from, to).ok).toBe(false);
  });

  it('normalises the ways a unit is written', () => {
    expect(normalizeUnit('ĐVT: Triệu đồng')).toBe('trieu dong');
    expect(normalizeUnit('(tỷ đồng)')).toBe('ty dong');
    expect(normalizeUnit('Tr.đồng/người')).toBe('trieu dong/nguoi');
  });
});
