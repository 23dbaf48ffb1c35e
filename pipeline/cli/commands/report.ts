// CLI: `kehoach report --period P --kind K` reconciles a period and writes its reports.
import { defineCommand, EXIT } from '../define-command.ts';
import { evaluationOptionsOf } from '../../config/evaluation-options.ts';
import { reconcile } from '../../reconcile/reconcile.ts';
import { writeReports } from '../../report/write-reports.ts';
import { REPORT_KINDS } from '../../report/report-model.ts';
import { readAgencyTexts } from '../../report/narrative/read-agency-texts.ts';
import { listAgencyFiles } from '../../batch/list-agency-files.ts';
import { assertKindFitsPeriod } from '../../report/build-report-model.ts';
import { REPORT_FORMATS } from '../../report/writers/report-writer.ts';
import { keepReportSettings } from '../../batch/keep-report-settings.ts';
import { isDemoDatabase } from '../../db/is-demo-database.ts';

export const reportCommand = defineCommand({
  name: 'report',
  summary: 'Lập báo cáo 6 tháng, năm hoặc sơ kết của một kỳ (PDF, DOCX, HTML) vào output/<kỳ>/',
  args: {
    period: { type: 'period', required: true },
    kind: { type: 'list', description: 'loại báo cáo', values: REPORT_KINDS, required: true },
    format: { type: 'list', description: 'định dạng (mặc định theo cấu hình)', values: REPORT_FORMATS },
    style: { type: 'enum', description: 'thể thức: state (NĐ 30/2020) hoặc party (HD 36-HD/VPTW)', values: ['state', 'party'] },
    out: { type: 'dir', role: 'output', default: 'output', description: 'thư mục gốc ghi báo cáo (mặc định output/)' },
  },
  needs: { database: 'write', seeds: true, config: true },
  check(args) {
    // Before the database work: a kind that cannot fit the period is a usage error.
    for (const kind of args.kind) assertKindFitsPeriod(kind, args.period);
  },
  async run({ args, database, config, out, log }) {
    const reconciliation = await reconcile(database, args.period, evaluationOptionsOf(config));
    // The agencies' own text (DOCX beside the spreadsheet, Thuyết minh sheets) goes into the narrative's draft.
    // The files are found where the intake archived them (the archive folders it recorded), as `run` reads them.
    const agency = await readAgencyTexts(listAgencyFiles(database, args.period.id));
    // The period keeps the date, signer and illustrative marking of its first report (README: rerun after editing).
    const kept = keepReportSettings({ outDir: args.out, periodId: args.period.id, config, demoData: isDemoDatabase(database.sqlite) });
    const outputs = await writeReports(reconciliation, { config: kept.config, settingsNotes: kept.notes, kinds: args.kind, formats: args.format, style: args.style, agencyTexts: agency.texts, agencyProblems: agency.problems, outDir: args.out });
    for (const f of outputs.files) out(`Đã ghi ${f.file}`);
    for (const f of outputs.companions) out(`Đã ghi ${f}`);
    for (const line of kept.messages) out(line);
    for (const n of outputs.notices) out(`Lưu ý: ${n}`);
    for (const w of outputs.warnings) log(`Cảnh báo: ${w}`);
    return EXIT.ok;
  },
});
