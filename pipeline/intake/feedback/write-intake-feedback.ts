// Intake stage: tells each agency what came of its files: output/<period>/phan-hoi/<agency>.xlsx with every problem
// and its place, and output/<period>/summary.json for programs. Read from the database, so it covers every file
// received for the period, not only this run's.
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { OpenDatabase } from '../../db/open-database.ts';
import { parsePeriod } from '../../shared/parse-period.ts';
import { fixZipDates } from '../../shared/fix-zip-dates.ts';
import { writeFileAtomic } from '../../shared/write-file-atomic.ts';

/** One problem as summary.json lists it. */
export interface SummaryProblem {
  code: string;
  severity: string;
  message: string;
  action: string | null;
  sheet: string | null;
  cell: string | null;
  value: string | null;
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
}

/** Options of `writeIntakeFeedback`. */
export interface FeedbackOptions {
  period: string;
  /** Output root; files go to <outDir>/<period>/. @default output */
  outDir: string;
  /** Date stamped in the xlsx properties, fixed so outputs are byte-identical across runs. @default 2000-01-01 */
  fileDate?: Date;
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
      `select p.file_id, p.code, p.severity, p.message, p.action, p.sheet, p.cell, p.value_text
         from problems p join received_files f on f.id = p.file_id where f.period = ? order by p.file_id, p.id`,
    )
    .all(period.id) as { file_id: number; code: string; severity: string; message: string; action: string | null; sheet: string | null; cell: string | null; value_text: string | null }[];
  const byFile = new Map<number, SummaryProblem[]>();
  for (const p of problems) {
    const list = byFile.get(p.file_id) ?? [];
    list.push({ code: p.code, severity: p.severity, message: p.message, action: p.action, sheet: p.sheet, cell: p.cell, value: p.value_text });
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
  };
}

const UNKNOWN_AGENCY_FILE = 'khong-ro-co-quan';

/** Writes one agency's feedback workbook. Every cell is a plain string or number: agency text never becomes a formula. */
async function feedbackWorkbook(agencyName: string, periodLabel: string, files: SummaryFile[], date: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kehoach';
  wb.created = date;
  wb.modified = date;
  const ws = wb.addWorksheet('Phản hồi', { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.columns = [
    { width: 6 },
    { width: 30 },
    { width: 16 },
    { width: 8 },
    { width: 22 },
    { width: 10 },
    { width: 22 },
    { width: 60 },
    { width: 50 },
  ];
  const text = (v: unknown): string | number => (typeof v === 'number' ? v : v === null || v === undefined ? '' : String(v));
  ws.addRow([`PHẢN HỒI VỀ SỐ LIỆU BÁO CÁO ${periodLabel.toUpperCase()}`]).font = { bold: true, size: 13 };
  ws.addRow([`Cơ quan: ${agencyName}`]);
  const open = files.filter((f) => !f.superseded);
  const nProblems = open.reduce((n, f) => n + f.problems.length, 0);
  ws.addRow([nProblems === 0 ? 'Các tệp đã gửi không có vấn đề nào cần sửa.' : `Có ${nProblems} vấn đề cần xem trong các tệp đã gửi (lỗi: số liệu chưa được nhận; cảnh báo: đã nhận nhưng cần kiểm tra).`]);
  const header = ws.addRow(['STT', 'Tệp', 'Trang', 'Ô', 'Giá trị đã thấy', 'Mức độ', 'Mã vấn đề', 'Nội dung', 'Cách khắc phục']);
  header.font = { bold: true };
  let n = 0;
  for (const f of open) {
    for (const p of f.problems) {
      n++;
      const row = ws.addRow([n, f.file, p.sheet ?? '', p.cell ?? '', p.value ?? '', p.severity === 'error' ? 'Lỗi' : 'Cảnh báo', p.code, p.message, p.action ?? ''].map(text));
      row.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  const fs2 = wb.addWorksheet('Tệp đã nhận');
  fs2.columns = [{ width: 36 }, { width: 22 }, { width: 14 }, { width: 12 }, { width: 12 }, { width: 16 }, { width: 50 }];
  fs2.addRow(['Tệp', 'Thời điểm nhận', 'Kết quả', 'Số dòng đọc', 'Số dòng nhận', 'Bị thay thế', 'Lý do']).font = { bold: true };
  const statusText = { accepted: 'Đã nhận', partial: 'Nhận một phần', rejected: 'Không nhận' } as const;
  for (const f of files) {
    const replaced = f.held ? 'Giữ lại (nhận sau khi chốt số liệu)' : f.superseded ? 'Có (đã có tệp mới hơn)' : '';
    fs2.addRow([f.file, f.received_at, statusText[f.status], f.rows_read, f.rows_accepted, replaced, f.reason ?? ''].map(text));
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
  const byAgency = new Map<string, SummaryFile[]>();
  for (const f of summary.files) {
    const k = f.agency ?? UNKNOWN_AGENCY_FILE;
    byAgency.set(k, [...(byAgency.get(k) ?? []), f]);
  }
  const date = options.fileDate ?? new Date('2000-01-01T00:00:00Z');
  for (const [agency, files] of [...byAgency].sort(([a], [b]) => a.localeCompare(b))) {
    const name = agency === UNKNOWN_AGENCY_FILE ? 'Không xác định được cơ quan gửi' : names.get(agency) ?? agency;
    const file = path.join(dir, 'phan-hoi', `${agency}.xlsx`);
    writeFileAtomic(file, await feedbackWorkbook(name, period.label, files, date));
    written.push(file);
  }
  return written;
}
