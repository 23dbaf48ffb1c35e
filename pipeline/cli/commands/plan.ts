// CLI: `kehoach plan import FILE [--document CODE]` loads the targets of a plan file (xlsx or csv), all or nothing.
import { defineCommand, EXIT } from '../define-command.ts';
import { openDatabase, resolveDbFile } from '../../db/open-database.ts';
import { acquireRunLock } from '../../db/acquire-run-lock.ts';
import { ensureSeeded } from '../../registry/ensure-seeded.ts';
import { importPlan } from '../../registry/import-plan.ts';
import { PipelineError } from '../../shared/pipeline-error.ts';

export const planCommand = defineCommand({
  name: 'plan',
  summary: 'Nhập chỉ tiêu kế hoạch từ tệp xlsx/csv (Văn bản | Chỉ tiêu | Đơn vị | Kỳ | Chỉ tiêu kế hoạch | Cơ quan theo dõi)',
  usage: 'kehoach plan import FILE [--document CODE]',
  options: {
    document: { type: 'string' },
  },
  allowPositionals: true,
  async run(values, positionals, ctx) {
    const [action, file, ...rest] = positionals;
    if (action !== 'import' || !file || rest.length > 0) {
      throw new PipelineError('usage', 'Dùng: kehoach plan import FILE [--document CODE].');
    }
    const lock = acquireRunLock(resolveDbFile(ctx.dbFile), `plan import ${file}`);
    const database = openDatabase({ file: ctx.dbFile });
    try {
      ensureSeeded(database.sqlite);
      const r = importPlan(database.sqlite, file, { document: typeof values.document === 'string' ? values.document : undefined });
      ctx.out(
        `Đã nạp ${r.targets} chỉ tiêu kế hoạch từ ${r.file}` +
          (r.replaced > 0 ? ` (thay ${r.replaced} chỉ tiêu của lần nhập trước)` : '') +
          '.',
      );
      if (r.documentsCreated.length > 0) ctx.out(`  Văn bản mới: ${r.documentsCreated.join(', ')}.`);
      if (r.indicatorsCreated.length > 0) {
        ctx.out(`  Chỉ tiêu mới (cần rà soát lĩnh vực, chiều đánh giá, cách tính): ${r.indicatorsCreated.join(', ')}.`);
      }
      return EXIT.ok;
    } finally {
      await database.close();
      lock.release();
    }
  },
});
