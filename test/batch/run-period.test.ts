import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../pipeline/db/open-database.ts';
import { parseConfig } from '../../pipeline/config/resolve-config.ts';
import { runPeriod, type RunOutcome } from '../../pipeline/batch/run-period.ts';
import { closePeriod, listHeldSubmissions, reopenPeriod } from '../../pipeline/batch/close-period.ts';
import { parsePeriod } from '../../pipeline/shared/parse-period.ts';
import { ingest } from '../../pipeline/intake/ingest.ts';
import { reconcile } from '../../pipeline/reconcile/reconcile.ts';
import { fromProjectRoot } from '../../pipeline/shared/project-paths.ts';

const INBOX = fromProjectRoot('samples', 'inbox', '2025');
// Dated after the last arrival of the sample inbox (Sở GD&ĐT, 23/12), as the demo is: every file counts.
const config = parseConfig({ report: { date: '2025-12-24', illustrative: true, formats: ['html', 'docx'] } });

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-run-'));
}

/** Every file under a folder with its sha256; summary.json without its timings (the one thing meant to differ). */
function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else {
        let data: Buffer | string = fs.readFileSync(full);
        if (e.name === 'summary.json') {
          const json = JSON.parse(data.toString('utf8'));
          for (const s of json.run?.stages ?? []) delete s.ms;
          data = JSON.stringify(json);
        }
        out[path.relative(dir, full)] = crypto.createHash('sha256').update(data).digest('hex');
      }
    }
  };
  walk(dir);
  return out;
}

async function runOnce(root: string, period = '2025'): Promise<RunOutcome> {
  const database = openDatabase({ file: path.join(root, 'k.sqlite') });
  try {
    return await runPeriod(database, {
      period: parsePeriod(period),
      inbox: INBOX,
      outDir: path.join(root, 'output'),
      kinds: ['annual'],
      config,
      archiveDir: path.join(root, 'archive'),
    });
  } finally {
    await database.close();
  }
}

function stagedValues(root: string): unknown[] {
  const database = openDatabase({ file: path.join(root, 'k.sqlite') });
  try {
    return database.sqlite
      .prepare(
        `select v.agency_code, v.indicator_code, v.period, v.kind, v.value, v.source_file, v.source_sheet, v.source_cell, s.superseded_by is null as current
         from staged_values v join submissions s on s.id = v.submission_id order by 1, 2, 3, 4, 6, 8`,
      )
      .all();
  } finally {
    void database.close();
  }
}

describe('runPeriod', () => {
  it('records each stage with its outcome and writes reports, export, feedback and summary', async () => {
    const root = tempDir();
    const outcome = await runOnce(root);
    expect(outcome.stages.map((s) => [s.stage, s.status])).toEqual([
      ['seed', 'ok'],
      ['ingest', 'ok'],
      ['reconcile', 'ok'],
      ['report', 'ok'],
    ]);
    expect(outcome.outputs).toEqual(expect.arrayContaining(['2025/annual.html', '2025/annual.docx', '2025/reconciliation.csv', '2025/summary.json']));
    const summary = JSON.parse(fs.readFileSync(path.join(root, 'output', '2025', 'summary.json'), 'utf8'));
    expect(summary.run.result).toBe(outcome.result);
    expect(summary.files.length).toBeGreaterThan(5);
    // Exit 0 does not hide a file taken in part or a late agency: the outcome and summary.json list them.
    expect(outcome.partialFiles).toContain('Sở Công Thương/bao-cao-cong-thuong.xls');
    expect(outcome.lateAgencies).toContainEqual({ code: 'so-giao-duc-va-dao-tao', name: 'Sở Giáo dục và Đào tạo', days: 4 });
    expect(summary.run.partialFiles).toEqual(outcome.partialFiles);
  });

  it('gives byte-identical outputs and the same staged values for the same inputs', async () => {
    const a = tempDir();
    const b = tempDir();
    await runOnce(a);
    await runOnce(b);
    expect(fingerprint(path.join(b, 'output'))).toEqual(fingerprint(path.join(a, 'output')));
    expect(stagedValues(b)).toEqual(stagedValues(a));
  });

  it('is safe to run twice on one database: the second run changes nothing', async () => {
    const root = tempDir();
    await runOnce(root);
    const summaryFiles = () => JSON.parse(fs.readFileSync(path.join(root, 'output', '2025', 'summary.json'), 'utf8')).files;
    const withoutSummary = () => {
      const f = fingerprint(path.join(root, 'output'));
      delete f['2025/summary.json'];
      return f;
    };
    const before = withoutSummary();
    const files = summaryFiles();
    const values = stagedValues(root);
    await runOnce(root);
    // summary.json's run part says what this run did (the registry was already loaded); its files part is the same.
    expect(withoutSummary()).toEqual(before);
    expect(summaryFiles()).toEqual(files);
    expect(stagedValues(root)).toEqual(values);
  });

  it('ends a run killed midway, once run again, where an uninterrupted run ends', async () => {
    const clean = tempDir();
    await runOnce(clean);

    const killed = tempDir();
    const cli = fromProjectRoot('bin', 'kehoach.mjs');
    const args = [cli, 'run', '--period', '2025', '--inbox', INBOX, '--out', path.join(killed, 'output'), '--format', 'html,docx', '--db', path.join(killed, 'k.sqlite')];
    const env = { ...process.env, CI: 'true' };
    // Kill it while it is ingesting (the first file lines appear on stderr).
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr.on('data', (chunk: Buffer) => {
        if (/bắt đầu: Tiếp nhận/.test(chunk.toString('utf8'))) setTimeout(() => child.kill('SIGKILL'), 150);
      });
      child.on('exit', () => resolve());
    });
    // Run again to completion (a stale lock from the killed process is taken over).
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, args.map((a) => a), { env, stdio: 'ignore' });
      child.on('exit', (code) => (code === 0 || code === 1 ? resolve() : reject(new Error(`exit ${code}`))));
    });
    const cleanFiles = fingerprint(path.join(clean, 'output'));
    const rerunFiles = fingerprint(path.join(killed, 'output'));
    // Temporary files of the killed run are cleared; every file has its final name.
    expect(Object.keys(rerunFiles).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The CLI run takes today as its report date, so compare what does not carry the date: the staged values, the
    // reconciliation export and the feedback files.
    expect(stagedValues(killed)).toEqual(stagedValues(clean));
    expect(rerunFiles['2025/reconciliation.csv']).toBe(cleanFiles['2025/reconciliation.csv']);
    expect(Object.keys(rerunFiles).filter((f) => f.includes('phan-hoi')).sort()).toEqual(
      Object.keys(cleanFiles).filter((f) => f.includes('phan-hoi')).sort(),
    );
  }, 180_000);
});

describe('closing a period', () => {
  it('holds a file that arrives after closing, and counts it once the period is reopened', async () => {
    const root = tempDir();
    await runOnce(root);
    const late = path.join(root, 'stc-dieu-chinh.csv');
    fs.writeFileSync(late, 'sep=;\nSTT;Chỉ tiêu;Đơn vị tính;Ước thực hiện năm 2025\n1;Thu ngân sách nhà nước trên địa bàn;tỷ đồng;9.999\n');
    const database = openDatabase({ file: path.join(root, 'k.sqlite') });
    const period = parsePeriod('2025');
    const revenue = async () => {
      const r = await reconcile(database, period, { approxTolerancePct: 5, conflictTolerancePct: 0.5, likelyRatio: 0.95, daysAfterCutoff: 5 }); // as of today: the late file came today
      return r.attainments.filter((a) => a.indicator === 'thu-nsnn' && a.targetPeriod === '2025').map((a) => a.actual);
    };
    try {
      const issued = await revenue();
      expect(issued.length).toBeGreaterThan(0);
      expect(issued).not.toContain(9999);
      closePeriod(database.sqlite, period, { by: 'test', at: '2025-12-30T00:00:00Z' });
      expect(() => closePeriod(database.sqlite, period, { by: 'test' })).toThrow(/đã được chốt số liệu/);

      await ingest(database, { period: '2025', files: [late], agency: 'so-tai-chinh', archiveDir: path.join(root, 'archive') });
      expect(listHeldSubmissions(database.sqlite, period).map((h) => h.fileName)).toEqual(['stc-dieu-chinh.csv']);
      expect(await revenue()).toEqual(issued);

      expect(() => reopenPeriod(database.sqlite, period, '  ')).toThrow(/lý do/);
      const released = reopenPeriod(database.sqlite, period, 'Sở Tài chính gửi số liệu điều chỉnh', { by: 'test' });
      expect(released.map((h) => h.fileName)).toEqual(['stc-dieu-chinh.csv']);
      expect(listHeldSubmissions(database.sqlite, period)).toEqual([]);
      expect(await revenue()).toContain(9999);
      const row = database.sqlite.prepare('select reopened_by, reopen_reason from period_closures').get();
      expect(row).toEqual({ reopened_by: 'test', reopen_reason: 'Sở Tài chính gửi số liệu điều chỉnh' });
    } finally {
      await database.close();
    }
  });
});
