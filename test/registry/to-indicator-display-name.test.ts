// Review finding 8: an indicator's display name drops the aggregation word; the measure's own "bình quân" stays.
import { describe, expect, it } from 'vitest';
import { toIndicatorDisplayName } from '../../pipeline/registry/to-indicator-display-name.ts';

describe('toIndicatorDisplayName', () => {
  it('drops a trailing "bình quân" or "hằng năm", keeps one that is part of the measure', () => {
    expect(toIndicatorDisplayName('Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) bình quân')).toBe('Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)');
    expect(toIndicatorDisplayName('Tốc độ tăng năng suất lao động bình quân hằng năm')).toBe('Tốc độ tăng năng suất lao động');
    expect(toIndicatorDisplayName('Tốc độ tăng thu ngân sách hằng năm')).toBe('Tốc độ tăng thu ngân sách');
    expect(toIndicatorDisplayName('GRDP bình quân đầu người (theo giá hiện hành)')).toBe('GRDP bình quân đầu người (theo giá hiện hành)');
    expect(toIndicatorDisplayName('Bình quân')).toBe('Bình quân');
  });
});
