// Report stage entry: from a Reconciliation to output/<period>/<kind>.<ext> in every requested format. Each report is
// rendered once to HTML by the shared templates and handed to the writers (HTML, PDF, DOCX) side by side.
import path from 'node:path';
import type { KehoachConfig } from '../config/config-schema.ts';
import { PROJECT_PATHS } from '../shared/project-paths.ts';
import type { Reconciliation } from '../reconcile/reconciliation.ts';
import { buildReportModel } from './build-report-model.ts';
import type { AgencyFileProblem, AgencyText } from './narrative/read-agency-texts.ts';
import { renderReportHtml } from './render-report-html.ts';
import type { ReportKind, ReportStyle } from './report-model.ts';
import { NARRATIVE_FILE_NAME, narrativeFilePath, syncNarrativeFile } from './narrative/narrative-file.ts';
import { writeFileAtomic } from '../shared/write-file-atomic.ts';
import { todayInVietnam } from '../shared/vietnam-time.ts';
import { reportDateWarning } from './report-date-warning.ts';
import { createReportWriter } from './writers/create-report-writer.ts';
import { REPORT_FORMATS, type ReportFormat, type ReportWriter } from './writers/report-writer.ts';

/** File name of the staff checklist in a period's output folder. */
export const CHECKLIST_FILE_NAME = 'kiem-tra.html';

/** Default output folder. */
export const DEFAULT_OUTPUT_DIR = PROJECT_PATHS.output;

/** Options of `writeReports`. */
export interface WriteReportsOptions {
  /** The frozen configuration (issuers, number, date, illustrative flag). */
  config: KehoachConfig;
  /** Report kinds to write. */
  kinds: readonly ReportKind[];
  /** Formats to write. @default config.report.formats */
  formats?: readonly ReportFormat[];
  /** Document style. @default config.report.style */
  style?: ReportStyle;
  /** Folder that receives <period>/<kind>.<ext>. @default output/ in the repository */
  outDir?: string;
  /** Text the agencies sent beside their figures (readAgencyTexts), placed in the narrative's draft. */
  agencyTexts?: readonly AgencyText[];
  /** Agency files that could not be read this run: said in kiem-tra.html, their blocks in narrative.md kept. */
  agencyProblems?: readonly AgencyFileProblem[];
  /** Checklist lines about the date, signer or marking against the period's first report (batch/keep-report-settings.ts). */
  settingsNotes?: readonly string[];
  /**
   * Writers to use instead of creating new ones, so a batch of periods shares one browser. Writers passed in are
   * not closed here; writers created here are closed before returning.
   */
  writers?: Partial<Record<ReportFormat, ReportWriter>>;
}

/** One file written. */
export interface ReportOutputFile {
  kind: ReportKind;
  format: ReportFormat;
  file: string;
}

/** What the report stage produced for one period. */
export interface ReportOutputs {
  period: string;
  dir: string;
  files: ReportOutputFile[];
  /** Files written beside the reports for staff: the narrative file and the checklist (kiem-tra.html). */
  companions: string[];
  /**
   * Vietnamese warnings for the person running the report, also listed in kiem-tra.html: a report date long before
   * the period's end (reportDateWarning). Added for review R2, A6.
   */
  warnings: string[];
  /**
   * What staff should know about narrative.md and the agencies' text this run (a repeated section id, a comment line
   * dropped, an agency file not read), also listed in kiem-tra.html. The command prints them.
   */
  notices: string[];
}

/**
 * Writes the reports of one period: for each kind, builds the model, renders the HTML once and writes every format
 * to `<outDir>/<period>/<kind>.<ext>` (atomically). The writers created here (one browser for all PDFs) are closed
 * in a `finally`; writers passed in stay open for the next period.
 */
export async function writeReports(reconciliation: Reconciliation, options: WriteReportsOptions): Promise<ReportOutputs> {
  const formats = [...new Set(options.formats ?? options.config.report.formats)];
  const dir = path.join(options.outDir ?? DEFAULT_OUTPUT_DIR, reconciliation.period.id);
  const created: ReportWriter[] = [];
  const writers = new Map<ReportFormat, ReportWriter>();
  for (const format of formats) {
    let writer = options.writers?.[format];
    if (!writer) {
      writer = createReportWriter(format);
      created.push(writer);
    }
    writers.set(format, writer);
  }
  const files: ReportOutputFile[] = [];
  const companions: string[] = [];
  // The date createReportContext reports with: an unlikely one is warned of, never refused (review R2, A6).
  const dateWarning = reportDateWarning(reconciliation.period, options.config.report.date ?? todayInVietnam());
  const warnings = dateWarning ? [dateWarning] : [];
  const settingsNotes = [...(options.settingsNotes ?? []), ...warnings];
  const notices: string[] = [];
  try {
    // Render every kind first (a model or template error stops the run before any report is written). Each kind
    // merges this run's draft into the period's narrative file, keeping what staff wrote there.
    const narrativeFile = narrativeFilePath(options.outDir ?? DEFAULT_OUTPUT_DIR, reconciliation.period.id);
    const rendered = options.kinds.map((kind) =>
      renderReportHtml(
        buildReportModel(reconciliation, options.config, kind, {
          ...(options.style ? { style: options.style } : {}),
          ...(options.agencyTexts ? { agencyTexts: options.agencyTexts } : {}),
          ...(settingsNotes.length > 0 ? { settingsNotes } : {}),
          resolveNarrative: (draft) => {
            const synced = syncNarrativeFile(narrativeFile, draft, options.agencyProblems);
            for (const n of synced.notices ?? []) if (!notices.includes(n)) notices.push(n);
            return synced;
          },
          narrativeFileName: `${NARRATIVE_FILE_NAME} (cùng thư mục với báo cáo)`,
        }),
      ),
    );
    // One kind fits a period, so one checklist per period folder.
    for (const r of rendered) writeFileAtomic(path.join(dir, CHECKLIST_FILE_NAME), r.checklistHtml);
    if (rendered.length > 0) companions.push(narrativeFile, path.join(dir, CHECKLIST_FILE_NAME));
    // The PDF first, alone: Chromium's layout is most of the stage and runs fastest without the DOCX packing
    // beside it on the same cores; then the other formats side by side.
    const write = async (format: ReportFormat) => {
      await Promise.all(
        rendered.map(async (r) => {
          const file = path.join(dir, `${r.kind}.${format}`);
          await writers.get(format)!.write(r, file);
          files.push({ kind: r.kind, format, file });
        }),
      );
    };
    const ordered = REPORT_FORMATS.filter((f) => formats.includes(f));
    if (ordered[0] === 'pdf') await write(ordered.shift()!);
    // Wait for every write to settle before closing the browser, then report the first failure.
    const failed = (await Promise.allSettled(ordered.map(write))).find((j): j is PromiseRejectedResult => j.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    await Promise.all(created.map((w) => w.close()));
  }
  files.sort((a, b) => a.file.localeCompare(b.file));
  return { period: reconciliation.period.id, dir, files, companions, warnings, notices };
}
