// CLI: `kehoach seed` loads seeds/ into the database (idempotent).
import { defineCommand, EXIT } from '../define-command.ts';
import { openDatabase } from '../../db/open-database.ts';
import { ensureSeeded } from '../../registry/ensure-seeded.ts';

export const seedCommand = defineCommand({
  name: 'seed',
  summary: 'Nạp danh mục văn bản, cơ quan, chỉ tiêu, nhiệm vụ từ seeds/ vào cơ sở dữ liệu',
  usage: 'kehoach seed [--db FILE]',
  options: {},
  async run(_values, _positionals, ctx) {
    const database = openDatabase({ file: ctx.dbFile });
    try {
      const r = ensureSeeded(database.sqlite, { force: true })!;
      ctx.out(
        `Đã nạp vào ${database.file}: ${r.documents} văn bản, ${r.agencies} cơ quan, ${r.indicators} chỉ tiêu (loại), ` +
          `${r.targets} chỉ tiêu kế hoạch, ${r.tasks} nhiệm vụ/đề án, ${r.projects} dự án, ${r.aliases} tên gọi khác.`,
      );
      return EXIT.ok;
    } finally {
      await database.close();
    }
  },
});
