// CLI: `kehoach status` shows per agency what was expected, received, missing and late for a period.
import { defineCommand, EXIT } from '../define-command.ts';
import { listAgencyStatus } from '../../intake/store/list-agency-status.ts';
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
] as const;

/** `kehoach status`: expected, received, missing and late per agency. */
export const statusCommand = defineCommand({
  name: 'status',
  summary: 'Tình hình gửi báo cáo của từng cơ quan trong một kỳ: đã nhận, còn thiếu, nộp muộn',
  args: {
    period: { type: 'period', required: true },
    format: { type: 'enum', description: 'cách in', values: ['table', 'csv'], default: 'table' },
  },
  needs: { database: 'read', seeds: true, config: true },
  async run({ args, database, config, out }) {
    const rows = listAgencyStatus(database, { period: args.period.id, daysAfterCutoff: config.deadlines.daysAfterCutoff });
    const records = rows as unknown as Record<string, string | number>[];
    if (args.format === 'csv') process.stdout.write(toCsv(COLUMNS, records));
    else out(formatTable(COLUMNS, records));
    return EXIT.ok;
  },
});
