// Desk: the web application (Hono): staff pages behind sign-in with CSRF-checked forms, and the agencies' upload
// pages reached only through a signed link. Every page is rendered on the server; a little JavaScript adds drag and
// drop and live progress where the browser runs it.
import fs from 'node:fs';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { PipelineError, isPipelineError } from '../shared/pipeline-error.ts';
import type { DeskContext } from './create-desk-context.ts';
import { COOKIES, page, safeEqual, setSecurityHeaders, type DeskEnv } from './desk-http.ts';
import { DESK_TEMPLATE_DIR } from './render-desk-page.ts';
import { registerAuthRoutes } from './register-auth-routes.ts';
import { registerBoardRoutes } from './register-board-routes.ts';
import { registerNameRoutes } from './register-name-routes.ts';
import { registerReportRoutes } from './register-report-routes.ts';
import { registerUploadRoutes } from './register-upload-routes.ts';

/** Paths reachable without a staff session. */
const PUBLIC = /^\/(dang-nhap|nop\/|tai-nguyen\/|favicon\.ico$)/;

/** Builds the desk application over its context. */
export function createDeskApp(ctx: DeskContext): Hono<DeskEnv> {
  const app = new Hono<DeskEnv>();

  // Bound to the loopback address, the desk answers only requests addressed to it by a loopback name or its public
  // address: a web page whose own name was made to resolve to 127.0.0.1 (DNS rebinding) gets nothing.
  if (ctx.allowedHosts) {
    const allowed = ctx.allowedHosts;
    app.use('*', async (c, next) => {
      const host = (c.req.header('host') ?? '').toLowerCase().replace(/:\d+$/, '');
      if (!allowed.has(host)) return c.text('Misdirected Request', 421);
      return next();
    });
  }

  app.get('/tai-nguyen/desk.js', (c) => {
    setSecurityHeaders(c);
    c.header('Cache-Control', 'no-cache');
    return c.body(fs.readFileSync(`${DESK_TEMPLATE_DIR}/desk.js`, 'utf8'), 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });
  app.get('/favicon.ico', (c) => c.body(null, 204));

  // Staff pages: a session, and on every POST the session's CSRF token.
  app.use('*', async (c, next) => {
    if (PUBLIC.test(c.req.path)) return next();
    const session = ctx.sessions.read(getCookie(c, COOKIES.session));
    if (!session) {
      if (c.req.method !== 'GET') return c.text('Phiên làm việc đã hết; hãy đăng nhập lại.', 401);
      return c.redirect(`/dang-nhap?tiep=${encodeURIComponent(c.req.path)}`, 303);
    }
    c.set('session', session);
    if (c.req.method === 'POST') {
      const form = (await c.req.parseBody()) as Record<string, string | File>;
      if (!safeEqual(typeof form._csrf === 'string' ? form._csrf : null, session.csrf)) {
        return page(c, 'error', { title: 'Yêu cầu bị từ chối' }, { message: 'Biểu mẫu thiếu mã xác thực (CSRF) hoặc mã đã cũ. Tải lại trang rồi thực hiện lại.' }, 403);
      }
      c.set('form', form);
    }
    return next();
  });

  registerAuthRoutes(app, ctx);
  registerUploadRoutes(app, ctx);
  registerBoardRoutes(app, ctx);
  registerNameRoutes(app, ctx);
  registerReportRoutes(app, ctx);

  app.notFound((c) => page(c, 'error', { title: 'Không tìm thấy' }, { message: 'Không có trang này.' }, 404));
  app.onError((error, c) => {
    if (isPipelineError(error)) {
      const status = error.code === 'database-busy' ? 409 : error.code === 'usage' ? 400 : 500;
      return page(c, 'error', { title: 'Không thực hiện được' }, { message: error.message }, status);
    }
    console.error(error);
    return page(c, 'error', { title: 'Lỗi' }, { message: 'Có lỗi không lường trước; chi tiết đã ghi vào nhật ký của máy chủ.' }, 500);
  });
  return app;
}

/** Throws the desk's "not found" for a period or agency that does not exist. */
export function notFound(what: string): never {
  throw new PipelineError('usage', what);
}
