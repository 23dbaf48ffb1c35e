import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { captureCli as capture, tempDir } from './capture-cli.ts';

function tempDb(): string {
  return path.join(tempDir(), 'k.sqlite');
}

describe('kehoach targets', () => {
  it('writes the targets of all five documents as CSV with the agreed columns', async () => {
    const { code, stdout } = await capture(['targets', '--format', 'csv', '--db', tempDb()]);
    expect(code).toBe(0);
    const [header, ...rows] = parse(stdout) as string[][];
    expect(header).toEqual(['document', 'indicator', 'period', 'op', 'lo', 'hi', 'unit', 'agency', 'expression', 'source_ref']);
    expect(new Set(rows.map((r) => r[0])).size).toBe(5);
    for (const r of rows) {
      expect(['gt', 'gte', 'lt', 'lte', 'eq', 'approx', 'range', 'approx_range']).toContain(r[3]);
      expect(r[2]).toMatch(/^\d{4}(-(H[12]|Q[1-4]|\d{4}))?$/);
      expect(r[9]).not.toBe('');
    }
  });

  it('filters by document code or số ký hiệu', async () => {
    const db = tempDb();
    const byCode = await capture(['targets', '--format', 'json', '--document', 'KH-434-2023', '--db', db]);
    const bySymbol = await capture(['targets', '--format', 'json', '--document', '434/KH-UBND', '--db', db]);
    expect(JSON.parse(byCode.stdout)).toEqual(JSON.parse(bySymbol.stdout));
    expect((JSON.parse(byCode.stdout) as { document: string }[]).every((t) => t.document === 'KH-434-2023')).toBe(true);
  });

  it('lists the conflicts between documents', async () => {
    const { code, stdout } = await capture(['targets', '--conflicts', '--format', 'csv', '--db', tempDb()]);
    expect(code).toBe(0);
    expect(stdout).toContain('ty-le-do-thi-hoa');
    expect(stdout).toContain('dong-gop-tfp');
  });

  it('answers an unknown format with a usage error in Vietnamese', async () => {
    const { code, stderr } = await capture(['targets', '--format', 'xml', '--db', tempDb()]);
    expect(code).toBe(64);
    expect(stderr).toContain('--format phải là table, csv hoặc json');
  });

  it('answers an unknown command with the list of commands', async () => {
    const { code, stderr } = await capture(['khong-co']);
    expect(code).toBe(64);
    expect(stderr).toContain('Không có lệnh "khong-co"');
  });
});
