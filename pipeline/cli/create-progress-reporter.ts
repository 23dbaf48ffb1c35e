// CLI: shows a run's progress: one updating line per stage on a terminal, plain timestamped lines in CI or a log.
import type { RunProgress, RunStage } from '../batch/run-period.ts';
import { formatNumber } from '../shared/format-number.ts';

const STAGE_NAMES: Record<RunStage, string> = {
  seed: 'Kiểm tra danh mục chỉ tiêu',
  ingest: 'Tiếp nhận tệp của các cơ quan',
  reconcile: 'Đối chiếu số liệu với chỉ tiêu',
  report: 'Lập báo cáo',
};

const STATUS_WORDS = { ok: 'xong', failed: 'LỖI', skipped: 'bỏ qua' } as const;

/**
 * Creates the progress callback of `kehoach run`. On a terminal (and not in CI) a stage's line is rewritten when it
 * ends; otherwise every event is its own line with the time, which is what a CI log wants.
 * @param stream where to write @default process.stderr
 */
export function createProgressReporter(
  prefix: string,
  stream: NodeJS.WriteStream = process.stderr,
): (event: RunProgress) => void {
  const live = Boolean(stream.isTTY) && !process.env.CI;
  return (event) => {
    const name = STAGE_NAMES[event.stage];
    if (event.state === 'start') {
      if (live) stream.write(`${prefix} ${name} ...`);
      else stream.write(`${new Date().toISOString()} ${prefix} bắt đầu: ${name}\n`);
      return;
    }
    const o = event.outcome!;
    const line = `${name}: ${STATUS_WORDS[o.status]} (${formatNumber(o.ms / 1000, { decimals: 1 })} s) - ${o.detail}`;
    if (live) stream.write(`\r\x1b[2K${prefix} ${line}\n`);
    else stream.write(`${new Date().toISOString()} ${prefix} ${line}\n`);
  };
}
