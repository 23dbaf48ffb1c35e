// Intake stage, collect phase: lists what arrived for a period (an inbox with one sub-folder per agency, or explicit
// files of one agency) with the folder's agency and the arrival time from the văn thư's register or the file time.
import fs from 'node:fs';
import path from 'node:path';
import { PipelineError } from '../../shared/pipeline-error.ts';
import type { IntakeRegistry } from '../match/load-intake-registry.ts';
import { resolveAgency } from '../match/resolve-agency.ts';

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
export function collectReceivedFiles(options: CollectOptions, registry: IntakeRegistry): { jobs: ReceivedJob[]; unknownFolders: string[] } {
  const jobs: ReceivedJob[] = [];
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
