import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, resolveConfig } from '../../pipeline/config/resolve-config.ts';

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
