// Batch stage: one period end to end (seed check, intake, reconciliation, reports), each stage timed and its
// outcome recorded, so a scheduler can tell "reports produced", "produced but with rejected files" and "failed".
import fs from 'node:fs';
import path from 'node:path';
import type { KehoachConfig } from '../config/config-schema.ts';
import type { OpenDatabase } from '../db/open-database.ts';
import { ensureSeeded } from '../registry/ensure-seeded.ts';
import { ingest, type IngestResult } from '../intake/ingest.ts';
import { buildIntakeSummary, writeIntakeFeedback } from '../intake/feedback/write-intake-feedback.ts';
import { reconcile } from '../reconcile/reconcile.ts';
import type { Reconciliation } from '../reconcile/reconciliation.ts';
import { writeReconciliationExport } from '../reconcile/write-reconciliation-export.ts';
import { writeReports } from '../report/write-reports.ts';
import { countPeriodTargets, describeTargetCounts } from '../report/count-period-targets.ts';
import { readAgencyTexts } from '../report/narrative/read-agency-texts.ts';
import { listAgencyFiles } from './list-agency-files.ts';
import type { ReportKind } from '../report/report-model.ts';
import type { ReportFormat, ReportWriter } from '../report/writers/report-writer.ts';
import type { Period } from '../shared/parse-period.ts';
import { isPipelineError } from '../shared/pipeline-error.ts';
import { toOperationalError } from '../shared/to-operational-error.ts';
import { evaluationOptionsOf } from '../config/evaluation-options.ts';
import { keepReportSettings } from './keep-report-settings.ts';
import { isDemoDatabase } from '../db/is-demo-database.ts';
import { writeFileAtomic } from '../shared/write-file-atomic.ts';
import { findActiveClosure } from '../db/find-active-closure.ts';
import { listHeldSubmissions } from './close-period.ts';

/** The stages of a run, in order. */
export const RUN_STAGES = ['seed', 'ingest', 'reconcile', 'report'] as const;

/** A stage of a run. */
export type RunStage = (typeof RUN_STAGES)[number];

/** What happened in one stage. */
export interface StageOutcome {
  stage: RunStage;
  status: 'ok' | 'failed' | 'skipped';
  /** Wall time of the stage, ms. */
  ms: number;
  /** One Vietnamese line on what the stage did or why it failed or was skipped. */
  detail: string;
  error?: { code: string; message: string };
}

/** Overall result: `ok` reports produced, no file rejected and every expected agency sent something (files taken
 * only in part and late agencies are listed in the outcome, not counted here); `partial` produced with rejected
 * files or missing agencies; `failed` no trustworthy reports. */
export type RunResult = 'ok' | 'partial' | 'failed';

/** The outcome of one period's run, also written into summary.json. */
export interface RunOutcome {
  period: string;
  result: RunResult;
  stages: StageOutcome[];
  /** Files written (reports, exports, feedback), relative to the output folder. */
  outputs: string[];
  rejectedFiles: number;
  /** Agencies expected in the period that sent nothing. */
  missingAgencies: { code: string; name: string }[];
  /** Files of this run taken only in part (some cells or rows not loaded: see their feedback), as agency/file. */
  partialFiles: string[];
  /** Agencies whose report came after the deadline, with the days late. */
  lateAgencies: { code: string; name: string; days: number | null }[];
  /** Files received after the period was closed, held out of the figures. */
  heldFiles: string[];
  /** Vietnamese warnings of the report stage (a report date long before the period's end), when any. Added for R2 A6. */
  warnings?: string[];
}

/** Progress events for the terminal or the CI log. */
export interface RunProgress {
  stage: RunStage;
  state: 'start' | 'done';
  outcome?: StageOutcome;
}

/** Options of `runPeriod`. */
export interface RunPeriodOptions {
  period: Period;
  /** Inbox folder (one sub-folder per agency); without it the run reconciles and reports what is already staged. */
  inbox?: string;
  /** Output root; files go to <outDir>/<period>/. */
  outDir: string;
  kinds: readonly ReportKind[];
  /** @default config.report.formats */
  formats?: readonly ReportFormat[];
  config: KehoachConfig;
  /** Seeds folder of the registry. @default seeds/ */
  seedsDir?: string;
  /** Archive folder for received files. @default the intake default (next to the database) */
  archiveDir?: string;
  /** Writers shared across periods (one browser for a whole batch). */
  writers?: Partial<Record<ReportFormat, ReportWriter>>;
  onProgress?: (event: RunProgress) => void;
  /**
   * Write each stage's measured time into summary.json. The demo turns it off so that two demo runs give
   * byte-identical files (the progress lines still show the times). @default true
   */
  recordTimings?: boolean;
  /** Lines from inside the stages (intake's per-file lines). */
  log?: (line: string) => void;
}

function removeTemporaryFiles(dir: string): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) removeTemporaryFiles(full);
    else if (e.name.startsWith('.') && e.name.endsWith('.tmp')) fs.rmSync(full, { force: true });
  }
}

function describeError(error: unknown, database: string): { code: string; message: string } {
  if (isPipelineError(error)) return { code: error.code, message: error.message };
  // Permissions, a full disk, a database gone bad: a Vietnamese message naming the path, not an English stack.
  const operational = toOperationalError(error, { database });
  if (operational) return { code: operational.code, message: operational.message };
  const e = error as Error;
  return { code: 'internal', message: e?.stack ?? String(error) };
}

/**
 * Runs one period: seed check, intake of the inbox, reconciliation and its export, the reports, then
 * summary.json with every stage's outcome and timing. A failed stage skips the stages after it; nothing here
 * throws for a stage failure, the outcome says it.
 */
export async function runPeriod(database: OpenDatabase, options: RunPeriodOptions): Promise<RunOutcome> {
  const { period, config } = options;
  const stages: StageOutcome[] = [];
  const outputs: string[] = [];
  const reportWarnings: string[] = [];
  const periodDir = path.join(options.outDir, period.id);
  let ingested: IngestResult | null = null;
  // A run killed while writing leaves only temporary files (every output is written then renamed): clear them.
  if (fs.existsSync(periodDir)) removeTemporaryFiles(periodDir);
  let reconciliation: Reconciliation | null = null;

  const step = async (stage: RunStage, skip: string | null, body: () => Promise<string>): Promise<boolean> => {
    options.onProgress?.({ stage, state: 'start' });
    const started = performance.now();
    let outcome: StageOutcome;
    if (skip !== null) {
      outcome = { stage, status: 'skipped', ms: 0, detail: skip };
    } else {
      try {
        const detail = await body();
        outcome = { stage, status: 'ok', ms: Math.round(performance.now() - started), detail };
      } catch (error) {
        const e = describeError(error, database.file);
        outcome = { stage, status: 'failed', ms: Math.round(performance.now() - started), detail: e.message.split('\n')[0]!, error: e };
      }
    }
    stages.push(outcome);
    options.onProgress?.({ stage, state: 'done', outcome });
    return outcome.status !== 'failed';
  };
  const failedBefore = () => (stages.some((s) => s.status === 'failed') ? 'bỏ qua vì bước trước lỗi' : null);

  await step('seed', null, async () => {
    const loaded = ensureSeeded(database.sqlite, { dir: options.seedsDir });
    return loaded ? `đã nạp lại danh mục: ${loaded.targets} chỉ tiêu kế hoạch, ${loaded.tasks} nhiệm vụ` : 'danh mục đã cập nhật';
  });

  await step('ingest', failedBefore() ?? (options.inbox ? null : 'không có thư mục tiếp nhận (--inbox)'), async () => {
    if (!fs.existsSync(options.inbox!)) throw new Error(`Không thấy thư mục tiếp nhận ${options.inbox}.`);
    ingested = await ingest(database, { period: period.id, inbox: options.inbox, archiveDir: options.archiveDir, log: options.log });
    const written = await writeIntakeFeedback(database, {
      period: period.id,
      outDir: options.outDir,
      daysAfterCutoff: config.deadlines.daysAfterCutoff,
      senders: config.issuers,
    });
    outputs.push(...written.map((f) => path.relative(options.outDir, f)));
    const files = ingested.files;
    const rejected = files.filter((f) => f.status === 'rejected').length;
    return `${files.length} tệp: ${files.length - rejected} nhận, ${rejected} từ chối`;
  });

  await step('reconcile', failedBefore(), async () => {
    reconciliation = await reconcile(database, period, evaluationOptionsOf(config));
    const exported = await writeReconciliationExport(reconciliation, { outDir: options.outDir });
    outputs.push(path.relative(options.outDir, exported.csvFile), path.relative(options.outDir, exported.xlsxFile));
    return describeTargetCounts(countPeriodTargets(reconciliation.attainments));
  });

  await step('report', failedBefore() ?? (options.kinds.length === 0 ? 'không yêu cầu báo cáo' : null), async () => {
    // The output folder keeps the date, signer and illustrative marking of its first report (README).
    const kept = keepReportSettings({ outDir: options.outDir, periodId: period.id, config, demoData: isDemoDatabase(database.sqlite) });
    for (const line of kept.messages) options.log?.(line);
    const agency = await readAgencyTexts(listAgencyFiles(database, period.id, options.archiveDir));
    const written = await writeReports(reconciliation!, {
      config: kept.config,
      settingsNotes: kept.notes,
      kinds: options.kinds,
      formats: options.formats,
      outDir: options.outDir,
      writers: options.writers,
      agencyTexts: agency.texts,
      agencyProblems: agency.problems,
    });
    for (const n of written.notices) options.log?.(`lưu ý    ${n}`);
    outputs.push(...written.files.map((f) => path.relative(options.outDir, f.file)));
    outputs.push(...written.companions.map((f) => path.relative(options.outDir, f)));
    reportWarnings.push(...written.warnings);
    return `${written.files.length} tệp báo cáo`;
  });

  const intakeFiles = (ingested as IngestResult | null)?.files ?? [];
  const rec = reconciliation as Reconciliation | null;
  const rejectedFiles = intakeFiles.filter((f) => f.status === 'rejected').length;
  const missingAgencies = rec ? rec.agencies.filter((a) => a.submission === 'chua_gui').map((a) => ({ code: a.agency, name: a.agencyName })) : [];
  const partialFiles = intakeFiles.filter((f) => f.status === 'partial').map((f) => f.source);
  const lateAgencies = rec ? rec.agencies.filter((a) => a.submission === 'muon').map((a) => ({ code: a.agency, name: a.agencyName, days: a.lateDays })) : [];
  const heldFiles = findActiveClosure(database.sqlite, period.id)
    ? listHeldSubmissions(database.sqlite, period).map((h) => `${h.agency}/${h.fileName}`)
    : [];
  // A database deleted or replaced during the run holds nothing of it: no outcome, whatever the stages said.
  database.assertSameFile();
  const failed = stages.some((s) => s.status === 'failed');
  const result: RunResult = failed ? 'failed' : rejectedFiles > 0 || missingAgencies.length > 0 ? 'partial' : 'ok';
  const outcome: RunOutcome = { period: period.id, result, stages, outputs: [...new Set(outputs)].sort(), rejectedFiles, missingAgencies, partialFiles, lateAgencies, heldFiles };
  if (reportWarnings.length > 0) outcome.warnings = reportWarnings;

  // summary.json: the intake part (per file) and the run part (per stage). Written last, atomically.
  fs.mkdirSync(periodDir, { recursive: true });
  const recorded = options.recordTimings === false ? { ...outcome, stages: stages.map(({ ms: _ms, ...rest }) => rest) } : outcome;
  const summary = { ...buildIntakeSummary(database, period.id), run: recorded };
  writeFileAtomic(path.join(periodDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return outcome;
}
