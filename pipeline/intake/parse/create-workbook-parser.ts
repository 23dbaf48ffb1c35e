// Intake stage: parses workbooks in a worker thread with a time limit, so a hostile or broken file is killed, not waited on.
import { Worker } from 'node:worker_threads';
import type { RawWorkbook } from './raw-workbook.ts';
import { formatNumber } from '../../shared/format-number.ts';

/** Bounds on what one sheet may hold; a bigger sheet is cut and reported. */
export interface SheetLimits {
  /** @default 50000 */
  maxRows: number;
  /** @default 256 */
  maxCols: number;
  /** @default 20000 */
  maxMerges: number;
  /**
   * Non-empty cells a whole file may hold; above it the file is refused, not cut (no department report comes near
   * it, and the cells would otherwise cross into the main thread). @default 2000000
   */
  maxCells: number;
}

/** Options of `createWorkbookParser`. */
export interface WorkbookParserOptions {
  /** Time allowed for one file, in ms. @default 20000 */
  timeoutMs?: number;
  /** Sheet bounds. */
  limits?: Partial<SheetLimits>;
  /** JS heap of the worker, in MB (ArrayBuffers are outside it: the zip pre-scan bounds those). @default 768 */
  maxHeapMb?: number;
}

/** Why a parse failed: it timed out, the file is too large, SheetJS or csv-parse threw, or the worker died. */
export class WorkbookParseError extends Error {
  override readonly name = 'WorkbookParseError';
  constructor(
    readonly reason: 'timeout' | 'parse' | 'crash' | 'too-large' | 'csv',
    message: string,
    /** The CSV line the parser stopped at. */
    readonly line: number | null = null,
  ) {
    super(message);
  }
}

/** A parser that keeps one worker warm between files and replaces it after a kill. */
export interface WorkbookParser {
  /** @param options.text the buffer is UTF-8 text already decoded by us (an HTML table): cells stay text, numbers are ours */
  parse(buffer: Buffer, options?: { text?: boolean }): Promise<RawWorkbook>;
  /**
   * Parses CSV bytes (any encoding agencies send) in the same worker, with the same time, memory, row and cell
   * bounds as a workbook (issue 11: three dense 49 MB CSVs parsed on the main thread ran the process out of memory).
   */
  parseCsv(buffer: Buffer, sheetName: string): Promise<RawWorkbook>;
  close(): Promise<void>;
}

/** Default sheet bounds: far above any real report, far below what would exhaust memory. */
export const DEFAULT_SHEET_LIMITS: SheetLimits = { maxRows: 50_000, maxCols: 256, maxMerges: 20_000, maxCells: 2_000_000 };

/** Files above this size end their worker once parsed (its heap would otherwise stay at the file's high-water mark). */
const RECYCLE_AFTER_BYTES = 8 * 1024 * 1024;

const WORKER_URL = new URL('./parse-workbook-worker.mjs', import.meta.url);

/**
 * Creates a workbook parser. One file at a time per parser; call `close` in a `finally`.
 */
export function createWorkbookParser(options: WorkbookParserOptions = {}): WorkbookParser {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const limits = { ...DEFAULT_SHEET_LIMITS, ...options.limits };
  let worker: Worker | null = null;
  let nextId = 1;

  const spawn = (): Worker => {
    const w = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 768 } });
    w.unref();
    return w;
  };

  const kill = async () => {
    const w = worker;
    worker = null;
    if (w) await w.terminate();
  };

  const run = (buffer: Buffer, extra: { kind: 'workbook'; text: boolean } | { kind: 'csv'; sheetName: string }): Promise<RawWorkbook> => {
    if (!worker) worker = spawn();
    const w = worker;
    const id = nextId++;
    return new Promise<RawWorkbook>((resolve, reject) => {
      // Keep the process alive while a parse is under way; an idle warm worker must not hold it open.
      w.ref();
      const cleanup = () => {
        w.unref();
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      };
      const timer = setTimeout(() => {
        cleanup();
        void kill();
        reject(new WorkbookParseError('timeout', `quá ${Math.max(1, Math.round(timeoutMs / 1000))} giây`));
      }, timeoutMs);
      const onMessage = (msg: {
        id: number;
        ok: boolean;
        book?: RawWorkbook;
        message?: string;
        reason?: 'parse' | 'too-large' | 'csv';
        line?: number | null;
        cells?: number;
        maxCells?: number;
      }) => {
        if (msg.id !== id) return;
        cleanup();
        // A big file leaves a big heap behind in the worker: end it, so the next file starts from a small one.
        if (buffer.byteLength > RECYCLE_AFTER_BYTES) void kill();
        if (msg.ok) resolve(msg.book!);
        else if (msg.reason === 'too-large' && msg.cells !== undefined && msg.maxCells !== undefined) {
          reject(new WorkbookParseError('too-large', `tệp có ${formatNumber(msg.cells)} ô có dữ liệu, quá giới hạn ${formatNumber(msg.maxCells)} ô`));
        } else reject(new WorkbookParseError(msg.reason ?? 'parse', msg.message ?? 'lỗi không rõ', msg.line ?? null));
      };
      const onError = (error: Error) => {
        cleanup();
        void kill();
        const oom = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
        reject(new WorkbookParseError(oom ? 'too-large' : 'crash', oom ? 'đọc tệp cần quá nhiều bộ nhớ' : error.message));
      };
      const onExit = (code: number) => {
        cleanup();
        worker = null;
        reject(new WorkbookParseError('crash', `tiến trình đọc tệp dừng (mã ${code})`));
      };
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      const copy = new Uint8Array(buffer.byteLength);
      copy.set(buffer);
      w.postMessage({ id, buffer: copy.buffer, limits, ...extra }, [copy.buffer]);
    });
  };

  return {
    parse: (buffer, parseOptions) => run(buffer, { kind: 'workbook', text: parseOptions?.text === true }),
    parseCsv: (buffer, sheetName) => run(buffer, { kind: 'csv', sheetName }),
    close: kill,
  };
}
