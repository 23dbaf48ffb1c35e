// Desk: what the desk refuses. Agency links reach one agency and one period only; forms need their CSRF token;
// hostile upload names are stored inside the inbox under safe names; expired and revoked links are refused; only a
// lãnh đạo closes a period.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromProjectRoot } from '../../pipeline/shared/project-paths.ts';
import { createClient, STAFF, startTestDesk, type TestDesk } from './desk-test-harness.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'so-y-te-bao-cao.csv');
let t: TestDesk;

beforeAll(async () => {
  t = await startTestDesk();
});
afterAll(async () => {
  await t?.close();
});

async function createLink(client: ReturnType<typeof createClient>, csrf: string, agency: string, period: string, days = 14): Promise<string> {
  const res = await client.post(`/ky/${period}/don-vi/${agency}/duong-dan`, { _csrf: csrf, so_ngay: String(days) });
  expect(res.status).toBe(200);
  const html = await res.text();
  return /id="upload-link">([^<]+)</.exec(html)![1]!.replace(t.url, '');
}

async function uploadForm(page: string): Promise<string> {
  const html = await (await fetch(t.url + page)).text();
  return /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
}

function upload(link: string, csrf: string, files: { name: string; bytes: Buffer }[]) {
  const form = new FormData();
  form.set('_csrf', csrf);
  for (const f of files) form.append('tep', new File([new Uint8Array(f.bytes)], f.name));
  return fetch(t.url + link, { method: 'POST', body: form });
}

function filesUnder(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)) : [];
}

function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('staff access', () => {
  it('answers only requests addressed to a loopback name (no DNS rebinding)', async () => {
    expect(await getWithHost(`${t.url}/dang-nhap`, 'attacker.example:80')).toBe(421);
    expect(await getWithHost(`${t.url}/dang-nhap`, `localhost:${new URL(t.url).port}`)).toBe(200);
  });

  it('sends a visitor without a session to the sign-in page', async () => {
    const res = await fetch(`${t.url}/ky/2025-H1`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dang-nhap?tiep=%2Fky%2F2025-H1');
  });

  it('brings a signed-in visitor back to a source-cell link with its query', async () => {
    const target = '/ky/2025-H1/o?tep=12&trang=B%E1%BA%A3ng%201&o=B11';
    const res = await fetch(t.url + target, { redirect: 'manual' });
    const login = res.headers.get('location')!;
    expect(decodeURIComponent(login.split('tiep=')[1]!)).toBe(target);
    const form = await (await fetch(t.url + login)).text();
    const next = /name="next" value="([^"]+)"/.exec(form)![1]!.replace(/&amp;/g, '&').replace(/&#x3D;/g, '=');
    expect(next).toBe(target);
    // Still no way out of the desk.
    for (const away of ['//evil.example/x', '/\\evil.example', '/ky?x=1#\\evil', 'https://evil.example']) {
      const page = await (await fetch(`${t.url}/dang-nhap?tiep=${encodeURIComponent(away)}`)).text();
      expect(/name="next" value="([^"]+)"/.exec(page)![1]).toBe('/');
    }
  });

  it('sets the session cookie HttpOnly and SameSite=Strict', async () => {
    const login = await fetch(`${t.url}/dang-nhap`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!;
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const res = await fetch(`${t.url}/dang-nhap`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie },
      body: new URLSearchParams({ _csrf: csrf, username: STAFF.clerk.username, password: STAFF.clerk.password }),
    });
    const session = res.headers.getSetCookie().find((c) => c.startsWith('kehoach_phien='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
  });

  it('refuses a sign-in without the form token', async () => {
    const res = await fetch(`${t.url}/dang-nhap`, { method: 'POST', body: new URLSearchParams({ username: STAFF.clerk.username, password: STAFF.clerk.password }) });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('kehoach_phien='))).toBe(false);
  });

  it('refuses a wrong password', async () => {
    const client = createClient(t.url);
    await expect(client.signIn({ username: STAFF.clerk.username, password: 'sai-mat-khau-roi' })).rejects.toThrow(/403/);
  });

  it('refuses a form post without the CSRF token and changes nothing', async () => {
    const client = createClient(t.url);
    await client.signIn(STAFF.clerk);
    const res = await client.post('/ky/2025-H1/don-vi/so-y-te/duong-dan', { so_ngay: '14' });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('CSRF');
    const wrong = await client.post('/ky/2025-H1/don-vi/so-y-te/duong-dan', { _csrf: 'x'.repeat(43), so_ngay: '14' });
    expect(wrong.status).toBe(403);
    const rows = t.desk.context.database.sqlite.prepare('select count(*) as n from desk_upload_links').get() as { n: number };
    expect(rows.n).toBe(0);
  });

  it('lets only a lãnh đạo close the period', async () => {
    const clerk = createClient(t.url);
    const csrf = await clerk.signIn(STAFF.clerk);
    const refused = await clerk.post('/ky/2024-H2/chot', { _csrf: csrf, ghi_chu: '' });
    expect(refused.status).toBe(403);
    const leader = createClient(t.url);
    const csrf2 = await leader.signIn(STAFF.leader);
    const closed = await leader.post('/ky/2024-H2/chot', { _csrf: csrf2, ghi_chu: 'Báo cáo số 12/BC-STC' });
    expect(closed.status).toBe(303);
    const audit = t.desk.context.database.sqlite.prepare("select actor, action from desk_audit_log where period = '2024-H2'").all();
    expect(audit).toContainEqual({ actor: 'hung', action: 'chốt số liệu' });
  });
});

describe('agency upload links', () => {
  let clerk: ReturnType<typeof createClient>;
  let csrf: string;
  beforeAll(async () => {
    clerk = createClient(t.url);
    csrf = await clerk.signIn(STAFF.clerk);
  });

  it('shows an agency only its own files and feedback for its period', async () => {
    const yte = await createLink(clerk, csrf, 'so-y-te', '2025-H1');
    const taichinh = await createLink(clerk, csrf, 'so-tai-chinh', '2025-H1');
    const res = await upload(taichinh, await uploadForm(taichinh), [{ name: 'bao-cao-tai-chinh.csv', bytes: fs.readFileSync(FIXTURE) }]);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('bao-cao-tai-chinh.csv');
    const page = await (await fetch(t.url + yte)).text();
    expect(page).toContain('Sở Y tế');
    expect(page).not.toContain('bao-cao-tai-chinh.csv');
    expect(page).not.toContain('Sở Tài chính');
  });

  it("keeps aside another agency's department form handed in through a link, leaving that agency's figures alone", async () => {
    const link = await createLink(clerk, csrf, 'so-y-te', '2025-H1');
    const form = fs.readFileSync(fromProjectRoot('samples', 'inbox', '2025-H1', 'Cục Thống kê', 'bieu-mau-cuc-thong-ke.xlsx'));
    const res = await upload(link, await uploadForm(link), [{ name: 'bieu-mau.xlsx', bytes: form }]);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('đây là biểu mẫu của Cục Thống kê');
    const rows = t.desk.context.database.sqlite.prepare("select count(*) as n from received_files where agency_code = 'cuc-thong-ke'").get() as { n: number };
    expect(rows.n).toBe(0);
    expect(fs.existsSync(path.join(t.root, 'inbox', '2025-H1', '.khong-nhan', 'so-y-te', 'bieu-mau.xlsx.bin'))).toBe(true);
  });

  it('refuses a token whose agency or period was changed', async () => {
    const link = await createLink(clerk, csrf, 'so-y-te', '2025-H1');
    const token = link.split('/').pop()!;
    const [payload, signature] = token.split('.');
    for (const change of [{ a: 'so-tai-chinh' }, { p: '2025' }]) {
      const data = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), ...change };
      const forged = `${Buffer.from(JSON.stringify(data)).toString('base64url')}.${signature}`;
      const get = await fetch(`${t.url}/nop/${forged}`);
      expect(get.status).toBe(403);
      const post = await upload(`/nop/${forged}`, 'x', [{ name: 'a.csv', bytes: fs.readFileSync(FIXTURE) }]);
      expect(post.status).toBe(403);
      expect((await fetch(`${t.url}/nop/${forged}/phan-hoi`)).status).toBe(403);
    }
  });

  it('refuses an upload without the form token', async () => {
    const link = await createLink(clerk, csrf, 'so-y-te', '2025-H1');
    const res = await upload(link, 'khong-dung', [{ name: 'a.csv', bytes: fs.readFileSync(FIXTURE) }]);
    expect(res.status).toBe(403);
  });

  it('stores hostile names inside the agency folder under safe names', async () => {
    const link = await createLink(clerk, csrf, 'so-y-te', '2025-H1');
    const bytes = fs.readFileSync(FIXTURE);
    const res = await upload(link, await uploadForm(link), [
      { name: '../../../../tmp/pwned.csv', bytes },
      { name: '..\\..\\evil\u0000\u0007name\u202Etxt.csv', bytes: Buffer.concat([bytes, Buffer.from('\n')]) },
      { name: '<img src=x onerror=alert(1)>.exe', bytes: Buffer.from('MZ\u0000\u0000') },
      { name: '.htaccess', bytes: Buffer.from('x') },
    ]);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('Không nhận');
    const periodDir = path.join(t.root, 'inbox', '2025-H1');
    const stored = filesUnder(periodDir).map((f) => path.relative(periodDir, f));
    expect(stored).toContain(path.join('so-y-te', 'pwned.csv'));
    expect(stored).toContain(path.join('so-y-te', 'evilnametxt.csv'));
    expect(stored.some((f) => f.startsWith(path.join('.khong-nhan', 'so-y-te')) && f.endsWith('.exe.bin'))).toBe(true);
    expect(stored.some((f) => f.endsWith('htaccess.bin'))).toBe(true);
    for (const f of stored) expect(f.startsWith('..')).toBe(false);
    expect(fs.existsSync('/tmp/pwned.csv')).toBe(false);
    // The wrong extension is kept but never read: intake has no record of it.
    const names = (t.desk.context.database.sqlite.prepare('select file_name from received_files').all() as { file_name: string }[]).map((r) => r.file_name);
    expect(names.some((n) => n.includes('.exe'))).toBe(false);
  });

  it('refuses an upload over the size limit', async () => {
    const link = await createLink(clerk, csrf, 'so-y-te', '2025-H1');
    const res = await upload(link, await uploadForm(link), [{ name: 'lon.csv', bytes: Buffer.alloc(t.desk.context.maxUploadBytes + 200 * 1024, 0x41) }]);
    expect(res.status).toBe(413);
  });

  it('refuses an expired link and a revoked one', async () => {
    const link = await createLink(clerk, csrf, 'so-y-te', '2025-H1', 3);
    expect((await fetch(t.url + link)).status).toBe(200);
    t.setNow(new Date(Date.now() + 4 * 86_400_000));
    try {
      const res = await fetch(t.url + link);
      expect(res.status).toBe(403);
      const text = await res.text();
      expect(text).toContain('hết hạn');
      // In Vietnam time, as everywhere else on the desk ("17:46 ngày 13/12/2026").
      expect(text).toMatch(/hết hạn lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
      expect(text).not.toContain('UTC');
    } finally {
      t.setNow(new Date());
    }
    const id = (t.desk.context.database.sqlite.prepare('select max(id) as id from desk_upload_links').get() as { id: number }).id;
    const revoked = await clerk.post(`/ky/2025-H1/duong-dan/${id}/thu-hoi`, { _csrf: csrf });
    expect(revoked.status).toBe(303);
    const res = await fetch(t.url + link);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('thu hồi');
  });
});
