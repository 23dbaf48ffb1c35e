// Batch stage: the demo `npm start` runs: the bundled illustrative inbox through every stage, three report kinds,
// each page marked "SỐ LIỆU MINH HỌA". One browser serves every document of the demo.
import fs from 'node:fs';
import path from 'node:path';
import { parseConfig } from '../config/resolve-config.ts';
import { DEFAULT_ISSUERS, type KehoachConfig } from '../config/config-schema.ts';
import { openDatabase, type OpenDatabase } from '../db/open-database.ts';
import { acquireRunLock } from '../db/acquire-run-lock.ts';
import { PROJECT_PATHS, fromProjectRoot } from '../shared/project-paths.ts';
import type { ReportKind } from '../report/report-model.ts';
import { createReportWriter } from '../report/writers/create-report-writer.ts';
import { REPORT_FORMATS, type ReportFormat, type ReportWriter } from '../report/writers/report-writer.ts';
import { parsePeriod } from '../shared/parse-period.ts';
import { PipelineError } from '../shared/pipeline-error.ts';
import { runPeriod, type RunOutcome, type RunProgress } from './run-period.ts';

/** One period of the demo: its inbox under samples/inbox, the report it calls for and the date it is signed. */
export interface DemoPeriod {
  period: string;
  inbox: string | null;
  kinds: ReportKind[];
  /** Report date: fixed so that two demo runs give byte-identical files. */
  reportDate: string;
}

/**
 * The demo periods: the first half of 2025 (signed in June 2025 by Sở Tài chính Kon Tum, after the March merger),
 * the year 2025 (signed in December by Sở Tài chính Quảng Ngãi, after the July merger of the provinces) and the
 * 2021-2025 review of the five-year plan, from the yearly figures the annual files carry.
 */
export const DEMO_PERIODS: readonly DemoPeriod[] = [
  { period: '2025-H1', inbox: 'samples/inbox/2025-H1', kinds: ['six-month'], reportDate: '2025-06-24' },
  // Signed on 24/12, after the last file it uses (Sở GD&ĐT's, received 23/12, 4 days after the 19/12 deadline): a file
  // received after the report date does not count, so the report must not be dated before it (review finding 1).
  { period: '2025', inbox: 'samples/inbox/2025', kinds: ['annual'], reportDate: '2025-12-24' },
  { period: '2021-2025', inbox: null, kinds: ['review'], reportDate: '2026-01-09' },
];

/** Options of `runDemo`. */
export interface RunDemoOptions {
  /** Database file; it is created afresh. @default data/demo.sqlite */
  dbFile?: string;
  /** @default output/ */
  outDir?: string;
  onProgress?: (period: string) => (event: RunProgress) => void;
  log?: (line: string) => void;
}

/** The signer's name in the demo's configuration (a placeholder name, as forms use). */
const DEMO_SIGNER = 'Nguyễn Văn A';

function demoConfig(reportDate: string): KehoachConfig {
  // An illustrative signer, so the demo shows the signature block as issued (a real office sets signer.name).
  const issuers = DEFAULT_ISSUERS.map((i) => ({
    ...i,
    signer: { ...i.signer, name: DEMO_SIGNER },
    party: i.party ? { ...i.party, signer: { ...i.party.signer, name: DEMO_SIGNER } } : null,
  }));
  return parseConfig({ issuers, report: { illustrative: true, date: reportDate } }, 'Cấu hình minh họa');
}

/** Removes an earlier demo database; refuses a database that holds real data. */
async function clearDemoDatabase(dbFile: string): Promise<void> {
  if (!fs.existsSync(dbFile)) return;
  const probe = openDatabase({ file: dbFile });
  const isDemo = probe.sqlite.prepare("select value from meta where key = 'demo'").get() as { value: string } | undefined;
  const hasData = (probe.sqlite.prepare('select count(*) as n from received_files').get() as { n: number }).n > 0;
  await probe.close();
  if (!isDemo && hasData) {
    throw new PipelineError(
      'usage',
      `${dbFile} chứa số liệu thật, không phải cơ sở dữ liệu minh họa: bản minh họa không ghi đè lên nó. Bỏ --db hoặc KEHOACH_DB, hoặc chỉ tệp khác.`,
    );
  }
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
}

/**
 * Runs the demo periods in order on a fresh database. Refuses to overwrite a database that is not a demo one.
 */
export async function runDemo(options: RunDemoOptions = {}): Promise<RunOutcome[]> {
  const dbFile = path.resolve(options.dbFile ?? PROJECT_PATHS.demoDatabase);
  const outDir = options.outDir ?? PROJECT_PATHS.output;
  // The lock first: checking, removing and recreating the demo database must not interleave with another run.
  const lock = acquireRunLock(dbFile, 'demo');
  let database: OpenDatabase;
  try {
    await clearDemoDatabase(dbFile);
    database = openDatabase({ file: dbFile });
  } catch (error) {
    lock.release();
    throw error;
  }
  const archiveDir = path.join(path.dirname(dbFile), 'demo-archive');
  fs.rmSync(archiveDir, { recursive: true, force: true });
  const writers = Object.fromEntries(REPORT_FORMATS.map((f) => [f, createReportWriter(f)])) as Record<ReportFormat, ReportWriter>;
  try {
    database.sqlite.prepare("insert into meta (key, value) values ('demo', '1') on conflict (key) do update set value = '1'").run();
    const outcomes: RunOutcome[] = [];
    for (const demo of DEMO_PERIODS) {
      const period = parsePeriod(demo.period);
      // A stale output folder from an earlier demo must not mix with this run's files.
      fs.rmSync(path.join(outDir, period.id), { recursive: true, force: true });
      outcomes.push(
        await runPeriod(database, {
          period,
          inbox: demo.inbox ? fromProjectRoot(demo.inbox) : undefined,
          outDir,
          kinds: demo.kinds,
          config: demoConfig(demo.reportDate),
          archiveDir,
          writers,
          recordTimings: false,
          onProgress: options.onProgress?.(period.id),
          log: options.log,
        }),
      );
    }
    return outcomes;
  } finally {
    await Promise.all(Object.values(writers).map((w) => w.close()));
    await database.close();
    lock.release();
  }
}
