// CLI: `kehoach ingest` receives agency files for a period and writes the feedback for each agency.
import path from 'node:path';
import { defineCommand, EXIT } from '../define-command.ts';
import { openDatabase, resolveDbFile } from '../../db/open-database.ts';
import { acquireRunLock } from '../../db/acquire-run-lock.ts';
import { fromProjectRoot } from '../../db/project-root.ts';
import { ensureSeeded } from '../../registry/ensure-seeded.ts';
import { ingest } from '../../intake/ingest.ts';
import { writeIntakeFeedback } from '../../intake/feedback/write-intake-feedback.ts';
import { PipelineError } from '../../shared/pipeline-error.ts';
import { formatTable } from '../../shared/format-table.ts';

/** `kehoach ingest`: intake of a period's files, then the feedback files. */
export const ingestCommand = defineCommand({
  name: 'ingest',
  summary: 'Nhận tệp số liệu của các cơ quan cho một kỳ, ghi phản hồi cho từng cơ quan',
  usage: 'kehoach ingest --period P (--inbox THƯ_MỤC | TỆP... --agency CƠ_QUAN) [--dry-run] [--out THƯ_MỤC] [--archive THƯ_MỤC]',
  allowPositionals: true,
  options: {
    period: { type: 'string' },
    inbox: { type: 'string' },
    agency: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    out: { type: 'string' },
    archive: { type: 'string' },
  },
  async run(values, positionals, ctx) {
    if (typeof values.period !== 'string') throw new PipelineError('usage', 'Thiếu --period (ví dụ 2025-H1).');
    const inbox = typeof values.inbox === 'string' ? values.inbox : undefined;
    if (!inbox && positionals.length === 0) throw new PipelineError('usage', 'Cần --inbox THƯ_MỤC hoặc các tệp cùng --agency.');
    const dryRun = values['dry-run'] === true;
    // A dry run writes nothing, so it needs no lock; a real one must not interleave with another run's writes.
    const lock = dryRun ? null : acquireRunLock(resolveDbFile(ctx.dbFile), `ingest --period ${values.period}`);
    const database = openDatabase({ file: ctx.dbFile });
    try {
      ensureSeeded(database.sqlite);
      const result = await ingest(database, {
        period: values.period,
        inbox,
        files: positionals,
        agency: typeof values.agency === 'string' ? values.agency : undefined,
        dryRun,
        archiveDir: typeof values.archive === 'string' ? values.archive : undefined,
        log: ctx.log,
      });
      const statusText = { accepted: 'nhận', partial: 'một phần', rejected: 'không nhận' } as const;
      ctx.out(
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
      for (const folder of result.unknownFolders) ctx.log(`Thư mục "${folder}" không khớp cơ quan nào trong danh mục: các tệp trong đó không được nhận.`);
      if (!dryRun) {
        const outDir = typeof values.out === 'string' ? path.resolve(values.out) : fromProjectRoot('output');
        const written = await writeIntakeFeedback(database, { period: result.period, outDir });
        ctx.out(`Đã ghi ${written.length} tệp phản hồi vào ${path.join(outDir, result.period)} (${(result.durationMs / 1000).toFixed(1)} giây).`);
      } else {
        ctx.out('Chạy thử (--dry-run): không ghi gì vào cơ sở dữ liệu.');
        for (const f of result.files) for (const p of f.problems) ctx.out(`  ${f.source} ${p.sheet ?? ''}${p.cell ? `!${p.cell}` : ''} [${p.code}] ${p.message}`);
      }
      return result.files.some((f) => f.status !== 'accepted') ? EXIT.partial : EXIT.ok;
    } finally {
      await database.close();
      lock?.release();
    }
  },
});
