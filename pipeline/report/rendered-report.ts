// Report stage: what the renderer hands to every writer (HTML, PDF, DOCX).
import type { ReportKind } from './report-model.ts';

/** One report rendered to HTML by the shared templates; every writer starts from this. */
export interface RenderedReport {
  kind: ReportKind;
  /** The full HTML document (fonts referenced as fonts/<file>, no scripts, no external URLs). */
  html: string;
  /** The staff checklist beside the report (kiem-tra.html), a separate HTML document. */
  checklistHtml: string;
  /** Document title, for metadata. */
  title: string;
  /** Report date (ISO), also used as the fixed creation date in PDF and DOCX metadata. */
  date: string;
  /** Whether every page carries "SỐ LIỆU MINH HỌA". */
  illustrative: boolean;
}
