// Intake stage: parses workbooks in a worker thread with a time limit, so a hostile or broken file is killed, not waited on.
import { Worker } from 'node:worker_threads';
import type { RawWorkbook } from './raw-workbook.ts';

/** Bounds on what one sheet may hold; a bigger sheet is cut and reported. */
export interface SheetLimits {
  /** @default 50000 */
  maxRows: number;
  /** @default 256 */
  maxCols: number;
  /** @default 20000 */
  maxMerges: number;
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

/** Why a parse failed: it timed out, or SheetJS threw. */
export class WorkbookParseError extends Error {
  override readonly name = 'WorkbookParseError';
  constructor(
    readonly reason: 'timeout' | 'parse' | 'crash',
    message: string,
  ) {
    super(message);
  }
}

/** A parser that keeps one worker warm between files and replaces it after a kill. */
export interface WorkbookParser {
  parse(buffer: Buffer): Promise<RawWorkbook>;
  close(): Promise<void>;
}

/** Default sheet bounds: far above any real report, far below what would exhaust memory. */
export const DEFAULT_SHEET_LIMITS: SheetLimits = { maxRows: 50_000, maxCols: 256, maxMerges: 20_000 };

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

  return {
    parse(buffer: Buffer): Promise<RawWorkbook> {
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
          reject(new WorkbookParseError('timeout', `quá ${Math.round(timeoutMs / 1000)} giây`));
        }, timeoutMs);
        const onMessage = (msg: { id: number; ok: boolean; book?: RawWorkbook; message?: string }) => {
          if (msg.id !== id) return;
          cleanup();
          if (msg.ok) resolve(msg.book!);
          else reject(new WorkbookParseError('parse', msg.message ?? 'lỗi không rõ'));
        };
        const onError = (error: Error) => {
          cleanup();
          void kill();
          reject(new WorkbookParseError('crash', error.message));
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
        w.postMessage({ id, buffer: copy.buffer, limits }, [copy.buffer]);
      });
    },
    close: kill,
  };
}
