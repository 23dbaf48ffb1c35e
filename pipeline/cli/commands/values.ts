// CLI: `kehoach values` lists the values staged for a period (current submissions, or with --all the history).
import { defineCommand, EXIT } from '../define-command.ts';
import { openDatabase } from '../../db/open-database.ts';
import { ensureSeeded } from '../../registry/ensure-seeded.ts';
import { listStagedValues } from '../../intake/store/list-staged-values.ts';
import { PipelineError } from '../../shared/pipeline-error.ts';
import { toCsv } from '../../shared/to-csv.ts';
import { formatTable } from '../../shared/format-table.ts';

/** `kehoach values`: the staged values of a period. */
export const valuesCommand = defineCommand({
  name: 'values',
  summary: 'Liệt kê số liệu đã nhận của một kỳ (--all: cả số liệu đã bị thay thế)',
  usage: 'kehoach values --period P [--format table|csv] [--all]',
  options: { period: { type: 'string' }, format: { type: 'string', default: 'table' }, all: { type: 'boolean', default: false } },
  async run(values, _positionals, ctx) {
    if (typeof values.period !== 'string') throw new PipelineError('usage', 'Thiếu --period (ví dụ 2025-H1).');
    const format = String(values.format);
    if (!['table', 'csv'].includes(format)) throw new PipelineError('usage', `--format phải là table hoặc csv (nhận "${format}").`);
    const database = openDatabase({ file: ctx.dbFile });
    try {
      ensureSeeded(database.sqlite);
      const all = values.all === true;
      const rows = listStagedValues(database, { period: values.period, all });
      const columns = ['agency', 'indicator', 'period', 'value', 'unit', 'kind', 'source', ...(all ? ['status'] : [])];
      const records = rows as unknown as Record<string, string | number>[];
      if (format === 'csv') process.stdout.write(toCsv(columns, records));
      else ctx.out(formatTable(columns, records));
      return EXIT.ok;
    } finally {
      await database.close();
    }
  },
});
