// CLI: `kehoach forms` writes the department's form for each agency that reports in a period.
import path from 'node:path';
import { defineCommand, EXIT } from '../define-command.ts';
import { writeAgencyForms } from '../../intake/forms/write-agency-forms.ts';
import { PROJECT_PATHS } from '../../shared/project-paths.ts';

/** `kehoach forms`: the department's forms for a period. */
export const formsCommand = defineCommand({
  name: 'forms',
  summary: 'Tạo biểu mẫu báo cáo (xlsx) cho từng cơ quan của một kỳ',
  args: {
    period: { type: 'period', required: true },
    agency: { type: 'string', description: 'chỉ biểu mẫu của cơ quan này (mã hoặc tên)', hint: 'CƠ_QUAN' },
    out: { type: 'dir', role: 'output', description: 'thư mục ghi biểu mẫu (mặc định output/<kỳ>/bieu-mau)' },
  },
  needs: { database: 'write', createsDatabase: true, seeds: true },
  async run({ args, database, out }) {
    const outDir = args.out ?? path.join(PROJECT_PATHS.output, args.period.id, 'bieu-mau');
    const written = await writeAgencyForms(database, { period: args.period.id, agency: args.agency, outDir });
    out(`Đã ghi ${written.length} biểu mẫu vào ${outDir}.`);
    return EXIT.ok;
  },
});
