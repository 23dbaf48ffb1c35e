// CLI: `kehoach demo` (what `npm start` runs): every stage on the bundled illustrative sample data.
import path from 'node:path';
import { defineCommand, EXIT } from '../define-command.ts';
import { runDemo } from '../../batch/run-demo.ts';
import { createProgressReporter } from '../create-progress-reporter.ts';
import { fromProjectRoot } from '../../db/project-root.ts';
import { printOutcome } from './run.ts';

export const demoCommand = defineCommand({
  name: 'demo',
  summary: 'Chạy thử toàn bộ quy trình trên số liệu minh họa đi kèm (samples/), ghi báo cáo vào output/',
  usage: 'kehoach demo [--db FILE] [--out DIR]',
  options: { out: { type: 'string' } },
  async run(values, _positionals, ctx) {
    const outDir = typeof values.out === 'string' ? path.resolve(values.out) : fromProjectRoot('output');
    ctx.out('Chạy bản minh họa (SỐ LIỆU MINH HỌA, không phải số liệu chính thức).');
    const outcomes = await runDemo({
      dbFile: ctx.dbFile ?? process.env.KEHOACH_DB,
      outDir,
      onProgress: (period) => createProgressReporter(`[${period}]`),
      log: ctx.log,
    });
    for (const o of outcomes) printOutcome(o, outDir, ctx.out);
    // The demo's sample inbox has a missing agency and a rejected file on purpose: that is success for the demo.
    return outcomes.some((o) => o.result === 'failed') ? EXIT.failed : EXIT.ok;
  },
});
