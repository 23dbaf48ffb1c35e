// CLI: `kehoach reconcile --period P [--out DIR]` reconciles a period and writes output/<period>/reconciliation.csv
// and .xlsx, then prints a short summary in Vietnamese.
import path from 'node:path';
import { defineCommand, EXIT } from '../define-command.ts';
import { openDatabase } from '../../db/open-database.ts';
import { fromProjectRoot } from '../../db/project-root.ts';
import { ensureSeeded } from '../../registry/ensure-seeded.ts';
import { resolveConfig } from '../../config/resolve-config.ts';
import { reconcile } from '../../reconcile/reconcile.ts';
import { writeReconciliationExport } from '../../reconcile/write-reconciliation-export.ts';
import { STATUS_LABELS } from '../../report/describe-attainment.ts';
import type { AttainmentStatus } from '../../reconcile/reconciliation.ts';
import { parsePeriod } from '../../shared/parse-period.ts';
import { PipelineError } from '../../shared/pipeline-error.ts';

const STATUS_ORDER: readonly AttainmentStatus[] = ['vuot', 'dat', 'khong_dat', 'co_kha_nang_dat', 'kho_dat', 'danh_gia_ca_nam', 'chua_co_so_lieu', 'khong_danh_gia'];

export const reconcileCommand = defineCommand({
  name: 'reconcile',
  summary: 'Đối chiếu số liệu thực hiện với chỉ tiêu kế hoạch của một kỳ, ghi output/<kỳ>/reconciliation.csv và .xlsx',
  usage: 'kehoach reconcile --period P [--out DIR] [--config FILE]',
  options: {
    period: { type: 'string' },
    out: { type: 'string' },
    config: { type: 'string' },
  },
  async run(values, _positionals, ctx) {
    if (typeof values.period !== 'string') throw new PipelineError('usage', 'Thiếu --period (ví dụ 2024-H1, 2024, 2021-2023).');
    const period = parsePeriod(values.period);
    const config = resolveConfig(typeof values.config === 'string' ? values.config : undefined);
    const outDir = typeof values.out === 'string' ? path.resolve(values.out) : fromProjectRoot('output');
    const database = openDatabase({ file: ctx.dbFile });
    try {
      ensureSeeded(database.sqlite);
      const result = await reconcile(database, period, {
        ...config.evaluation,
        ...config.deadlines,
        ...(config.report.date ? { asOf: config.report.date } : {}),
      });
      const files = await writeReconciliationExport(result, { outDir });
      const counts = STATUS_ORDER.map((s) => [s, result.attainments.filter((a) => a.status === s).length] as const).filter(([, n]) => n > 0);
      ctx.out(`Đối chiếu ${period.label}: ${result.attainments.length} chỉ tiêu trong kỳ.`);
      ctx.out(`  ${counts.map(([s, n]) => `${STATUS_LABELS[s]}: ${n}`).join('; ') || 'không có chỉ tiêu nào'}`);
      const late = result.agencies.filter((a) => a.status === 'nop_muon' || (a.late && a.status !== 'chua_nop')).length;
      const none = result.agencies.filter((a) => a.status === 'chua_nop').length;
      const short = result.agencies.filter((a) => a.status === 'thieu').length;
      ctx.out(`  Cơ quan: ${result.agencies.length} (chưa nộp ${none}, thiếu số liệu ${short}, nộp muộn ${late}); hạn nộp ${result.agencies[0]?.deadline ?? '-'}.`);
      ctx.out(`  Số liệu vênh giữa các nguồn: ${result.conflicts.length}; số liệu bất thường: ${result.implausible.length}; nhiệm vụ quá hạn: ${result.tasks.filter((t) => t.overdue).length}.`);
      const failing = result.checks.filter((c) => c.failing > 0);
      if (failing.length > 0) ctx.out(`  Kiểm tra dữ liệu chưa đạt: ${failing.map((c) => `${c.name} (${c.failing})`).join(', ')}.`);
      ctx.out(`Đã ghi ${path.relative(process.cwd(), files.csvFile) || files.csvFile} và ${path.relative(process.cwd(), files.xlsxFile) || files.xlsxFile}.`);
      return EXIT.ok;
    } finally {
      await database.close();
    }
  },
});
