// CLI: `kehoach reconcile --period P [--out DIR]` reconciles a period and writes output/<period>/reconciliation.csv
// and .xlsx, then prints a short summary in Vietnamese.
import path from 'node:path';
import { defineCommand, EXIT } from '../define-command.ts';
import { evaluationOptionsOf } from '../../config/evaluation-options.ts';
import { reconcile } from '../../reconcile/reconcile.ts';
import { writeReconciliationExport } from '../../reconcile/write-reconciliation-export.ts';
import { STATUS_LABELS } from '../../report/describe-attainment.ts';
import type { AttainmentStatus } from '../../reconcile/reconciliation.ts';
import { formatVietnamDate } from '../../shared/vietnam-time.ts';

const STATUS_ORDER: readonly AttainmentStatus[] = ['vuot', 'dat', 'khong_dat', 'co_kha_nang_dat', 'kho_dat', 'danh_gia_ca_nam', 'chua_du_co_so', 'chua_co_so_lieu', 'khong_danh_gia'];

export const reconcileCommand = defineCommand({
  name: 'reconcile',
  summary: 'Đối chiếu số liệu thực hiện với chỉ tiêu kế hoạch của một kỳ, ghi output/<kỳ>/reconciliation.csv và .xlsx',
  args: {
    period: { type: 'period', required: true },
    out: { type: 'dir', role: 'output', default: 'output', description: 'thư mục gốc ghi kết quả (mặc định output/)' },
  },
  needs: { database: 'write', seeds: true, config: true },
  async run({ args, database, config, out }) {
    const { period } = args;
    const result = await reconcile(database, period, evaluationOptionsOf(config));
    const files = await writeReconciliationExport(result, { outDir: args.out });
    const counts = STATUS_ORDER.map((s) => [s, result.attainments.filter((a) => a.status === s).length] as const).filter(([, n]) => n > 0);
    out(`Đối chiếu ${period.label}: ${result.attainments.length} chỉ tiêu trong kỳ.`);
    out(`  ${counts.map(([s, n]) => `${STATUS_LABELS[s]}: ${n}`).join('; ') || 'không có chỉ tiêu nào'}`);
    if (result.receivedFigures.length > 0) {
      out(`  Số liệu nhận được không gắn với chỉ tiêu trong kỳ: ${result.receivedFigures.length} (trang "Số liệu khác" của reconciliation.xlsx).`);
    }
    const late = result.agencies.filter((a) => a.status === 'nop_muon' || (a.late && a.status !== 'chua_nop')).length;
    const none = result.agencies.filter((a) => a.status === 'chua_nop').length;
    const short = result.agencies.filter((a) => a.status === 'thieu').length;
    out(`  Cơ quan: ${result.agencies.length} (chưa nộp ${none}, thiếu số liệu ${short}, nộp muộn ${late}); hạn nộp ${result.agencies[0] ? formatVietnamDate(result.agencies[0].deadline) : '-'}.`);
    out(`  Số liệu vênh giữa các nguồn: ${result.conflicts.length}; số liệu bất thường: ${result.implausible.length}; nhiệm vụ quá hạn: ${result.tasks.filter((t) => t.overdue).length}.`);
    const failing = result.checks.filter((c) => c.failing > 0);
    if (failing.length > 0) out(`  Kiểm tra dữ liệu chưa đạt: ${failing.map((c) => `${c.name} (${c.failing})`).join(', ')}.`);
    out(`Đã ghi ${path.relative(process.cwd(), files.csvFile) || files.csvFile} và ${path.relative(process.cwd(), files.xlsxFile) || files.xlsxFile}.`);
    return EXIT.ok;
  },
});
