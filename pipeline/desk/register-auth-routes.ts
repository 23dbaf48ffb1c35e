// Desk: signing in and out. The sign-in form carries its own CSRF token (double-submit cookie); failed attempts
// slow down per name so a password cannot be guessed at speed.
import crypto from 'node:crypto';
import type { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { DeskContext } from './create-desk-context.ts';
import { COOKIES, page, safeEqual, setFlash, type DeskEnv } from './desk-http.ts';
import { recordAudit } from './record-audit.ts';

const MAX_FAILURES = 5;
const LOCKOUT_MS = 60_000;

/** Where to go after signing in: only a path of this site. */
function safeNext(next: string | undefined): string {
  return next && /^\/[A-Za-z0-9\-/._]*$/.test(next) && !next.startsWith('//') ? next : '/';
}

/** Registers GET/POST /dang-nhap and POST /dang-xuat. */
export function registerAuthRoutes(app: Hono<DeskEnv>, ctx: DeskContext): void {
  const failures = new Map<string, { count: number; until: number }>();

  app.get('/dang-nhap', (c) => {
    const token = crypto.randomBytes(24).toString('base64url');
    setCookie(c, COOKIES.login, token, { httpOnly: true, sameSite: 'Strict', path: '/dang-nhap', maxAge: 3600, secure: ctx.secureCookies });
    return page(c, 'login', { title: 'Đăng nhập' }, { csrf: token, next: safeNext(c.req.query('tiep')) });
  });

  app.post('/dang-nhap', async (c) => {
    const form = (await c.req.parseBody()) as Record<string, string | File>;
    const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : '');
    if (!safeEqual(text('_csrf'), getCookie(c, COOKIES.login) ?? null)) {
      return page(c, 'error', { title: 'Yêu cầu bị từ chối' }, { message: 'Biểu mẫu đăng nhập thiếu mã xác thực (CSRF). Tải lại trang đăng nhập rồi thử lại.' }, 403);
    }
    const username = text('username').trim().toLowerCase();
    const next = safeNext(text('next'));
    const f = failures.get(username);
    if (f && f.count >= MAX_FAILURES && f.until > Date.now()) {
      return page(c, 'login', { title: 'Đăng nhập', flash: { kind: 'error', text: 'Sai mật khẩu nhiều lần; chờ một phút rồi thử lại.' } }, { csrf: text('_csrf'), next, username }, 403);
    }
    const signed = await ctx.sessions.signIn(username, text('password'));
    if (!signed) {
      const count = (f && f.until > Date.now() ? f.count : 0) + 1;
      failures.set(username, { count, until: Date.now() + LOCKOUT_MS });
      return page(c, 'login', { title: 'Đăng nhập', flash: { kind: 'error', text: 'Tên đăng nhập hoặc mật khẩu không đúng.' } }, { csrf: text('_csrf'), next, username }, 403);
    }
    failures.delete(username);
    deleteCookie(c, COOKIES.login, { path: '/dang-nhap' });
    setCookie(c, COOKIES.session, signed.cookie, { httpOnly: true, sameSite: 'Strict', path: '/', secure: ctx.secureCookies, maxAge: 10 * 3600 });
    recordAudit(ctx.database.sqlite, { actor: signed.session.user.username, action: 'đăng nhập' });
    return c.redirect(next, 303);
  });

  app.post('/dang-xuat', (c) => {
    const session = c.get('session');
    ctx.sessions.signOut(getCookie(c, COOKIES.session));
    deleteCookie(c, COOKIES.session, { path: '/' });
    recordAudit(ctx.database.sqlite, { actor: session.user.username, action: 'đăng xuất' });
    setFlash(c, ctx, 'info', 'Đã đăng xuất.');
    return c.redirect('/dang-nhap', 303);
  });
}
