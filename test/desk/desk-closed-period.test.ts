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
    // The pages say so too: the run and report buttons are disabled.
    expect(await (await clerk.get('/ky/2025-H1')).text()).toMatch(/<button type="submit" disabled title="Kỳ đã chốt số liệu/);
    expect(await (await clerk.get('/ky/2025-H1/bao-cao')).text()).toMatch(/id="make-report" disabled/);

    // Reopening without a reason: a message a lãnh đạo understands, no CLI option; the period stays closed.
    expect((await leader.post('/ky/2025-H1/mo-lai', { _csrf: lcsrf, ly_do: '  ' })).status).toBe(303);
    const refusedReopen = await (await leader.get('/ky/2025-H1/bao-cao')).text();
    expect(refusedReopen).toContain('cần ghi rõ lý do');
    expect(refusedReopen).not.toContain('--reason');
    expect((await clerk.post('/ky/2025-H1/noi-dung', { _csrf: csrf })).status).toBe(409);
    expect((await leader.post('/ky/2025-H1/mo-lai', { _csrf: lcsrf, ly_do: 'Sở Y tế gửi bổ sung' })).status).toBe(303);
    expect((await clerk.post('/ky/2025-H1/noi-dung', { _csrf: csrf })).status).toBe(303);
    // "Lập báo cáo" after reopening: the skipped intake reads as a choice, without the CLI's --inbox.
    await clerk.post('/ky/2025-H1/bao-cao/lap', { _csrf: csrf });
    for (let i = 0; i < 600 && t.desk.context.runs.get('2025-H1')?.state === 'running'; i++) await new Promise((r) => setTimeout(r, 100));
    const board = await (await clerk.get('/ky/2025-H1')).text();
    expect(board).toContain('báo cáo lập từ số liệu đã nhận');
    expect(board).not.toContain('--inbox');
    expect(board).not.toContain('⏳');
  });
});

describe('confirming a name', () => {
  it('refuses an indicator whose unit the rows cannot convert to, and accepts one they can', async () => {
    const { findAliasUnitConflict } = await import('../../pipeline/desk/find-alias-unit-conflict.ts');
    const sqlite = t.desk.context.database.sqlite;
    const insert = sqlite.prepare(
      `insert into problems (agency_code, period, code, severity, message, file_name, value_text, row_data)
       values ('so-cong-thuong', '2024-H2', 'unknown-indicator', 'error', 'Không nhận ra chỉ tiêu', 'bc.xls', ?, ?)`,
    );
    const name = 'Giá trị sản xuất công nghiệp (giá so sánh 2010)';
    insert.run(name, JSON.stringify(['3', name, 'tỷ đồng', '15120']));
    const base = { period: '2024-H2', name, agency: 'so-cong-thuong' };
    expect(findAliasUnitConflict(sqlite, { ...base, indicator: 'ty-trong-cong-nghiep-che-bien-che-tao' })).toEqual({ written: 'tỷ đồng', indicatorUnit: '%' });
    const clerk = createClient(t.url);
    const csrf = await clerk.signIn(STAFF.clerk);
    const res = await clerk.post('/ky/2024-H2/ten-chi-tieu', { _csrf: csrf, ten: name, chi_tieu: 'ty-trong-cong-nghiep-che-bien-che-tao', co_quan: 'so-cong-thuong' });
    expect(res.status).toBe(303);
    const page = await (await clerk.get('/ky/2024-H2/ten-chi-tieu')).text();
    expect(page).toContain('không đổi được sang đơn vị của chỉ tiêu');
    expect(sqlite.prepare('select 1 from indicator_aliases where alias = ?').get(name)).toBeUndefined();
    // A figure in giường for an indicator in giường is no conflict.
    insert.run('Giường bệnh trên vạn dân', JSON.stringify(['2', 'Giường bệnh trên vạn dân', 'giường', '33,5']));
    expect(findAliasUnitConflict(sqlite, { ...base, name: 'Giường bệnh trên vạn dân', indicator: 'so-giuong-benh-tren-10000-dan' })).toBeNull();
  });
});
