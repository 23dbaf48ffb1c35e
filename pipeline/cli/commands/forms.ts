// CLI: `kehoach forms` writes the department's form for each agency that reports in a period.
import path from 'node:path';
import { defineCommand, EXIT } from '../define-command.ts';
import { openDatabase } from '../../db/open-database.ts';
import { fromProjectRoot } from '../../db/project-root.ts';
import { ensureSeeded } from '../../registry/ensure-seeded.ts';
import { writeAgencyForms } from '../../intake/forms/write-agency-forms.ts';
import { PipelineError } from '../../shared/pipeline-error.ts';

/** `kehoach forms`: the department's forms for a period. */
export const formsCommand = defineCommand({
  name: 'forms',
  summary: 'Tạo biểu mẫu báo cáo (xlsx) cho từng cơ quan của một kỳ',
  usage: 'kehoach forms --period P [--agency CƠ_QUAN] [--out THƯ_MỤC]',
  options: { period: { type: 'string' }, agency: { type: 'string' }, out: { type: 'string' } },
  async run(values, _positionals, ctx) {
    if (typeof values.period !== 'string') throw new PipelineError('usage', 'Thiếu --period (ví dụ 2025-H1).');
    const outDir = typeof values.out === 'string' ? path.resolve(values.out) : fromProjectRoot('output', values.period.toUpperCase(), 'bieu-mau');
    const database = openDatabase({ file: ctx.dbFile });
    try {
      ensureSeeded(database.sqlite);
      const written = await writeAgencyForms(database, {
        period: values.period,
        agency: typeof values.agency === 'string' ? values.agency : undefined,
        outDir,
      });
      ctx.out(`Đã ghi ${written.length} biểu mẫu vào ${outDir}.`);
      return EXIT.ok;
    } finally {
      await database.close();
    }
  },
});
