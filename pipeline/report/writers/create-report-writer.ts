// Report stage: the registry of writers, one per format. Adding a format means adding its writer here and its name
// to REPORT_FORMATS; the config schema, the CLI options and writeReports follow from these two.
import { createDocxWriter } from './create-docx-writer.ts';
import { createHtmlWriter } from './create-html-writer.ts';
import { createPdfWriter } from './create-pdf-writer.ts';
import type { ReportFormat, ReportWriter } from './report-writer.ts';

const FACTORIES: Readonly<Record<ReportFormat, () => ReportWriter>> = {
  pdf: createPdfWriter,
  docx: createDocxWriter,
  html: createHtmlWriter,
};

/**
 * Creates the writer of a format (each run creates its own; the PDF writer holds one browser until `close`).
 * @throws Error for a format that is not in REPORT_FORMATS (a caller that bypassed the type)
 */
export function createReportWriter(format: ReportFormat): ReportWriter {
  const factory = FACTORIES[format];
  if (!factory) throw new Error(`Định dạng báo cáo không xác định: ${String(format)}`);
  return factory();
}
