// Intake stage (read side): per agency, what was expected in a period, what came in, what is missing, what was late
// against the cut-off of Nghị định 09/2019/NĐ-CP, Điều 12 plus the days the department allows.
import type { OpenDatabase } from '../../db/open-database.ts';
import { parsePeriod } from '../../shared/parse-period.ts';
import { agencyIndicators, agencyTasks, expectedAgencies, loadIntakeRegistry } from '../match/load-intake-registry.ts';

/** One agency's line in `kehoach status`. */
export interface AgencyStatusRow {
  agency: string;
  name: string;
  /** Indicators it follows, tasks it leads. */
  expected_indicators: number;
  expected_tasks: number;
  /** Files received (all, including rejected and superseded). */
  files: number;
  /** Indicators with a current value for the period (actual or estimate). */
  received_indicators: number;
  received_tasks: number;
  /** Expected indicator codes without a current value. */
  missing: string;
  /** Date (Vietnam time) of the first accepted file, or blank. */
  first_received: string;
  deadline: string;
  /** co | khong | '' (nothing received and the deadline has not passed) */
  late: string;
  /** du | thieu | chua_gui | khong_nhan (only rejected files) | ngoai_danh_sach (sent but not expected) */
  status: string;
}

/** Options of `listAgencyStatus`. */
export interface AgencyStatusOptions {
  period: string;
  /** Days after the period's cut-off by which agencies must send (configuration deadlines.daysAfterCutoff). @default 5 */
  daysAfterCutoff?: number;
  /** Today, for "late" of agencies that sent nothing (ISO date). @default today */
  today?: string;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Vietnam date (UTC+7) of an ISO timestamp: a file sent at 23:00 in Kon Tum counts for that day. */
function vnDate(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso.slice(0, 10) : new Date(t + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Lists every expected agency (and any other that sent files) with its status for the period. */
export function listAgencyStatus(database: OpenDatabase, options: AgencyStatusOptions): AgencyStatusRow[] {
  const period = parsePeriod(options.period);
  const registry = loadIntakeRegistry(database.sqlite);
  const deadline = addDays(period.cutoffEnd, options.daysAfterCutoff ?? 5);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const files = database.sqlite
    .prepare('select agency_code, status, received_at from received_files where period = ? and agency_code is not null order by received_at')
    .all(period.id) as { agency_code: string; status: string; received_at: string }[];
  const current = database.sqlite
    .prepare(
      `select s.agency_code, v.indicator_code from staged_values v join submissions s on s.id = v.submission_id
        where s.period = ? and s.superseded_by is null and s.held = 0 and v.period = s.period and v.kind in ('actual', 'estimate')`,
    )
    .all(period.id) as { agency_code: string; indicator_code: string }[];
  const tasks = database.sqlite
    .prepare('select t.agency_code, t.task_id from task_reports t join submissions s on s.id = t.submission_id where s.period = ? and s.superseded_by is null and s.held = 0')
    .all(period.id) as { agency_code: string; task_id: string }[];
  const expected = new Set(expectedAgencies(registry, period));
  const agencies = [...new Set([...expected, ...files.map((f) => f.agency_code)])].sort();
  return agencies.map((agency) => {
    const inds = agencyIndicators(registry, agency, period);
    const got = new Set(current.filter((c) => c.agency_code === agency).map((c) => c.indicator_code));
    const mine = files.filter((f) => f.agency_code === agency);
    const accepted = mine.filter((f) => f.status !== 'rejected');
    const first = accepted[0] ? vnDate(accepted[0].received_at) : '';
    const missing = inds.filter((i) => !got.has(i));
    let status: string;
    if (!expected.has(agency)) status = 'ngoai_danh_sach';
    else if (mine.length === 0) status = 'chua_gui';
    else if (accepted.length === 0) status = 'khong_nhan';
    else status = missing.length === 0 ? 'du' : 'thieu';
    const late = first ? (first > deadline ? 'co' : 'khong') : today > deadline && expected.has(agency) ? 'co' : '';
    return {
      agency,
      name: registry.agencies.get(agency)?.name ?? agency,
      expected_indicators: inds.length,
      expected_tasks: agencyTasks(registry, agency, period).length,
      files: mine.length,
      received_indicators: got.size,
      received_tasks: new Set(tasks.filter((t) => t.agency_code === agency).map((t) => t.task_id)).size,
      missing: missing.join(' '),
      first_received: first,
      deadline,
      late,
      status,
    };
  });
}
