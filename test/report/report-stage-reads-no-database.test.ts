// Report stage: the report reads only the Reconciliation (issue 10, Deliver 9): no file of pipeline/report opens,
// queries or even imports the database; settings kept across runs come in as options (batch/keep-report-settings.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const reportDir = path.resolve(import.meta.dirname, '../../pipeline/report');
const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));

describe('the report stage', () => {
  it('has no file that imports the database layer or runs SQL', () => {
    const offenders = sources(reportDir).filter((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return /from '(\.\.\/)+db\/|better-sqlite3|kysely|\.prepare\(|\bsqlite\b/.test(text);
    });
    expect(offenders.map((f) => path.relative(reportDir, f))).toEqual([]);
  });
});
