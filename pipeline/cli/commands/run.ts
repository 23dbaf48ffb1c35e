// CLI: `kehoach run --period P --inbox DIR` runs the period end to end; its exit code tells a scheduler the outcome.
import path from 'node:path';
import { defineCommand, EXIT, type ExitCode } from '../define-command.ts';
import { runPeriod, type RunOutcome } from '../../batch/run-period.ts';
import { defaultKinds } from '../../batch/default-kinds.ts';
import { REPORT_KINDS } from '../../report/report-model.ts';
import { assertKindFitsPeriod } from '../../report/build-report-model.ts';
import { createProgressReporter } from '../create-progress-reporter.ts';
import { REPORT_FORMATS } from '../../report/writers/report-writer.ts';

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
  // "Hoàn thành" only when there is nothing to look at; files taken in part and late agencies do not change the
  // exit code (README, "Exit codes") but are never hidden behind it.
  const toLookAt = outcome.partialFiles.length > 0 || outcome.lateAgencies.length > 0;
  const p = outcome.period;
  const verdict = {
    ok: toLookAt ? `Đã lập báo cáo kỳ ${p}, có điểm cần xem` : `Hoàn thành kỳ ${p}`,
    partial: `Đã lập báo cáo kỳ ${p}, còn việc cần xử lý`,
    failed: `Thất bại kỳ ${p}`,
  }[outcome.result];
  out(`${verdict}. Kết quả trong ${path.join(outDir, p)}`);
  if (outcome.rejectedFiles > 0) out(`  - ${outcome.rejectedFiles} tệp bị từ chối: xem phan-hoi/ và summary.json`);
  if (outcome.missingAgencies.length > 0) out(`  - Chưa gửi: ${outcome.missingAgencies.map((a) => a.name).join(', ')}`);
  if (outcome.partialFiles.length > 0) {
    out(`  - ${outcome.partialFiles.length} tệp chỉ nhận một phần (có ô, dòng không nạp được): ${outcome.partialFiles.join(', ')}; xem phan-hoi/`);
  }
  if (outcome.lateAgencies.length > 0) {
    out(`  - Gửi muộn: ${outcome.lateAgencies.map((a) => (a.days ? `${a.name} (${a.days} ngày)` : a.name)).join(', ')}`);
  }
  if (outcome.heldFiles.length > 0) out(`  - Nhận sau khi chốt số liệu (chưa tính): ${outcome.heldFiles.join(', ')}`);
  for (const s of outcome.stages.filter((x) => x.status === 'failed')) out(`  - Lỗi ở bước ${s.stage}: ${s.error?.message ?? s.detail}`);
  for (const w of outcome.warnings ?? []) out(`  - Cảnh báo: ${w}`);
}

export const runCommand = defineCommand({
  name: 'run',
  summary: 'Chạy trọn một kỳ: kiểm tra danh mục, tiếp nhận, đối chiếu, lập báo cáo',
  args: {
    period: { type: 'period', required: true },
    inbox: { type: 'dir', role: 'input', description: 'thư mục tiếp nhận, mỗi cơ quan một thư mục con' },
    out: { type: 'dir', role: 'output', default: 'output', description: 'thư mục gốc ghi kết quả (mặc định output/)' },
    kind: { type: 'list', description: 'loại báo cáo (mặc định theo loại kỳ)', values: REPORT_KINDS },
    format: { type: 'list', description: 'định dạng (mặc định theo cấu hình)', values: REPORT_FORMATS },
  },
  // The run seeds inside its own timed stage, so it does not declare `seeds`.
  needs: { database: 'write', createsDatabase: true, config: true },
  check(args) {
    for (const kind of args.kind ?? []) assertKindFitsPeriod(kind, args.period);
  },
  async run({ args, database, config, out, log }) {
    const outcome = await runPeriod(database, {
      period: args.period,
      inbox: args.inbox,
      outDir: args.out,
      kinds: args.kind ?? defaultKinds(args.period),
      formats: args.format,
      config,
      onProgress: createProgressReporter(`[${args.period.id}]`),
      log,
    });
    printOutcome(outcome, args.out, out);
    return exitCodeOf(outcome);
  },
});
