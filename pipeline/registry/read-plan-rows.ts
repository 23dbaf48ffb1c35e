// Registry stage: reads the rows of a plan file (xlsx or csv) for `kehoach plan import`, cell values as they are.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { parse } from 'csv-parse/sync';
import { PipelineError } from '../shared/pipeline-error.ts';

/** One cell: its text (NFC, trimmed) and, for a number cell of a workbook, the number (×100 when formatted as %). */
export interface PlanCell {
  text: string;
  number: number | null;
  /** The cell was a number formatted as a percentage in the workbook (0,9275 shown as 92,75%). */
  percent: boolean;
}

/** The rows of the first sheet (or the CSV), with their 1-based row numbers as a spreadsheet shows them. */
export interface PlanSheet {
  file: string;
  sheet: string | null;
  rows: { row: number; cells: PlanCell[] }[];
}

/** Size limits that keep a hostile or broken file from exhausting memory. */
const LIMITS = { maxBytes: 20 * 1024 * 1024, maxInflatedBytes: 200 * 1024 * 1024, maxEntries: 2000, maxRatio: 500, maxRows: 10_000, maxCols: 100 };

/**
 * Checks the zip central directory of an xlsx before SheetJS inflates it: SheetJS trusts declared sizes and inflates
 * every entry up front, so a small crafted file can make it allocate gigabytes (../shared/INGEST-NOTES.md).
 */
function assertSafeZip(buf: Buffer, file: string): void {
  const fail = (why: string): never => {
    throw new PipelineError('plan-import', `Tệp ${file} không an toàn để mở (${why}).`);
  };
  const eocdSig = 0x06054b50;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === eocdSig) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail('không phải tệp zip/xlsx hợp lệ');
  const entries = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff) fail('zip64 không được hỗ trợ');
  if (entries > LIMITS.maxEntries) fail(`${entries} mục nén`);
  let at = cdOffset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) fail('mục lục zip hỏng');
    const compressed = buf.readUInt32LE(at + 20);
    const inflated = buf.readUInt32LE(at + 24);
    if (compressed === 0xffffffff || inflated === 0xffffffff) fail('zip64 không được hỗ trợ');
    if ((buf.readUInt16LE(at + 8) & 1) === 1) fail('tệp có mật khẩu');
    if (inflated > LIMITS.maxInflatedBytes || (compressed > 0 && inflated / compressed > LIMITS.maxRatio)) fail('tỷ lệ nén bất thường');
    total += inflated;
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  if (total > LIMITS.maxInflatedBytes) fail('dung lượng giải nén quá lớn');
}

function textCell(text: string): PlanCell {
  return { text: text.normalize('NFC').trim(), number: null, percent: false };
}

function readWorkbook(buf: Buffer, file: string): PlanSheet {
  if (buf.subarray(0, 2).toString('latin1') === 'PK') assertSafeZip(buf, file);
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(buf, { type: 'buffer', cellNF: true, cellDates: false, cellFormula: false, cellHTML: false, sheetRows: LIMITS.maxRows + 1 });
  } catch (cause) {
    throw new PipelineError('plan-import', `Không đọc được tệp ${file} như bảng tính: ${(cause as Error).message}`, { cause });
  }
  const name = workbook.SheetNames[0];
  const sheet = name === undefined ? undefined : workbook.Sheets[name];
  if (!name || !sheet) throw new PipelineError('plan-import', `Tệp ${file} không có trang tính nào.`);
  const rows: PlanSheet['rows'] = [];
  const ref = sheet['!ref'];
  if (!ref) return { file, sheet: name, rows };
  const range = XLSX.utils.decode_range(ref);
  const lastCol = Math.min(range.e.c, LIMITS.maxCols - 1);
  for (let r = range.s.r; r <= Math.min(range.e.r, LIMITS.maxRows); r++) {
    const cells: PlanCell[] = [];
    for (let c = 0; c <= lastCol; c++) {
      const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      // Raw values (.v), never the formatted text (.w, always en-US: 1700 shows "1,700").
      if (!cell || cell.v === undefined || cell.v === null) {
        cells.push(textCell(''));
      } else if (cell.t === 'e') {
        // An error or a formula with no cached result: never a silent blank, it must fail its row.
        cells.push(textCell(`#LỖI (ô ${XLSX.utils.encode_cell({ r, c })})`));
      } else if (typeof cell.v === 'number') {
        const percent = typeof cell.z === 'string' && cell.z.includes('%');
        const number = percent ? Math.round(cell.v * 100 * 1e9) / 1e9 : cell.v;
        cells.push({ text: String(number), number, percent });
      } else {
        cells.push(textCell(String(cell.v)));
      }
    }
    rows.push({ row: r + 1, cells });
  }
  return { file, sheet: name, rows };
}

function readCsv(buf: Buffer, file: string): PlanSheet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch (cause) {
    throw new PipelineError('plan-import', `Tệp ${file} không phải văn bản UTF-8: lưu lại tệp CSV với mã hóa UTF-8.`, { cause });
  }
  text = text.replace(/^\uFEFF/, '');
  // Excel in a Vietnamese locale writes ";" between fields; sniff the separator on the header line.
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const).sort((a, b) => b[1] - a[1]);
  const delimiter = counts[0]![1] > 0 ? counts[0]![0] : ',';
  let records: { info: { lines: number }; record: string[] }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: 100_000,
    }) as unknown as typeof records;
  } catch (cause) {
    throw new PipelineError('plan-import', `Tệp ${file} không đọc được như CSV: ${(cause as Error).message}`, { cause });
  }
  return {
    file,
    sheet: null,
    rows: records.slice(0, LIMITS.maxRows).map(({ info, record }) => ({ row: info.lines, cells: record.map(textCell) })),
  };
}

/**
 * Reads a plan file: .csv (UTF-8, with or without BOM, separated by "," ";" or tab) or a workbook (.xlsx, .xlsm,
 * .xls, .ods; the first sheet). Throws a PipelineError('plan-import') for a file it cannot open.
 */
export function readPlanRows(filePath: string): PlanSheet {
  const file = path.basename(filePath);
  if (!fs.existsSync(filePath)) throw new PipelineError('usage', `Không thấy tệp ${filePath}.`);
  const size = fs.statSync(filePath).size;
  if (size > LIMITS.maxBytes) throw new PipelineError('plan-import', `Tệp ${file} quá lớn (${size} byte).`);
  const buf = fs.readFileSync(filePath);
  const ext = path.extname(filePath).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return readCsv(buf, file);
  if (['.xlsx', '.xlsm', '.xls', '.ods'].includes(ext)) return readWorkbook(buf, file);
  throw new PipelineError('usage', `Tệp kế hoạch phải là .xlsx hoặc .csv (nhận ${file}).`);
}
