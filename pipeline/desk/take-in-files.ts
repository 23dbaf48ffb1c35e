// Desk: takes files in through the intake stage, as `kehoach ingest --inbox` would: each file placed in a fresh
// inbox folder under its agency with its arrival time, then the agency feedback written for the period. Used for an
// upload (the file just handed in) and after an alias is confirmed (the files whose rows named it, from the archive).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OpenDatabase } from '../db/open-database.ts';
import { ingest, type FileOutcome } from '../intake/ingest.ts';
import { writeIntakeFeedback } from '../intake/feedback/write-intake-feedback.ts';

/** One file to take in. */
export interface FileToTakeIn {
  agency: string;
  /** Name the file is known by (the feedback shows it). */
  fileName: string;
  /** Where its bytes are. */
  from: string;
  /** ISO arrival time: the văn thư's date, kept when a file is read again. */
  receivedAt: string;
}

/** Options of `takeInFiles`. */
export interface TakeInOptions {
  period: string;
  files: FileToTakeIn[];
  /** Output root for the feedback (`<outDir>/<period>/phan-hoi/`). */
  outDir: string;
  /** Archive of received files. @default the intake default */
  archiveDir?: string;
}

/**
 * Ingests the files (the caller holds the run lock) and rewrites the period's feedback.
 * @returns the intake outcome of each file
 */
export async function takeInFiles(database: OpenDatabase, options: TakeInOptions): Promise<FileOutcome[]> {
  if (options.files.length === 0) return [];
  const inbox = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-desk-'));
  try {
    const register = ['file,received_at'];
    for (const f of options.files) {
      const dir = path.join(inbox, f.agency);
      fs.mkdirSync(dir, { recursive: true });
      fs.copyFileSync(f.from, path.join(dir, f.fileName));
      register.push(`"${`${f.agency}/${f.fileName}`.replace(/"/g, '""')}",${f.receivedAt}`);
    }
    fs.writeFileSync(path.join(inbox, '_received.csv'), `${register.join('\n')}\n`);
    const result = await ingest(database, { period: options.period, inbox, archiveDir: options.archiveDir });
    await writeIntakeFeedback(database, { period: options.period, outDir: options.outDir });
    return result.files;
  } finally {
    fs.rmSync(inbox, { recursive: true, force: true });
  }
}
