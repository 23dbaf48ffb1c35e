// Reconcile stage: writes output/<period>/reconciliation.csv and .xlsx, the verdict table for people and programs; the
// xlsx has a second sheet with the figures received that no verdict shows.
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

/** The verdict codes in the words of the report (README, "Verdict words by period"), for the xlsx a person reads. */
const STATUS_WORDS: Record<string, string> = {
  vuot: 'Vượt',
  dat: 'Đạt',
  khong_dat: 'Không đạt',
  chua_co_so_lieu: 'Chưa có số liệu',
  khong_danh_gia: 'Không đánh giá',
  co_kha_nang_dat: 'Có khả năng đạt',
  kho_dat: 'Khó đạt',
  danh_gia_ca_nam: 'Đánh giá khi có số liệu cả năm',
  chua_du_co_so: 'Chưa đủ cơ sở đánh giá',
};

/** Puts plain values in a row of cells: numbers as numbers, everything else as a text cell (never a formula). */
function fillRow(row: ExcelJS.Row, values: readonly CsvValue[]): void {
  values.forEach((value, index) => {
    if (value === null || value === undefined) return;
    const cell = row.getCell(index + 1);
    // A string is stored as a text cell, so "=HYPERLINK(...)" from an agency stays text.
    cell.value = typeof value === 'number' ? value : String(value);
    if (typeof value === 'number') cell.numFmt = '#,##0.##########';
  });
}

const round6 = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e6);

/**
 * The sheet "Số liệu khác" of reconciliation.xlsx: the figures received for the period that no verdict shows
 * (Reconciliation.receivedFigures), with the same period last year and the nearest later target. reconciliation.csv
 * keeps only the targets (its rows and columns are relied on by scripts).
 */
function addReceivedFiguresSheet(workbook: ExcelJS.Workbook, reconciliation: Reconciliation): void {
  const sheet = workbook.addWorksheet('Số liệu khác', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  const columns: { header: string; width: number; hidden?: boolean }[] = [
    { header: 'Tên chỉ tiêu', width: 44 },
    { header: 'Kỳ', width: 11 },
    { header: 'Số liệu', width: 13 },
    { header: 'Đơn vị', width: 12 },
    { header: 'Loại số liệu', width: 14 },
    { header: 'Cùng kỳ năm trước', width: 13 },
    { header: 'So cùng kỳ (%)', width: 12 },
    { header: 'Tăng/giảm (điểm %)', width: 12 },
    { header: 'Mục tiêu kỳ sau', width: 30 },
    { header: 'Văn bản giao mục tiêu', width: 18 },
    { header: 'Cơ quan', width: 26 },
    { header: 'Nguồn (tệp!trang!ô)', width: 34 },
    { header: 'Mã chỉ tiêu', width: 24, hidden: true },
    { header: 'Mã cơ quan', width: 24, hidden: true },
  ];
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, hidden: c.hidden ?? false }));
  sheet.getRow(1).font = { bold: true };
  for (const f of reconciliation.receivedFigures) {
    const later = f.laterTarget;
    fillRow(sheet.addRow({}), [
      f.indicatorName,
      f.period,
      round6(f.value),
      f.unit,
      f.kind === 'estimate' ? 'Ước thực hiện' : 'Thực hiện',
      round6(f.samePeriodLastYear),
      round6(f.changePct),
      round6(f.changePoints),
      later ? `${later.targetPeriod}: ${later.expression}` : null,
      later ? later.documentLabel : null,
      f.agencyName ?? f.agency,
      f.source,
      f.indicator,
      f.agency,
    ]);
  }
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
  const sheet = workbook.addWorksheet('Đối chiếu', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  // A person reads names, not codes (issue 12, item 4): the indicator's and the agency's names and the verdict in
  // words come first; the codes stay, hidden, at the end for programs (reconciliation.csv keeps its columns).
  const agencyNames = new Map<string, string>();
  for (const a of reconciliation.agencies) agencyNames.set(a.agency, a.agencyName);
  for (const a of reconciliation.attainments) if (a.agency && a.agencyName) agencyNames.set(a.agency, a.agencyName);
  const shown: { header: string; width: number; hidden?: boolean; value: (row: ReturnType<typeof toReconciliationRow>) => CsvValue }[] = [
    { header: 'Văn bản', width: 18, value: (r) => r.document },
    { header: 'Tên chỉ tiêu', width: 44, value: (r) => r.indicator_name },
    { header: 'Kỳ', width: 11, value: (r) => r.period },
    { header: 'Chỉ tiêu kế hoạch', width: 30, value: (r) => r.target },
    { header: 'Thực hiện', width: 13, value: (r) => r.actual },
    { header: 'Đơn vị', width: 12, value: (r) => r.unit },
    { header: 'Đánh giá', width: 16, value: (r) => STATUS_WORDS[String(r.status)] ?? r.status },
    { header: 'Cơ quan', width: 26, value: (r) => (r.agency ? agencyNames.get(String(r.agency)) ?? r.agency : null) },
    { header: 'Nguồn (tệp!trang!ô)', width: 34, value: (r) => r.source },
    { header: 'Chỉ tiêu của các văn bản', width: 50, value: (r) => r.sources },
    { header: 'Ghi chú (mã)', width: 40, value: (r) => r.note },
    { header: 'Mã chỉ tiêu', width: 24, hidden: true, value: (r) => r.indicator },
    { header: 'Mã đánh giá', width: 16, hidden: true, value: (r) => r.status },
    { header: 'Mã cơ quan', width: 24, hidden: true, value: (r) => r.agency },
  ];
  sheet.columns = shown.map((c) => ({ header: c.header, width: c.width, hidden: c.hidden ?? false }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) fillRow(sheet.addRow({}), shown.map((column) => column.value(row)));
  addReceivedFiguresSheet(workbook, reconciliation);
  const xlsxFile = path.join(dir, 'reconciliation.xlsx');
  writeFileAtomic(xlsxFile, fixZipDates(Buffer.from(await workbook.xlsx.writeBuffer())));
  return { csvFile, xlsxFile };
}
