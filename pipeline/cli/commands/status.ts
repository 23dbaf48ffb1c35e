// CLI: `kehoach status` shows per agency what was expected, received, missing and late for a period.
import { defineCommand, EXIT } from '../define-command.ts';
import { openDatabase } from '../../db/open-database.ts';
import { ensureSeeded } from '../../registry/ensure-seeded.ts';
import { resolveConfig } from '../../config/resolve-config.ts';
import { listAgencyStatus } from '../../intake/store/list-agency-status.ts';
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
] as const;

/** `kehoach status`: expected, received, missing and late per agency. */
export const statusCommand = defineCommand({
  name: 'status',
  summary: 'Tình hình gửi báo cáo của từng cơ quan trong một kỳ: đã nhận, còn thiếu, nộp muộn',
  usage: 'kehoach status --period P [--format table|csv] [--config FILE]',
  options: { period: { type: 'string' }, format: { type: 'string', default: 'table' }, config: { type: 'string' } },
  async run(values, _positionals, ctx) {
    if (typeof values.period !== 'string') throw new PipelineError('usage', 'Thiếu --period (ví dụ 2025-H1).');
    const format = String(values.format);
    if (!['table', 'csv'].includes(format)) throw new PipelineError('usage', `--format phải là table hoặc csv (nhận "${format}").`);
    const config = resolveConfig(typeof values.config === 'string' ? values.config : undefined);
    const database = openDatabase({ file: ctx.dbFile });
    try {
      ensureSeeded(database.sqlite);
      const rows = listAgencyStatus(database, { period: values.period, daysAfterCutoff: config.deadlines.daysAfterCutoff });
      const records = rows as unknown as Record<string, string | number>[];
      if (format === 'csv') process.stdout.write(toCsv(COLUMNS, records));
      else ctx.out(formatTable(COLUMNS, records));
      return EXIT.ok;
    } finally {
      await database.close();
    }
  },
});
