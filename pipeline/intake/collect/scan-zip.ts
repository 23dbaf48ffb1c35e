// Intake stage: checks an xlsx/ods zip before SheetJS sees it. SheetJS inflates every entry up front and trusts the
// declared sizes (INGEST-NOTES: a 138-byte crafted xlsx made it allocate 1 GB), so entries are counted and really
// inflated here, each with a byte cap, and anything odd rejects the file.
import zlib from 'node:zlib';

/** Bounds of the pre-scan. */
export interface ZipLimits {
  /** @default 5000 */
  maxEntries: number;
  /** Largest inflated size of one entry, in bytes. @default 100 MB */
  maxEntryBytes: number;
  /** Largest inflated size of all entries, in bytes. @default 200 MB */
  maxTotalBytes: number;
  /** Largest inflated/compressed ratio of an entry bigger than 1 MB. @default 200 */
  maxRatio: number;
}

/** Default pre-scan bounds: a real report workbook is a few MB inflated. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxEntryBytes: 100 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 200,
};

/** One entry of the central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  declaredSize: number;
  realSize: number | null;
}

/** What the pre-scan found: the entries, and the reason to reject the file, if any (Vietnamese). */
export interface ZipScan {
  entries: ZipEntry[];
  declaredTotal: number;
  realTotal: number;
  encrypted: boolean;
  problem: string | null;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

/**
 * Scans a zip: entry count, duplicate names, encryption flag, declared and real inflated sizes (inflating each
 * entry with a cap), ratio. Returns `problem` set to a Vietnamese reason when the file must not be parsed.
 */
export function scanZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipScan {
  const scan: ZipScan = { entries: [], declaredTotal: 0, realTotal: 0, encrypted: false, problem: null };
  const fail = (problem: string): ZipScan => ({ ...scan, problem });
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return fail('tệp nén (zip) bị hỏng: không thấy danh mục tệp');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) return fail('tệp nén dạng ZIP64, không nhận');
  if (count > limits.maxEntries) return fail(`tệp nén có ${count} mục, quá giới hạn ${limits.maxEntries}`);
  if (cdOffset + cdSize > buf.length) return fail('tệp nén bị hỏng: danh mục tệp nằm ngoài tệp');
  const names = new Set<string>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CEN) return fail('tệp nén bị hỏng: danh mục tệp không đọc được');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const declaredSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    const entry: ZipEntry = { name, method, encrypted: (flags & 1) === 1, compressedSize, declaredSize, realSize: null };
    scan.entries.push(entry);
    if (entry.encrypted) {
      scan.encrypted = true;
      return fail(`tệp có mật khẩu (mục "${name}" được mã hóa)`);
    }
    const key = name.toLowerCase();
    if (names.has(key)) return fail(`tệp nén có hai mục trùng tên "${name}"`);
    names.add(key);
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff) return fail('tệp nén dạng ZIP64, không nhận');
    scan.declaredTotal += declaredSize;
    if (declaredSize > limits.maxEntryBytes) return fail(`mục "${name}" khai báo ${declaredSize} byte khi giải nén, quá giới hạn`);
    if (scan.declaredTotal > limits.maxTotalBytes) return fail('tổng dung lượng khi giải nén quá giới hạn');
    if (method !== 0 && method !== 8) return fail(`mục "${name}" nén theo phương pháp ${method}, không hỗ trợ`);
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LOC) return fail(`tệp nén bị hỏng ở mục "${name}"`);
    const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (start + compressedSize > buf.length) return fail(`tệp nén bị cắt cụt ở mục "${name}"`);
    const data = buf.subarray(start, start + compressedSize);
    let real: number;
    if (method === 0) {
      real = compressedSize;
    } else {
      // Inflate for real with a cap one byte above what is allowed: a bomb stops at the cap, not at 1 GB.
      const cap = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - scan.realTotal) + 1;
      try {
        real = zlib.inflateRawSync(data, { maxOutputLength: cap }).length;
      } catch (error) {
        const msg = (error as Error).message;
        if (/larger than|maxOutputLength|ERR_BUFFER_TOO_LARGE/i.test(msg) || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          return fail(`mục "${name}" giải nén vượt giới hạn (tệp "bom nén")`);
        }
        return fail(`mục "${name}" không giải nén được: ${msg}`);
      }
    }
    entry.realSize = real;
    scan.realTotal += real;
    if (real !== declaredSize) return fail(`mục "${name}" khai báo ${declaredSize} byte nhưng giải nén ra ${real} byte`);
    if (scan.realTotal > limits.maxTotalBytes) return fail('tổng dung lượng khi giải nén quá giới hạn (tệp "bom nén")');
    if (real > 1024 * 1024 && compressedSize > 0 && real / compressedSize > limits.maxRatio) {
      return fail(`mục "${name}" có tỷ lệ nén ${Math.round(real / compressedSize)}:1, bất thường (tệp "bom nén")`);
    }
  }
  return scan;
}
