// CLI: `kehoach values` lists the values staged for a period (current submissions, or with --all the history).
import { defineCommand, EXIT } from '../define-command.ts';
import { listStagedValues } from '../../intake/store/list-staged-values.ts';
import { toCsv } from '../../shared/to-csv.ts';
import { formatTable } from '../../shared/format-table.ts';

/** Columns of `values --format csv` (stable: scripts read them). */
export const VALUES_COLUMNS = ['agency', 'indicator', 'period', 'value', 'unit', 'kind', 'source'] as const;

/** `kehoach values`: the staged values of a period. */
export const valuesCommand = defineCommand({
  name: 'values',
  summary: 'Liệt kê số liệu đã nhận của một kỳ (--all: cả số liệu đã bị thay thế)',
  args: {
    period: { type: 'period', required: true },
    format: { type: 'enum', description: 'cách in', values: ['table', 'csv'], default: 'table' },
    all: { type: 'boolean', description: 'cả số liệu đã bị thay thế hoặc đang giữ lại, với cột status' },
  },
  needs: { database: 'read', seeds: true },
  async run({ args, database, out }) {
    const rows = listStagedValues(database, { period: args.period.id, all: args.all });
    const columns = [...VALUES_COLUMNS, ...(args.all ? ['status'] : [])];
    const records = rows as unknown as Record<string, string | number>[];
    if (args.format === 'csv') process.stdout.write(toCsv(columns, records));
    else out(formatTable(columns, records));
    return EXIT.ok;
  },
});
