// Desk: small HTTP helpers shared by the routes: the page response with security headers, flash messages, CSRF
// comparison and the Hono type of the desk's context variables.
import crypto from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ROLE_LABELS } from './add-desk-user.ts';
import type { DeskContext } from './create-desk-context.ts';
import type { DeskSession } from './create-session-store.ts';
import { renderDeskPage, type PageFrame } from './render-desk-page.ts';

/** Variables the middleware sets for the routes. */
export type DeskEnv = { Variables: { session: DeskSession; form: Record<string, string | File> } };

/** Cookie names. */
export const COOKIES = { session: 'kehoach_phien', flash: 'kehoach_tb', login: 'kehoach_dn' } as const;

/** Content-Security-Policy of the desk's own pages: its script and styles only, no framing by other sites. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'none'; object-src 'none'";

/** Headers every response carries. */
export function setSecurityHeaders(c: Context): void {
  c.header('X-Content-Type-Options', 'nosniff');
  // Upload links carry their token in the path: never let it leave in a Referer.
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
}

/** Constant-time string equality. */
export function safeEqual(a: string | undefined | null, b: string | undefined | null): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** Sets a one-shot message shown on the next page. */
export function setFlash(c: Context, ctx: DeskContext, kind: 'ok' | 'error' | 'info', text: string): void {
  setCookie(c, COOKIES.flash, encodeURIComponent(JSON.stringify({ kind, text: text.slice(0, 600) })), {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    maxAge: 120,
    secure: ctx.secureCookies,
  });
}

function takeFlash(c: Context): PageFrame['flash'] {
  const raw = getCookie(c, COOKIES.flash);
  if (!raw) return null;
  deleteCookie(c, COOKIES.flash, { path: '/' });
  try {
    const v = JSON.parse(decodeURIComponent(raw)) as { kind: string; text: string };
    const kind = v.kind === 'ok' || v.kind === 'error' ? v.kind : 'info';
    return typeof v.text === 'string' ? { kind, text: v.text } : null;
  } catch {
    return null;
  }
}

/** Renders a page for the signed-in user (or none) with the flash message, security headers and status. */
export function page(
  c: Context<DeskEnv>,
  name: string,
  frame: Omit<PageFrame, 'user' | 'csrf' | 'flash'> & { flash?: PageFrame['flash'] },
  data: Record<string, unknown> = {},
  status: 200 | 400 | 403 | 404 | 409 | 413 | 500 = 200,
): Response {
  const session = c.get('session') as DeskSession | undefined;
  setSecurityHeaders(c);
  c.header('Content-Security-Policy', PAGE_CSP);
  const html = renderDeskPage(
    name,
    {
      ...frame,
      user: session ? { displayName: session.user.displayName, roleLabel: ROLE_LABELS[session.user.role] } : null,
      csrf: session?.csrf ?? null,
      flash: frame.flash ?? takeFlash(c),
    },
    { ...data, csrf: session?.csrf ?? (data.csrf as string | undefined) ?? null, isLeader: session?.user.role === 'lanh_dao' },
  );
  return c.html(html, status);
}

/** Reads a text field of the parsed form (the middleware parsed it), trimmed; '' when absent. */
export function field(c: Context<DeskEnv>, name: string): string {
  const v = c.get('form')?.[name];
  return typeof v === 'string' ? v.normalize('NFC').trim() : '';
}
