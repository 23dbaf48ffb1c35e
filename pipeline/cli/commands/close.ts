// CLI: `kehoach close --period P` (chốt số liệu) and `--reopen --reason TEXT`.
import { defineCommand, EXIT } from '../define-command.ts';
import { openDatabase, resolveDbFile } from '../../db/open-database.ts';
import { acquireRunLock } from '../../db/acquire-run-lock.ts';
import { findActiveClosure } from '../../db/find-active-closure.ts';
import { closePeriod, listHeldSubmissions, reopenPeriod } from '../../batch/close-period.ts';
import { parsePeriod } from '../../shared/parse-period.ts';
import { PipelineError } from '../../shared/pipeline-error.ts';

export const closeCommand = defineCommand({
  name: 'close',
  summary: 'Chốt số liệu một kỳ (giữ nguyên số liệu đã dùng cho báo cáo), hoặc mở lại với --reopen',
  usage: 'kehoach close --period P [--note TEXT] [--by NAME] | kehoach close --period P --reopen --reason TEXT [--by NAME] | kehoach close --period P --show',
  options: {
    period: { type: 'string' },
    reopen: { type: 'boolean', default: false },
    show: { type: 'boolean', default: false },
    reason: { type: 'string' },
    note: { type: 'string' },
    by: { type: 'string' },
  },
  async run(values, _positionals, ctx) {
    if (typeof values.period !== 'string') throw new PipelineError('usage', 'Thiếu --period (ví dụ 2025-H1).');
    const period = parsePeriod(values.period);
    const lock = acquireRunLock(resolveDbFile(ctx.dbFile), `close --period ${period.id}`);
    const database = openDatabase({ file: ctx.dbFile });
    try {
      const by = typeof values.by === 'string' ? values.by : undefined;
      if (values.show) {
        const closure = findActiveClosure(database.sqlite, period.id);
        ctx.out(closure ? `Kỳ ${period.id} đã chốt lúc ${closure.closedAt} (${closure.closedBy}).` : `Kỳ ${period.id} chưa chốt.`);
      } else if (values.reopen) {
        const released = reopenPeriod(database.sqlite, period, typeof values.reason === 'string' ? values.reason : '', { by });
        ctx.out(`Đã mở lại kỳ ${period.id}. ${released.length} tệp nhận sau khi chốt nay được tính:`);
        for (const h of released) ctx.out(`  - ${h.agency}: ${h.fileName} (nhận ${h.receivedAt})`);
        ctx.out('Chạy lại "kehoach run" hoặc "kehoach report" để lập báo cáo với số liệu mới.');
        return EXIT.ok;
      } else {
        const closure = closePeriod(database.sqlite, period, { by, note: typeof values.note === 'string' ? values.note : undefined });
        ctx.out(`Đã chốt số liệu kỳ ${period.id} lúc ${closure.closedAt} (${closure.closedBy}).`);
        ctx.out('Tệp gửi đến sau thời điểm này được lưu và liệt kê, nhưng không thay đổi số liệu của kỳ cho đến khi mở lại.');
      }
      const held = listHeldSubmissions(database.sqlite, period);
      if (held.length > 0) {
        ctx.out(`Tệp nhận sau khi chốt, đang giữ lại (${held.length}):`);
        for (const h of held) ctx.out(`  - ${h.agency}: ${h.fileName} (nhận ${h.receivedAt})`);
      }
      return EXIT.ok;
    } finally {
      await database.close();
      lock.release();
    }
  },
});
