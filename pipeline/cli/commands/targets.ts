// CLI: `kehoach targets` lists the registry's targets, or with --conflicts where documents disagree.
import { defineCommand, EXIT } from '../define-command.ts';
import { openDatabase } from '../../db/open-database.ts';
import { ensureSeeded } from '../../registry/ensure-seeded.ts';
import { listTargets } from '../../registry/list-targets.ts';
import { findTargetConflicts } from '../../registry/find-target-conflicts.ts';
import { toCsv } from '../../shared/to-csv.ts';
import { formatTable } from '../../shared/format-table.ts';
import { PipelineError } from '../../shared/pipeline-error.ts';

const TARGET_COLUMNS = ['document', 'indicator', 'period', 'op', 'lo', 'hi', 'unit', 'agency', 'expression', 'source_ref'] as const;
const CONFLICT_COLUMNS = ['kind', 'indicator', 'indicator_name', 'period', 'details', 'target_ids'] as const;

export const targetsCommand = defineCommand({
  name: 'targets',
  summary: 'Liệt kê chỉ tiêu kế hoạch (hoặc --conflicts: chỉ tiêu các văn bản đặt khác nhau)',
  usage: 'kehoach targets [--document CODE] [--format table|csv|json] [--conflicts]',
  options: {
    document: { type: 'string' },
    format: { type: 'string', default: 'table' },
    conflicts: { type: 'boolean', default: false },
  },
  async run(values, _positionals, ctx) {
    const format = String(values.format);
    if (!['table', 'csv', 'json'].includes(format)) {
      throw new PipelineError('usage', `--format phải là table, csv hoặc json (nhận "${format}").`);
    }
    const database = openDatabase({ file: ctx.dbFile });
    try {
      ensureSeeded(database.sqlite);
      const rows = values.conflicts
        ? await findTargetConflicts(database.db)
        : await listTargets(database.db, typeof values.document === 'string' ? values.document : undefined);
      if (!values.conflicts && typeof values.document === 'string' && rows.length === 0) {
        throw new PipelineError('usage', `Không có văn bản "${values.document}" (dùng mã như KH-434-2023 hoặc số ký hiệu như 434/KH-UBND).`);
      }
      const columns = values.conflicts ? CONFLICT_COLUMNS : TARGET_COLUMNS;
      const records = rows as unknown as Record<string, string | number | null>[];
      if (format === 'json') ctx.out(JSON.stringify(rows, null, 2));
      else if (format === 'csv') process.stdout.write(toCsv(columns, records));
      else ctx.out(formatTable(columns, records));
      return EXIT.ok;
    } finally {
      await database.close();
    }
  },
});
