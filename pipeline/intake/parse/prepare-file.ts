// Intake stage, parse phase: reads one received file from disk, hashes it, pre-scans it and parses it into a
// RawWorkbook (CSV on this thread, workbooks in the worker with a time limit); a bad file is a rejection, never a throw.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ProblemCode } from '../../shared/data-problem.ts';
import type { ReceivedJob } from '../collect/collect-received-files.ts';
import { escapeControlCharacters } from '../collect/escape-control-characters.ts';
import { inspectFile } from '../collect/inspect-file.ts';
import type { ZipLimits } from '../collect/scan-zip.ts';
import { WorkbookParseError, type WorkbookParser } from './create-workbook-parser.ts';
import type { RawWorkbook } from './raw-workbook.ts';
import { decodeCsvText } from './decode-csv-text.ts';

/** A received file read from disk, inspected and parsed (or refused), before anything depends on the registry. */
export interface PreparedFile {
  fileName: string;
  size: number;
  bytes: Buffer;
  sha256: string;
  format: string | null;
  encoding: string | null;
  book: RawWorkbook | null;
  rejection: { code: ProblemCode; message: string; action: string } | null;
}

/** Reads, hashes, pre-scans and parses one file; a bad file comes back with `rejection`, never as a throw. */
export async function prepareFile(job: ReceivedJob, parser: WorkbookParser, maxFileBytes: number, zipLimits: ZipLimits): Promise<PreparedFile> {
  const fileName = escapeControlCharacters(path.basename(job.full).normalize('NFC'));
  let size: number;
  let bytes: Buffer;
  try {
    size = fs.statSync(job.full).size;
    bytes = size <= maxFileBytes ? fs.readFileSync(job.full) : Buffer.alloc(0);
  } catch (error) {
    // Listed as readable a moment ago: removed or locked since. Refused with the reason, never a crash of the run.
    const code = (error as NodeJS.ErrnoException).code ?? 'lỗi';
    const sha256 = crypto.createHash('sha256').update(`${job.full}:unreadable`).digest('hex');
    return {
      fileName, size: 0, bytes: Buffer.alloc(0), sha256, format: null, encoding: null, book: null,
      rejection: { code: 'unreadable-file', message: `Không đọc được tệp từ hộp thư (${code}).`, action: 'Văn thư kiểm tra tệp trong hộp thư rồi chạy lại; hoặc đề nghị cơ quan gửi lại.' },
    };
  }
  const sha256 = crypto.createHash('sha256').update(size <= maxFileBytes ? bytes : Buffer.from(`${job.full}:${size}`)).digest('hex');
  const out: PreparedFile = { fileName, size, bytes, sha256, format: null, encoding: null, book: null, rejection: null };
  const refuse = (code: ProblemCode, message: string, action: string): PreparedFile => ({ ...out, rejection: { code, message, action } });
  if (size > maxFileBytes) {
    return refuse('unsafe-file', `Tệp quá lớn (${Math.round(size / 1048576)} MB), không đọc.`, 'Chỉ gửi bảng số liệu báo cáo; tách dữ liệu chi tiết ra khỏi tệp.');
  }
  const inspection = inspectFile(bytes, fileName, zipLimits);
  out.format = inspection.format;
  if (inspection.rejectCode) return refuse(inspection.rejectCode, `Không đọc tệp: ${inspection.reason}.`, rejectAction(inspection.format));
  // A DOCX is the agency's text (thuyết minh), not a workbook: received as it is, the report stage reads its words.
  if (inspection.format === 'docx') return out;
  try {
    if (inspection.format === 'html') {
      // An HTML table saved as .xls: its encoding is judged on the raw bytes like a CSV's (a charset the page
      // declares is not trusted: TCVN3 pages declare windows-1252), then SheetJS reads the decoded text.
      const decoded = decodeCsvText(bytes);
      const book = await parser.parse(Buffer.from(decoded.text, 'utf8'), { text: true });
      book.format = 'html';
      book.encoding = decoded.encoding;
      return { ...out, book, encoding: decoded.encoding };
    }
    const book = inspection.format === 'csv' ? await parser.parseCsv(bytes, path.basename(fileName, path.extname(fileName))) : await parser.parse(bytes);
    book.format = inspection.format;
    return { ...out, book, encoding: book.encoding };
  } catch (error) {
    if (error instanceof WorkbookParseError) {
      if (error.reason === 'too-large') {
        return refuse('unsafe-file', `Không đọc tệp: ${error.message}; đây không phải một bảng số liệu báo cáo.`, 'Chỉ gửi bảng số liệu báo cáo; tách dữ liệu chi tiết ra khỏi tệp.');
      }
      if (error.reason === 'csv') {
        return refuse('encoding-error', `Không đọc được tệp CSV${error.line ? ` ở dòng ${error.line}` : ''}: ${error.message}.`, 'Lưu lại từ Excel dạng "CSV UTF-8" hoặc gửi tệp .xlsx.');
      }
      if (error.reason === 'timeout') {
        return refuse('unsafe-file', `Đọc tệp quá thời gian cho phép (${error.message}); tệp có thể bị hỏng hoặc quá phức tạp.`, 'Mở tệp bằng Excel, lưu lại dạng .xlsx chỉ gồm bảng số liệu rồi gửi lại.');
      }
      if (/password|encrypt|mật khẩu/i.test(error.message)) return refuse('unsafe-file', 'Không đọc tệp: tệp có mật khẩu.', rejectAction('encrypted'));
      return refuse('unreadable-file', `Không đọc được tệp: ${error.message}.`, 'Mở tệp bằng Excel, lưu lại dạng .xlsx rồi gửi lại.');
    }
    // Any other error (a bug met by an odd file) rejects this one file; the period goes on (issue 11).
    return refuse('unreadable-file', `Không đọc được tệp do lỗi bất thường: ${String((error as Error)?.message ?? error).split('\n')[0]}.`, 'Cán bộ kiểm tra tệp (được lưu trong kho lưu trữ) và báo lỗi cho người quản trị; các tệp khác vẫn được nhận.');
  }
}

function rejectAction(format: string): string {
  switch (format) {
    case 'pdf':
      return 'Gửi bảng số liệu dạng Excel (.xlsx) hoặc biểu mẫu của Sở, không gửi bản PDF.';
    case 'empty':
      return 'Tệp gửi bị rỗng; lưu lại và gửi lại tệp.';
    case 'encrypted':
      return 'Gỡ mật khẩu (File > Info > Protect Workbook > Encrypt with Password: để trống) rồi gửi lại.';
    default:
      return 'Mở tệp bằng Excel, lưu lại dạng .xlsx rồi gửi lại.';
  }
}
