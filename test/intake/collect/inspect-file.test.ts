import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectFile } from '../../../pipeline/intake/collect/inspect-file.ts';
import { FIXTURES } from '../open-test-database.ts';

describe('inspectFile', () => {
  it.each([
    ['zip-bomb-declared.xlsx', 'unsafe-file', /khai báo 1073741824 byte/],
    ['zip-bomb-real.xlsx', 'unsafe-file', /khai báo 1024 byte nhưng giải nén ra 20971520 byte/],
    ['pdf-renamed.xlsx', 'unreadable-file', /PDF/],
    ['empty.xlsx', 'unreadable-file', /rỗng/],
    ['encrypted.xlsx', 'unsafe-file', /mật khẩu/],
  ])('rejects %s before parsing', (file, code, reason) => {
    const r = inspectFile(fs.readFileSync(path.join(FIXTURES, file)), file);
    expect(r.rejectCode).toBe(code);
    expect(r.reason).toMatch(reason);
  });

  it.each([
    ['free-form-merged.xlsx', 'xlsx'],
    ['legacy-tcvn3-vni.xls', 'xls'],
    ['per-year.ods', 'ods'],
    ['csv-utf16.csv', 'csv'],
    ['form-cuc-thong-ke.xlsx', 'xlsx'],
  ])('accepts %s as %s', (file, format) => {
    expect(inspectFile(fs.readFileSync(path.join(FIXTURES, file)), file)).toEqual({ format, rejectCode: null, reason: null });
  });

  it('calls a truncated zip unreadable rather than unsafe', () => {
    const bytes = fs.readFileSync(path.join(FIXTURES, 'free-form-merged.xlsx'));
    const r = inspectFile(bytes.subarray(0, bytes.length - 30), 'x.xlsx');
    expect(r.rejectCode).toBe('unreadable-file');
  });

  it('stops inflating at the cap instead of following a bomb', () => {
    const bytes = fs.readFileSync(path.join(FIXTURES, 'zip-bomb-real.xlsx'));
    const r = inspectFile(bytes, 'x.xlsx', { maxEntries: 100, maxEntryBytes: 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024, maxRatio: 200 });
    expect(r.reason).toMatch(/vượt giới hạn/);
  });
});
