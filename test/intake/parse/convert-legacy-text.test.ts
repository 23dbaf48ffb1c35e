import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { convertLegacyText } from '../../../pipeline/intake/parse/convert-legacy-text.ts';

const tcvn3 = (s: string) => iconv.encode(s, 'tcvn').toString('latin1');

describe('convertLegacyText', () => {
  it.each([
    'Đảng bộ tỉnh Kon Tum',
    'Tổng giá trị xuất khẩu',
    'Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)',
    'Người dân tộc thiểu số được hưởng',
  ])('converts TCVN3 text of "%s"', (text) => {
    expect(convertLegacyText(tcvn3(text))).toEqual({ text, encoding: 'tcvn3' });
  });

  it('keeps TCVN3 ư, which arrives as a soft hyphen', () => {
    expect(convertLegacyText('ng\u00adêi')).toEqual({ text: 'người', encoding: 'tcvn3' });
  });

  it.each([
    ['Tyû leä che phuû röøng', 'Tỷ lệ che phủ rừng'],
    ['Toång giaù trò xuaát khaåu', 'Tổng giá trị xuất khẩu'],
    ['Ñaûng boä', 'Đảng bộ'],
    ['ngöôøi daân toäc thieåu soá', 'người dân tộc thiểu số'],
    ['Soá xaõ ñaït chuaån noâng thoân môùi', 'Số xã đạt chuẩn nông thôn mới'],
  ])('converts VNI text "%s" longest match first', (text, expected) => {
    expect(convertLegacyText(text)).toEqual({ text: expected, encoding: 'vni' });
  });

  it.each(['Tỷ lệ hộ nghèo', 'GRDP bình quân', 'Café crème', '‰', 'Thu ngân sách', 'USD', '92,75%'])(
    'leaves "%s" alone',
    (text) => {
      expect(convertLegacyText(text)).toEqual({ text, encoding: null });
    },
  );
});
