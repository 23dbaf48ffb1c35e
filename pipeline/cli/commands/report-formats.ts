// CLI: the report formats `report` and `run` accept in --format.
import type { ReportFormat } from '../../report/report-writer.ts';

/** Every format a report is written in. */
export const REPORT_FORMATS = ['pdf', 'docx', 'html'] as const satisfies readonly ReportFormat[];
