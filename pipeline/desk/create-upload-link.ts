// Desk: upload links for agencies. A link carries a token `<payload>.<signature>`: the payload names the link id,
// the agency, the period and the expiry; the signature is an HMAC-SHA256 with the desk's secret. The link row lets
// staff revoke it. Nothing else is reachable with a token: it opens one agency's upload page for one period.
import crypto from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { formatVietnamTime } from '../shared/vietnam-time.ts';

/** What a valid token grants. */
export interface UploadGrant {
  linkId: number;
  agency: string;
  period: string;
  expiresAt: string;
}

/** Why a token was refused, in words the agency's clerk can act on. */
export type UploadRefusal = { reason: 'invalid' | 'expired' | 'revoked'; message: string };

/** Options of `createUploadLink`. */
export interface CreateUploadLinkOptions {
  agency: string;
  period: string;
  /** Who made it (staff user name). */
  createdBy: string;
  /** Days the link stays valid. @default 14 */
  days?: number;
  note?: string;
  /** @default now */
  now?: Date;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

function sign(secret: Buffer, payload: string): string {
  return crypto.createHmac('sha256', secret).update(`upload-link:${payload}`).digest('base64url');
}

/** The secret of this desk (meta key `desk_secret`), created at random on first use. */
export function readDeskSecret(sqlite: BetterSqlite3.Database): Buffer {
  const row = sqlite.prepare("select value from meta where key = 'desk_secret'").get() as { value: string } | undefined;
  if (row) return Buffer.from(row.value, 'base64');
  const secret = crypto.randomBytes(32);
  sqlite.prepare("insert into meta (key, value) values ('desk_secret', ?) on conflict (key) do nothing").run(secret.toString('base64'));
  return Buffer.from((sqlite.prepare("select value from meta where key = 'desk_secret'").get() as { value: string }).value, 'base64');
}

/** Creates a link row and its signed token. @returns the token to put in `/nop/<token>` */
export function createUploadLink(sqlite: BetterSqlite3.Database, secret: Buffer, options: CreateUploadLinkOptions): { token: string; grant: UploadGrant } {
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + (options.days ?? 14) * 86_400_000).toISOString();
  const linkId = Number(
    sqlite
      .prepare('insert into desk_upload_links (agency_code, period, created_by, created_at, expires_at, note) values (?, ?, ?, ?, ?, ?)')
      .run(options.agency, options.period, options.createdBy, now.toISOString(), expiresAt, options.note ?? null).lastInsertRowid,
  );
  const payload = b64(JSON.stringify({ l: linkId, a: options.agency, p: options.period, e: expiresAt }));
  return { token: `${payload}.${sign(secret, payload)}`, grant: { linkId, agency: options.agency, period: options.period, expiresAt } };
}

/**
 * Checks a token: signature, expiry, and that its link row still exists unrevoked with the same agency and period.
 */
export function verifyUploadToken(
  sqlite: BetterSqlite3.Database,
  secret: Buffer,
  token: string,
  now: Date = new Date(),
): UploadGrant | UploadRefusal {
  const invalid: UploadRefusal = { reason: 'invalid', message: 'Đường dẫn nộp tệp không hợp lệ. Hãy dùng đúng đường dẫn Sở đã gửi, hoặc đề nghị Sở gửi đường dẫn mới.' };
  if (token.length > 600) return invalid;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return invalid;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return invalid;
  let data: { l: number; a: string; p: string; e: string };
  try {
    data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return invalid;
  }
  const row = sqlite.prepare('select agency_code, period, expires_at, revoked_at from desk_upload_links where id = ?').get(data.l) as
    | { agency_code: string; period: string; expires_at: string; revoked_at: string | null }
    | undefined;
  if (!row || row.agency_code !== data.a || row.period !== data.p || row.expires_at !== data.e) return invalid;
  if (row.revoked_at) return { reason: 'revoked', message: 'Đường dẫn nộp tệp này đã bị Sở thu hồi. Đề nghị Sở gửi đường dẫn mới.' };
  if (now.toISOString() > data.e) {
    return { reason: 'expired', message: `Đường dẫn nộp tệp đã hết hạn lúc ${formatVietnamTime(data.e)}. Đề nghị Sở gửi đường dẫn mới.` };
  }
  return { linkId: data.l, agency: data.a, period: data.p, expiresAt: data.e };
}

/** Type guard: a grant rather than a refusal. */
export function isUploadGrant(result: UploadGrant | UploadRefusal): result is UploadGrant {
  return 'linkId' in result;
}
