// CLI: `kehoach ingest` receives agency files for a period and writes the feedback for each agency.
import path from 'node:path';
import { defineCommand, EXIT } from '../define-command.ts';
import { ingest } from '../../intake/ingest.ts';
import { writeIntakeFeedback } from '../../intake/feedback/write-intake-feedback.ts';
import { PipelineError } from '../../shared/pipeline-error.ts';
import { formatTable } from '../../shared/format-table.ts';
import { formatNumber } from '../../shared/format-number.ts';

/** `kehoach ingest`: intake of a period's files, then the feedback files. */
export const ingestCommand = defineCommand({
  name: 'ingest',
  summary: 'Nhận tệp số liệu của các cơ quan cho một kỳ, ghi phản hồi cho từng cơ quan',
  positionals: [{ name: 'files', description: 'các tệp của một cơ quan (cùng --agency)', variadic: true }],
  args: {
    period: { type: 'period', required: true },
    inbox: { type: 'dir', role: 'input', description: 'thư mục tiếp nhận, mỗi cơ quan một thư mục con' },
    agency: { type: 'string', description: 'cơ quan gửi các tệp nêu trên dòng lệnh', hint: 'CƠ_QUAN' },
    'dry-run': { type: 'boolean', description: 'chạy thử: đọc và báo vấn đề, không ghi gì' },
    out: { type: 'dir', role: 'output', default: 'output', description: 'thư mục gốc ghi phản hồi (mặc định output/)' },
    archive: { type: 'dir', role: 'output', description: 'thư mục lưu bản gốc các tệp đã nhận (mặc định cạnh cơ sở dữ liệu)' },
  },
  examples: ['kehoach ingest --period P --inbox THƯ_MỤC', 'kehoach ingest --period P TỆP... --agency CƠ_QUAN [--dry-run]'],
  // A dry run writes nothing, so it only reads; a real one must not interleave with another run's writes.
  needs: { database: (args) => (args['dry-run'] ? 'read' : 'write'), createsDatabase: true, seeds: true, config: true },
  async run({ args, positionals, database, config, out, log }) {
    const files = positionals.files ?? [];
    if (!args.inbox && files.length === 0) throw new PipelineError('usage', 'Cần --inbox THƯ_MỤC hoặc các tệp cùng --agency.');
    const dryRun = args['dry-run'];
    const result = await ingest(database, { period: args.period.id, inbox: args.inbox, files, agency: args.agency, dryRun, archiveDir: args.archive, log });
    const statusText = { accepted: 'nhận', partial: 'một phần', rejected: 'không nhận' } as const;
    out(
      formatTable(
        ['tệp', 'cơ quan', 'kết quả', 'dòng đọc', 'dòng nhận', 'số liệu', 'vấn đề'],
        result.files.map((f) => ({
          'tệp': f.source,
          'cơ quan': f.agency ?? '?',
          'kết quả': statusText[f.status],
          'dòng đọc': f.rowsRead,
          'dòng nhận': f.rowsAccepted,
          'số liệu': f.values + f.tasks,
          'vấn đề': f.problems.length,
        })),
      ),
    );
    for (const folder of result.unknownFolders) log(`Thư mục "${folder}" không khớp cơ quan nào trong danh mục: các tệp trong đó không được nhận.`);
    if (!dryRun) {
      database.assertSameFile();
      const written = await writeIntakeFeedback(database, {
        period: result.period,
        outDir: args.out,
        daysAfterCutoff: config.deadlines.daysAfterCutoff,
        senders: config.issuers,
      });
      out(`Đã ghi ${written.length} tệp phản hồi vào ${path.join(args.out, result.period)} (${formatNumber(result.durationMs / 1000, { decimals: 1 })} giây).`);
    } else {
      out('Chạy thử (--dry-run): không ghi gì vào cơ sở dữ liệu.');
      for (const f of result.files) for (const p of f.problems) out(`  ${f.source} ${p.sheet ?? ''}${p.cell ? `!${p.cell}` : ''} [${p.code}] ${p.message}`);
    }
    return result.files.some((f) => f.status !== 'accepted') ? EXIT.partial : EXIT.ok;
  },
});
