// Report stage: the one interface every output format implements (HTML, PDF, DOCX), side by side in writers/.
import type { RenderedReport } from '../rendered-report.ts';

/**
 * Output formats of the report stage, in the order a run writes them: the PDF first, so Chromium prints while
 * nothing else competes for the cores, then the DOCX and the HTML. The config schema and the CLI take their lists
 * of formats from here (the writer of each format: writers/create-report-writer.ts).
 */
export const REPORT_FORMATS = ['pdf', 'docx', 'html'] as const;

/** Output formats of the report stage. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Writes rendered reports in one format. Create one per run; `close` releases what it holds (the browser). */
export interface ReportWriter {
  readonly format: ReportFormat;
  /** Writes one report to `outFile` atomically (a temporary file in the same folder, then a rename). */
  write(rendered: RenderedReport, outFile: string): Promise<void>;
  /** Releases resources; safe to call more than once, and when nothing was written. */
  close(): Promise<void>;
}
