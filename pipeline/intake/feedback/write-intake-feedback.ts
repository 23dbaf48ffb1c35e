// Intake stage: tells each agency what came of its files: output/<period>/phan-hoi/<agency>.xlsx with every problem
// and its place, and output/<period>/summary.json for programs. Read from the database, so it covers every file
// received for the period, not only this run's.
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { OpenDatabase } from '../../db/open-database.ts';
import { parsePeriod } from '../../shared/parse-period.ts';
import { fixZipDates } from '../../shared/fix-zip-dates.ts';
import { addDays } from '../../shared/vietnam-time.ts';
import { writeFileAtomic } from '../../shared/write-file-atomic.ts';
import { describeProblemCode } from './describe-problem-code.ts';
import { toIndicatorKey } from '../match/create-indicator-matcher.ts';

/** One problem as summary.json lists it. */
export interface SummaryProblem {
  code: string;
  /** The Vietnamese name of the code, as the feedback shows it. */
  name: string;
  severity: string;
  message: string;
  action: string | null;
  sheet: string | null;
  cell: string | null;
  value: string | null;
  /** For a near-name match: the indicator suggested, for staff to confirm (`alias add`, the desk). */
  suggested_indicator: string | null;
  /**
   * On a replaced file's error: true while no newer file of the agency gives a figure of the period for the row's
   * indicator, so the agency is still told (a formula without its result in D2 of the older file, field case F8).
   */
  still_open?: boolean;
}

/** Something in the inbox not read as a file (a link, a dot-name, a FIFO, an unreadable file) or a register line. */
export interface SummaryInboxProblem {
  source: string;
  line: number | null;
  agency: string | null;
  code: string;
  name: string;
  severity: string;
  message: string;
  action: string | null;
}

/** One received file as summary.json lists it. */
export interface SummaryFile {
  agency: string | null;
  file: string;
  source: string | null;
  sha256: string;
  received_at: string;
  status: 'accepted' | 'partial' | 'rejected';
  /** True when a later file of the same agency replaced this one. */
  superseded: boolean;
  /** True when the file came after the period was closed (chốt số liệu): kept, not counted until reopening. */
  held: boolean;
  reason: string | null;
  rows_read: number;
  rows_accepted: number;
  problems: SummaryProblem[];
}

/** The intake part of output/<period>/summary.json. */
export interface IntakeSummary {
  period: string;
  files: SummaryFile[];
  /** What was in the inbox and not read as a submission, never skipped in silence. */
  inbox: SummaryInboxProblem[];
}

/** Options of `writeIntakeFeedback`. */
export interface FeedbackOptions {
  period: string;
  /** Output root; files go to <outDir>/<period>/. @default output */
  outDir: string;
  /** Date stamped in the xlsx properties, fixed so outputs are byte-identical across runs. @default 2000-01-01 */
  fileDate?: Date;
  /** Days after the period's cut-off agencies have to send (configuration `deadlines.daysAfterCutoff`). @default 5 */
  daysAfterCutoff?: number;
  /** Issuer profiles (configuration `issuers`): the one in force on the deadline signs the feedback as its sender. */
  senders?: readonly FeedbackSender[];
  /** The contact line. @default "Mọi thắc mắc … xin liên hệ <sender> (<place>)." */
  contact?: string;
}

/**
 * Whether a replaced file's row is still owed: no current (not replaced) figure of the agency for the period, actual
 * or estimate, belongs to an indicator whose name has the row's key. Returns a test over (agency, row_data JSON).
 */
function openAfterReplacement(database: OpenDatabase, periodId: string, files: { superseded_by: number | null }[]) {
  if (!files.some((f) => f.superseded_by !== null)) return () => false;
  const rows = database.sqlite
    .prepare(
      `select distinct v.agency_code, i.name from staged_values v join submissions s on s.id = v.submission_id join indicators i on i.code = v.indicator_code
        where s.superseded_by is null and v.period = ? and v.kind in ('actual', 'estimate')`,
    )
    .all(periodId) as { agency_code: string; name: string }[];
  const supplied = new Set(rows.map((r) => `${r.agency_code}\u0000${toIndicatorKey(r.name)}`));
  return (agency: string | null, rowData: string | null): boolean => {
    let cells: unknown[] = [];
    try {
      cells = rowData ? (JSON.parse(rowData) as unknown[]) : [];
    } catch {
      cells = [];
    }
    // The row's name: its longest text that is not a number.
    const name = cells
      .map((c) => String(c ?? '').trim())
      .filter((t) => t && !/^[-+\d.,%()\s]+$/.test(t) && !t.startsWith('='))
      .sort((a, b) => b.length - a.length)[0];
    if (!name) return true;
    return !supplied.has(`${agency ?? ''}\u0000${toIndicatorKey(name)}`);
  };
}

/** Builds the summary from the database (every file of the period, oldest first). */
export function buildIntakeSummary(database: OpenDatabase, periodId: string): IntakeSummary {
  const period = parsePeriod(periodId);
  const files = database.sqlite
    .prepare(
      `select f.id, f.agency_code, f.file_name, f.source_path, f.sha256, f.received_at, f.status, f.reason, f.rows_read, f.rows_accepted,
              s.superseded_by, s.held
         from received_files f left join submissions s on s.file_id = f.id
        where f.period = ? order by f.received_at, f.source_path, f.id`,
    )
    .all(period.id) as {
    id: number;
    agency_code: string | null;
    file_name: string;
    source_path: string | null;
    sha256: string;
    received_at: string;
    status: SummaryFile['status'];
    reason: string | null;
    rows_read: number;
    rows_accepted: number;
    superseded_by: number | null;
    held: number | null;
  }[];
  const problems = database.sqlite
    .prepare(
      `select p.file_id, p.code, p.severity, p.message, p.action, p.sheet, p.cell, p.value_text, p.suggested_indicator, p.row_data
         from problems p join received_files f on f.id = p.file_id where f.period = ? order by p.file_id, p.id`,
    )
    .all(period.id) as {
    file_id: number;
    code: string;
    severity: string;
    message: string;
    action: string | null;
    sheet: string | null;
    cell: string | null;
    value_text: string | null;
    suggested_indicator: string | null;
    row_data: string | null;
  }[];
  const stillOpen = openAfterReplacement(database, period.id, files);
  const byFile = new Map<number, SummaryProblem[]>();
  for (const p of problems) {
    const list = byFile.get(p.file_id) ?? [];
    const replaced = files.find((f) => f.id === p.file_id)?.superseded_by != null;
    const open = replaced && p.severity === 'error' && p.cell ? { still_open: stillOpen(files.find((f) => f.id === p.file_id)!.agency_code, p.row_data) } : {};
    list.push({
      code: p.code,
      name: describeProblemCode(p.code),
      severity: p.severity,
      message: p.message,
      action: p.action,
      sheet: p.sheet,
      cell: p.cell,
      value: p.value_text,
      suggested_indicator: p.suggested_indicator,
      ...open,
    });
    byFile.set(p.file_id, list);
  }
  return {
    period: period.id,
    files: files.map((f) => ({
      agency: f.agency_code,
      file: f.file_name,
      source: f.source_path,
      sha256: f.sha256,
      received_at: f.received_at,
      status: f.status,
      superseded: f.superseded_by !== null,
      held: f.held === 1,
      reason: f.reason,
      rows_read: f.rows_read,
      rows_accepted: f.rows_accepted,
      problems: byFile.get(f.id) ?? [],
    })),
    inbox: (
      database.sqlite
        .prepare('select source_path, line, agency_code, code, severity, message, action from inbox_problems where period = ? order by source_path, line, code')
        .all(period.id) as { source_path: string; line: number; agency_code: string | null; code: string; severity: string; message: string; action: string | null }[]
    ).map((p) => ({
      source: p.source_path,
      line: p.line || null,
      agency: p.agency_code,
      code: p.code,
      name: describeProblemCode(p.code),
      severity: p.severity,
      message: p.message,
      action: p.action,
    })),
  };
}

const UNKNOWN_AGENCY_FILE = 'khong-ro-co-quan';

/** Who sends the feedback: the issuer profile of the configuration in force (see `config.issuers`). */
export interface FeedbackSender {
  parentName: string;
  name: string;
  place: string;
  validFrom: string | null;
  validTo: string | null;
}

/** What every agency's workbook of one period shares. */
interface FeedbackContext {
  periodLabel: string;
  /** The date agencies resubmit by (ISO), from the period's cut-off and `deadlines.daysAfterCutoff`. */
  deadline: string;
  sender: FeedbackSender | null;
  contact: string | null;
  date: Date;
}

const text = (v: unknown): string | number => (typeof v === 'number' ? v : v === null || v === undefined ? '' : String(v));
const VN_DATE = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** "2025-06-05T01:30:00Z" as the clerk reads it: "05/06/2025 08:30" (Vietnam time, UTC+7). */
export function formatVietnamTime(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  const local = new Date(ms + 7 * 3_600_000).toISOString();
  return `${VN_DATE(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/**
 * A row height that shows all its wrapped text: spreadsheet programs do not grow a row that a writer left at the
 * default height, so a long message would be cut in print. About 1.1 characters per unit of column width at 11 pt.
 */
function fitHeight(values: unknown[], widths: number[]): number {
  let lines = 1;
  values.slice(1).forEach((v, i) => {
    const text = v === null || v === undefined ? '' : String(v);
    const width = widths[i] ?? 10;
    const perLine = Math.max(4, Math.floor(width * 1.05));
    const n = text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, n);
  });
  return Math.min(409, 15 * lines + 2);
}

/** One row of the problem list, from a file's problem or an inbox entry. */
interface FeedbackRow {
  file: string;
  sheet: string;
  cell: string;
  value: string;
  severity: string;
  code: string;
  message: string;
  action: string;
}

/** Writes one agency's feedback workbook. Every cell is a plain string or number: agency text never becomes a formula. */
async function feedbackWorkbook(agencyName: string, files: SummaryFile[], inbox: SummaryInboxProblem[], ctx: FeedbackContext): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kehoach';
  wb.created = ctx.date;
  wb.modified = ctx.date;
  const open = files.filter((f) => !f.superseded);
  const rows: FeedbackRow[] = [
    ...inbox.map((p) => ({ file: p.source, sheet: '', cell: p.line ? `dòng ${p.line}` : '', value: '', severity: p.severity, code: p.code, message: p.message, action: p.action ?? '' })),
    ...open.flatMap((f) =>
      f.problems.map((p) => ({ file: f.file, sheet: p.sheet ?? '', cell: p.cell ?? '', value: p.value ?? '', severity: p.severity, code: p.code, message: p.message, action: p.action ?? '' })),
    ),
    // A replaced file's error that no newer file made good (its figure never arrived) is still the agency's to fix.
    ...files
      .filter((f) => f.superseded)
      .flatMap((f) =>
        f.problems
          .filter((p) => p.still_open)
          .map((p) => ({
            file: f.file,
            sheet: p.sheet ?? '',
            cell: p.cell ?? '',
            value: p.value ?? '',
            severity: p.severity,
            code: p.code,
            message: `${p.message} (Tệp này đã được thay bằng tệp gửi sau, nhưng tệp sau chưa có số liệu thay cho ô này.)`,
            action: p.action ?? '',
          })),
      ),
  ];
  const headerRow = 9;
  const ws = wb.addWorksheet('Phản hồi', {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    headerFooter: { oddFooter: '&C Trang &P/&N' },
  });
  // About 150 characters wide: A4 landscape at 11 pt with little scaling. The code column is for programs only.
  ws.columns = [
    { width: 5 },
    { width: 20 },
    { width: 10 },
    { width: 6 },
    { width: 16 },
    { width: 8 },
    { width: 17 },
    { width: 44 },
    { width: 32 },
    { width: 20, hidden: true },
  ];
  const bold = { bold: true, name: 'Times New Roman', size: 12 };
  const plain = { name: 'Times New Roman', size: 11 };
  const title = (values: string[], font: object, merge = true) => {
    const row = ws.addRow(values);
    row.font = font;
    if (merge) ws.mergeCells(row.number, 1, row.number, 9);
    row.alignment = { wrapText: true, vertical: 'top' };
    return row;
  };
  title([ctx.sender ? `${ctx.sender.parentName.toUpperCase()} - ${ctx.sender.name.toUpperCase()}` : ''], bold);
  title([`PHẢN HỒI VỀ SỐ LIỆU BÁO CÁO ${ctx.periodLabel.toUpperCase()}`], { ...bold, size: 13 }).alignment = { horizontal: 'center' };
  title([`Kính gửi: ${agencyName}`], plain);
  const errors = rows.filter((r) => r.severity === 'error').length;
  title(
    [
      rows.length === 0
        ? 'Các tệp đã gửi không có vấn đề nào cần sửa. Cảm ơn quý cơ quan.'
        : `Có ${rows.length} vấn đề trong các tệp đã gửi: ${errors} lỗi (số liệu chưa được nhận, cần sửa và gửi lại) và ${rows.length - errors} cảnh báo (đã nhận, đề nghị kiểm tra).`,
    ],
    plain,
  );
  title([errors > 0 ? `Đề nghị gửi lại tệp đã sửa trước ngày ${VN_DATE(ctx.deadline)}.` : `Hạn gửi số liệu kỳ này: ${VN_DATE(ctx.deadline)}.`], { ...plain, bold: true });
  title([ctx.contact ?? (ctx.sender ? `Mọi thắc mắc về phản hồi này, xin liên hệ ${ctx.sender.name} (${ctx.sender.place}).` : '')], plain);
  title(['Cột "Ô" chỉ ô trong tệp đã gửi (ví dụ D7 là cột D, dòng 7); cột "Giá trị đã thấy" là nội dung ô như Sở đọc được.'], { ...plain, italic: true });
  ws.addRow([]);
  const header = ws.addRow(['STT', 'Tệp', 'Trang', 'Ô', 'Giá trị đã thấy', 'Mức độ', 'Vấn đề', 'Nội dung', 'Cách khắc phục', 'Mã vấn đề']);
  header.font = { ...plain, bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  rows.forEach((r, i) => {
    const row = ws.addRow(
      [i + 1, r.file, r.sheet, r.cell, r.value, r.severity === 'error' ? 'Lỗi' : 'Cảnh báo', describeProblemCode(r.code), r.message, r.action, r.code].map(text),
    );
    row.font = plain;
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = fitHeight(row.values as unknown[], ws.columns.map((c) => c.width ?? 10));
    row.eachCell((c) => {
      c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    });
  });
  const fs2 = wb.addWorksheet('Tệp đã nhận', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  fs2.columns = [{ width: 36 }, { width: 18 }, { width: 14 }, { width: 12 }, { width: 12 }, { width: 26 }, { width: 50 }];
  const h2 = fs2.addRow(['Tệp', 'Thời điểm nhận (giờ Việt Nam)', 'Kết quả', 'Số dòng đọc', 'Số dòng nhận', 'Bị thay thế', 'Lý do']);
  h2.font = { ...plain, bold: true };
  h2.alignment = { wrapText: true, vertical: 'middle' };
  const statusText = { accepted: 'Đã nhận', partial: 'Nhận một phần', rejected: 'Không nhận' } as const;
  for (const f of files) {
    const replaced = f.held ? 'Giữ lại (nhận sau khi chốt số liệu)' : f.superseded ? 'Có (đã có tệp mới hơn)' : '';
    const row = fs2.addRow([f.file, formatVietnamTime(f.received_at), statusText[f.status], f.rows_read, f.rows_accepted, replaced, f.reason ?? ''].map(text));
    row.font = plain;
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  return fixZipDates(Buffer.from(await wb.xlsx.writeBuffer()));
}

/**
 * Writes summary.json and one feedback workbook per agency (and one for files whose agency is unknown) for a period.
 * @returns the paths written
 */
export async function writeIntakeFeedback(database: OpenDatabase, options: FeedbackOptions): Promise<string[]> {
  const period = parsePeriod(options.period);
  const summary = buildIntakeSummary(database, period.id);
  const dir = path.join(options.outDir, period.id);
  const written: string[] = [];
  const summaryFile = path.join(dir, 'summary.json');
  writeFileAtomic(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
  written.push(summaryFile);
  const names = new Map(
    (database.sqlite.prepare('select code, name from agencies').all() as { code: string; name: string }[]).map((a) => [a.code, a.name]),
  );
  const byAgency = new Map<string, { files: SummaryFile[]; inbox: SummaryInboxProblem[] }>();
  const entry = (k: string) => {
    let e = byAgency.get(k);
    if (!e) byAgency.set(k, (e = { files: [], inbox: [] }));
    return e;
  };
  for (const f of summary.files) entry(f.agency ?? UNKNOWN_AGENCY_FILE).files.push(f);
  for (const p of summary.inbox) entry(p.agency ?? UNKNOWN_AGENCY_FILE).inbox.push(p);
  // Agencies resubmit by the period's cut-off (ND 09/2019) plus the configured days, as `status` counts lateness.
  const deadline = addDays(period.cutoffEnd, options.daysAfterCutoff ?? 5);
  const sender = options.senders?.find((p) => (p.validFrom === null || p.validFrom <= deadline) && (p.validTo === null || deadline < p.validTo)) ?? null;
  const ctx: FeedbackContext = { periodLabel: period.label, deadline, sender, contact: options.contact ?? null, date: options.fileDate ?? new Date('2000-01-01T00:00:00Z') };
  for (const [agency, { files, inbox }] of [...byAgency].sort(([a], [b]) => a.localeCompare(b))) {
    const name = agency === UNKNOWN_AGENCY_FILE ? 'Văn thư (tệp chưa xác định được cơ quan gửi)' : names.get(agency) ?? agency;
    const file = path.join(dir, 'phan-hoi', `${agency}.xlsx`);
    writeFileAtomic(file, await feedbackWorkbook(name, files, inbox, ctx));
    written.push(file);
  }
  return written;
}
