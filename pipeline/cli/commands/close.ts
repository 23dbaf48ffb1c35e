// CLI: `kehoach close --period P` (chốt số liệu) and `--reopen --reason TEXT`.
import { defineCommand, EXIT } from '../define-command.ts';
import { findActiveClosure } from '../../db/find-active-closure.ts';
import { closePeriod, listHeldSubmissions, reopenPeriod } from '../../batch/close-period.ts';
import { formatVietnamTime } from '../../shared/vietnam-time.ts';

export const closeCommand = defineCommand({
  name: 'close',
  summary: 'Chốt số liệu một kỳ (giữ nguyên số liệu đã dùng cho báo cáo), hoặc mở lại với --reopen',
  args: {
    period: { type: 'period', required: true },
    reopen: { type: 'boolean', description: 'mở lại kỳ đã chốt (cần --reason)' },
    show: { type: 'boolean', description: 'chỉ xem kỳ đã chốt chưa và các tệp đang giữ lại' },
    reason: { type: 'string', description: 'lý do mở lại', hint: 'TEXT' },
    note: { type: 'string', description: 'ghi chú khi chốt', hint: 'TEXT' },
    by: { type: 'string', description: 'người chốt hoặc mở lại (mặc định tài khoản máy)', hint: 'NAME' },
  },
  examples: ['kehoach close --period P --reopen --reason TEXT [--by NAME]', 'kehoach close --period P --show'],
  needs: { database: (args) => (args.show ? 'read' : 'write'), seeds: true },
  async run({ args, database, out }) {
    const { period, by } = args;
    if (args.show) {
      const closure = findActiveClosure(database.sqlite, period.id);
      out(closure ? `Kỳ ${period.id} đã chốt lúc ${formatVietnamTime(closure.closedAt)} (${closure.closedBy}).` : `Kỳ ${period.id} chưa chốt.`);
    } else if (args.reopen) {
      const released = reopenPeriod(database.sqlite, period, args.reason ?? '', { by });
      out(`Đã mở lại kỳ ${period.id}. ${released.length} tệp nhận sau khi chốt nay được tính:`);
      for (const h of released) out(`  - ${h.agency}: ${h.fileName} (nhận ${formatVietnamTime(h.receivedAt)})`);
      out('Chạy lại "kehoach run" hoặc "kehoach report" để lập báo cáo với số liệu mới.');
      return EXIT.ok;
    } else {
      const closure = closePeriod(database.sqlite, period, { by, note: args.note });
      out(`Đã chốt số liệu kỳ ${period.id} lúc ${formatVietnamTime(closure.closedAt)} (${closure.closedBy}).`);
      out('Tệp gửi đến sau thời điểm này được lưu và liệt kê, nhưng không thay đổi số liệu của kỳ cho đến khi mở lại.');
    }
    const held = listHeldSubmissions(database.sqlite, period);
    if (held.length > 0) {
      out(`Tệp nhận sau khi chốt, đang giữ lại (${held.length}):`);
      for (const h of held) out(`  - ${h.agency}: ${h.fileName} (nhận ${formatVietnamTime(h.receivedAt)})`);
    }
    return EXIT.ok;
  },
});
