import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addIndicatorAlias } from '../../pipeline/registry/add-indicator-alias.ts';
import { ingest } from '../../pipeline/intake/ingest.ts';
import { FIXTURES, openTestDatabase } from './open-test-database.ts';

let t: ReturnType<typeof openTestDatabase>;
beforeEach(() => {
  t = openTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

describe('addIndicatorAlias', () => {
  it('teaches a name once, so the same file then loads the row that was ambiguous', async () => {
    const file = path.join(FIXTURES, 'indicator-matching.xlsx');
    const opts = { period: '2025-H1', files: [file], agency: 'so-giao-duc-va-dao-tao', archiveDir: path.join(t.dir, 'a') };
    await ingest(t.database, opts);
    addIndicatorAlias(t.database, { name: 'Tỷ lệ trường mầm non, tiểu học đạt chuẩn', indicator: 'ty-le-truong-chuan-mam-non', agency: 'so-giao-duc-va-dao-tao', seedsDir: t.dir, today: '2025-07-01' });
    const again = await ingest(t.database, opts);
    expect(again.files[0]!.problems.map((p) => p.cell)).toEqual(['B2', 'B3', 'B5']);
    expect(fs.readFileSync(path.join(t.dir, 'aliases.csv'), 'utf8')).toBe(
      'alias,indicator,agency,added_on,source_ref\n"Tỷ lệ trường mầm non, tiểu học đạt chuẩn",ty-le-truong-chuan-mam-non,so-giao-duc-va-dao-tao,2025-07-01,kehoach alias add\n',
    );
  });

  it('refuses an indicator code that does not exist', () => {
    expect(() => addIndicatorAlias(t.database, { name: 'x', indicator: 'khong-co', seedsDir: t.dir })).toThrow(/Không có chỉ tiêu/);
  });
});
