// Desk: what an upload link keeps. Every file handed in stays as its own file with its own arrival; the same bytes
// sent again are recognised by content and keep the first arrival; a sending of too many files names those not taken.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, STAFF, startTestDesk, type TestDesk } from './desk-test-harness.ts';

const FIXTURE = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'so-y-te-bao-cao.csv'));
let t: TestDesk;
let link: string;
let csrf: string;

beforeAll(async () => {
  t = await startTestDesk();
  const client = createClient(t.url);
  const staffCsrf = await client.signIn(STAFF.clerk);
  const res = await client.post('/ky/2025-H1/don-vi/so-y-te/duong-dan', { _csrf: staffCsrf, so_ngay: '30' });
  link = /id="upload-link">([^<]+)</.exec(await res.text())![1]!.replace(t.url, '');
  csrf = /name="_csrf" value="([^"]+)"/.exec(await (await fetch(t.url + link)).text())![1]!;
});
afterAll(async () => {
  await t?.close();
});

function upload(files: { name: string; bytes: Buffer }[]) {
  const form = new FormData();
  form.set('_csrf', csrf);
  for (const f of files) form.append('tep', new File([new Uint8Array(f.bytes)], f.name));
  return fetch(t.url + link, { method: 'POST', body: form });
}

function submissionTimes(): { received_at: string; file_name: string }[] {
  return t.desk.context.database.sqlite
    .prepare(`select s.received_at, f.file_name from submissions s join received_files f on f.id = s.file_id
               where s.agency_code = 'so-y-te' and s.period = '2025-H1' order by s.received_at`)
    .all() as never;
}

describe('files handed in through a link', () => {
  it('keeps every file and its first arrival, and recognises the same bytes sent again', async () => {
    const dir = path.join(t.root, 'inbox', '2025-H1', 'so-y-te');
    t.setNow(new Date('2025-06-20T02:00:00Z'));
    expect((await upload([{ name: 'bao-cao.csv', bytes: FIXTURE }])).status).toBe(200);
    expect(submissionTimes().map((s) => s.received_at)).toEqual(['2025-06-20T02:00:00Z']);

    // The same bytes after the deadline: still one file, the arrival of 20/06 kept, the page says so.
    t.setNow(new Date('2025-07-20T02:00:00Z'));
    const again = await (await upload([{ name: 'bao-cao.csv', bytes: FIXTURE }])).text();
    expect(again).toContain('giống hệt tệp đã nhận lúc');
    expect(fs.readdirSync(dir)).toEqual(['bao-cao.csv']);
    expect(submissionTimes().map((s) => s.received_at)).toEqual(['2025-06-20T02:00:00Z']);
    const register = fs.readFileSync(path.join(t.root, 'inbox', '2025-H1', '_received.csv'), 'utf8');
    expect(register.trim().split('\n')).toEqual(['file,received_at', '"so-y-te/bao-cao.csv",2025-06-20T02:00:00Z']);

    // A correction under the same name: a file of its own, the first one and its arrival untouched.
    const corrected = Buffer.concat([FIXTURE, Buffer.from('\n')]);
    expect((await upload([{ name: 'bao-cao.csv', bytes: corrected }])).status).toBe(200);
    expect(fs.readdirSync(dir).sort()).toEqual(['bao-cao (2).csv', 'bao-cao.csv']);
    expect(fs.readFileSync(path.join(dir, 'bao-cao.csv')).equals(FIXTURE)).toBe(true);
    expect(submissionTimes()).toEqual([
      { received_at: '2025-06-20T02:00:00Z', file_name: 'bao-cao.csv' },
      { received_at: '2025-07-20T02:00:00Z', file_name: 'bao-cao (2).csv' },
    ]);
  });

  it('names the files of a sending that were not taken', async () => {
    const files = Array.from({ length: 22 }, (_, i) => ({ name: `tep-${i + 1}.csv`, bytes: Buffer.from(`Chỉ tiêu,Số liệu\nx,${i}\n`) }));
    const html = await (await upload(files)).text();
    const notTaken = /id="not-taken">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
    expect(notTaken).toContain('tep-21.csv');
    expect(notTaken).toContain('tep-22.csv');
    expect(notTaken).not.toContain('tep-20.csv');
    expect(fs.existsSync(path.join(t.root, 'inbox', '2025-H1', 'so-y-te', 'tep-20.csv'))).toBe(true);
  });
});

describe('a link sending again and again', () => {
  it('is refused after the hourly number of sendings, and accepted again an hour later', async () => {
    t.setNow(new Date('2025-08-01T02:00:00Z'));
    const { MAX_SENDINGS_PER_HOUR } = await import('../../pipeline/desk/register-upload-routes.ts');
    let last = 0;
    // Earlier tests of this file already sent from this link within the hour before 2025-07-20; this hour is fresh.
    for (let i = 0; i < MAX_SENDINGS_PER_HOUR; i++) last = (await upload([])).status;
    expect(last).toBe(400);
    const refused = await upload([{ name: 'lan-nua.csv', bytes: Buffer.from('x') }]);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('trong một giờ qua');
    expect(fs.existsSync(path.join(t.root, 'inbox', '2025-H1', 'so-y-te', 'lan-nua.csv'))).toBe(false);
    t.setNow(new Date('2025-08-01T03:01:00Z'));
    expect((await upload([])).status).toBe(400);
  });
});
