import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadThesaurus } from '../../pipeline/registry/load-thesaurus.ts';
import { toIndicatorKey } from '../../pipeline/registry/to-indicator-key.ts';
import { dropRepeatedWords } from '../../pipeline/registry/create-thesaurus.ts';
import { PipelineError } from '../../pipeline/shared/pipeline-error.ts';

const thesaurus = loadThesaurus();
const key = (name: string) => toIndicatorKey(name, thesaurus).key;

describe('toIndicatorKey with seeds/thesaurus.csv', () => {
  it.each([
    ['Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) bình quân', 'Tốc độ tăng trưởng GRDP'],
    ['Tốc độ tăng trưởng GRDP', 'Tốc độ tăng GRDP'],
    ['Tốc độ tăng trưởng GRDP', 'Tăng trưởng kinh tế (GRDP)'],
    ['Tốc độ tăng trưởng GRDP', 'Tốc độ tăng trưởng tổng sản phẩm (GRDP) bình quân'],
    ['Thu ngân sách nhà nước trên địa bàn', 'Thu NSNN trên địa bàn'],
    ['Tỷ lệ dân số tham gia bảo hiểm y tế', 'Tỷ lệ dân số tham gia BHYT'],
    ['Tỷ lệ lao động tham gia bảo hiểm xã hội', 'Tỉ lệ lao động tham gia BHXH'],
    ['Số xã đạt chuẩn nông thôn mới', 'Số xã đạt chuẩn NTM'],
    ['Tỷ lệ hộ dân tộc thiểu số có đất ở', 'Tỷ lệ hộ DTTS có đất ở'],
    ['Số giường bệnh trên 10.000 dân', 'Số giường bệnh/vạn dân'],
    ['Số bác sĩ trên 10.000 dân', 'Số bác sỹ trên 10.000 dân'],
    ['Tỷ lệ đô thị hóa', 'Tỷ lệ đô thị hoá'],
    ['Tốc độ tăng năng suất lao động xã hội bình quân', 'Tốc độ tăng năng suất lao động xã hội'],
    ['Đóng góp của năng suất các nhân tố tổng hợp (TFP) vào tăng trưởng', 'Đóng góp của TFP vào tăng trưởng'],
    ['GRDP bình quân đầu người (theo giá hiện hành)', 'GRDP bình quân đầu người theo giá thực tế'],
    ['Tổng giá trị xuất khẩu', 'Tổng kim ngạch xuất khẩu'],
    ['Tỷ lệ khu công nghiệp có hệ thống xử lý nước thải tập trung', 'Tỷ lệ KCN có hệ thống xử lý nước thải tập trung'],
  ])('"%s" and "%s" are one measure', (a, b) => {
    expect(key(a)).toBe(key(b));
  });

  it.each([
    // Per head is part of the measure, not an average over years.
    ['GRDP bình quân đầu người', 'Tốc độ tăng trưởng GRDP'],
    ['GRDP bình quân đầu người (theo giá hiện hành)', 'GRDP bình quân đầu người (theo giá so sánh)'],
    ['Tỷ lệ hộ nghèo', 'Tỷ lệ hộ nghèo tại các huyện nghèo'],
    ['Số xã đạt chuẩn nông thôn mới', 'Số xã đạt chuẩn nông thôn mới nâng cao'],
    // Average population is its own statistical measure, not population at a date (field case F8: "Dân số").
    ['Dân số trung bình', 'Dân số'],
  ])('"%s" and "%s" stay apart', (a, b) => {
    expect(key(a)).not.toBe(key(b));
  });

  it('gives the short name of GRDP growth and says which rules made it', () => {
    const k = toIndicatorKey('Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) bình quân', thesaurus);
    expect(k.key).toBe('tang truong grdp');
    expect(k.applied.map((r) => r.kind)).toEqual(expect.arrayContaining(['synonym', 'abbreviation', 'aggregation']));
  });

  it('keeps a looser key without the bracketed qualifier and the price basis', () => {
    const k = toIndicatorKey('GRDP bình quân đầu người (theo giá hiện hành)', thesaurus);
    expect(k.looseKey).toBe(key('GRDP bình quân đầu người'));
  });

  it('ignores outline markers, footnotes and a unit in brackets', () => {
    expect(key('1. Thu NSNN trên địa bàn (tỷ đồng) (*)')).toBe(key('Thu ngân sách nhà nước trên địa bàn'));
  });

  it('keeps a repeated group of words once', () => {
    expect(dropRepeatedWords('tang truong grdp grdp binh quan')).toBe('tang truong grdp binh quan');
    expect(dropRepeatedWords('a b a b c')).toBe('a b c');
  });
});

describe('loadThesaurus', () => {
  it('refuses a row with an unknown kind or no source, naming its line and column', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thesaurus-'));
    const file = path.join(dir, 'thesaurus.csv');
    fs.writeFileSync(file, 'term,means,kind,note,source_ref\nGRDP,tổng sản phẩm trên địa bàn,viet_tat,,x\nNSNN,ngân sách nhà nước,abbreviation,,\nbình quân,x,aggregation,,y\n');
    try {
      expect(() => loadThesaurus(file)).toThrow(PipelineError);
      expect(() => loadThesaurus(file)).toThrow(/dòng 2, cột kind[\s\S]*dòng 3, cột source_ref[\s\S]*dòng 4, cột means/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
