// Intake stage, collect phase: lists what arrived for a period (an inbox with one sub-folder per agency, or explicit
// files of one agency) with the folder's agency and the arrival time from the văn thư's register or the file time.
import fs from 'node:fs';
import path from 'node:path';
import { PipelineError } from '../../shared/pipeline-error.ts';
import type { IntakeRegistry } from '../match/load-intake-registry.ts';
import { resolveAgency } from '../match/resolve-agency.ts';
import { escapeControlCharacters } from './escape-control-characters.ts';
import { readReceivedRegister } from './read-received-register.ts';

/** Name of the optional arrival register in an inbox: `file,received_at` (the văn thư's date of arrival). */
export const RECEIVED_REGISTER = '_received.csv';

/** One received file to ingest, with what its place says about its agency and arrival. */
export interface ReceivedJob {
  full: string;
  source: string;
  agencyHint: string | null;
  agencyHintSource: 'folder' | 'option' | null;
  folderText: string | null;
  receivedAt: string;
}

/** Something in the inbox that was not read as a submission, or a register line that could not be read. */
export interface InboxProblem {
  /** Path in the inbox as shown (control characters escaped): "so-y-te/.~lock.bao-cao.xlsx#". */
  source: string;
  /** The agency of the folder it sits in, when the folder names one. */
  agency: string | null;
  code: 'skipped-entry' | 'register-error';
  severity: 'error' | 'warning';
  message: string;
  action: string;
  /** The register line number, for a register problem. */
  line?: number;
}

// Files office software and file managers leave beside real ones: lock files of an open workbook, thumbnails, macOS
// resource folders. Skipped with a warning (a lock file means the clerk still had the workbook open).
const SYSTEM_FILE = /^(~\$.*|\.~lock\..*#|thumbs\.db|desktop\.ini|__macosx|\.ds_store)$/i;

/** Why an entry is not read, or null when it is a regular file or folder to read. */
function skipReason(dir: string, e: fs.Dirent): { severity: 'error' | 'warning'; why: string; action: string } | null {
  if (SYSTEM_FILE.test(e.name)) {
    return { severity: 'warning', why: 'là tệp tạm hoặc tệp hệ thống (tệp khóa khi bảng tính đang mở, ảnh thu nhỏ ...)', action: 'Đóng bảng tính trước khi gửi; không cần gửi các tệp này.' };
  }
  if (e.name.startsWith('.')) {
    return { severity: 'error', why: 'có tên bắt đầu bằng dấu chấm (tệp ẩn)', action: 'Nếu đây là tệp số liệu, đổi tên (bỏ dấu chấm ở đầu) rồi gửi lại.' };
  }
  if (e.isSymbolicLink()) {
    return { severity: 'error', why: 'là liên kết (symbolic link) chứ không phải tệp, nên không được mở', action: 'Gửi chính tệp số liệu, không gửi liên kết hay lối tắt.' };
  }
  if (!e.isFile() && !e.isDirectory()) {
    return { severity: 'error', why: 'không phải tệp thường (FIFO, socket hoặc thiết bị)', action: 'Gửi tệp số liệu dạng .xlsx, .xls, .ods hoặc .csv.' };
  }
  try {
    fs.accessSync(path.join(dir, e.name), e.isDirectory() ? fs.constants.R_OK | fs.constants.X_OK : fs.constants.R_OK);
  } catch {
    return { severity: 'error', why: 'không đọc được (không có quyền đọc)', action: 'Văn thư kiểm tra quyền của tệp trong hộp thư rồi chạy lại; hoặc đề nghị cơ quan gửi lại.' };
  }
  return null;
}

function skipped(source: string, agency: string | null, reason: NonNullable<ReturnType<typeof skipReason>>, kind: string): InboxProblem {
  return {
    source,
    agency,
    code: 'skipped-entry',
    severity: reason.severity,
    message: `${kind} "${source}" trong hộp thư ${reason.why}; không được đọc.`,
    action: reason.action,
  };
}

/** Inbox-relative path as shown: forward slashes, NFC, control characters escaped. */
function shownPath(inbox: string, full: string): string {
  return escapeControlCharacters(path.relative(inbox, full).split(path.sep).join('/').normalize('NFC'));
}

function listFiles(inbox: string, dir: string, agency: string | null, problems: InboxProblem[]): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, e.name);
    const reason = skipReason(dir, e);
    if (reason) {
      problems.push(skipped(shownPath(inbox, full), agency, reason, e.isDirectory() ? 'Thư mục' : 'Mục'));
      continue;
    }
    if (e.isDirectory()) out.push(...listFiles(inbox, full, agency, problems));
    else out.push(full);
  }
  return out;
}

/** An ISO instant to the second (`2024-06-05T08:00:00Z`). */
export function isoOf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Where to look for received files: the options of `ingest` that concern collection. */
export interface CollectOptions {
  inbox?: string;
  files?: string[];
  agency?: string;
}

/**
 * The received files in arrival order (received time, then path), and the inbox folders that name no agency.
 * @throws PipelineError `usage` when the inbox, a file or the --agency does not exist.
 */
export function collectReceivedFiles(
  options: CollectOptions,
  registry: IntakeRegistry,
): { jobs: ReceivedJob[]; unknownFolders: string[]; inboxProblems: InboxProblem[] } {
  const jobs: ReceivedJob[] = [];
  const unknownFolders: string[] = [];
  const inboxProblems: InboxProblem[] = [];
  const optionAgency = options.agency ? resolveAgency(registry, options.agency) : null;
  if (options.agency && !optionAgency) {
    throw new PipelineError('usage', `Không có cơ quan "${escapeControlCharacters(options.agency)}" trong danh mục (dùng mã như so-tai-chinh hoặc tên như "Sở Tài chính").`);
  }
  if (options.inbox) {
    const inbox = path.resolve(options.inbox);
    if (!fs.existsSync(inbox) || !fs.statSync(inbox).isDirectory()) {
      throw new PipelineError('usage', `Không thấy thư mục hộp thư ${escapeControlCharacters(options.inbox)}.`);
    }
    const register = readReceivedRegister(inbox);
    for (const p of register.problems) inboxProblems.push(p);
    const received = (full: string, rel: string) => register.times.get(rel) ?? isoOf(fs.statSync(full).mtime);
    const relOf = (full: string) => path.relative(inbox, full).split(path.sep).join('/').normalize('NFC');
    for (const e of fs.readdirSync(inbox, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name === RECEIVED_REGISTER && e.isFile()) continue;
      const full = path.join(inbox, e.name);
      const folderAgency = e.isDirectory() ? resolveAgency(registry, e.name) : null;
      const reason = skipReason(inbox, e);
      if (reason) {
        inboxProblems.push(skipped(shownPath(inbox, full), folderAgency, reason, e.isDirectory() ? 'Thư mục' : 'Mục'));
        continue;
      }
      if (e.isDirectory()) {
        const folderText = escapeControlCharacters(e.name.normalize('NFC'));
        if (!folderAgency) unknownFolders.push(folderText);
        for (const f of listFiles(inbox, full, folderAgency, inboxProblems)) {
          jobs.push({
            full: f,
            source: shownPath(inbox, f),
            agencyHint: folderAgency,
            agencyHintSource: folderAgency ? 'folder' : null,
            folderText,
            receivedAt: received(f, relOf(f)),
          });
        }
      } else {
        jobs.push({ full, source: shownPath(inbox, full), agencyHint: optionAgency, agencyHintSource: optionAgency ? 'option' : null, folderText: null, receivedAt: received(full, relOf(full)) });
      }
    }
    for (const [rel, line] of register.lines) {
      if (!jobs.some((j) => relOf(j.full) === rel)) {
        inboxProblems.push({
          source: RECEIVED_REGISTER,
          agency: null,
          code: 'register-error',
          severity: 'warning',
          message: `Dòng ${line} của sổ nhận tệp (${RECEIVED_REGISTER}) ghi tệp "${escapeControlCharacters(rel)}" nhưng không có tệp đó trong hộp thư.`,
          action: 'Văn thư kiểm tra lại tên tệp trong sổ nhận (đường dẫn tính từ hộp thư, ví dụ "Sở Tài chính/bao-cao.xlsx").',
          line,
        });
      }
    }
  }
  for (const f of options.files ?? []) {
    const full = path.resolve(f);
    if (!fs.existsSync(full) || !fs.statSync(full).isFile()) throw new PipelineError('usage', `Không thấy tệp ${escapeControlCharacters(f)}.`);
    jobs.push({ full, source: escapeControlCharacters(f.normalize('NFC')), agencyHint: optionAgency, agencyHintSource: optionAgency ? 'option' : null, folderText: null, receivedAt: isoOf(fs.statSync(full).mtime) });
  }
  // Arrival order decides which submission is the latest: by received time, then path.
  jobs.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.source.localeCompare(b.source));
  return { jobs, unknownFolders, inboxProblems };
}
