// Desk entry: `kehoach serve` calls this. Opens the database the CLI uses, seeds it when the registry changed, and
// serves the desk on 127.0.0.1 unless told otherwise (an office puts it behind its own HTTPS server).
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { KehoachConfig } from '../config/config-schema.ts';
import { openDatabase, resolveDbFile } from '../db/open-database.ts';
import { ensureSeeded } from '../registry/ensure-seeded.ts';
import { createDeskApp } from './create-desk-app.ts';
import { createDeskContext, defaultDeskSettings, type DeskContext, type DeskSettings } from './create-desk-context.ts';

/** Names of the loopback interface (as a Host header carries them: IPv6 in brackets). */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Options of `startDesk`. */
export interface StartDeskOptions extends Partial<DeskSettings> {
  /** Address to listen on. @default 127.0.0.1 */
  host?: string;
  /** Port; 0 picks a free one. @default 8080 */
  port?: number;
  /** Database file. @default KEHOACH_DB, else data/kehoach.sqlite */
  dbFile?: string;
  config: KehoachConfig;
  /** Clock (tests). */
  now?: () => Date;
}

/** A running desk. */
export interface RunningDesk {
  /** Base address, e.g. http://127.0.0.1:8080 */
  url: string;
  context: DeskContext;
  /** Stops listening, waits for runs in progress, closes the database. */
  close(): Promise<void>;
}

/**
 * Starts the desk server.
 * @throws when the port is taken or the database cannot be opened
 */
export async function startDesk(options: StartDeskOptions): Promise<RunningDesk> {
  const dbFile = resolveDbFile(options.dbFile);
  const database = openDatabase({ file: dbFile });
  const defaults = defaultDeskSettings(database.file);
  const settings: DeskSettings = {
    outDir: options.outDir ?? defaults.outDir,
    inboxDir: options.inboxDir ?? defaults.inboxDir,
    seedsDir: options.seedsDir ?? defaults.seedsDir,
    archiveDir: options.archiveDir ?? defaults.archiveDir,
    maxUploadBytes: options.maxUploadBytes ?? defaults.maxUploadBytes,
    secureCookies: options.secureCookies ?? defaults.secureCookies,
    linkDays: options.linkDays ?? defaults.linkDays,
    publicUrl: options.publicUrl?.replace(/\/+$/, ''),
    reportDates: options.reportDates,
  };
  const host = options.host ?? '127.0.0.1';
  if (LOOPBACK.has(host)) {
    settings.allowedHosts = new Set([...LOOPBACK, ...(settings.publicUrl ? [new URL(settings.publicUrl).hostname.toLowerCase()] : [])]);
  }
  try {
    ensureSeeded(database.sqlite, { dir: settings.seedsDir });
  } catch (error) {
    await database.close();
    throw error;
  }
  const context = createDeskContext(database, options.config, settings, { now: options.now });
  const app = createDeskApp(context);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8080 }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    context,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Wait for a run in progress to finish writing before the database goes.
      await context.exclusive('shutdown', async () => undefined).catch(() => undefined);
      await context.closeParser();
      await database.close();
    },
  };
}
