// Desk: a closed period (chốt số liệu) keeps the report that was issued. While it is closed no one, whatever the
// role, rewrites its narrative or reruns/reprints it; the lãnh đạo reopens it first (batch/close-period.ts).
import { findActiveClosure } from '../db/find-active-closure.ts';
import { PipelineError } from '../shared/pipeline-error.ts';
import type { DeskContext } from './create-desk-context.ts';
import { formatVietnamTime } from '../shared/vietnam-time.ts';

/**
 * Throws `PipelineError('period-closed')` (the desk answers 409 with the message) when the period is closed.
 * @param what what was asked, as the message names it ("Lưu nội dung báo cáo", "Lập báo cáo", "Chạy lại kỳ")
 */
export function refuseIfClosed(ctx: DeskContext, period: string, what: string): void {
  const closure = findActiveClosure(ctx.database.sqlite, period);
  if (!closure) return;
  throw new PipelineError(
    'period-closed',
    `${what}: không thực hiện được vì kỳ ${period} đã chốt số liệu lúc ${formatVietnamTime(closure.closedAt)} ` +
      `(người chốt: ${closure.closedBy}). Báo cáo đã ban hành được giữ nguyên; cần lãnh đạo phòng mở lại kỳ (ghi rõ lý do) rồi mới sửa.`,
  );
}
