// Intake stage entry: takes an inbox (one sub-folder per agency) or explicit files of one agency, reads every file
// safely, and stages values, task progress and problems, one transaction per file. Nothing received is dropped.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { prepareQuery } from '../db/prepare-query.ts';
import type { OpenDatabase } from '../db/open-database.ts';
import { parsePeriod, type Period } from '../shared/parse-period.ts';
import { PipelineError } from '../shared/pipeline-error.ts';
import { escapeControlCharacters } from './collect/escape-control-characters.ts';
import { collectReceivedFiles, isoOf, type InboxProblem } from './collect/collect-received-files.ts';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './collect/scan-zip.ts';
import { ingestFile, type FileOutcome, type IngestSession } from './ingest-file.ts';
import { createIndicatorMatcher } from './match/create-indicator-matcher.ts';
import { createTaskMatcher } from './match/create-task-matcher.ts';
import { agencyIndicators, loadIntakeRegistry } from './match/load-intake-registry.ts';
import { createWorkbookParser, type SheetLimits } from './parse/create-workbook-parser.ts';
import { prepareFile, type PreparedFile } from './parse/prepare-file.ts';
import { createIntakeWriter } from './store/create-intake-writer.ts';
import { recordInboxProblems } from './store/record-inbox-problems.ts';

export type { FileOutcome } from './ingest-file.ts';
export { RECEIVED_REGISTER } from './collect/collect-received-files.ts';

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

/** Result of one ingest run. */
export interface IngestResult {
  period: string;
  files: FileOutcome[];
  /** Inbox folders that name no agency, each rejected with its files. */
  unknownFolders: string[];
  /** Entries of the inbox not read (links, dot-names, FIFOs, unreadable files) and register lines not understood. */
  inboxProblems: InboxProblem[];
  durationMs: number;
}

/**
 * The latest staged figure (actual or estimate, from a current submission) of an indicator for a period that ended
 * before this one starts, looked up once per indicator.
 */
function createPreviousValueLookup(database: OpenDatabase, period: Period): IngestSession['previousValue'] {
  const cache = new Map<string, { value: number; period: string } | null>();
  const query = database.sqlite.prepare(
    `select v.value, v.period from staged_values v join submissions s on s.id = v.submission_id
      where v.indicator_code = ? and v.kind in ('actual', 'estimate') and s.superseded_by is null
      order by v.period desc, v.id desc limit 50`,
  );
  return (indicator) => {
    if (cache.has(indicator)) return cache.get(indicator)!;
    let found: { value: number; period: string } | null = null;
    for (const row of query.all(indicator) as { value: number; period: string }[]) {
      try {
        if (parsePeriod(row.period).end < period.start) {
          found = row;
          break;
        }
      } catch {
        // A period id the parser no longer reads is no evidence either way.
      }
    }
    cache.set(indicator, found);
    return found;
  };
}

/** A file that could not be read or stored because of an unexpected error: a rejection naming the error. */
function unreadable(job: { full: string }, error: unknown, file?: PreparedFile): PreparedFile {
  const text = String((error as Error)?.message ?? error).split('\n')[0];
  return {
    fileName: file?.fileName ?? escapeControlCharacters(path.basename(job.full).normalize('NFC')),
    size: file?.size ?? 0,
    bytes: file?.bytes ?? Buffer.alloc(0),
    sha256: file?.sha256 ?? crypto.createHash('sha256').update(`${job.full}:unreadable`).digest('hex'),
    format: file?.format ?? null,
    encoding: file?.encoding ?? null,
    book: null,
    rejection: {
      code: 'unreadable-file',
      message: `Không đọc được tệp do lỗi bất thường: ${text}.`,
      action: 'Cán bộ kiểm tra tệp và báo lỗi cho người quản trị; các tệp khác vẫn được nhận.',
    },
  };
}

/** The archive folder: the option, else beside the database file. */
function resolveArchiveDir(database: OpenDatabase, option?: string): string {
  if (option) return path.resolve(option);
  if (database.file === ':memory:') return path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'kehoach-archive');
  return path.join(path.dirname(database.file), 'archive');
}

/** Meta key of the archive folders the intake has stored received files in (JSON list, newest first). */
export const ARCHIVE_DIRS_META = 'archive-dirs';

/**
 * The archive folders the intake has recorded in meta, newest first; [] when none was recorded or the value is not
 * the list this module writes (the default folder is still tried, and a file not found is reported by its reader).
 */
export function readArchiveDirs(database: OpenDatabase): string[] {
  const row = prepareQuery<{ value: string }, [string]>(database.sqlite, 'select value from meta where key = ?').get(ARCHIVE_DIRS_META);
  if (!row) return [];
  try {
    const list = JSON.parse(row.value) as unknown;
    return Array.isArray(list) ? list.filter((d): d is string => typeof d === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Keeps the archive folder in the database's meta, so every later stage (the report reading the agencies' text)
 * finds the files where this run stored them, whatever --archive was given (the demo's demo-archive, a shared drive).
 */
function recordArchiveDir(database: OpenDatabase, archiveDir: string): void {
  const next = JSON.stringify([archiveDir, ...readArchiveDirs(database).filter((d) => d !== archiveDir)]);
  prepareQuery<never, [string, string]>(database.sqlite, 'insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value').run(ARCHIVE_DIRS_META, next);
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
  const { jobs, unknownFolders, inboxProblems } = collectReceivedFiles(options, registry);
  for (const p of inboxProblems) options.log?.(`${p.severity === 'error' ? 'bỏ qua  ' : 'lưu ý   '} ${p.source}: ${p.message}`);
  if (!options.dryRun) recordInboxProblems(database.sqlite, period.id, inboxProblems, isoOf((options.now ?? (() => new Date()))()));
  const archiveDir = resolveArchiveDir(database, options.archiveDir);
  if (!options.dryRun) recordArchiveDir(database, archiveDir);
  const writer = options.dryRun ? null : createIntakeWriter(database.sqlite);
  const parser = createWorkbookParser({ timeoutMs: options.timeoutMs, limits: options.sheetLimits });
  const maxFileBytes = options.maxFileBytes ?? 50 * 1024 * 1024;
  const ownCache = new Map<string, Set<string>>();
  const own = (agency: string) => {
    let s = ownCache.get(agency);
    if (!s) ownCache.set(agency, (s = new Set(agencyIndicators(registry, agency, period))));
    return s;
  };
  const session: IngestSession = {
    period,
    previousValue: createPreviousValueLookup(database, period),
    registry,
    matcher,
    taskMatcher,
    own,
    writer,
    archiveDir,
    maxFileBytes,
    dryRun: options.dryRun ?? false,
    now: options.now ?? (() => new Date()),
    log: options.log,
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
      const file = await prepare(i).catch((error: unknown) => unreadable(job, error));
      prepared.delete(i);
      if (i + 1 < jobs.length) void prepare(i + 1);
      try {
        outcomes.push(ingestFile(job, file, session));
      } catch (error) {
        // Whatever went wrong with this one file (its transaction rolled back), it is rejected with the reason and
        // the period goes on (issue 11: one unreadable file aborted the whole period with a stack trace).
        outcomes.push(ingestFile(job, unreadable(job, error, file), session));
      }
    }
  } finally {
    await parser.close();
  }
  return { period: period.id, files: outcomes, unknownFolders, inboxProblems, durationMs: Date.now() - started };
}

