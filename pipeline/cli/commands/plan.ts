// CLI: `kehoach plan import FILE [--document CODE]` loads the targets of a plan file (xlsx or csv), all or nothing.
import { defineCommand, EXIT } from '../define-command.ts';
import { importPlan } from '../../registry/import-plan.ts';

export const planCommand = defineCommand({
  name: 'plan',
  summary: 'Nhập chỉ tiêu kế hoạch từ tệp xlsx/csv (Văn bản | Chỉ tiêu | Đơn vị | Kỳ | Chỉ tiêu kế hoạch | Cơ quan theo dõi)',
  positionals: [
    { name: 'action', description: 'import: nhập một tệp kế hoạch', values: ['import'], required: true },
    { name: 'file', description: 'tệp kế hoạch (xlsx hoặc csv)', required: true },
  ],
  args: {
    document: { type: 'string', description: 'mã văn bản của tệp, khi tệp không ghi', hint: 'MÃ' },
  },
  needs: { database: 'write', createsDatabase: true, seeds: true },
  async run({ args, positionals, database, out }) {
    const file = positionals.file![0]!;
    const r = importPlan(database.sqlite, file, { document: args.document });
    out(`Đã nạp ${r.targets} chỉ tiêu kế hoạch từ ${r.file}` + (r.replaced > 0 ? ` (thay ${r.replaced} chỉ tiêu của lần nhập trước)` : '') + '.');
    if (r.documentsCreated.length > 0) out(`  Văn bản mới: ${r.documentsCreated.join(', ')}.`);
    if (r.indicatorsCreated.length > 0) {
      out(`  Chỉ tiêu mới (cần rà soát lĩnh vực, chiều đánh giá, cách tính): ${r.indicatorsCreated.join(', ')}.`);
    }
    return EXIT.ok;
  },
});
