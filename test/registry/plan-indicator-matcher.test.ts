// Review finding 5: plan import keeps a price basis or scope qualifier; only a bracket that names a unit is dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../pipeline/db/open-database.ts';
import { loadSeeds } from '../../pipeline/registry/load-seeds.ts';
import { loadThesaurus } from '../../pipeline/registry/load-thesaurus.ts';
import { createPlanIndicatorMatcher, type PlanIndicatorMatcher } from '../../pipeline/registry/create-plan-indicator-matcher.ts';

let database: OpenDatabase;
let matcher: PlanIndicatorMatcher;
beforeAll(() => {
  database = openDatabase({ file: ':memory:' });
  loadSeeds(database.sqlite);
  matcher = createPlanIndicatorMatcher(database.sqlite, loadThesaurus());
});
afterAll(async () => {
  await database.close();
});

const matched = (name: string) => {
  const m = matcher.match(name);
  return m.type === 'match' ? m.indicator : m.type;
};

describe('plan import: qualifiers stay in the key', () => {
  it('never merges a constant-price or scope-qualified name into another indicator', () => {
    expect(matched('GRDP bình quân đầu người (theo giá so sánh)')).not.toBe('grdp-binh-quan-dau-nguoi');
    expect(matched('Tỷ lệ che phủ rừng (không tính cây cao su)')).not.toBe('ty-le-che-phu-rung');
    const water = matched('Tỷ lệ sử dụng nước hợp vệ sinh của dân cư nông thôn');
    expect(matched('Tỷ lệ sử dụng nước hợp vệ sinh của dân cư nông thôn (hoà mạng)')).not.toBe(water);
  });

  it('still matches the short names and a unit in brackets', () => {
    expect(matched('GRDP bình quân đầu người')).toBe('grdp-binh-quan-dau-nguoi');
    expect(matched('GRDP bình quân đầu người (triệu đồng/người)')).toBe('grdp-binh-quan-dau-nguoi');
    expect(matched('Tỷ lệ che phủ rừng (%)')).toBe('ty-le-che-phu-rung');
    expect(matched('Tốc độ tăng trưởng GRDP')).toBe('grdp-tang-truong');
    expect(matched('Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP) theo giá so sánh')).toBe('grdp-tang-truong');
  });
});
