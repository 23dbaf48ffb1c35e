// CLI: `kehoach status` shows per agency what was expected, received, missing and late for a period.
import { defineCommand, EXIT } from '../define-command.ts';
import { listAgencyStatus } from '../../intake/store/list-agency-status.ts';
import { evaluationOptionsOf } from '../../config/evaluation-options.ts';
import { readAgencyCompleteness } from '../../reconcile/assess-agency-completeness.ts';
import type { AgencyCompleteness } from '../../reconcile/reconciliation.ts';
import { formatVietnamDate, isCalendarDate, todayInVietnam, toVietnamDate } from '../../shared/vietnam-time.ts';
import { PipelineError } from '../../shared/pipeline-error.ts';
import { toCsv } from '../../shared/to-csv.ts';
import { formatTable } from '../../shared/format-table.ts';

const COLUMNS = [
  'agency',
  'status',
  'expected_indicators',
  'received_indicators',
  'expected_tasks',
  'received_tasks',
  'files',
  'first_received',
  'deadline',
  'late',
  'missing',
  'late_days',
  'rejected_files',
] as const;

/** The one completeness status (reconcile/assess-agency-completeness.ts) as the table prints it. */
const SUBMISSION_WORDS: Record<AgencyCompleteness['submission'], string> = {
  dung_han: 'đúng hạn',
  muon: 'muộn',
  khong_hop_le: 'không hợp lệ',
  thieu: 'gửi thiếu',
  chua_gui: 'chưa gửi',
};

/** `kehoach status`: expected, received, missing and late per agency. */
export const statusCommand = defineCommand({
  name: 'status',
  summary: 'Tình hình gửi báo cáo của từng cơ quan trong một kỳ: đã nhận, còn thiếu, nộp muộn',
  args: {
    period: { type: 'period', required: true },
    format: { type: 'enum', description: 'cách in', values: ['table', 'csv'], default: 'table' },
    'as-of': {
      type: 'string',
      description: 'ngày xét (YYYY-MM-DD, giờ Việt Nam): tệp nhận sau ngày này không tính; mặc định ngày báo cáo trong cấu hình, nếu không có thì hôm nay',
      hint: 'YYYY-MM-DD',
    },
  },
  needs: { database: 'read', seeds: true, config: true },
  async run({ args, database, config, out }) {
    // One rule with the report: the same targets in scope, the same as-of date (the report date when configured,
    // else today in Vietnam), the same statuses. Tasks are counted beside it.
    const given = args['as-of'];
    if (given !== undefined && !isCalendarDate(given)) {
      throw new PipelineError('usage', `--as-of "${given}" không phải ngày hợp lệ (YYYY-MM-DD, ví dụ 2025-12-22).`);
    }
    const asOf = given ?? evaluationOptionsOf(config).asOf ?? todayInVietnam();
    const rows = readAgencyCompleteness(database.sqlite, args.period, { daysAfterCutoff: config.deadlines.daysAfterCutoff, asOf });
    const tasks = new Map(listAgencyStatus(database, { period: args.period.id, daysAfterCutoff: config.deadlines.daysAfterCutoff, today: asOf }).map((r) => [r.agency, r]));
    const csv = args.format === 'csv';
    const records = rows.map((a) => ({
      agency: a.agency,
      status: csv ? a.submission : SUBMISSION_WORDS[a.submission],
      expected_indicators: a.expected,
      received_indicators: a.received,
      expected_tasks: tasks.get(a.agency)?.expected_tasks ?? 0,
      received_tasks: tasks.get(a.agency)?.received_tasks ?? 0,
      files: a.files,
      // CSV keeps ISO dates and the codes co/khong for scripts; the table is for a person: dd/mm/yyyy, có/không.
      first_received: a.firstReceivedAt ? (csv ? (toVietnamDate(a.firstReceivedAt) ?? '') : formatVietnamDate(toVietnamDate(a.firstReceivedAt))) : '',
      deadline: csv ? a.deadline : formatVietnamDate(a.deadline),
      late: a.late ? (csv ? 'co' : 'có') : a.firstReceivedAt ? (csv ? 'khong' : 'không') : '',
      missing: a.missingIndicators.join(' '),
      late_days: a.lateDays ?? '',
      rejected_files: a.rejectedFiles,
    }));
    if (args.format === 'csv') process.stdout.write(toCsv(COLUMNS, records));
    else out(formatTable(COLUMNS, records));
    return EXIT.ok;
  },
});
