// CLI: `kehoach run --period P --inbox DIR` runs the period end to end; its exit code tells a scheduler the outcome.
import path from 'node:path';
import { defineCommand, EXIT, type ExitCode } from '../define-command.ts';
import { openDatabase, resolveDbFile } from '../../db/open-database.ts';
import { acquireRunLock } from '../../db/acquire-run-lock.ts';
import { resolveConfig } from '../../config/resolve-config.ts';
import { runPeriod, type RunOutcome } from '../../batch/run-period.ts';
import { defaultKinds } from '../../batch/default-kinds.ts';
import { parsePeriod } from '../../shared/parse-period.ts';
import { PipelineError } from '../../shared/pipeline-error.ts';
import { fromProjectRoot } from '../../db/project-root.ts';
import { REPORT_KINDS, type ReportKind } from '../../report/report-model.ts';
import { REPORT_FORMATS, type ReportFormat } from '../../report/writers/report-writer.ts';
import { createProgressReporter } from '../create-progress-reporter.ts';
import { parseListOption } from '../parse-list-option.ts';

/** Exit code of a run outcome (README, "Exit codes"). */
export function exitCodeOf(outcome: RunOutcome): ExitCode {
  switch (outcome.result) {
    case 'ok':
      return EXIT.ok;
    case 'partial':
      return EXIT.partial;
    case 'failed':
      return EXIT.failed;
    default: {
      const never: never = outcome.result;
      throw new Error(`Kết quả không xác định: ${String(never)}`);
    }
  }
}

/** Prints the closing lines of a run: what was written and what needs attention. */
export function printOutcome(outcome: RunOutcome, outDir: string, out: (line: string) => void): void {
  const verdict = { ok: 'Hoàn thành', partial: 'Đã lập báo cáo, còn việc cần xử lý', failed: 'Thất bại' }[outcome.result];
  out(`${verdict} kỳ ${outcome.period}. Kết quả trong ${path.join(outDir, outcome.period)}`);
  if (outcome.rejectedFiles > 0) out(`  - ${outcome.rejectedFiles} tệp bị từ chối: xem phan-hoi/ và summary.json`);
  if (outcome.missingAgencies.length > 0) out(`  - Chưa gửi: ${outcome.missingAgencies.map((a) => a.name).join(', ')}`);
  if (outcome.heldFiles.length > 0) out(`  - Nhận sau khi chốt số liệu (chưa tính): ${outcome.heldFiles.join(', ')}`);
  for (const s of outcome.stages.filter((x) => x.status === 'failed')) out(`  - Lỗi ở bước ${s.stage}: ${s.error?.message ?? s.detail}`);
}

export const runCommand = defineCommand({
  name: 'run',
  summary: 'Chạy trọn một kỳ: kiểm tra danh mục, tiếp nhận, đối chiếu, lập báo cáo',
  usage: 'kehoach run --period P [--inbox DIR] [--out DIR] [--kind six-month,annual,review] [--format pdf,docx,html] [--config FILE]',
  options: {
    period: { type: 'string' },
    inbox: { type: 'string' },
    out: { type: 'string' },
    kind: { type: 'string' },
    format: { type: 'string' },
    config: { type: 'string' },
  },
  async run(values, _positionals, ctx) {
    if (typeof values.period !== 'string') throw new PipelineError('usage', 'Thiếu --period (ví dụ 2025-H1, 2025, 2021-2025).');
    const period = parsePeriod(values.period);
    const kinds: ReportKind[] =
      typeof values.kind === 'string' ? parseListOption(values.kind, REPORT_KINDS, '--kind') : defaultKinds(period);
    const formats =
      typeof values.format === 'string' ? parseListOption<ReportFormat>(values.format, REPORT_FORMATS, '--format') : undefined;
    const config = resolveConfig(typeof values.config === 'string' ? values.config : undefined);
    const outDir = typeof values.out === 'string' ? path.resolve(values.out) : fromProjectRoot('output');
    const lock = acquireRunLock(resolveDbFile(ctx.dbFile), `run --period ${period.id}`);
    const database = openDatabase({ file: ctx.dbFile });
    try {
      const outcome = await runPeriod(database, {
        period,
        inbox: typeof values.inbox === 'string' ? path.resolve(values.inbox) : undefined,
        outDir,
        kinds,
        formats,
        config,
        onProgress: createProgressReporter(`[${period.id}]`),
        log: ctx.log,
      });
      printOutcome(outcome, outDir, ctx.out);
      return exitCodeOf(outcome);
    } finally {
      await database.close();
      lock.release();
    }
  },
});
