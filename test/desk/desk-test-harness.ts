// Desk tests: a desk on 127.0.0.1 with a random port over a fresh database in a temp folder (its own copy of seeds/,
// since confirming a name writes seeds/aliases.csv), two staff accounts, and a fetch that keeps cookies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../pipeline/config/resolve-config.ts';
import { openDatabase } from '../../pipeline/db/open-database.ts';
import { fromProjectRoot } from '../../pipeline/shared/project-paths.ts';
import { addDeskUser } from '../../pipeline/desk/add-desk-user.ts';
import { startDesk, type RunningDesk } from '../../pipeline/desk/start-desk.ts';

/** Staff accounts of the test desk. */
export const STAFF = {
  clerk: { username: 'lan', password: 'mat-khau-chuyen-vien', displayName: 'Nguyễn Thị Lan', role: 'chuyen_vien' as const },
  leader: { username: 'hung', password: 'mat-khau-lanh-dao', displayName: 'Trần Văn Hùng', role: 'lanh_dao' as const },
};

/** A test desk and its folders. */
export interface TestDesk {
  desk: RunningDesk;
  root: string;
  url: string;
  /** Moves the desk's clock (links expire). */
  setNow(date: Date): void;
  close(): Promise<void>;
}

/** Starts a desk over a fresh temp database. */
export async function startTestDesk(options: { formats?: ('pdf' | 'docx' | 'html')[] } = {}): Promise<TestDesk> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-desk-test-'));
  fs.cpSync(fromProjectRoot('seeds'), path.join(root, 'seeds'), { recursive: true });
  const dbFile = path.join(root, 'data', 'kehoach.sqlite');
  const db = openDatabase({ file: dbFile });
  for (const s of Object.values(STAFF)) await addDeskUser(db.sqlite, s);
  await db.close();
  let now: Date | null = null;
  const desk = await startDesk({
    dbFile,
    host: '127.0.0.1',
    port: 0,
    outDir: path.join(root, 'output'),
    inboxDir: path.join(root, 'inbox'),
    seedsDir: path.join(root, 'seeds'),
    config: parseConfig({ report: { formats: options.formats ?? ['pdf'], date: '2025-06-24' } }, 'cấu hình thử'),
    now: () => now ?? new Date(),
  });
  return {
    desk,
    root,
    url: desk.url,
    setNow(date) {
      now = date;
    },
    async close() {
      await desk.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A minimal cookie-keeping client for tests that need no browser. */
export function createClient(base: string) {
  const jar = new Map<string, string>();
  const store = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [k, v] = pair!.split('=');
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line) || v === '') jar.delete(k!);
      else jar.set(k!, v!);
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const request = async (p: string, init: RequestInit = {}) => {
    const res = await fetch(base + p, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: cookie() } });
    store(res);
    return res;
  };
  return {
    jar,
    get: (p: string) => request(p),
    post: (p: string, form: Record<string, string> | FormData) =>
      request(p, { method: 'POST', body: form instanceof FormData ? form : new URLSearchParams(form) }),
    /** Signs in and returns the session's CSRF token (read from a page's form). */
    async signIn(user: { username: string; password: string }): Promise<string> {
      const login = await (await request('/dang-nhap')).text();
      const csrf = /name="_csrf" value="([^"]+)"/.exec(login)![1]!;
      const res = await request('/dang-nhap', { method: 'POST', body: new URLSearchParams({ _csrf: csrf, username: user.username, password: user.password, next: '/' }) });
      if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
      const home = await (await request('/')).text();
      return /name="_csrf" value="([^"]+)"/.exec(home)![1]!;
    },
  };
}
