// Report stage: the text agencies send beside their figures: a DOCX report next to the spreadsheet (read with
// mammoth) or a "Thuyết minh" / "Đánh giá" sheet in the workbook. It goes into the narrative's draft under the
// agency's sector, marked with its file; it is data everywhere (escaped, never a template, never a marker).
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import * as XLSX from 'xlsx';

/** A file an agency sent for the period, as the intake archived it. */
export interface AgencyFile {
  /** Agency code. */
  agency: string;
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

/** Sheet names that hold an agency's own text (folded: no diacritics, lower case). */
const TEXT_SHEET = /^(thuyet minh|danh gia|bao cao thuyet minh)/;

/** Longest text taken from one file: a whole report pasted in a cell is cut, and the checklist says so. */
export const MAX_AGENCY_TEXT = 6000;

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().trim();
}

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

function readTextSheets(file: string): string {
  const workbook = XLSX.read(fs.readFileSync(file), { type: 'buffer', cellFormula: false, cellHTML: false });
  const paragraphs: string[] = [];
  for (const name of workbook.SheetNames.filter((n) => TEXT_SHEET.test(fold(n)))) {
    const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[name]!, { header: 1, blankrows: false, raw: false });
    for (const row of rows) {
      const line = row.map((c) => String(c ?? '').trim()).filter((c) => c !== '').join(' ');
      if (line) paragraphs.push(line);
    }
  }
  return paragraphs.join('\n\n');
}

/**
 * Reads the agencies' own text from their files: every DOCX, and the "Thuyết minh" / "Đánh giá" sheets of every
 * workbook. A file that cannot be read gives no text (its figures were judged by the intake, which reported it).
 * @returns one entry per file with text, in the order given
 */
export async function readAgencyTexts(files: readonly AgencyFile[]): Promise<AgencyText[]> {
  const out: AgencyText[] = [];
  for (const f of files) {
    const ext = path.extname(f.fileName).toLowerCase();
    let raw = '';
    try {
      if (ext === '.docx') raw = await readDocx(f.path);
      else if (['.xlsx', '.xls', '.ods', '.xlsm'].includes(ext)) raw = readTextSheets(f.path);
    } catch {
      continue;
    }
    let text = neutralise(raw);
    if (text.length > MAX_AGENCY_TEXT) text = `${text.slice(0, MAX_AGENCY_TEXT).replace(/\s+\S*$/, '')} [...]`;
    if (text) out.push({ agency: f.agency, source: f.fileName, text });
  }
  return out;
}
