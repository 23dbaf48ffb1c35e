// Intake stage entry: takes an inbox (one sub-folder per agency) or explicit files of one agency, reads every file
// safely, and stages values, task progress and problems, one transaction per file. Nothing received is dropped.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { OpenDatabase } from '../db/open-database.ts';
import type { ProblemCode } from '../shared/data-problem.ts';
import { parsePeriod, type Period } from '../shared/parse-period.ts';
import { PipelineError } from '../shared/pipeline-error.ts';
import { archiveReceivedFile } from './archive-received-file.ts';
import { createIndicatorMatcher } from './create-indicator-matcher.ts';
import { createIntakeWriter, type ReceivedFileRecord } from './create-intake-writer.ts';
import { createTaskMatcher } from './create-task-matcher.ts';
import { createWorkbookParser, WorkbookParseError, type SheetLimits, type WorkbookParser } from './create-workbook-parser.ts';
import { inspectFile } from './inspect-file.ts';
import { agencyIndicators, loadIntakeRegistry, type IntakeRegistry } from './load-intake-registry.ts';
import type { RawWorkbook } from './raw-workbook.ts';
import { CsvReadError, readCsvSheet } from './read-csv-sheet.ts';
import { readFormIdentity } from './read-form-sheets.ts';
import { readWorkbookValues } from './read-workbook-values.ts';
import { resolveAgency } from './resolve-agency.ts';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './scan-zip.ts';
import { emptyReading, type IntakeProblem, type SheetReading } from './sheet-reading.ts';

/** Options of `ingest`. */
export interface IngestOptions {
  /** Period id being received: 2024-H1, 2024, 2024-Q3, 2021-2023. */
  period: string;
  /** Inbox folder: one sub-folder per agency, named by code or Vietnamese name. */
  inbox?: string;
  /** Explicit files (with `agency`). */
  files?: string[];
  /** Agency of the explicit files (code or name); also the fallback for files in the inbox root. */
  agency?: string;
  /** Read and report, write nothing (no archive copy, no database rows). @default false */
  dryRun?: boolean;
  /** Where received files are archived. @default <folder of the database>/archive, or a temp folder for :memory: */
  archiveDir?: string;
  /** Time allowed to parse one workbook, in ms. @default 20000 */
  timeoutMs?: number;
  /** Largest file accepted, in bytes. @default 50 MB */
  maxFileBytes?: number;
  /** Zip pre-scan bounds. */
  zipLimits?: ZipLimits;
  /** Sheet bounds. */
  sheetLimits?: Partial<SheetLimits>;
  /** Clock for `processed_at`. @default () => new Date() */
  now?: () => Date;
  /** Progress lines. */
  log?: (line: string) => void;
}

/** What happened to one file. */
export interface FileOutcome {
  /** Path as received, relative to the inbox ("so-tai-chinh/bao-cao.xlsx"), or the path given. */
  source: string;
  file: string;
  agency: string | null;
  status: 'accepted' | 'partial' | 'rejected';
  reason: string | null;
  format: string | null;
  sha256: string;
  receivedAt: string;
  rowsRead: number;
  rowsAccepted: number;
  values: number;
  tasks: number;
  problems: IntakeProblem[];
  fileId: number | null;
  submissionId: number | null;
  reread: boolean;
  /** True when the period was closed (chốt số liệu) when the file came: stored and staged, not counted. */
  held: boolean;
}

/** Result of one ingest run. */
export interface IngestResult {
  period: string;
  files: FileOutcome[];
  /** Inbox folders that name no agency, each rejected with its files. */
  unknownFolders: string[];
  durationMs: number;
}

/** Name of the optional arrival register in an inbox: `file,received_at` (the văn thư's date of arrival). */
export const RECEIVED_REGISTER = '_received.csv';

interface Job {
  full: string;
  source: string;
  agencyHint: string | null;
  agencyHintSource: 'folder' | 'option' | null;
  folderText: string | null;
  receivedAt: string;
}

const SKIP_FILE = /^(~\$|\.|_received\.csv$|thumbs\.db$|desktop\.ini$|__macosx$)/i;

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIP_FILE.test(e.name)) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(full));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

function readRegister(inbox: string): Map<string, string> {
  const file = path.join(inbox, RECEIVED_REGISTER);
  const map = new Map<string, string>();
  if (!fs.existsSync(file)) return map;
  for (const line of fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(1)) {
    const m = /^"?(.*?)"?,\s*(\S+)\s*$/.exec(line);
    if (m) map.set(m[1]!.normalize('NFC').replace(/\\/g, '/'), m[2]!);
  }
  return map;
}

function isoOf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function collectJobs(options: IngestOptions, registry: IntakeRegistry): { jobs: Job[]; unknownFolders: string[] } {
  const jobs: Job[] = [];
  const unknownFolders: string[] = [];
  const optionAgency = options.agency ? resolveAgency(registry, options.agency) : null;
  if (options.agency && !optionAgency) {
    throw new PipelineError('usage', `Không có cơ quan "${options.agency}" trong danh mục (dùng mã như so-tai-chinh hoặc tên như "Sở Tài chính").`);
  }
  const received = (full: string, rel: string, register: Map<string, string>) =>
    register.get(rel.normalize('NFC')) ?? isoOf(fs.statSync(full).mtime);
  if (options.inbox) {
    const inbox = path.resolve(options.inbox);
    if (!fs.existsSync(inbox) || !fs.statSync(inbox).isDirectory()) {
      throw new PipelineError('usage', `Không thấy thư mục hộp thư ${options.inbox}.`);
    }
    const register = readRegister(inbox);
    for (const e of fs.readdirSync(inbox, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (SKIP_FILE.test(e.name)) continue;
      const full = path.join(inbox, e.name);
      if (e.isDirectory()) {
        const agency = resolveAgency(registry, e.name);
        if (!agency) unknownFolders.push(e.name.normalize('NFC'));
        for (const f of listFiles(full)) {
          const rel = path.relative(inbox, f).split(path.sep).join('/').normalize('NFC');
          jobs.push({ full: f, source: rel, agencyHint: agency, agencyHintSource: agency ? 'folder' : null, folderText: e.name.normalize('NFC'), receivedAt: received(f, rel, register) });
        }
      } else if (e.isFile()) {
        const rel = e.name.normalize('NFC');
        jobs.push({ full, source: rel, agencyHint: optionAgency, agencyHintSource: optionAgency ? 'option' : null, folderText: null, receivedAt: received(full, rel, register) });
      }
    }
  }
  for (const f of options.files ?? []) {
    const full = path.resolve(f);
    if (!fs.existsSync(full) || !fs.statSync(full).isFile()) throw new PipelineError('usage', `Không thấy tệp ${f}.`);
    jobs.push({ full, source: f.normalize('NFC'), agencyHint: optionAgency, agencyHintSource: optionAgency ? 'option' : null, folderText: null, receivedAt: isoOf(fs.statSync(full).mtime) });
  }
  // Arrival order decides which submission is the latest: by received time, then path.
  jobs.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.source.localeCompare(b.source));
  return { jobs, unknownFolders };
}

function fileProblem(file: string, code: ProblemCode, message: string, action: string): IntakeProblem {
  return { file, code, severity: 'error', message, action };
}

/** The archive folder: the option, else beside the database file. */
function resolveArchiveDir(database: OpenDatabase, option?: string): string {
  if (option) return path.resolve(option);
  if (database.file === ':memory:') return path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'kehoach-archive');
  return path.join(path.dirname(database.file), 'archive');
}

/**
 * Ingests the files of one period: archive by hash, pre-scan, parse with a time limit, read forms and free-form
 * sheets, match indicators and tasks, convert units, stage in one transaction per file.
 */
export async function ingest(database: OpenDatabase, options: IngestOptions): Promise<IngestResult> {
  const started = Date.now();
  const period: Period = parsePeriod(options.period);
  if (!options.inbox && !(options.files && options.files.length > 0)) {
    throw new PipelineError('usage', 'Cần --inbox THƯ_MỤC hoặc danh sách tệp cùng --agency.');
  }
  if (options.files?.length && !options.agency) throw new PipelineError('usage', 'Khi đưa tệp trực tiếp, cần --agency cho biết cơ quan gửi.');
  const registry = loadIntakeRegistry(database.sqlite);
  const matcher = createIndicatorMatcher(registry);
  const taskMatcher = createTaskMatcher(registry);
  const { jobs, unknownFolders } = collectJobs(options, registry);
  const archiveDir = resolveArchiveDir(database, options.archiveDir);
  const writer = options.dryRun ? null : createIntakeWriter(database.sqlite);
  const parser = createWorkbookParser({ timeoutMs: options.timeoutMs, limits: options.sheetLimits });
  const now = options.now ?? (() => new Date());
  const maxFileBytes = options.maxFileBytes ?? 50 * 1024 * 1024;
  const ownCache = new Map<string, Set<string>>();
  const own = (agency: string) => {
    let s = ownCache.get(agency);
    if (!s) ownCache.set(agency, (s = new Set(agencyIndicators(registry, agency, period))));
    return s;
  };
  const outcomes: FileOutcome[] = [];
  // Read-ahead of one file: the worker parses the next workbook while this thread reads and stores the current one.
  const prepared = new Map<number, Promise<PreparedFile>>();
  const prepare = (i: number): Promise<PreparedFile> => {
    let p = prepared.get(i);
    if (!p) {
      p = prepareFile(jobs[i]!, parser, maxFileBytes, options.zipLimits ?? DEFAULT_ZIP_LIMITS);
      // Awaited in its turn; the handler only keeps an early failure from counting as unhandled.
      p.catch(() => undefined);
      prepared.set(i, p);
    }
    return p;
  };
  try {
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[i]!;
      const file = await prepare(i);
      prepared.delete(i);
      if (i + 1 < jobs.length) void prepare(i + 1);
      const { fileName, size, bytes, sha256 } = file;
      const problems: IntakeProblem[] = [];
      let reading: SheetReading = emptyReading();
      let agency = job.agencyHint;
      let agencySource: 'form' | 'folder' | 'option' | null = job.agencyHintSource;
      const format = file.format;
      const encoding = file.encoding;
      let reason: string | null = null;
      const reject = (code: ProblemCode, message: string, action: string) => {
        reason = message;
        problems.push(fileProblem(fileName, code, message, action));
      };
      if (file.rejection) {
        reject(file.rejection.code, file.rejection.message, file.rejection.action);
      } else if (file.book) {
        let book: RawWorkbook | null = file.book;
        const identity = readFormIdentity(book);
        if (identity) {
          if (identity.period !== period.id) {
            reject('wrong-period', `Biểu mẫu này của kỳ ${identity.period}, không phải kỳ ${period.id} đang nhận.`, `Dùng biểu mẫu của kỳ ${period.id} do Sở gửi.`);
            book = null;
          } else if (registry.agencies.has(identity.agency)) {
            if (agency && agency !== identity.agency) {
              problems.push({
                file: fileName,
                code: 'unknown-agency',
                severity: 'warning',
                message: `Biểu mẫu ghi cơ quan "${registry.agencies.get(identity.agency)!.name}" nhưng tệp nằm trong thư mục "${job.folderText ?? agency}"; nhận theo cơ quan ghi trong biểu mẫu.`,
                action: 'Mỗi cơ quan dùng biểu mẫu của chính mình.',
              });
            }
            agency = identity.agency;
            agencySource = 'form';
          }
        }
        if (book && !agency) {
          reject(
            'unknown-agency',
            job.folderText
              ? `Thư mục "${job.folderText}" không phải tên hoặc mã một cơ quan trong danh mục, nên không biết tệp của cơ quan nào.`
              : 'Không biết tệp của cơ quan nào (tệp không nằm trong thư mục của một cơ quan).',
            'Đặt tệp vào thư mục mang tên cơ quan (ví dụ "Sở Tài chính" hoặc "so-tai-chinh"); tệp vẫn được lưu.',
          );
          book = null;
        }
        if (book && agency) {
          reading = readWorkbookValues(book, { fileName, period, agency, own: own(agency), registry, matcher }, taskMatcher);
          for (const p of reading.problems) problems.push(p);
          if (reading.values.length === 0 && reading.tasks.length === 0) {
            reason = reason ?? 'Không có số liệu nào đọc được trong tệp.';
            if (!problems.some((p) => p.severity === 'error')) {
              problems.push(fileProblem(fileName, 'missing-label', 'Không tìm thấy số liệu nào trong tệp.', 'Dùng biểu mẫu của Sở hoặc ghi bảng có cột "Chỉ tiêu", "Đơn vị tính" và cột số liệu theo kỳ.'));
            }
          }
        }
      }
      const hasValues = reading.values.length + reading.tasks.length > 0;
      const hasErrors = problems.some((p) => p.severity === 'error');
      const status: FileOutcome['status'] = !hasValues ? 'rejected' : hasErrors ? 'partial' : 'accepted';
      const storedPath = options.dryRun || size > maxFileBytes ? '' : archiveReceivedFile(archiveDir, sha256, fileName, bytes);
      const record: ReceivedFileRecord = {
        sha256,
        fileName,
        storedPath,
        sizeBytes: size,
        receivedAt: job.receivedAt,
        agency,
        period: period.id,
        format,
        status,
        reason: status === 'rejected' ? reason ?? problems.find((p) => p.severity === 'error')?.message ?? null : null,
        sourcePath: job.source,
        agencySource: agency ? agencySource : null,
        encoding,
        processedAt: isoOf(now()),
      };
      const written = writer ? writer.write(record, reading, problems) : null;
      outcomes.push({
        source: job.source,
        file: fileName,
        agency,
        status,
        reason: record.reason,
        format,
        sha256,
        receivedAt: job.receivedAt,
        rowsRead: reading.rowsRead,
        rowsAccepted: reading.rowsAccepted,
        values: reading.values.length,
        tasks: reading.tasks.length,
        problems,
        fileId: written?.fileId ?? null,
        submissionId: written?.submissionId ?? null,
        reread: written?.reread ?? false,
        held: written?.held ?? false,
      });
      options.log?.(
        `${status.padEnd(8)} ${job.source}: ${reading.values.length} số liệu, ${reading.tasks.length} nhiệm vụ, ${problems.length} vấn đề` +
          (written?.held ? ' (kỳ đã chốt số liệu: giữ lại, chưa tính)' : ''),
      );
    }
  } finally {
    await parser.close();
  }
  return { period: period.id, files: outcomes, unknownFolders, durationMs: Date.now() - started };
}

/** A received file read from disk, inspected and parsed (or refused), before anything depends on the registry. */
interface PreparedFile {
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
async function prepareFile(job: Job, parser: WorkbookParser, maxFileBytes: number, zipLimits: ZipLimits): Promise<PreparedFile> {
  const fileName = path.basename(job.full).normalize('NFC');
  const size = fs.statSync(job.full).size;
  const bytes = size <= maxFileBytes ? fs.readFileSync(job.full) : Buffer.alloc(0);
  const sha256 = crypto.createHash('sha256').update(size <= maxFileBytes ? bytes : Buffer.from(`${job.full}:${size}`)).digest('hex');
  const out: PreparedFile = { fileName, size, bytes, sha256, format: null, encoding: null, book: null, rejection: null };
  const refuse = (code: ProblemCode, message: string, action: string): PreparedFile => ({ ...out, rejection: { code, message, action } });
  if (size > maxFileBytes) {
    return refuse('unsafe-file', `Tệp quá lớn (${Math.round(size / 1048576)} MB), không đọc.`, 'Chỉ gửi bảng số liệu báo cáo; tách dữ liệu chi tiết ra khỏi tệp.');
  }
  const inspection = inspectFile(bytes, fileName, zipLimits);
  out.format = inspection.format;
  if (inspection.rejectCode) return refuse(inspection.rejectCode, `Không đọc tệp: ${inspection.reason}.`, rejectAction(inspection.format));
  try {
    const book = inspection.format === 'csv' ? readCsvSheet(bytes, path.basename(fileName, path.extname(fileName))) : await parser.parse(bytes);
    book.format = inspection.format;
    return { ...out, book, encoding: book.encoding };
  } catch (error) {
    if (error instanceof WorkbookParseError) {
      if (error.reason === 'timeout') {
        return refuse('unsafe-file', `Đọc tệp quá thời gian cho phép (${error.message}); tệp có thể bị hỏng hoặc quá phức tạp.`, 'Mở tệp bằng Excel, lưu lại dạng .xlsx chỉ gồm bảng số liệu rồi gửi lại.');
      }
      if (/password|encrypt|mật khẩu/i.test(error.message)) return refuse('unsafe-file', 'Không đọc tệp: tệp có mật khẩu.', rejectAction('encrypted'));
      return refuse('unreadable-file', `Không đọc được tệp: ${error.message}.`, 'Mở tệp bằng Excel, lưu lại dạng .xlsx rồi gửi lại.');
    }
    if (error instanceof CsvReadError) {
      return refuse('encoding-error', `Không đọc được tệp CSV${error.line ? ` ở dòng ${error.line}` : ''}: ${error.message}.`, 'Lưu lại từ Excel dạng "CSV UTF-8" hoặc gửi tệp .xlsx.');
    }
    throw error;
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
