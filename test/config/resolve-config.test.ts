import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, resolveConfig } from '../../pipeline/config/resolve-config.ts';
import { DEFAULT_ISSUERS } from '../../pipeline/config/config-schema.ts';

describe('parseConfig', () => {
  it('gives working defaults with no file', () => {
    const config = parseConfig({});
    expect(config.evaluation.approxTolerancePct).toBe(5);
    expect(config.deadlines.daysAfterCutoff).toBe(5);
    expect(config.report.formats).toEqual(['pdf', 'docx', 'html']);
    expect(config.issuers.map((i) => i.name)).toEqual(['SỞ KẾ HOẠCH VÀ ĐẦU TƯ', 'SỞ TÀI CHÍNH', 'SỞ TÀI CHÍNH']);
  });

  it('freezes what it returns', () => {
    const config = parseConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.evaluation)).toBe(true);
  });

  it('names each wrong field in Vietnamese', () => {
    let message = '';
    try {
      parseConfig({ evaluation: { approxTolerancePct: 'năm' }, report: { formats: ['pdf', 'odt'] } }, 'Tệp cấu hình x.json');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Tệp cấu hình x\.json không hợp lệ:/);
    expect(message).toMatch(/- evaluation\.approxTolerancePct: .*mong đợi số/);
    expect(message).toMatch(/- report\.formats\.1: .*"pdf"\|"docx"\|"html"/);
  });

  it('refuses an unknown key rather than ignoring a typo', () => {
    expect(() => parseConfig({ evalution: {} })).toThrow(/evalution|không hợp lệ/);
  });
});

describe('resolveConfig', () => {
  it('reads the file it is given', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-config-')), 'kehoach.config.json');
    fs.writeFileSync(file, JSON.stringify({ evaluation: { approxTolerancePct: 3 }, report: { number: 12 } }));
    const config = resolveConfig(file);
    expect(config.evaluation.approxTolerancePct).toBe(3);
    expect(config.report.number).toBe(12);
  });

  it('says when a file is not JSON', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-config-')), 'kehoach.config.json');
    fs.writeFileSync(file, '{ evaluation: ');
    expect(() => resolveConfig(file)).toThrow(/không phải JSON hợp lệ/);
  });
});

describe('strict configuration (issue 11)', () => {
  it.each([
    [{ report: { nubmer: 12 } }, /report.*nubmer|nubmer/],
    [{ evaluation: { likelyRatoi: 0.9 } }, /likelyRatoi/],
    [{ deadlines: { daysAfterCuttoff: 3 } }, /daysAfterCuttoff/],
    [{ issuers: [{ ...DEFAULT_ISSUERS[2]!, signer: { authority: 'KT. GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC', nmae: 'X' } }] }, /nmae/],
    [{ issuers: [{ ...DEFAULT_ISSUERS[2]!, party: { ...DEFAULT_ISSUERS[2]!.party!, symbl: 'ĐU' } }] }, /symbl/],
  ])('refuses the nested typo in %j', (input, message) => {
    expect(() => parseConfig(input)).toThrow(message);
  });

  it.each(['2025-02-30', '2025-13-01', '2024-04-31', '2025-00-10'])('refuses %s, which is not a calendar date', (date) => {
    expect(() => parseConfig({ report: { date } })).toThrow(/report\.date: .*không có trong lịch|report\.date/);
    expect(() => parseConfig({ report: { date } })).toThrow(/ngày/);
  });

  it('accepts 29 February of a leap year', () => {
    expect(parseConfig({ report: { date: '2024-02-29' } }).report.date).toBe('2024-02-29');
  });

  it('reads a file saved with a UTF-8 byte order mark', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-config-')), 'kehoach.config.json');
    fs.writeFileSync(file, `\uFEFF${JSON.stringify({ report: { number: 7 } })}`);
    expect(resolveConfig(file).report.number).toBe(7);
  });
});

describe('resolveConfig: faults said in Vietnamese, and the working folder (review F5, F6)', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-config-'));
  const ENGLISH = /Expected|Unexpected|position|EISDIR|illegal/;

  it('names the line and column of a JSON syntax error, in Vietnamese', () => {
    const file = path.join(tmp(), 'trailing.json');
    fs.writeFileSync(file, '{\n  "report": {"number": 12},\n}');
    expect(() => resolveConfig(file)).toThrow(/không phải JSON hợp lệ: lỗi cú pháp ở dòng 3, cột 1/);
    try {
      resolveConfig(file);
    } catch (error) {
      expect((error as Error).message).not.toMatch(ENGLISH);
    }
  });

  it('says an empty file is empty', () => {
    const file = path.join(tmp(), 'empty.json');
    fs.writeFileSync(file, '');
    expect(() => resolveConfig(file)).toThrow(/rỗng/);
  });

  it('says a folder given as --config is a folder', () => {
    const dir = tmp();
    expect(() => resolveConfig(dir)).toThrow(new RegExp(`${dir} là một thư mục`));
  });

  it('reads kehoach.config.json from the working folder when it is not the repository root', () => {
    const cwd = tmp();
    fs.writeFileSync(path.join(cwd, 'kehoach.config.json'), JSON.stringify({ report: { number: 21 } }));
    expect(resolveConfig(undefined, cwd).report.number).toBe(21);
    fs.writeFileSync(path.join(cwd, 'kehoach.config.json'), JSON.stringify({ report: { nubmer: 21 } }));
    expect(() => resolveConfig(undefined, cwd)).toThrow(/nubmer/);
  });
});
