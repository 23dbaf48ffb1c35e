// CLI: `kehoach plan import FILE [--document CODE] [--new] [--confirm FILE]` loads the targets of a plan file (xlsx or
// csv), all or nothing, and prints how each row's indicator was found.
import { defineCommand, EXIT } from '../define-command.ts';
import { importPlan, type PlanRowMatch } from '../../registry/import-plan.ts';
import { readPlanConfirmations } from '../../registry/read-plan-confirmations.ts';

const HOW_WORDS: Record<PlanRowMatch['how'], string> = {
  code: 'theo mã',
  alias: 'theo tên đã khai báo',
  name: 'theo tên',
  thesaurus: 'theo từ điển thuật ngữ',
  confirmed: 'theo tệp xác nhận',
  new: 'chỉ tiêu mới',
};

/** "theo từ điển thuật ngữ: tốc độ tăng trưởng = tăng trưởng; GRDP = tổng sản phẩm trên địa bàn". */
function describePlanMatch(m: PlanRowMatch): string {
  const rules = [...new Set(m.rules.map((r) => (r.kind === 'aggregation' ? `"${r.term}" là cách tính` : `${r.term} = ${r.means}`)))];
  return rules.length ? `${HOW_WORDS[m.how]}: ${rules.join('; ')}` : HOW_WORDS[m.how];
}

export const planCommand = defineCommand({
  name: 'plan',
  summary: 'Nhập chỉ tiêu kế hoạch từ tệp xlsx/csv (Văn bản | Chỉ tiêu | Đơn vị | Kỳ | Chỉ tiêu kế hoạch | Cơ quan theo dõi)',
  positionals: [
    { name: 'action', description: 'import: nhập một tệp kế hoạch', values: ['import'], required: true },
    { name: 'file', description: 'tệp kế hoạch (xlsx hoặc csv)', required: true },
  ],
  args: {
    document: { type: 'string', description: 'mã văn bản của tệp, khi tệp không ghi', hint: 'MÃ' },
    new: { type: 'boolean', description: 'tạo chỉ tiêu mới cả khi đã có chỉ tiêu gần giống' },
    confirm: { type: 'file', description: 'tệp xác nhận (csv: Chỉ tiêu | Mã chỉ tiêu, hoặc "mới")' },
  },
  needs: { database: 'write', createsDatabase: true, seeds: true },
  async run({ args, positionals, database, out }) {
    const file = positionals.file![0]!;
    const r = importPlan(database.sqlite, file, {
      document: args.document,
      allowNew: args.new === true,
      confirmations: args.confirm ? readPlanConfirmations(args.confirm) : undefined,
    });
    out(`Đã nạp ${r.targets} chỉ tiêu kế hoạch từ ${r.file}` + (r.replaced > 0 ? ` (thay ${r.replaced} chỉ tiêu của lần nhập trước)` : '') + '.');
    for (const m of r.matches) out(`  dòng ${m.row}: "${m.name}" -> ${m.indicator} (${describePlanMatch(m)})`);
    if (r.documentsCreated.length > 0) out(`  Văn bản mới: ${r.documentsCreated.join(', ')}.`);
    if (r.indicatorsCreated.length > 0) {
      out(`  Chỉ tiêu mới (cần rà soát lĩnh vực, chiều đánh giá, cách tính): ${r.indicatorsCreated.join(', ')}.`);
    }
    return EXIT.ok;
  },
});
