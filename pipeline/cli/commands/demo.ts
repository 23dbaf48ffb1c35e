// CLI: `kehoach demo` (what `npm start` runs): every stage on the bundled illustrative sample data.
import { defineCommand, EXIT } from '../define-command.ts';
import { runDemo } from '../../batch/run-demo.ts';
import { createProgressReporter } from '../create-progress-reporter.ts';
import { printOutcome } from './run.ts';

export const demoCommand = defineCommand({
  name: 'demo',
  summary: 'Chạy thử toàn bộ quy trình trên số liệu minh họa đi kèm (samples/), ghi báo cáo vào output/',
  args: {
    out: { type: 'dir', role: 'output', default: 'output', description: 'thư mục gốc ghi kết quả (mặc định output/)' },
  },
  // The demo makes its own database afresh (data/demo.sqlite unless --db or KEHOACH_DB), and locks it itself.
  needs: { database: 'none' },
  async run({ args, dbOption, out, log }) {
    out('Chạy bản minh họa (SỐ LIỆU MINH HỌA, không phải số liệu chính thức).');
    const outcomes = await runDemo({
      dbFile: dbOption ?? process.env.KEHOACH_DB,
      outDir: args.out,
      onProgress: (period) => createProgressReporter(`[${period}]`),
      log,
    });
    for (const o of outcomes) printOutcome(o, args.out, out);
    // The demo's sample inbox has a missing agency and a rejected file on purpose: that is success for the demo.
    return outcomes.some((o) => o.result === 'failed') ? EXIT.failed : EXIT.ok;
  },
});
