// Desk: the agency's upload page, reached only through its signed link. It shows the agency's own files and
// feedback for that period and nothing else; an upload is stored safely and taken in at once.
import crypto from 'node:crypto';
import path from 'node:path';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { buildIntakeSummary } from '../intake/feedback/write-intake-feedback.ts';
import { parsePeriod } from '../shared/parse-period.ts';
import type { DeskContext } from './create-desk-context.ts';
import { isUploadGrant, verifyUploadToken, type UploadGrant } from './create-upload-link.ts';
import { page, safeEqual, type DeskEnv } from './desk-http.ts';
import { formatVietnamTime } from '../shared/vietnam-time.ts';
import { recordAudit } from './record-audit.ts';
import { sendOutputFile } from './register-board-routes.ts';
import { storeUpload, UPLOAD_EXTENSIONS } from './store-upload.ts';
import { takeInFiles } from './take-in-files.ts';
import { readUploadFormIdentity } from './read-upload-form-identity.ts';

/** Files taken per sending; the rest are named back to the clerk to send again (each one is read at once). */
export const MAX_FILES_PER_SENDING = 20;

/** Sendings one link may make per hour: a forwarded link cannot fill the office server's disk (each is kept). */
export const MAX_SENDINGS_PER_HOUR = 30;

/** Remembers recent sendings per link (in memory: a restart forgets, which only lets a few more through). */
function createSendingCounter() {
  const recent = new Map<number, number[]>();
  return (linkId: number, now: Date): boolean => {
    const since = now.getTime() - 3_600_000;
    const times = (recent.get(linkId) ?? []).filter((t) => t > since);
    if (times.length >= MAX_SENDINGS_PER_HOUR) return false;
    times.push(now.getTime());
    recent.set(linkId, times);
    return true;
  };
}

const FILE_STATUS_TEXT = { accepted: 'Đã nhận', partial: 'Nhận một phần', rejected: 'Không nhận' } as const;

function uploadCsrf(ctx: DeskContext, grant: UploadGrant): string {
  return crypto.createHmac('sha256', ctx.secret).update(`upload-csrf:${grant.linkId}`).digest('base64url');
}

/** The grant of the :token parameter, or the refusal page. */
function grantOf(c: Context<DeskEnv>, ctx: DeskContext): UploadGrant | Response {
  const result = verifyUploadToken(ctx.database.sqlite, ctx.secret, c.req.param('token') ?? '', ctx.now());
  if (isUploadGrant(result)) return result;
  return page(c, 'error', { title: 'Không mở được trang nộp tệp' }, { message: result.message }, 403);
}

/** The agency's own files of the period, newest first, with their problems. */
function ownFiles(ctx: DeskContext, grant: UploadGrant) {
  return buildIntakeSummary(ctx.database, grant.period)
    .files.filter((f) => f.agency === grant.agency)
    .reverse()
    .map((f) => ({ ...f, receivedText: formatVietnamTime(f.received_at), statusText: FILE_STATUS_TEXT[f.status] }));
}

function agencyNameOf(ctx: DeskContext, code: string): string {
  return (ctx.database.sqlite.prepare('select name from agencies where code = ?').get(code) as { name: string } | undefined)?.name ?? code;
}

function uploadPage(c: Context<DeskEnv>, ctx: DeskContext, grant: UploadGrant, extra: Record<string, unknown> = {}, status: 200 | 400 | 413 = 200): Response {
  const agencyName = agencyNameOf(ctx, grant.agency);
  return page(
    c,
    'upload',
    { title: `Nộp báo cáo — ${agencyName}` },
    {
      agencyName,
      period: parsePeriod(grant.period),
      token: c.req.param('token'),
      csrf: uploadCsrf(ctx, grant),
      expiresText: formatVietnamTime(grant.expiresAt),
      files: ownFiles(ctx, grant),
      maxMb: Math.round(ctx.maxUploadBytes / 1048576),
      extensions: UPLOAD_EXTENSIONS.join(', '),
      maxFiles: MAX_FILES_PER_SENDING,
      ...extra,
    },
    status,
  );
}

/** Registers GET/POST /nop/:token and the agency's feedback download. */
export function registerUploadRoutes(app: Hono<DeskEnv>, ctx: DeskContext): void {
  const allowSending = createSendingCounter();
  app.get('/nop/:token', (c) => {
    const grant = grantOf(c, ctx);
    return grant instanceof Response ? grant : uploadPage(c, ctx, grant);
  });

  app.get('/nop/:token/phan-hoi', (c) => {
    const grant = grantOf(c, ctx);
    if (grant instanceof Response) return grant;
    return sendOutputFile(c, path.join(ctx.outDir, grant.period, 'phan-hoi', `${grant.agency}.xlsx`), `phan-hoi-${grant.agency}-${grant.period}.xlsx`);
  });

  app.post(
    '/nop/:token',
    bodyLimit({
      maxSize: ctx.maxUploadBytes + 64 * 1024,
      onError: (c) =>
        page(c as Context<DeskEnv>, 'error', { title: 'Tệp quá lớn' }, { message: `Tệp vượt quá ${Math.round(ctx.maxUploadBytes / 1048576)} MB. Chỉ gửi bảng số liệu báo cáo.` }, 413),
    }),
    async (c) => {
      const grant = grantOf(c, ctx);
      if (grant instanceof Response) return grant;
      if (!allowSending(grant.linkId, ctx.now())) {
        return page(c, 'error', { title: 'Gửi quá nhiều lần' }, { message: `Đường dẫn này đã gửi ${MAX_SENDINGS_PER_HOUR} lần trong một giờ qua. Xin đợi ít phút rồi gửi lại; nếu cần gửi gấp, liên hệ Sở.` }, 429);
      }
      const form = (await c.req.parseBody({ all: true })) as Record<string, string | File | (string | File)[]>;
      if (!safeEqual(typeof form._csrf === 'string' ? form._csrf : null, uploadCsrf(ctx, grant))) {
        return page(c, 'error', { title: 'Yêu cầu bị từ chối' }, { message: 'Biểu mẫu thiếu mã xác thực (CSRF). Tải lại trang nộp tệp rồi gửi lại.' }, 403);
      }
      const files = [form.tep].flat().filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f && f.size > 0);
      if (files.length === 0) return uploadPage(c, ctx, grant, { error: 'Chưa chọn tệp nào để gửi.' }, 400);
      const actor = `đơn vị:${grant.agency}`;
      const stored = [];
      const foreign: { file: string; agencyName: string }[] = [];
      const foreignIndex = new Set<number>();
      const notTaken = files.slice(MAX_FILES_PER_SENDING).map((f) => f.name.slice(0, 300));
      for (const file of files.slice(0, MAX_FILES_PER_SENDING)) {
        const bytes = Buffer.from(await file.arrayBuffer());
        const identity = await readUploadFormIdentity(bytes, file.name, (body) => ctx.withParser(body));
        const otherAgency = identity && identity.agency !== grant.agency ? identity.agency : null;
        const s = storeUpload({ inboxDir: ctx.inboxDir, period: grant.period, agency: grant.agency, name: file.name, bytes, now: ctx.now(), setAside: otherAgency !== null });
        stored.push(s);
        if (otherAgency) {
          foreignIndex.add(stored.length - 1);
          foreign.push({ file: s.fileName.replace(/\.bin$/, ''), agencyName: agencyNameOf(ctx, otherAgency) });
        }
        recordAudit(ctx.database.sqlite, {
          actor,
          action: otherAgency ? 'nộp biểu mẫu của cơ quan khác' : s.accepted ? 'nộp tệp' : 'nộp tệp sai định dạng',
          period: grant.period,
          agency: grant.agency,
          detail: { link: grant.linkId, sentName: file.name.slice(0, 300), storedAs: s.fileName, bytes: bytes.length, sha256: s.sha256, ...(s.duplicate ? { sameAsEarlier: s.receivedAt } : {}) },
        });
      }
      const refused = stored.filter((s, i) => !s.accepted && !foreignIndex.has(i)).map((s) => s.fileName);
      const accepted = stored.filter((s) => s.accepted);
      const outcomes = await ctx.exclusive(`upload ${grant.agency} ${grant.period}`, () =>
        takeInFiles(ctx.database, {
          period: grant.period,
          outDir: ctx.outDir,
          archiveDir: ctx.archiveDir,
          files: accepted.map((s) => ({ agency: grant.agency, fileName: s.fileName, from: s.file, receivedAt: s.receivedAt })),
        }),
      );
      const held = outcomes.some((o) => o.held);
      const duplicates = accepted.filter((s) => s.duplicate).map((s) => ({ file: s.fileName, receivedText: formatVietnamTime(s.receivedAt) }));
      return uploadPage(c, ctx, grant, {
        result: outcomes.map((o) => ({ file: o.file, statusText: FILE_STATUS_TEXT[o.status], status: o.status, values: o.values, tasks: o.tasks, problems: o.problems.length })),
        submitted: true,
        refused,
        foreign,
        held,
        duplicates,
        notTaken,
        maxFiles: MAX_FILES_PER_SENDING,
      });
    },
  );
}
