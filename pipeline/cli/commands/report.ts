// CLI: `kehoach report --period P --kind six-month|annual|review` reconciles the period and writes its reports.
import path from 'node:path';
import { defineCommand, EXIT } from '../define-command.ts';
import { openDatabase } from '../../db/open-database.ts';
import { ensureSeeded } from '../../registry/ensure-seeded.ts';
import { reconcile } from '../../reconcile/reconcile.ts';
import { resolveConfig } from '../../config/resolve-config.ts';
import { parsePeriod } from '../../shared/parse-period.ts';
import { PipelineError } from '../../shared/pipeline-error.ts';
import { writeReports } from '../../report/write-reports.ts';
import { REPORT_KINDS, type ReportKind, type ReportStyle } from '../../report/report-model.ts';
import { REPORT_FORMATS, type ReportFormat } from '../../report/writers/report-writer.ts';
import { readRegistryNames } from '../../report/read-registry-names.ts';
import { assertKindFitsPeriod } from '../../report/build-report-model.ts';
import { parseListOption } from '../parse-list-option.ts';

const FORMATS: readonly ReportFormat[] = REPORT_FORMATS;

export const reportCommand = defineCommand({
  name: 'report',
  summary: 'Lập báo cáo 6 tháng, năm hoặc sơ kết của một kỳ (PDF, DOCX, HTML) vào output/<kỳ>/',
  usage: 'kehoach report --period P --kind six-month|annual|review [--format pdf,docx,html] [--style state|party] [--out DIR] [--config FILE]',
  options: {
    period: { type: 'string' },
    kind: { type: 'string' },
    format: { type: 'string' },
    style: { type: 'string' },
    out: { type: 'string' },
    config: { type: 'string' },
  },
  async run(values, _positionals, ctx) {
    if (typeof values.period !== 'string') throw new PipelineError('usage', 'Thiếu --period (ví dụ 2024-H1, 2024, 2021-2023).');
    if (typeof values.kind !== 'string') throw new PipelineError('usage', 'Thiếu --kind (six-month, annual hoặc review).');
    const period = parsePeriod(values.period);
    const kinds = parseListOption<ReportKind>(values.kind, REPORT_KINDS, '--kind');
    const formats = typeof values.format === 'string' ? parseListOption<ReportFormat>(values.format, FORMATS, '--format') : undefined;
    let style: ReportStyle | undefined;
    if (typeof values.style === 'string') style = parseListOption<ReportStyle>(values.style, ['state', 'party'], '--style')[0];
    // Before the database work: a kind that cannot fit the period is a usage error.
    for (const kind of kinds) assertKindFitsPeriod(kind, period);
    const config = resolveConfig(typeof values.config === 'string' ? values.config : undefined);
    const database = openDatabase({ file: ctx.dbFile });
    try {
      ensureSeeded(database.sqlite);
      const reconciliation = await reconcile(database, period, {
        ...config.evaluation,
        ...config.deadlines,
        ...(config.report.date ? { asOf: config.report.date } : {}),
      });
      const names = await readRegistryNames(database);
      const outputs = await writeReports(reconciliation, {
        config,
        kinds,
        formats,
        style,
        names,
        outDir: typeof values.out === 'string' ? path.resolve(values.out) : undefined,
      });
      for (const f of outputs.files) ctx.out(`Đã ghi ${f.file}`);
      return EXIT.ok;
    } finally {
      await database.close();
    }
  },
});
