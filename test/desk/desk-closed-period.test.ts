// Desk: a closed period (chốt số liệu) keeps its issued report: narrative saves, "Lập báo cáo", "Chạy lại kỳ" and
// name confirmations are refused on the server for every role until the lãnh đạo reopens the period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, STAFF, startTestDesk, type TestDesk } from './desk-test-harness.ts';

let t: TestDesk;
beforeAll(async () => {
  t = await startTestDesk();
});
afterAll(async () => {
  await t?.close();
});

describe('a closed period', () => {
  it('refuses changes to the report until it is reopened', async () => {
    const clerk = createClient(t.url);
    const csrf = await clerk.signIn(STAFF.clerk);
    const leader = createClient(t.url);
    const lcsrf = await leader.signIn(STAFF.leader);
    expect((await leader.post('/ky/2025-H1/chot', { _csrf: lcsrf, ghi_chu: 'Chốt để trình ký' })).status).toBe(303);

    const attempts: [string, Record<string, string>][] = [
      ['/ky/2025-H1/noi-dung', { id_0: 'mo-dau', s_0: 'SỬA SAU KHI CHỐT' }],
      ['/ky/2025-H1/bao-cao/lap', {}],
      ['/ky/2025-H1/chay', {}],
      ['/ky/2025-H1/chay', { pham_vi: 'report' }],
      ['/ky/2025-H1/ten-chi-tieu', { ten: 'Tên lạ', chi_tieu: 'grdp-tang-truong', co_quan: 'so-y-te' }],
    ];
    for (const [who, token] of [[clerk, csrf], [leader, lcsrf]] as const) {
      for (const [url, form] of attempts) {
        const res = await who.post(url, { _csrf: token, ...form });
        expect(res.status, url).toBe(409);
        const body = await res.text();
        expect(body).toContain('đã chốt số liệu');
        expect(body).toContain('mở lại kỳ');
      }
    }
    expect(t.desk.context.runs.get('2025-H1')).toBeUndefined();

    expect((await leader.post('/ky/2025-H1/mo-lai', { _csrf: lcsrf, ly_do: 'Sở Y tế gửi bổ sung' })).status).toBe(303);
    expect((await clerk.post('/ky/2025-H1/noi-dung', { _csrf: csrf })).status).toBe(303);
  });
});
