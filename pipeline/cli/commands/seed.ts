// CLI: `kehoach seed` loads seeds/ into the database (idempotent).
import { defineCommand, EXIT } from '../define-command.ts';
import { ensureSeeded } from '../../registry/ensure-seeded.ts';

export const seedCommand = defineCommand({
  name: 'seed',
  summary: 'Nạp danh mục văn bản, cơ quan, chỉ tiêu, nhiệm vụ từ seeds/ vào cơ sở dữ liệu',
  args: {},
  needs: { database: 'write', createsDatabase: true },
  async run({ database, out }) {
    const r = ensureSeeded(database.sqlite, { force: true })!;
    out(
      `Đã nạp vào ${database.file}: ${r.documents} văn bản, ${r.agencies} cơ quan, ${r.indicators} chỉ tiêu (loại), ` +
        `${r.targets} chỉ tiêu kế hoạch, ${r.tasks} nhiệm vụ/đề án, ${r.projects} dự án, ${r.aliases} tên gọi khác.`,
    );
    return EXIT.ok;
  },
});
