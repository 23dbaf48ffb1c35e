// Report stage: a period's report keeps the date, signer and "SỐ LIỆU MINH HỌA" marking of the run that first wrote
// it, so a rerun after staff edit the narrative (README) does not re-date, unsign or unmark the report.
import type { OpenDatabase } from '../db/open-database.ts';
import type { KehoachConfig } from '../config/config-schema.ts';
import { formatShortDate } from './format/format-short-date.ts';
import { todayInVietnam } from '../shared/vietnam-time.ts';

/** What a period's first report run fixed: report date (ISO), signer names by issuer, illustrative marking. */
interface StoredReportSettings {
  date: string;
  illustrative: boolean;
  /** Signer names by issuer key (`name|validFrom`): state signer and Party signer. */
  signers: Record<string, { state: string; party: string }>;
}

/** The settings a report run uses, and what staff should check about them (for kiem-tra.html). */
export interface KeptReportSettings {
  config: KehoachConfig;
  /** Vietnamese checklist lines: where this run's configuration differs from the period's first report. */
  notes: string[];
}

const issuerKey = (i: KehoachConfig['issuers'][number]) => `${i.name}|${i.validFrom ?? ''}`;
const metaKey = (periodId: string) => `report-settings:${periodId}`;

/**
 * Fixes a period's report settings on its first report run and reapplies them on later runs.
 *
 * - Date: the configured date, else the date stored with the period, else today (then stored).
 * - Signer: a signer name left blank in the configuration takes the name stored with the period.
 * - Illustrative: once a period's report is marked "SỐ LIỆU MINH HỌA" (or the database is the demo's, meta
 *   `demo`), every later report of it is marked: the mark follows the data, not the command.
 *
 * A configured date or signer that differs from the stored one wins and is stored, and a note tells staff.
 * @param database the period's database (meta table), written
 * @param periodId the period id ("2025", "2025-H1", "2021-2025")
 * @param config the run's configuration
 * @returns the configuration to report with, and checklist notes (Vietnamese)
 */
export function keepReportSettings(database: OpenDatabase, periodId: string, config: KehoachConfig): KeptReportSettings {
  const sqlite = database.sqlite;
  const row = sqlite.prepare('select value from meta where key = ?').get(metaKey(periodId)) as { value: string } | undefined;
  const stored = row ? (JSON.parse(row.value) as StoredReportSettings) : null;
  const isDemo = sqlite.prepare("select 1 from meta where key = 'demo' and value = '1'").get() !== undefined;
  const notes: string[] = [];

  const date = config.report.date ?? stored?.date ?? todayInVietnam();
  if (stored && !config.report.date) {
    notes.push(`Ngày báo cáo giữ theo lần lập đầu tiên báo cáo kỳ này (${formatShortDate(date)}); để đổi, đặt report.date trong kehoach.config.json.`);
  }
  if (stored && config.report.date && config.report.date !== stored.date) {
    notes.push(`Ngày báo cáo (${formatShortDate(date)}) khác ngày của lần lập đầu tiên báo cáo kỳ này (${formatShortDate(stored.date)}): kiểm tra lại ngày trước khi trình ký.`);
  }
  const illustrative = config.report.illustrative || isDemo || (stored?.illustrative ?? false);
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
    }
    signers[issuerKey(i)] = { state, party };
    return { ...i, signer: { ...i.signer, name: state }, party: i.party ? { ...i.party, signer: { ...i.party.signer, name: party } } : null };
  });
  const next: StoredReportSettings = { date, illustrative, signers };
  sqlite
    .prepare('insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value')
    .run(metaKey(periodId), JSON.stringify(next));
  return { config: Object.freeze({ ...config, issuers, report: { ...config.report, date, illustrative } }), notes };
}
