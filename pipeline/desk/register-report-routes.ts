// Desk: the report of the period: the reconciliation table with verdicts and reasons, producing the report, its
// preview (the HTML output) and downloads, and closing or reopening the period (chốt số liệu, lãnh đạo only).
import fs from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';
import { closePeriod, listHeldSubmissions, reopenPeriod } from '../batch/close-period.ts';
import { defaultKinds } from '../batch/default-kinds.ts';
import { findActiveClosure } from '../db/find-active-closure.ts';
import { reconcile } from '../reconcile/reconcile.ts';
import { describeAttainment, verdictLabel } from '../report/describe-attainment.ts';
import { PipelineError } from '../shared/pipeline-error.ts';
import type { DeskContext } from './create-desk-context.ts';
import { field, page, setFlash, setSecurityHeaders, type DeskEnv } from './desk-http.ts';
import { formatVietnamTime } from '../shared/vietnam-time.ts';
import { recordAudit } from './record-audit.ts';
import { listReportFiles, outputDownloadName, periodParam, sendOutputFile } from './register-board-routes.ts';
import { refuseIfClosed } from './refuse-if-closed.ts';
import { startPeriodRun } from './start-period-run.ts';
import { readNarrativeFields, saveNarrativeSections } from './save-narrative-sections.ts';
import { formatNumber } from '../shared/format-number.ts';

/** Name (without .html) of the staff checklist beside the report (issue 10's kiem-tra.html). */
const CHECKLIST = 'kiem-tra';

/** The report HTML shown in the preview frame: no script, no request outside the page, sandboxed. */
const PREVIEW_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** Registers the report, preview, download and closing routes. */
export function registerReportRoutes(app: Hono<DeskEnv>, ctx: DeskContext): void {
  app.get('/ky/:period/bao-cao', async (c) => {
    const period = periodParam(c);
    const config = ctx.configFor(period.id);
    const reconciliation = await reconcile(ctx.database, period, {
      ...config.evaluation,
      ...config.deadlines,
      ...(config.report.date ? { asOf: config.report.date } : {}),
    });
    // The verdict words and the sentence of each row are the report's (one home for how a verdict reads).
    const rows = reconciliation.attainments.map((a) => ({
      indicatorName: a.indicatorName,
      target: a.expression,
      actual: a.actual === null ? '' : formatNumber(a.actual),
      unit: a.unit,
      status: a.status,
      statusLabel: verdictLabel(a),
      reason: a.status === 'chua_co_so_lieu' ? '' : describeAttainment(a, period),
      source: a.source,
      agencyName: a.agencyName ?? '',
    }));
    const counts = Object.entries(
      rows.reduce<Record<string, number>>((acc, r) => ((acc[r.statusLabel] = (acc[r.statusLabel] ?? 0) + 1), acc), {}),
    ).map(([label, count]) => ({ label, count }));
    const closure = findActiveClosure(ctx.database.sqlite, period.id);
    const kinds = defaultKinds(period);
    const reports = listReportFiles(ctx, period.id);
    const previewKind = kinds.find((k) => reports.some((r) => r.name === `${k}.html`)) ?? null;
    const run = ctx.runs.get(period.id);
    return page(
      c,
      'report',
      { title: `Báo cáo kỳ ${period.label}`, period: period.id, nav: 'report', refreshSeconds: run?.state === 'running' ? 2 : null },
      {
        period,
        rows: rows.filter((r) => r.status !== 'chua_co_so_lieu'),
        noDataRows: rows.filter((r) => r.status === 'chua_co_so_lieu'),
        counts,
        closure: closure ? { ...closure, closedText: formatVietnamTime(closure.closedAt) } : null,
        held: listHeldSubmissions(ctx.database.sqlite, period),
        reports: reports.filter((r) => r.format === 'PDF' || r.format === 'DOCX' || r.format === 'XLSX' || r.format === 'CSV'),
        previewKind,
        hasChecklist: fs.existsSync(path.join(ctx.outDir, period.id, `${CHECKLIST}.html`)),
        running: run?.state === 'running',
        runCurrent: run?.current,
        narrative: readNarrativeFields(ctx, period.id),
      },
    );
  });

  app.post('/ky/:period/noi-dung', async (c) => {
    const period = periodParam(c);
    refuseIfClosed(ctx, period.id, 'Lưu nội dung báo cáo');
    const form = c.get('form');
    const edits = new Map<string, string>();
    for (const [key, value] of Object.entries(form)) {
      const m = /^id_(\d{1,4})$/.exec(key);
      const text = m ? form[`s_${m[1]}`] : undefined;
      if (m && typeof value === 'string' && typeof text === 'string') edits.set(value, text.normalize('NFC'));
    }
    const saved = await saveNarrativeSections(ctx, period.id, edits, c.get('session').user.username);
    setFlash(c, ctx, 'ok', saved.length === 0 ? 'Không có đề mục nào thay đổi.' : `Đã lưu ${saved.length} đề mục vào tệp nội dung báo cáo. Bấm "Lập báo cáo" để in lại với nội dung mới.`);
    return c.redirect(`/ky/${period.id}/bao-cao#noi-dung`, 303);
  });

  app.post('/ky/:period/bao-cao/lap', (c) => {
    const period = periodParam(c);
    refuseIfClosed(ctx, period.id, 'Lập báo cáo');
    startPeriodRun(ctx, period.id, c.get('session').user.username, 'report');
    setFlash(c, ctx, 'info', 'Đang lập báo cáo (đối chiếu rồi in PDF, DOCX, HTML); trang tự tải lại khi xong.');
    return c.redirect(`/ky/${period.id}/bao-cao`, 303);
  });

  app.get('/ky/:period/xem/:kind', (c) => {
    const period = periodParam(c);
    const kind = c.req.param('kind');
    // The report kinds of the period, and the staff checklist the report stage writes beside them.
    if (![...defaultKinds(period), CHECKLIST].includes(kind)) throw new PipelineError('usage', `Kỳ ${period.id} không có báo cáo loại ${kind}.`);
    const file = path.join(ctx.outDir, period.id, `${kind}.html`);
    if (!fs.existsSync(file)) return page(c, 'error', { title: 'Chưa có báo cáo' }, { message: 'Chưa lập báo cáo HTML của kỳ này.' }, 404);
    setSecurityHeaders(c);
    c.header('Content-Security-Policy', PREVIEW_CSP);
    return c.html(fs.readFileSync(file, 'utf8'));
  });

  app.get('/ky/:period/tai/:name', (c) => {
    const period = periodParam(c);
    const name = c.req.param('name');
    if (!/^[a-z0-9-]+\.(pdf|docx|html|xlsx|csv)$/.test(name)) throw new PipelineError('usage', 'Tên tệp không hợp lệ.');
    return sendOutputFile(c, path.join(ctx.outDir, period.id, name), outputDownloadName(period.id, name));
  });

  app.post('/ky/:period/chot', async (c) => {
    const period = periodParam(c);
    const user = c.get('session').user;
    if (user.role !== 'lanh_dao') return page(c, 'error', { title: 'Không có quyền' }, { message: 'Chỉ lãnh đạo phòng được chốt số liệu.' }, 403);
    const note = field(c, 'ghi_chu');
    const closure = await ctx.exclusive(`close ${period.id}`, async () => closePeriod(ctx.database.sqlite, period, { by: user.username, note: note || undefined, at: ctx.now().toISOString() }));
    recordAudit(ctx.database.sqlite, { actor: user.username, action: 'chốt số liệu', period: period.id, detail: { note } });
    setFlash(c, ctx, 'ok', `Đã chốt số liệu kỳ ${period.id} lúc ${formatVietnamTime(closure.closedAt)}. Tệp gửi sau được lưu nhưng không thay đổi số liệu cho đến khi mở lại.`);
    return c.redirect(`/ky/${period.id}/bao-cao`, 303);
  });

  app.post('/ky/:period/mo-lai', async (c) => {
    const period = periodParam(c);
    const user = c.get('session').user;
    if (user.role !== 'lanh_dao') return page(c, 'error', { title: 'Không có quyền' }, { message: 'Chỉ lãnh đạo phòng được mở lại kỳ đã chốt.' }, 403);
    const reason = field(c, 'ly_do');
    if (!reason.trim()) {
      setFlash(c, ctx, 'error', 'Mở lại kỳ đã chốt cần ghi rõ lý do (ô "Lý do mở lại"), để nhật ký ghi lại vì sao số liệu đã ban hành được sửa.');
      return c.redirect(`/ky/${period.id}/bao-cao`, 303);
    }
    const released = await ctx.exclusive(`reopen ${period.id}`, async () => reopenPeriod(ctx.database.sqlite, period, reason, { by: user.username, at: ctx.now().toISOString() }));
    recordAudit(ctx.database.sqlite, { actor: user.username, action: 'mở lại kỳ', period: period.id, detail: { reason, released: released.map((h) => h.fileName) } });
    setFlash(c, ctx, 'ok', `Đã mở lại kỳ ${period.id}. ${released.length} tệp nhận sau khi chốt nay được tính; lập lại báo cáo để cập nhật.`);
    return c.redirect(`/ky/${period.id}/bao-cao`, 303);
  });
}
