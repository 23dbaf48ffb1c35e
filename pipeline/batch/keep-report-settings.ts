// Batch stage: a period's report keeps the date, signer and "SỐ LIỆU MINH HỌA" marking of the run that first wrote
// it, so a rerun after staff edit the narrative (README) does not re-date, unsign or unmark the report. The settings
// live in the output folder they belong to (<out>/<period>/report-settings.json, beside narrative.md), not in the
// database: the report stage reads only the Reconciliation and receives them as options, and a trial run with
// `--out DIR` keeps its own settings instead of changing what the office's next report in output/ says.
import fs from 'node:fs';
import path from 'node:path';
import type { KehoachConfig } from '../config/config-schema.ts';
import { formatShortDate } from '../report/format/format-short-date.ts';
import { formatVietnamDate, todayInVietnam } from '../shared/vietnam-time.ts';
import { writeFileAtomic } from '../shared/write-file-atomic.ts';

/** The file, in <out>/<period>/, that holds what the period's first report run fixed. */
export const REPORT_SETTINGS_FILE_NAME = 'report-settings.json';

/** What a period's first report run fixed: report date (ISO), signer names by issuer, illustrative marking. */
interface StoredReportSettings {
  date: string;
  illustrative: boolean;
  /** Signer names by issuer key (`name|validFrom`): state signer and Party signer. */
  signers: Record<string, { state: string; party: string }>;
}

/** Options of `keepReportSettings`. */
export interface KeepReportSettingsOptions {
  /** Output root of the run; the settings file is <outDir>/<periodId>/report-settings.json. */
  outDir: string;
  /** The period id ("2025", "2025-H1", "2021-2025"). */
  periodId: string;
  /** The run's configuration. */
  config: KehoachConfig;
  /** The database holds the demo's data (meta `demo`): every report of it is marked illustrative. @default false */
  demoData?: boolean;
}

/** The settings a report run uses, what staff should check about them, and what the terminal says. */
export interface KeptReportSettings {
  config: KehoachConfig;
  /** Vietnamese checklist lines (kiem-tra.html): where this run's configuration differs from the period's first report. */
  notes: string[];
  /** Vietnamese lines for the terminal: a setting stored for the first time, changed, or a settings file unreadable. */
  messages: string[];
}

const issuerKey = (i: KehoachConfig['issuers'][number]) => `${i.name}|${i.validFrom ?? ''}`;

/** The settings file of a period's output folder. */
export function reportSettingsFile(outDir: string, periodId: string): string {
  return path.join(outDir, periodId, REPORT_SETTINGS_FILE_NAME);
}

function readStored(file: string, messages: string[]): StoredReportSettings | null {
  if (!fs.existsSync(file)) return null;
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as StoredReportSettings;
    if (typeof parsed.date !== 'string' || typeof parsed.signers !== 'object' || parsed.signers === null) throw new Error('shape');
    return { date: parsed.date, illustrative: parsed.illustrative === true, signers: parsed.signers };
  } catch {
    // Bad input is never silent: the run goes on with the configuration and says it rewrote the file.
    messages.push(`Tệp ${file} không đọc được (không phải tệp thiết lập báo cáo của kehoach): lập báo cáo theo cấu hình và ghi lại tệp.`);
    return null;
  }
}

/**
 * Fixes a period's report settings on its first report run into an output folder and reapplies them on later runs
 * into the same folder.
 *
 * - Date: the configured date, else the date stored with the output folder, else today (then stored).
 * - Signer: a signer name left blank in the configuration takes the name stored with the output folder.
 * - Illustrative: once a period's report is marked "SỐ LIỆU MINH HỌA" (or the data is the demo's), every later
 *   report into that folder is marked: the mark follows the data, not the command.
 *
 * A configured date or signer that differs from the stored one wins and is stored; a checklist note tells staff and
 * a terminal line says what was stored. Nothing is written when nothing changed.
 * @returns the configuration to report with, checklist notes and terminal lines (Vietnamese)
 */
export function keepReportSettings(options: KeepReportSettingsOptions): KeptReportSettings {
  const { config, periodId } = options;
  const file = reportSettingsFile(options.outDir, periodId);
  const messages: string[] = [];
  const stored = readStored(file, messages);
  const notes: string[] = [];

  const date = config.report.date ?? stored?.date ?? todayInVietnam();
  if (stored && !config.report.date) {
    notes.push(`Ngày báo cáo giữ theo lần lập đầu tiên báo cáo kỳ này (${formatShortDate(date)}); để đổi, đặt report.date trong kehoach.config.json.`);
  }
  const dateChanged = stored !== null && date !== stored.date;
  if (dateChanged) {
    notes.push(`Ngày báo cáo (${formatShortDate(date)}) khác ngày của lần lập đầu tiên báo cáo kỳ này (${formatShortDate(stored.date)}): kiểm tra lại ngày trước khi trình ký.`);
    messages.push(`Ngày báo cáo kỳ ${periodId} đổi từ ${formatVietnamDate(stored.date)} thành ${formatVietnamDate(date)} (theo cấu hình).`);
  }
  const illustrative = config.report.illustrative || options.demoData === true || (stored?.illustrative ?? false);
  if (illustrative && !config.report.illustrative) {
    notes.push('Báo cáo in dòng "SỐ LIỆU MINH HỌA" vì số liệu của kỳ là số liệu minh họa (cơ sở dữ liệu của bản minh họa): không dùng để ban hành.');
  }
  const signers: StoredReportSettings['signers'] = {};
  const issuers = config.issuers.map((i) => {
    const kept = stored?.signers[issuerKey(i)];
    const state = i.signer.name || kept?.state || '';
    const party = i.party ? i.party.signer.name || kept?.party || '' : '';
    if (kept && i.signer.name && kept.state && i.signer.name !== kept.state) {
      notes.push(`Người ký (${i.signer.name}) khác người ký của lần lập đầu tiên báo cáo kỳ này (${kept.state}).`);
      messages.push(`Người ký kỳ ${periodId} (${i.name}) đổi từ ${kept.state} thành ${i.signer.name} (theo cấu hình).`);
    }
    signers[issuerKey(i)] = { state, party };
    return { ...i, signer: { ...i.signer, name: state }, party: i.party ? { ...i.party, signer: { ...i.party.signer, name: party } } : null };
  });
  const next: StoredReportSettings = { date, illustrative, signers };
  const text = `${JSON.stringify(next, null, 2)}\n`;
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  if (text !== previous) {
    writeFileAtomic(file, text);
    if (stored === null) {
      messages.push(`Đã lưu ngày báo cáo ${formatVietnamDate(date)}${illustrative ? ', dòng SỐ LIỆU MINH HỌA' : ''} và người ký của kỳ ${periodId} vào ${file}: các lần lập lại vào thư mục này dùng chúng.`);
    } else {
      messages.push(`Đã lưu thiết lập mới của báo cáo kỳ ${periodId} vào ${file}.`);
    }
  }
  return { config: Object.freeze({ ...config, issuers, report: { ...config.report, date, illustrative } }), notes, messages };
}
