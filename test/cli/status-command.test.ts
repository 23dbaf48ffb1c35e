// Review finding 1 (issue 9): `kehoach status --as-of` and the report read one completeness rule for one date.
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureCli, tempDir } from './capture-cli.ts';
import { fromProjectRoot } from '../../pipeline/shared/project-paths.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('kehoach status --as-of', () => {
  it("does not count Sở GD&ĐT's 2025 file received 23/12 as of 22/12, and calls it 4 days late as of 24/12", async () => {
    const root = tempDir();
    const db = path.join(root, 'k.sqlite');
    const inbox = fromProjectRoot('samples', 'inbox', '2025');
    const ingested = await captureCli(['ingest', '--period', '2025', '--inbox', inbox, '--out', path.join(root, 'output'), '--db', db]);
    expect([0, 1]).toContain(ingested.code);
    const statusOf = async (asOf: string) => {
      const r = await captureCli(['status', '--period', '2025', '--format', 'csv', '--as-of', asOf, '--db', db]);
      expect(r.code).toBe(0);
      const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
      return rows.find((x) => x.agency === 'so-giao-duc-va-dao-tao');
    };
    expect(await statusOf('2025-12-22')).toMatchObject({ status: 'chua_gui', files: '0', first_received: '' });
    expect(await statusOf('2025-12-24')).toMatchObject({ status: 'muon', late_days: '4', first_received: '2025-12-23' });
    // The table is for a person: dd/mm/yyyy and có/không with diacritics (the CSV keeps ISO dates and codes).
    const table = await captureCli(['status', '--period', '2025', '--as-of', '2025-12-24', '--db', db]);
    const row = table.stdout.split('\n').find((l) => l.startsWith('so-giao-duc-va-dao-tao'))!;
    expect(row).toContain('23/12/2025');
    expect(row).toMatch(/\scó(\s|$)/);
    expect(row).not.toMatch(/\bco\b|2025-12-23/);
    expect(table.stdout).not.toMatch(/\bkhong\b/);
    // A date that is not in the calendar is refused, not read as today.
    const bad = await captureCli(['status', '--period', '2025', '--as-of', '2025-02-30', '--db', db]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--as-of "2025-02-30" không phải ngày hợp lệ/);
  }, 120_000);
});
