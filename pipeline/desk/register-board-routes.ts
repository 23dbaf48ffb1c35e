// Desk: the period board (per agency: expected, arrived, status, problems, feedback), running the period with its
// progress, one agency's page with its files and upload links.
import fs from 'node:fs';
import path from 'node:path';
import type { Context, Hono } from 'hono';
import { parsePeriod, type Period } from '../shared/parse-period.ts';
import { formatVietnamDate, formatVietnamTime, todayInVietnam } from '../shared/vietnam-time.ts';
import { PipelineError } from '../shared/pipeline-error.ts';
import type { DeskContext } from './create-desk-context.ts';
import { createUploadLink } from './create-upload-link.ts';
import { field, page, setFlash, setSecurityHeaders, type DeskEnv } from './desk-http.ts';
import { listAudit, recordAudit } from './record-audit.ts';
import { readPeriodBoard } from './read-period-board.ts';
import { describeAuditDetail } from './describe-audit-detail.ts';
import { refuseIfClosed } from './refuse-if-closed.ts';
import { STAGE_LABELS, startPeriodRun } from './start-period-run.ts';
import { listKnownPeriods } from './list-known-periods.ts';
import { readCellSurroundings } from './read-cell-surroundings.ts';
import { formatNumber } from '../shared/format-number.ts';

/** Parses the :period parameter or answers 404-like usage error. */
export function periodParam(c: Context<DeskEnv>): Period {
  try {
    return parsePeriod(c.req.param('period') ?? '');
  } catch {
    throw new PipelineError('usage', `Kỳ báo cáo "${c.req.param('period')}" không hợp lệ (ví dụ 2025-H1, 2025, 2021-2025).`);
  }
}

/** The agency of the :agency parameter, which must be in the registry. */
export function agencyParam(c: Context<DeskEnv>, ctx: DeskContext): { code: string; name: string } {
  const code = c.req.param('agency') ?? '';
  const row = /^[a-z0-9-]{1,60}$/.test(code)
    ? (ctx.database.sqlite.prepare('select code, name from agencies where code = ?').get(code) as { code: string; name: string } | undefined)
    : undefined;
  if (!row) throw new PipelineError('usage', `Không có cơ quan mã "${code}" trong danh mục.`);
  return row;
}

/** The progress of the period's desk run, as the board and its script show it. */
function runView(ctx: DeskContext, period: string) {
  const run = ctx.runs.get(period);
  if (!run) return null;
  return {
    state: run.state,
    running: run.state === 'running',
    by: run.by,
    startedText: formatVietnamTime(run.startedAt),
    current: run.current,
    summary: run.summary,
    stages: run.stages.map((s) => ({
      label: STAGE_LABELS[s.stage],
      status: s.status,
      statusText: { ok: 'xong', failed: 'lỗi', skipped: 'bỏ qua' }[s.status],
      detail: deskStageDetail(s.stage, s.status, s.detail),
      seconds: formatNumber(s.ms / 1000, { maxDecimals: 1 }),
    })),
  };
}

/**
 * A stage's detail as staff read it: the batch's skip reasons name CLI options (--inbox), which mean nothing on the
 * desk ("Lập báo cáo" reports from what was already taken in, on purpose).
 */
export function deskStageDetail(stage: string, status: string, detail: string | undefined | null): string | undefined | null {
  if (stage === 'ingest' && status === 'skipped') return 'không đọc lại hộp thư: báo cáo lập từ số liệu đã nhận (tệp gửi qua đường dẫn đã được nhận ngay khi gửi)';
  return detail?.replace(/\s*\(--[a-z-]+[^)]*\)/g, '');
}

/** What each output file is, as staff read it, and the (ASCII, Vietnamese) stem it downloads under. */
const OUTPUT_NAMES: Record<string, { label: string; stem: string }> = {
  'six-month': { label: 'Báo cáo 6 tháng', stem: 'bao-cao-6-thang' },
  annual: { label: 'Báo cáo năm', stem: 'bao-cao-nam' },
  review: { label: 'Báo cáo sơ kết, tổng kết', stem: 'bao-cao-so-ket-tong-ket' },
  reconciliation: { label: 'Bảng đối chiếu số liệu', stem: 'bang-doi-chieu-so-lieu' },
  'kiem-tra': { label: 'Danh sách kiểm tra', stem: 'danh-sach-kiem-tra' },
};

/** The download name of an output file: `<period>-bao-cao-6-thang.pdf` for `six-month.pdf`. */
export function outputDownloadName(period: string, name: string): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  return `${period}-${OUTPUT_NAMES[stem]?.stem ?? stem}${ext}`;
}

/** Report files of the period in the output folder, with the label staff read ("Báo cáo 6 tháng (PDF)"). */
export function listReportFiles(ctx: DeskContext, period: string): { name: string; format: string; label: string }[] {
  const dir = path.join(ctx.outDir, period);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^[a-z0-9-]+\.(pdf|docx|html|xlsx|csv)$/.test(f))
    .sort()
    .map((name) => {
      const format = path.extname(name).slice(1).toUpperCase();
      const stem = name.slice(0, name.length - format.length - 1);
      return { name, format, label: `${OUTPUT_NAMES[stem]?.label ?? stem} (${format})` };
    });
}

/** Registers the board, run, progress, agency and link routes. */
export function registerBoardRoutes(app: Hono<DeskEnv>, ctx: DeskContext): void {
  app.get('/', (c) => {
    const periods = listKnownPeriods(ctx);
    const wanted = c.req.query('ky');
    if (wanted) return c.redirect(`/ky/${encodeURIComponent(parsePeriod(wanted).id)}`, 303);
    return page(c, 'home', { title: 'Các kỳ báo cáo', nav: 'home' }, { periods });
  });

  app.get('/ky/:period', (c) => {
    const period = periodParam(c);
    const board = readPeriodBoard(ctx.database, period.id, { outDir: ctx.outDir, daysAfterCutoff: ctx.config.deadlines.daysAfterCutoff, today: todayInVietnam(ctx.now()) });
    const run = runView(ctx, period.id);
    return page(
      c,
      'board',
      { title: `Bảng theo dõi kỳ ${period.label}`, period: period.id, nav: 'board', refreshSeconds: run?.running ? 2 : null },
      {
        period,
        board,
        run,
        deadlineText: formatVietnamDate(board.agencies[0]?.deadline),
        closedText: board.closure ? formatVietnamTime(board.closure.closedAt) : null,
        reports: listReportFiles(ctx, period.id).filter((f) => f.format !== 'CSV' && f.format !== 'XLSX'),
        hasInbox: fs.existsSync(path.join(ctx.inboxDir, period.id)),
      },
    );
  });

  app.post('/ky/:period/chay', (c) => {
    const period = periodParam(c);
    const scope = field(c, 'pham_vi') === 'report' ? 'report' : 'full';
    refuseIfClosed(ctx, period.id, scope === 'full' ? 'Chạy lại kỳ' : 'Lập báo cáo');
    startPeriodRun(ctx, period.id, c.get('session').user.username, scope);
    setFlash(c, ctx, 'info', scope === 'full' ? `Đang chạy kỳ ${period.id}: tiếp nhận, đối chiếu, lập báo cáo.` : `Đang lập báo cáo kỳ ${period.id}.`);
    return c.redirect(scope === 'full' ? `/ky/${period.id}` : `/ky/${period.id}/bao-cao`, 303);
  });

  app.get('/ky/:period/tien-trinh', (c) => {
    const period = periodParam(c);
    setSecurityHeaders(c);
    return c.json(runView(ctx, period.id) ?? { state: 'none' });
  });

  app.get('/ky/:period/don-vi/:agency', (c) => {
    const period = periodParam(c);
    const agency = agencyParam(c, ctx);
    const board = readPeriodBoard(ctx.database, period.id, { outDir: ctx.outDir, daysAfterCutoff: ctx.config.deadlines.daysAfterCutoff, today: todayInVietnam(ctx.now()) });
    const entry = board.agencies.find((a) => a.code === agency.code) ?? null;
    const links = (
      ctx.database.sqlite
        .prepare('select id, created_by, created_at, expires_at, revoked_at from desk_upload_links where agency_code = ? and period = ? order by id desc')
        .all(agency.code, period.id) as { id: number; created_by: string; created_at: string; expires_at: string; revoked_at: string | null }[]
    ).map((l) => ({
      ...l,
      createdText: formatVietnamTime(l.created_at),
      expiresText: formatVietnamTime(l.expires_at),
      active: !l.revoked_at && l.expires_at > ctx.now().toISOString(),
    }));
    const figures = ctx.database.sqlite
      .prepare(
        `select v.indicator_code as code, i.name, v.period, v.kind, v.value_text as valueText, v.unit_text as unit, v.source_file as file,
                v.source_sheet as sheet, v.source_cell as cell, s.file_id as fileId
           from staged_values v join submissions s on s.id = v.submission_id left join indicators i on i.code = v.indicator_code
          where s.agency_code = ? and s.period = ? and s.superseded_by is null order by s.file_id, v.id`,
      )
      .all(agency.code, period.id) as { code: string; name: string | null; period: string; kind: string; valueText: string; unit: string | null; file: string; sheet: string | null; cell: string | null; fileId: number }[];
    const kindText: Record<string, string> = { actual: 'thực hiện', estimate: 'ước', plan: 'kế hoạch' };
    return page(c, 'agency', { title: `${agency.name} — kỳ ${period.label}`, period: period.id, nav: 'board' }, {
      period,
      agency,
      entry,
      links,
      linkDays: ctx.linkDays,
      figures: figures.map((f) => ({ ...f, kindText: kindText[f.kind] ?? f.kind })),
      fileIds: Object.fromEntries(
        (ctx.database.sqlite.prepare('select sha256, id from received_files where period = ? and agency_code = ?').all(period.id, agency.code) as { sha256: string; id: number }[]).map((r) => [r.sha256, r.id]),
      ),
    });
  });

  app.get('/ky/:period/o', async (c) => {
    const period = periodParam(c);
    const fileId = Number(c.req.query('tep'));
    const cell = c.req.query('o') ?? '';
    const view = Number.isInteger(fileId) ? await readCellSurroundings(ctx.database, ctx.archiveDir, { fileId, period: period.id, sheet: c.req.query('trang') ?? null, cell }, (body) => ctx.withParser(body)) : null;
    if (!view) throw new PipelineError('usage', 'Không có tệp này trong kỳ.');
    return page(c, 'cell', { title: `Ô ${cell} trong ${view.fileName}`, period: period.id, nav: 'board' }, { period, view });
  });

  app.post('/ky/:period/don-vi/:agency/duong-dan', (c) => {
    const period = periodParam(c);
    const agency = agencyParam(c, ctx);
    const days = Math.min(90, Math.max(1, Number(field(c, 'so_ngay')) || ctx.linkDays));
    const user = c.get('session').user.username;
    const { token, grant } = createUploadLink(ctx.database.sqlite, ctx.secret, { agency: agency.code, period: period.id, createdBy: user, days, now: ctx.now() });
    recordAudit(ctx.database.sqlite, { actor: user, action: 'tạo đường dẫn nộp tệp', period: period.id, agency: agency.code, detail: { link: grant.linkId, expiresAt: grant.expiresAt } });
    const url = `${ctx.publicUrl ?? new URL(c.req.url).origin}/nop/${token}`;
    return page(c, 'link-created', { title: 'Đường dẫn nộp tệp', period: period.id, nav: 'board' }, { period, agency, url, expiresText: formatVietnamTime(grant.expiresAt) });
  });

  app.post('/ky/:period/duong-dan/:id/thu-hoi', (c) => {
    const period = periodParam(c);
    const id = Number(c.req.param('id'));
    const row = ctx.database.sqlite.prepare('select agency_code from desk_upload_links where id = ? and period = ?').get(id, period.id) as { agency_code: string } | undefined;
    if (!row) throw new PipelineError('usage', 'Không có đường dẫn này.');
    const user = c.get('session').user.username;
    ctx.database.sqlite.prepare('update desk_upload_links set revoked_at = ? where id = ? and revoked_at is null').run(ctx.now().toISOString(), id);
    recordAudit(ctx.database.sqlite, { actor: user, action: 'thu hồi đường dẫn nộp tệp', period: period.id, agency: row.agency_code, detail: { link: id } });
    setFlash(c, ctx, 'ok', 'Đã thu hồi đường dẫn; đơn vị không dùng được nó nữa.');
    return c.redirect(`/ky/${period.id}/don-vi/${row.agency_code}`, 303);
  });

  app.get('/ky/:period/phan-hoi/:agency', (c) => {
    const period = periodParam(c);
    const agency = agencyParam(c, ctx);
    return sendOutputFile(c, path.join(ctx.outDir, period.id, 'phan-hoi', `${agency.code}.xlsx`), `phan-hoi-${agency.code}-${period.id}.xlsx`);
  });

  app.get('/nhat-ky', (c) => {
    const rows = listAudit(ctx.database.sqlite, { limit: 200 }).map((r) => ({ ...r, atText: formatVietnamTime(r.at), detail: describeAuditDetail(r.detail) }));
    return page(c, 'audit', { title: 'Nhật ký thay đổi', nav: 'audit' }, { rows });
  });
}

/** Sends a file of the output folder as a download, or the "not yet produced" page. */
export function sendOutputFile(c: Context<DeskEnv>, file: string, downloadName: string): Response {
  if (!fs.existsSync(file)) {
    return page(c, 'error', { title: 'Chưa có tệp' }, { message: 'Tệp này chưa được lập. Chạy kỳ hoặc lập báo cáo trước.' }, 404);
  }
  setSecurityHeaders(c);
  const type = { '.pdf': 'application/pdf', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.csv': 'text/csv; charset=utf-8', '.html': 'text/html; charset=utf-8' }[path.extname(file)] ?? 'application/octet-stream';
  return c.body(fs.readFileSync(file), 200, {
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${downloadName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
  });
}
