// Reconcile stage: writes output/<period>/reconciliation.csv and .xlsx, the verdict table for people and programs.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { writeFileAtomic } from '../shared/write-file-atomic.ts';
import { fixZipDates } from '../shared/fix-zip-dates.ts';
import { toCsv, type CsvValue } from '../shared/to-csv.ts';
import type { Attainment, Reconciliation } from './reconciliation.ts';

/**
 * Columns of reconciliation.csv (issue 4), in order; issue 9 added indicator_name, sources and note after them. One row
 * per indicator and judgement: document, period and target are those of the target the verdict uses.
 */
export const RECONCILIATION_COLUMNS = ['document', 'indicator', 'period', 'target', 'actual', 'unit', 'status', 'agency', 'source', 'indicator_name', 'sources', 'note'] as const;

/** Vietnamese headers of the xlsx, one per column above. */
const XLSX_HEADERS: Record<(typeof RECONCILIATION_COLUMNS)[number], string> = {
  document: 'Văn bản',
  indicator: 'Chỉ tiêu',
  period: 'Kỳ',
  target: 'Chỉ tiêu kế hoạch',
  actual: 'Thực hiện',
  unit: 'Đơn vị',
  status: 'Đánh giá',
  agency: 'Cơ quan',
  source: 'Nguồn (tệp!trang!ô)',
  indicator_name: 'Tên chỉ tiêu',
  sources: 'Chỉ tiêu của các văn bản',
  note: 'Ghi chú (mã)',
};

/**
 * Every document's target on the row's indicator: "KH-434-2023 2021-2025: Trên 10 [used, dat]", joined by " | ". The
 * first is the one the verdict uses.
 */
function describeSources(a: Attainment): string {
  return a.sources.map((s) => `${s.document} ${s.targetPeriod}: ${s.expression} [${s.used ? 'used, ' : ''}${s.status}]`).join(' | ');
}

/**
 * The coded facts behind a verdict, for programs and reviewers (the report words them): the judgement, how the figure
 * was formed, why this target was chosen, and each AttainmentNote as code=value.
 */
function describeNote(a: Attainment): string {
  const parts: string[] = [`judgement=${a.judgement}`];
  if (a.figureBasis) parts.push(`figure=${a.figureBasis} ${a.figurePeriod ?? ''}`.trim());
  if (a.reportPeriodValue !== null) parts.push(`report_period_value=${Math.round(a.reportPeriodValue * 1e6) / 1e6}`);
  if (a.levels) parts.push(`levels=${a.levels.from.period}:${a.levels.from.value}->${a.levels.to.period}:${a.levels.to.value}`);
  if (a.sources.length > 1) parts.push(`source_choice=${a.sourceChoice}`);
  for (const n of a.notes) {
    const { code, ...rest } = n;
    const detail = Object.values(rest).map((v) => (Array.isArray(v) ? v.join(',') : String(v))).join(' ');
    parts.push(detail ? `${code}=${detail}` : code);
  }
  return parts.join('; ');
}

/** Options of {@link writeReconciliationExport}. */
export interface ReconciliationExportOptions {
  /** Output root; files go to <outDir>/<period id>/. @default output/ under the repository (the CLI passes it) */
  outDir: string;
}

/** One row of the export: document code, indicator code, target period, verbatim target, figure, verdict. */
export function toReconciliationRow(a: Attainment): Record<(typeof RECONCILIATION_COLUMNS)[number], CsvValue> {
  return {
    document: a.document,
    indicator: a.indicator,
    period: a.targetPeriod,
    target: a.expression,
    // Plain number, dot decimal; rounded to 6 decimals so sums print as 2491.6, not 2491.6000000000004.
    actual: a.actual === null ? null : Math.round(a.actual * 1e6) / 1e6,
    unit: a.unit,
    status: a.status,
    // The agency whose figure was used; the agency following the target when there is no figure.
    agency: a.sourceAgency ?? a.agency,
    source: a.source,
    indicator_name: a.indicatorName,
    sources: describeSources(a),
    note: describeNote(a),
  };
}

/**
 * Writes the attainment table as CSV (text protected against formula injection, numbers plain) and as xlsx (text
 * written as text cells, never formulas), each through a temporary file in the same folder and a rename, so a crash
 * never leaves half a file.
 * @returns the two paths written
 */
export async function writeReconciliationExport(
  reconciliation: Reconciliation,
  options: ReconciliationExportOptions,
): Promise<{ csvFile: string; xlsxFile: string }> {
  const dir = path.join(options.outDir, reconciliation.period.id);
  fs.mkdirSync(dir, { recursive: true });
  const rows = reconciliation.attainments.map(toReconciliationRow);
  const csvFile = path.join(dir, 'reconciliation.csv');
  writeFileAtomic(csvFile, toCsv(RECONCILIATION_COLUMNS, rows));

  const workbook = new ExcelJS.Workbook();
  // Fixed metadata so the same figures give the same workbook properties.
  workbook.creator = 'kehoach';
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = new Date(Date.UTC(2000, 0, 1));
  const sheet = workbook.addWorksheet('Đối chiếu', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = RECONCILIATION_COLUMNS.map((key) => ({
    header: XLSX_HEADERS[key],
    key,
    width: key === 'target' || key === 'source' || key === 'indicator_name' ? 40 : key === 'sources' || key === 'note' ? 60 : key === 'indicator' ? 32 : 14,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const added = sheet.addRow({});
    RECONCILIATION_COLUMNS.forEach((key, index) => {
      const value = row[key];
      const cell = added.getCell(index + 1);
      if (value === null || value === undefined) return;
      // Plain values only: a string is stored as a text cell, so "=HYPERLINK(...)" from an agency stays text.
      cell.value = typeof value === 'number' ? value : String(value);
      if (typeof value === 'number') cell.numFmt = '#,##0.##########';
    });
  }
  const xlsxFile = path.join(dir, 'reconciliation.xlsx');
  writeFileAtomic(xlsxFile, fixZipDates(Buffer.from(await workbook.xlsx.writeBuffer())));
  return { csvFile, xlsxFile };
}
