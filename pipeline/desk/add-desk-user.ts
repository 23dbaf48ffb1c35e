// Desk: staff accounts (`kehoach user add`). Two roles: a chuyên viên runs the period, a lãnh đạo also closes and
// reopens it (chốt số liệu).
import type BetterSqlite3 from 'better-sqlite3';
import { PipelineError } from '../shared/pipeline-error.ts';
import { hashPassword } from './hash-password.ts';

/** Roles of the desk. */
export const DESK_ROLES = ['chuyen_vien', 'lanh_dao'] as const;

/** A desk role: `chuyen_vien` everything but closing; `lanh_dao` also closing and reopening. */
export type DeskRole = (typeof DESK_ROLES)[number];

/** Vietnamese name of each role, as pages show it. */
export const ROLE_LABELS: Record<DeskRole, string> = { chuyen_vien: 'Chuyên viên', lanh_dao: 'Lãnh đạo phòng' };

/** A signed-in staff member. */
export interface DeskUser {
  id: number;
  username: string;
  displayName: string;
  role: DeskRole;
}

/** Options of `addDeskUser`. */
export interface AddDeskUserOptions {
  /** Login name: 3-40 letters, digits, dot, dash or underscore. */
  username: string;
  /** Full name shown on pages and in the audit log. @default username */
  displayName?: string;
  role: DeskRole;
  /** At least 10 characters. */
  password: string;
  /** Replace the password and role of an existing account instead of refusing. @default false */
  update?: boolean;
}

/** Shortest password accepted (NIST SP 800-63B asks for at least 8; the office's accounts guard issued figures). */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * Creates (or with `update`, resets) a staff account.
 * @throws PipelineError('usage') for a bad name, role or short password, or an existing name without `update`
 */
export async function addDeskUser(sqlite: BetterSqlite3.Database, options: AddDeskUserOptions): Promise<DeskUser> {
  const username = options.username.trim();
  if (!/^[A-Za-z0-9._-]{3,40}$/.test(username)) {
    throw new PipelineError('usage', `Tên đăng nhập "${username}" không hợp lệ: dùng 3-40 chữ cái không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.`);
  }
  if (!(DESK_ROLES as readonly string[]).includes(options.role)) {
    throw new PipelineError('usage', `Vai trò "${options.role}" không có; dùng chuyen_vien hoặc lanh_dao.`);
  }
  if ([...options.password].length < MIN_PASSWORD_LENGTH) {
    throw new PipelineError('usage', `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`);
  }
  const displayName = (options.displayName ?? username).normalize('NFC').trim() || username;
  const hash = await hashPassword(options.password);
  const existing = sqlite.prepare('select id from desk_users where username = ?').get(username) as { id: number } | undefined;
  if (existing && !options.update) {
    throw new PipelineError('usage', `Đã có tài khoản "${username}". Dùng --update để đặt lại mật khẩu và vai trò.`);
  }
  if (existing) {
    sqlite
      .prepare('update desk_users set display_name = ?, role = ?, password_hash = ?, disabled = 0 where id = ?')
      .run(displayName, options.role, hash, existing.id);
    // A reset password ends every session signed in with the old one.
    sqlite.prepare('delete from desk_sessions where user_id = ?').run(existing.id);
    return { id: existing.id, username, displayName, role: options.role };
  }
  const id = Number(
    sqlite
      .prepare('insert into desk_users (username, display_name, role, password_hash, created_at) values (?, ?, ?, ?, ?)')
      .run(username, displayName, options.role, hash, new Date().toISOString()).lastInsertRowid,
  );
  return { id, username, displayName, role: options.role };
}
