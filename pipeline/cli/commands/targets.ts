// CLI: `kehoach targets` lists the registry's targets, or with --conflicts where documents disagree.
import { defineCommand, EXIT } from '../define-command.ts';
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
  args: {
    document: { type: 'string', description: 'mã văn bản (KH-434-2023) hoặc số ký hiệu (434/KH-UBND)', hint: 'MÃ' },
    format: { type: 'enum', description: 'cách in', values: ['table', 'csv', 'json'], default: 'table' },
    conflicts: { type: 'boolean', description: 'chỉ tiêu mà các văn bản đặt khác nhau' },
  },
  // The registry alone answers it, and seeds/ gives the registry: a new database is as good as an old one here.
  needs: { database: 'read', createsDatabase: true, seeds: true },
  async run({ args, database, out }) {
    const rows = args.conflicts ? await findTargetConflicts(database.db) : await listTargets(database.db, args.document);
    if (!args.conflicts && args.document !== undefined && rows.length === 0) {
      throw new PipelineError('usage', `Không có văn bản "${args.document}" (dùng mã như KH-434-2023 hoặc số ký hiệu như 434/KH-UBND).`);
    }
    const columns = args.conflicts ? CONFLICT_COLUMNS : TARGET_COLUMNS;
    const records = rows as unknown as Record<string, string | number | null>[];
    if (args.format === 'json') out(JSON.stringify(rows, null, 2));
    else if (args.format === 'csv') process.stdout.write(toCsv(columns, records));
    else out(formatTable(columns, records));
    return EXIT.ok;
  },
});
