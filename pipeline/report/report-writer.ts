// Report stage: the one interface every output format implements (HTML, PDF, DOCX), side by side.
import type { RenderedReport } from './rendered-report.ts';

/** Output formats of the report stage. */
export type ReportFormat = 'pdf' | 'docx' | 'html';

/** Writes rendered reports in one format. Create one per run; `close` releases what it holds (the browser). */
export interface ReportWriter {
  readonly format: ReportFormat;
  /** Writes one report to `outFile` atomically (a temporary file in the same folder, then a rename). */
  write(rendered: RenderedReport, outFile: string): Promise<void>;
  /** Releases resources; safe to call more than once, and when nothing was written. */
  close(): Promise<void>;
}
