// Issue 9, item 2: units that only differ by the denominator the indicator implies are the indicator's unit.
import { describe, expect, it } from 'vitest';
import { convertUnit } from '../../../pipeline/intake/match/convert-unit.ts';

describe('convertUnit: a denominator the indicator implies', () => {
  it.each([
    ['triệu đồng', 'triệu đồng/người', 'GRDP bình quân đầu người (theo giá hiện hành)', 72, 'người'],
    ['giường/vạn dân', 'giường', 'Số giường bệnh trên 10.000 dân', 35.2, 'vạn dân'],
    ['giường/10.000 dân', 'giường', 'Số giường bệnh trên 10.000 dân', 35.2, '10.000 dân'],
    ['bác sĩ/vạn dân', 'bác sĩ', 'Số bác sĩ trên 10.000 dân', 10.1, 'vạn dân'],
  ])('reads %s as %s for "%s", saying which denominator it took', (from, to, indicatorName, value, implied) => {
    expect(convertUnit(value, from, to, { indicatorName })).toEqual({ ok: true, value, factor: 1, impliedDenominator: implied });
  });

  it.each([
    // A different denominator, a scaled amount, or a name that implies nothing: still refused.
    ['giường/1.000 dân', 'giường', 'Số giường bệnh trên 10.000 dân'],
    ['giường/vạn dân', 'giường', 'Số giường bệnh'],
    ['tỷ đồng', 'triệu đồng/người', 'GRDP bình quân đầu người'],
    ['người', 'giường', 'Số giường bệnh trên 10.000 dân'],
  ])('refuses %s for %s ("%s")', (from, to, indicatorName) => {
    expect(convertUnit(1, from, to, { indicatorName }).ok).toBe(false);
  });
});
