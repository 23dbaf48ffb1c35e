// Report stage entry: from a Reconciliation to output/<period>/<kind>.<ext> in every requested format. Each report is
// rendered once to HTML by the shared templates and handed to the writers (HTML, PDF, DOCX) side by side.
import path from 'node:path';
import type { KehoachConfig } from '../config/config-schema.ts';
import { fromProjectRoot } from '../db/project-root.ts';
import type { Reconciliation } from '../reconcile/reconciliation.ts';
import { buildReportModel, type ReportRegistryNames } from './build-report-model.ts';
import { renderReportHtml } from './render-report-html.ts';
import type { ReportKind, ReportStyle } from './report-model.ts';
import { createReportWriter } from './writers/create-report-writer.ts';
import { REPORT_FORMATS, type ReportFormat, type ReportWriter } from './writers/report-writer.ts';

/** Default output folder. */
export const DEFAULT_OUTPUT_DIR = fromProjectRoot('output');

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
  /** Registry names quoted by the sentences (plan documents, agencies). */
  names?: ReportRegistryNames;
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
  try {
    // Render every kind first (a model or template error stops the run before anything is written), then write all
    // documents side by side: the browser prints several pages at once and the DOCX packing overlaps with it.
    const rendered = options.kinds.map((kind) =>
      renderReportHtml(buildReportModel(reconciliation, options.config, kind, options.names, options.style ? { style: options.style } : {})),
    );
    const jobs = rendered.flatMap((r) =>
      formats.map(async (format) => {
        const file = path.join(dir, `${r.kind}.${format}`);
        await writers.get(format)!.write(r, file);
        files.push({ kind: r.kind, format, file });
      }),
    );
    // Wait for every write to settle before closing the browser, then report the first failure.
    const failed = (await Promise.allSettled(jobs)).find((j): j is PromiseRejectedResult => j.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    await Promise.all(created.map((w) => w.close()));
  }
  files.sort((a, b) => a.file.localeCompare(b.file));
  return { period: reconciliation.period.id, dir, files };
}
