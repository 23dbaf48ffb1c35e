// Desk: where a file handed in through an upload link is kept. It goes into the period's inbox exactly as the văn
// thư would save it (`<inbox>/<period>/<agency>/<name>`, its arrival in `_received.csv`), so `kehoach run --inbox`
// sees the same files as the desk. The name the browser sent is never trusted: no folders, no control or bidi
// characters, no hidden names, only the spreadsheet extensions intake reads; anything else is kept aside.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Extensions an agency may hand in (what intake reads). */
export const UPLOAD_EXTENSIONS = ['.xlsx', '.xls', '.ods', '.csv'] as const;

/** Folder (skipped by intake, being dot-named) where files with another extension are kept, never read. */
export const REFUSED_FOLDER = '.khong-nhan';

/** A file as stored. */
export interface StoredUpload {
  /** The cleaned name, as intake and the feedback will show it. */
  fileName: string;
  /** Absolute path of the stored copy. */
  file: string;
  /** Path inside the period's inbox (`so-y-te/bao-cao.xlsx`), as intake records it. */
  source: string;
  receivedAt: string;
  /** False when the extension is not one intake reads: the file is kept aside and not taken in. */
  accepted: boolean;
  sha256: string;
}

/**
 * Makes a browser-sent name safe to store: the last path segment only, NFC, without control, format (bidi) or
 * reserved characters, not starting with a dot, at most 120 characters with its extension kept.
 */
export function toSafeFileName(name: string): string {
  const last = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let clean = last
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*,]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (clean === '' || /^\.*$/.test(clean)) clean = 'tep-nop';
  const ext = path.extname(clean);
  if (clean.length > 120) clean = clean.slice(0, 120 - ext.length).trimEnd() + ext;
  return clean;
}

/** True when the name ends with an extension intake reads. */
export function hasUploadExtension(name: string): boolean {
  return (UPLOAD_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase());
}

function freeName(dir: string, name: string, sha256: string): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? name : `${stem} (${i})${ext}`;
    const full = path.join(dir, candidate);
    if (!fs.existsSync(full)) return candidate;
    // The same bytes handed in again: one copy is enough.
    if (crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex') === sha256) return candidate;
  }
}

function quoteCsv(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Stores an upload in `<inboxDir>/<period>/<agency>/` (or, with a wrong extension, under `.khong-nhan/`), never
 * overwriting another file, and records its arrival in the period's `_received.csv`.
 */
export function storeUpload(options: {
  inboxDir: string;
  period: string;
  agency: string;
  name: string;
  bytes: Buffer;
  now?: Date;
  /** Keep it aside and never read it, whatever its extension (a form of another agency). @default false */
  setAside?: boolean;
}): StoredUpload {
  const receivedAt = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const sha256 = crypto.createHash('sha256').update(options.bytes).digest('hex');
  const safe = toSafeFileName(options.name);
  const accepted = hasUploadExtension(safe) && !options.setAside;
  const periodDir = path.resolve(options.inboxDir, options.period);
  const dir = accepted ? path.join(periodDir, options.agency) : path.join(periodDir, REFUSED_FOLDER, options.agency);
  // Agency codes and period ids come from the registry and parsePeriod; this guards the join all the same.
  if (!dir.startsWith(periodDir + path.sep)) throw new Error(`Thư mục lưu tệp ngoài hộp thư: ${dir}`);
  fs.mkdirSync(dir, { recursive: true });
  const fileName = accepted ? freeName(dir, safe, sha256) : freeName(dir, `${safe}.bin`, sha256);
  const file = path.join(dir, fileName);
  if (!fs.existsSync(file)) {
    const tmp = path.join(dir, `.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`);
    fs.writeFileSync(tmp, options.bytes, { flag: 'wx' });
    fs.renameSync(tmp, file);
  }
  const source = `${options.agency}/${fileName}`;
  if (accepted) fs.appendFileSync(path.join(periodDir, '_received.csv'), registerLine(periodDir, source, receivedAt));
  return { fileName, file, source, receivedAt, accepted, sha256 };
}

function registerLine(periodDir: string, source: string, receivedAt: string): string {
  const register = path.join(periodDir, '_received.csv');
  const existing = fs.existsSync(register) ? fs.readFileSync(register, 'utf8') : null;
  const head = existing === null ? 'file,received_at\n' : existing === '' || existing.endsWith('\n') ? '' : '\n';
  return `${head}${quoteCsv(source)},${receivedAt}\n`;
}
