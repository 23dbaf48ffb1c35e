import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIndicatorMatcher, foldText, toIndicatorKey } from '../../../pipeline/intake/match/create-indicator-matcher.ts';
import { loadIntakeRegistry } from '../../../pipeline/intake/match/load-intake-registry.ts';
import { toMatchKey } from '../../../pipeline/shared/to-match-key.ts';
import { openTestDatabase } from '../open-test-database.ts';

let t: ReturnType<typeof openTestDatabase>;
beforeEach(() => {
  t = openTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

describe('toIndicatorKey', () => {
  // Final y after a consonant folds to i on both sides ("sỹ"/"sĩ"), so "tỷ lệ" is "ti le".
  it.each([
    ['1. Thu ngân sách nhà nước (tỷ đồng)', 'thu ngan sach nha nuoc'],
    ['- Tỷ lệ hộ nghèo (*)', 'ti le ho ngheo'],
    ['a) Tỷ lệ đô thị hoá', 'ti le do thi hoa'],
    ['Trong đó: thu nội địa', 'thu noi dia'],
    ['Số bác sỹ/vạn dân', 'so bac si 10000 dan'],
    ['Số giường bệnh trên 10.000 dân', 'so giuong benh tren 10000 dan'],
    ['Thu NSNN', 'thu ngan sach nha nuoc'],
    ['Tỷ lệ xã đạt chuẩn NTM', 'ti le xa dat chuan nong thon moi'],
  ])('folds "%s" to "%s"', (name, key) => {
    expect(toIndicatorKey(name)).toBe(key);
  });

  it.each(['Sở KH&ĐT', 'Tỷ lệ (%) – “Gia đình văn hóa”', 'Hoà  bình\u00a0x', 'ĐVT: Tr.đồng'])('folds "%s" as toMatchKey does', (text) => {
    expect(foldText(text)).toBe(toMatchKey(text));
  });
});

describe('createIndicatorMatcher', () => {
  it.each([
    ['Thu ngân sách nhà nước trên địa bàn', 'thu-nsnn', 'name'],
    ['Thu NS trên địa bàn', 'thu-nsnn', 'alias'],
    ['Tỷ lệ hộ nghèo', 'ty-le-ho-ngheo', 'name'],
    ['Tổng vốn đầu tư toàn xã hội (ước)', 'von-dau-tu-toan-xa-hoi', 'fuzzy'],
    ['Kim ngạch xuất khẩu', 'gia-tri-xuat-khau', 'fuzzy'],
    ['Số giường bệnh/vạn dân', 'so-giuong-benh', 'fuzzy'],
  ])('matches "%s" to %s by %s', (name, code, how) => {
    const m = createIndicatorMatcher(loadIntakeRegistry(t.database.sqlite)).match(name, 'so-tai-chinh', new Set());
    expect(m).toMatchObject({ type: 'match', indicator: { code }, how });
  });

  it('matches by form code first', () => {
    const m = createIndicatorMatcher(loadIntakeRegistry(t.database.sqlite)).match('tên bất kỳ', null, new Set(), 'thu-nsnn');
    expect(m).toMatchObject({ type: 'match', indicator: { code: 'thu-nsnn' }, how: 'code' });
  });

  it.each(['Dịch vụ', 'Số trường học được xây mới', 'Giá trị sản xuất công nghiệp'])('does not guess "%s"', (name) => {
    const m = createIndicatorMatcher(loadIntakeRegistry(t.database.sqlite)).match(name, 'so-tai-chinh', new Set());
    expect(m.type).toBe('unknown');
  });

  it('prefers the agency’s own indicator between two close names', () => {
    const matcher = createIndicatorMatcher(loadIntakeRegistry(t.database.sqlite));
    const name = 'Tỷ lệ trường mầm non, tiểu học đạt chuẩn';
    expect(matcher.match(name, 'a', new Set(['ty-le-truong-chuan-mam-non', 'ty-le-truong-chuan-tieu-hoc'])).type).toBe('ambiguous');
    expect(matcher.match(name, 'x', new Set(['ty-le-truong-chuan-tieu-hoc']))).toMatchObject({ type: 'match', indicator: { code: 'ty-le-truong-chuan-tieu-hoc' } });
  });
});
