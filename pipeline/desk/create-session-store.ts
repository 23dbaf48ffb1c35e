// Desk: staff sessions. The browser holds a random id in an HttpOnly SameSite cookie; the database holds only its
// SHA-256, the user and the session's CSRF token, so a copy of the database signs no one in.
import crypto from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { verifyPassword } from './hash-password.ts';
import type { DeskRole, DeskUser } from './add-desk-user.ts';

/** A live session. */
export interface DeskSession {
  user: DeskUser;
  /** Token every form of this session carries in its `_csrf` field. */
  csrf: string;
}

/** Sessions over the desk tables. */
export interface SessionStore {
  /** Checks name and password; a wrong name costs the same time as a wrong password. */
  signIn(username: string, password: string): Promise<{ cookie: string; session: DeskSession } | null>;
  /** The session of a cookie value, or null when unknown or expired. */
  read(cookie: string | undefined): DeskSession | null;
  signOut(cookie: string | undefined): void;
}

/** Options of `createSessionStore`. */
export interface SessionStoreOptions {
  /** Session lifetime in ms. @default 10 hours (one working day) */
  ttlMs?: number;
  /** @default () => new Date() */
  now?: () => Date;
}

const hashId = (id: string) => crypto.createHash('sha256').update(id).digest('hex');
// Verified against when the user does not exist, so both failures take one scrypt.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Creates the session store. */
export function createSessionStore(sqlite: BetterSqlite3.Database, options: SessionStoreOptions = {}): SessionStore {
  const ttl = options.ttlMs ?? 10 * 3_600_000;
  const now = options.now ?? (() => new Date());
  const findUser = sqlite.prepare('select id, username, display_name, role, password_hash, disabled from desk_users where username = ?');
  const insert = sqlite.prepare('insert into desk_sessions (id_hash, user_id, csrf_token, created_at, expires_at) values (?, ?, ?, ?, ?)');
  const select = sqlite.prepare(
    `select u.id, u.username, u.display_name, u.role, s.csrf_token, s.expires_at
       from desk_sessions s join desk_users u on u.id = s.user_id where s.id_hash = ? and u.disabled = 0`,
  );
  const remove = sqlite.prepare('delete from desk_sessions where id_hash = ?');
  const purge = sqlite.prepare('delete from desk_sessions where expires_at < ?');
  type UserRow = { id: number; username: string; display_name: string; role: DeskRole; password_hash: string; disabled: number };
  return {
    async signIn(username, password) {
      const row = findUser.get(username.trim()) as UserRow | undefined;
      const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
      if (!row || !ok || row.disabled) return null;
      purge.run(now().toISOString());
      const id = crypto.randomBytes(32).toString('base64url');
      const csrf = crypto.randomBytes(32).toString('base64url');
      insert.run(hashId(id), row.id, csrf, now().toISOString(), new Date(now().getTime() + ttl).toISOString());
      return { cookie: id, session: { user: { id: row.id, username: row.username, displayName: row.display_name, role: row.role }, csrf } };
    },
    read(cookie) {
      if (!cookie || cookie.length > 100) return null;
      const row = select.get(hashId(cookie)) as
        | { id: number; username: string; display_name: string; role: DeskRole; csrf_token: string; expires_at: string }
        | undefined;
      if (!row || row.expires_at < now().toISOString()) return null;
      return { user: { id: row.id, username: row.username, displayName: row.display_name, role: row.role }, csrf: row.csrf_token };
    },
    signOut(cookie) {
      if (cookie) remove.run(hashId(cookie));
    },
  };
}
