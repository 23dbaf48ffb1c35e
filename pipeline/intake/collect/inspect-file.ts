// Intake stage: tells what a received file really is from its bytes (never its name alone), and whether it is safe to parse.
import { scanZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from './scan-zip.ts';

/** Formats intake reads, and the ones it recognises only to reject. */
export type FileFormat = 'xlsx' | 'ods' | 'xls' | 'csv' | 'html' | 'docx' | 'pdf' | 'empty' | 'encrypted' | 'unknown';

/** Result of `inspectFile`: the format, and a Vietnamese reason when the file is rejected before parsing. */
export interface FileInspection {
  format: FileFormat;
  /** unsafe-file for bombs and encrypted files, unreadable-file for the rest. */
  rejectCode: 'unsafe-file' | 'unreadable-file' | null;
  reason: string | null;
}

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function hasUtf16(buf: Buffer, text: string): boolean {
  return buf.includes(Buffer.from(text, 'utf16le'));
}

/**
 * Inspects a file's first bytes (and, for zips, its whole directory) and decides the format.
 * @param fileName used only to tell CSV/text from unknown binary
 */
export function inspectFile(buf: Buffer, fileName: string, zipLimits: ZipLimits = DEFAULT_ZIP_LIMITS): FileInspection {
  const ok = (format: FileFormat): FileInspection => ({ format, rejectCode: null, reason: null });
  const reject = (format: FileFormat, code: 'unsafe-file' | 'unreadable-file', reason: string): FileInspection => ({
    format,
    rejectCode: code,
    reason,
  });
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (buf.length === 0) return reject('empty', 'unreadable-file', 'tệp rỗng (0 byte)');
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') {
    return reject('pdf', 'unreadable-file', 'tệp là PDF (chỉ đổi phần mở rộng), không phải bảng tính');
  }
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) {
    const scan = scanZip(buf, zipLimits);
    if (scan.problem) {
      // Bombs, encryption and tricks (sizes that lie, twin entries) are unsafe; a damaged zip is only unreadable.
      const unsafe = scan.encrypted || /bom nén|giới hạn|tỷ lệ nén|khai báo|ZIP64|trùng tên|mật khẩu/.test(scan.problem);
      return reject('xlsx', unsafe ? 'unsafe-file' : 'unreadable-file', scan.problem);
    }
    const names = new Set(scan.entries.map((e) => e.name));
    if (names.has('mimetype') && (names.has('content.xml') || buf.includes(Buffer.from('opendocument.spreadsheet')))) {
      const manifest = buf.includes(Buffer.from('manifest:encryption-data'));
      if (manifest) return reject('encrypted', 'unsafe-file', 'tệp ODS có mật khẩu');
      return ok('ods');
    }
    if (names.has('[Content_Types].xml') && [...names].some((n) => n.startsWith('xl/'))) return ok('xlsx');
    // A Word report beside the spreadsheet: the agency's text (thuyết minh), received with no figures expected.
    if (names.has('[Content_Types].xml') && names.has('word/document.xml')) return ok('docx');
    return reject('unknown', 'unreadable-file', 'tệp nén (zip) không phải bảng tính Excel hoặc ODS');
  }
  if (buf.length >= 8 && buf.subarray(0, 8).equals(CFB)) {
    // An encrypted xlsx is an OLE container with EncryptionInfo and EncryptedPackage streams (MS-OFFCRYPTO).
    if (hasUtf16(buf, 'EncryptionInfo') || hasUtf16(buf, 'EncryptedPackage')) {
      return reject('encrypted', 'unsafe-file', 'tệp Excel có mật khẩu (được mã hóa), không đọc được');
    }
    return ok('xls');
  }
  // BIFF2-5 streams saved without an OLE container start with a BOF record.
  if (buf.length >= 4 && (buf[0] === 0x09 || buf[0] === 0x08) && buf[1] === 0x08 && ['xls', 'xlw'].includes(ext)) return ok('xls');
  const head = buf.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
  if (/^(<!doctype html|<html|<table|<\?xml[^>]*>\s*<workbook|<\?xml[\s\S]*urn:schemas-microsoft-com:office:spreadsheet)/.test(head)) {
    return ok('html');
  }
  if (['csv', 'txt', 'tsv'].includes(ext)) return ok('csv');
  // Text without an extension we know: accept as CSV only if it has no NUL bytes outside UTF-16.
  const sample = buf.subarray(0, 4096);
  const utf16 = (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
  if (!utf16 && sample.includes(0)) {
    return reject('unknown', 'unreadable-file', `không nhận ra định dạng tệp (.${ext}); hãy gửi tệp Excel (.xlsx, .xls), ODS hoặc CSV`);
  }
  return ok('csv');
}
