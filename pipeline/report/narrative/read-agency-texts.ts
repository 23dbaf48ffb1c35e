// Report stage: the text agencies send beside their figures: a DOCX report next to the spreadsheet (read with
// mammoth), a "Thuyết minh" / "Đánh giá" sheet in the workbook, or a "Thuyết minh" / "Đánh giá" column beside the
// figures of a data sheet (each row's text after the row's label). It goes into the narrative's draft under the
// agency's sector, marked with its file; it is data everywhere (escaped, never a template, never a marker).
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { formatNumber } from '../../shared/format-number.ts';
import * as XLSX from 'xlsx';
import { readCsvSheet } from '../../intake/parse/read-csv-sheet.ts';
import { foldSheetName, isTextLine, isTextSheetName } from '../../intake/read/text-sheet.ts';

/** A file an agency sent for the period, as the intake archived it. */
export interface AgencyFile {
  /** Agency code. */
  agency: string;
  /** The agency's name, for messages ("Sở Y tế"). @default the code */
  agencyName?: string;
  /** File name as received ("bao-cao-6-thang.docx"). */
  fileName: string;
  /** Where the archived copy is. */
  path: string;
}

/** Text one agency sent in one file. */
export interface AgencyText {
  agency: string;
  /** The file it came from, as received. */
  source: string;
  /** Plain text, paragraphs separated by a blank line. */
  text: string;
}

/** Longest text taken from one file: a whole report pasted in a cell is cut, and the checklist says so. */
export const MAX_AGENCY_TEXT = 6000;

/**
 * Largest spreadsheet or CSV searched for text (bytes). A larger one is a data dump, not a report with a "Thuyết minh"
 * column: reading it whole in the report stage would cost seconds and hundreds of MiB (the bench's 49 MiB CSVs), so
 * it is skipped, and said (the intake has read its figures under its own limits).
 */
export const MAX_TEXT_SOURCE_BYTES = 8 * 1024 * 1024;

const fold = foldSheetName;

/** Keeps agency text from ever reading as a marker or a heading of the narrative file. */
function neutralise(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/<!--/g, '<!- -')
    .replace(/-->/g, '- ->')
    .replace(/\{#/g, '{ #')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

async function readDocx(file: string): Promise<string> {
  const { value } = await mammoth.extractRawText({ path: file });
  return value;
}

/**
 * Header of a column that holds the agency's own words on each row (folded): the same heads the intake leaves out of
 * the figures (parse-period-header.ts); "Đánh giá thực hiện năm 2024" is a figure column there and here.
 */
const TEXT_COLUMN = /^(thuyet minh|giai trinh|nhan xet|danh gia(?! (uoc )?thuc hien))\b/;
/** Rows searched for that header from the top of a data sheet. */
const HEADER_ROWS = 15;

/** A cell's text as shown, or '' for an empty cell. */
function cellText(c: unknown): string {
  return String(c ?? '').replace(/\s+/g, ' ').trim();
}

/** The row's label: its first cell that is text and not a number or a row number ("1", "I", "1.2", "a)"). */
function rowLabel(row: readonly unknown[], before: number): string {
  for (let i = 0; i < before; i++) {
    const t = cellText(row[i]);
    if (t && !/^[\d.,%()\-\s]+$/.test(t) && !/^([IVXLC]+|[a-zđ])[.)]?$/i.test(t)) return t;
  }
  return '';
}

/**
 * The agency's text in a "Thuyết minh" / "Đánh giá" / "Giải trình" column of a data sheet: each row with words in it
 * (not a bare number) as "<row label>: <text>". The header is looked for in the sheet's first 15 rows.
 */
function readTextColumns(rows: readonly (readonly unknown[])[]): string[] {
  const out: string[] = [];
  for (let h = 0; h < Math.min(rows.length, HEADER_ROWS); h++) {
    const columns = (rows[h] ?? []).flatMap((c, i) => (TEXT_COLUMN.test(fold(cellText(c))) ? [i] : []));
    if (columns.length === 0) continue;
    for (const row of rows.slice(h + 1)) {
      for (const col of columns) {
        const text = cellText(row[col]);
        if (!text || !/\p{L}/u.test(text)) continue;
        const label = rowLabel(row, col);
        out.push(label ? `${label}: ${text}` : text);
      }
    }
    break;
  }
  return out;
}

/** The sheets of a workbook, or of a CSV (decoded as the intake decodes it: any of the encodings agencies send), as rows of cell text. */
function readSheets(file: string): { name: string; rows: unknown[][] }[] {
  if (path.extname(file).toLowerCase() === '.csv') {
    return readCsvSheet(fs.readFileSync(file), path.basename(file)).sheets.map((sheet) => ({
      name: sheet.name,
      rows: sheet.rows.map((row) => row.map((c) => (c === null ? '' : String(c.v)))),
    }));
  }
  const workbook = XLSX.read(fs.readFileSync(file), { type: 'buffer', cellFormula: false, cellHTML: false });
  return workbook.SheetNames.map((name) => ({
    name,
    rows: XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[name]!, { header: 1, blankrows: false, raw: false, defval: '' }),
  }));
}

function readTextSheets(file: string): string {
  const paragraphs: string[] = [];
  for (const { name, rows } of readSheets(file)) {
    if (isTextSheetName(name)) {
      for (const row of rows) {
        const line = row.map(cellText).filter((c) => c !== '').join(' ');
        // A bare number (a formula's result, a row number) is not a paragraph.
        if (isTextLine(line)) paragraphs.push(line);
      }
    } else {
      paragraphs.push(...readTextColumns(rows));
    }
  }
  return paragraphs.join('\n\n');
}

/** A file an agency sent that could not be read this run, with a Vietnamese message naming the agency and the file. */
export interface AgencyFileProblem {
  agency: string;
  /** The agency's name as listed ("Sở Y tế"), when known. */
  agencyName?: string;
  /** File name as received. */
  fileName: string;
  message: string;
}

/** What readAgencyTexts found: the texts, and the files it could not read (never dropped silently). */
export interface AgencyTextsRead {
  texts: AgencyText[];
  problems: AgencyFileProblem[];
}

/**
 * Reads the agencies' own text from their files: every DOCX, the "Thuyết minh" / "Đánh giá" sheets of every
 * workbook (text-sheet.ts, the rule the intake shares), and the "Thuyết minh" / "Đánh giá" / "Giải trình" columns of
 * data sheets (workbooks and CSV). A file that cannot be read (missing from the archive, damaged) gives a problem
 * naming the agency and the file; the narrative keeps that file's text from the last run (mergeNarrative).
 * @returns one text per file with text, in the order given, and one problem per file not read
 */
export async function readAgencyTexts(files: readonly AgencyFile[]): Promise<AgencyTextsRead> {
  const texts: AgencyText[] = [];
  const problems: AgencyFileProblem[] = [];
  for (const f of files) {
    const ext = path.extname(f.fileName).toLowerCase();
    let raw = '';
    try {
      if (ext === '.docx') raw = await readDocx(f.path);
      else if (['.xlsx', '.xls', '.ods', '.xlsm', '.csv'].includes(ext)) {
        const size = fs.statSync(f.path).size;
        if (size > MAX_TEXT_SOURCE_BYTES) {
          problems.push({
            agency: f.agency,
            ...(f.agencyName ? { agencyName: f.agencyName } : {}),
            fileName: f.fileName,
            message: `Tệp ${f.fileName} của ${f.agencyName ?? f.agency} lớn (${formatNumber(size / 1024 / 1024, { decimals: 1 })} MiB): không tìm phần thuyết minh trong tệp này; nếu cơ quan có thuyết minh, đề nghị gửi riêng (tệp DOCX hoặc trang "Thuyết minh").`,
          });
          continue;
        }
        raw = readTextSheets(f.path);
      }
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException)?.code === 'ENOENT' || !fs.existsSync(f.path);
      // The library's own (English) error text is not for staff: the file is named, the cause said in Vietnamese.
      const why = missing ? `không thấy bản lưu trong kho lưu trữ (${f.path})` : 'tệp hỏng hoặc không đúng định dạng nên không đọc được phần chữ';
      problems.push({
        agency: f.agency,
        ...(f.agencyName ? { agencyName: f.agencyName } : {}),
        fileName: f.fileName,
        message:
          `Thuyết minh của ${f.agencyName ?? f.agency} (tệp ${f.fileName}): ${why}. Phần thuyết minh đã có trong narrative.md được giữ nguyên; ` +
          'kiểm tra thư mục lưu trữ (--archive khi nhận tệp) rồi chạy lại.',
      });
      continue;
    }
    let text = neutralise(raw);
    if (text.length > MAX_AGENCY_TEXT) text = `${text.slice(0, MAX_AGENCY_TEXT).replace(/\s+\S*$/, '')} [...]`;
    if (text) texts.push({ agency: f.agency, source: f.fileName, text });
  }
  return { texts, problems };
}
