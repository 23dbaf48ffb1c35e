// Desk: what every route shares: the database the CLI uses, its run lock, the output and inbox folders, the
// configuration, the desk's secret, the sessions and the runs in progress.
import path from 'node:path';
import type { KehoachConfig } from '../config/config-schema.ts';
import { acquireRunLock } from '../db/acquire-run-lock.ts';
import type { OpenDatabase } from '../db/open-database.ts';
import { fromProjectRoot, PROJECT_PATHS } from '../shared/project-paths.ts';
import { createSessionStore, type SessionStore } from './create-session-store.ts';
import { readDeskSecret } from './create-upload-link.ts';
import type { StageOutcome } from '../batch/run-period.ts';
import { createWorkbookParser, type WorkbookParser } from '../intake/parse/create-workbook-parser.ts';

/** A run of a period started from the desk, as its progress shows it. */
export interface DeskRun {
  period: string;
  by: string;
  startedAt: string;
  state: 'running' | 'done' | 'failed';
  /** Stage being worked on. */
  current: string | null;
  stages: StageOutcome[];
  /** One Vietnamese line when finished. */
  summary: string | null;
}

/** Folders and settings of a desk. */
export interface DeskSettings {
  /** Output root, as the CLI's (`output/`): reports, feedback and exports go to `<outDir>/<period>/`. */
  outDir: string;
  /** Inbox root: `<inboxDir>/<period>/<agency>/` holds what agencies sent, as `kehoach run --inbox` reads it. */
  inboxDir: string;
  /** Registry seeds (aliases confirmed on the desk are written to its aliases.csv). */
  seedsDir: string;
  /** Archive of received files. @default `archive/` beside the database, as intake's default */
  archiveDir: string;
  /** Largest upload accepted, bytes. */
  maxUploadBytes: number;
  /** Mark session cookies `Secure` (behind an HTTPS reverse proxy). */
  secureCookies: boolean;
  /** Days an upload link stays valid by default. */
  linkDays: number;
  /**
   * Report date per period id, over the configuration's `report.date` (the demo signs each sample period on the date
   * `kehoach demo` does). @default none
   */
  reportDates?: Readonly<Record<string, string>>;
  /** Host names requests may be addressed to; null accepts any (a desk bound beyond the loopback). @default null */
  allowedHosts?: ReadonlySet<string> | null;
  /** Address agencies reach the desk at (`https://kehoach.example.gov.vn`), for the links; else the request's own. */
  publicUrl?: string;
}

/** Everything routes share. */
export interface DeskContext extends DeskSettings {
  database: OpenDatabase;
  config: KehoachConfig;
  /** The configuration a period is reported with (its report date from `reportDates` when set). */
  configFor(period: string): KehoachConfig;
  secret: Buffer;
  sessions: SessionStore;
  runs: Map<string, DeskRun>;
  /**
   * Runs `body` as the only writer: one at a time inside this process, and holding the database's run lock against
   * CLI runs (a CLI run in progress makes it fail with the lock's Vietnamese message).
   */
  exclusive<T>(what: string, body: () => Promise<T>): Promise<T>;
  /** Clock (tests move it to expire links). */
  now(): Date;
  /**
   * Lends intake's workbook parser (its worker, time and size limits), one use at a time, kept warm for the desk's own
   * reads: a form's identity before an upload is taken in, a source cell shown.
   */
  withParser<T>(body: (parser: WorkbookParser) => Promise<T>): Promise<T>;
  /** Stops the warm worker. */
  closeParser(): Promise<void>;
}

/** Defaults of the settings for a database file. */
export function defaultDeskSettings(dbFile: string): DeskSettings {
  return {
    outDir: PROJECT_PATHS.output,
    inboxDir: fromProjectRoot('inbox'),
    seedsDir: PROJECT_PATHS.seeds,
    // Where intake archives by default (beside the database); the desk passes it to intake explicitly, and reads
    // received files back from it.
    archiveDir: dbFile === ':memory:' ? path.join(PROJECT_PATHS.data, 'archive') : path.join(path.dirname(dbFile), 'archive'),
    maxUploadBytes: 20 * 1024 * 1024,
    secureCookies: false,
    linkDays: 14,
  };
}

/** Builds the context over an open database. */
export function createDeskContext(
  database: OpenDatabase,
  config: KehoachConfig,
  settings: DeskSettings,
  options: { now?: () => Date } = {},
): DeskContext {
  let queue: Promise<unknown> = Promise.resolve();
  let parser: WorkbookParser | null = null;
  let parsing: Promise<unknown> = Promise.resolve();
  const now = options.now ?? (() => new Date());
  return {
    ...settings,
    database,
    config,
    configFor(period: string): KehoachConfig {
      const date = settings.reportDates?.[period];
      return date ? Object.freeze({ ...config, report: Object.freeze({ ...config.report, date }) }) : config;
    },
    secret: readDeskSecret(database.sqlite),
    sessions: createSessionStore(database.sqlite, { now }),
    runs: new Map(),
    now,
    withParser<T>(body: (parser: WorkbookParser) => Promise<T>): Promise<T> {
      const task = parsing.then(() => body((parser ??= createWorkbookParser({ timeoutMs: 20_000 }))));
      parsing = task.catch(() => undefined);
      return task;
    },
    async closeParser() {
      await parsing;
      await parser?.close();
      parser = null;
    },
    exclusive<T>(what: string, body: () => Promise<T>): Promise<T> {
      const task = queue.then(async () => {
        const lock = acquireRunLock(database.file, `kehoach serve: ${what}`);
        try {
          return await body();
        } finally {
          lock.release();
        }
      });
      queue = task.catch(() => undefined);
      return task;
    },
  };
}
