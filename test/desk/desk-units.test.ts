// Desk: the small rules under the pages: password hashing, staff accounts, safe upload names, signed upload tokens.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../pipeline/db/open-database.ts';
import { addDeskUser } from '../../pipeline/desk/add-desk-user.ts';
import { createSessionStore } from '../../pipeline/desk/create-session-store.ts';
import { createUploadLink, isUploadGrant, readDeskSecret, verifyUploadToken } from '../../pipeline/desk/create-upload-link.ts';
import { hashPassword, verifyPassword } from '../../pipeline/desk/hash-password.ts';
import { hasUploadExtension, toSafeFileName } from '../../pipeline/desk/store-upload.ts';
import { toBoardStatus } from '../../pipeline/desk/read-period-board.ts';

let database: OpenDatabase;
beforeEach(() => {
  database = openDatabase({ file: ':memory:' });
});
afterEach(async () => {
  await database.close();
});

describe('hashPassword', () => {
  it('verifies the password it hashed and nothing else', async () => {
    const hash = await hashPassword('mật khẩu có dấu 123');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('mật khẩu có dấu 123', hash)).toBe(true);
    expect(await verifyPassword('mat khau co dau 123', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('cung-mot-mat-khau')).not.toBe(await hashPassword('cung-mot-mat-khau'));
  });

  it.each(['', 'plain', 'scrypt$1$1$1$AA==$AA==', 'scrypt$x$8$1$AAAA$AAAA'])('treats the malformed hash %j as a mismatch', async (stored) => {
    expect(await verifyPassword('bat-ky-mat-khau', stored)).toBe(false);
  });
});

describe('addDeskUser', () => {
  it('creates an account that can sign in', async () => {
    await addDeskUser(database.sqlite, { username: 'lan', displayName: 'Nguyễn Thị Lan', role: 'chuyen_vien', password: 'mat-khau-du-dai' });
    const session = await createSessionStore(database.sqlite).signIn('LAN', 'mat-khau-du-dai');
    expect(session?.session.user).toMatchObject({ username: 'lan', displayName: 'Nguyễn Thị Lan', role: 'chuyen_vien' });
  });

  it.each([
    [{ username: 'a', password: 'mat-khau-du-dai' }, /Tên đăng nhập/],
    [{ username: 'lan', password: 'ngan' }, /ít nhất 10/],
    [{ username: 'lan', password: 'mat-khau-du-dai', role: 'admin' }, /Vai trò/],
  ])('refuses %j', async (input, message) => {
    await expect(addDeskUser(database.sqlite, { role: 'chuyen_vien', ...input } as Parameters<typeof addDeskUser>[1])).rejects.toThrow(message);
  });

  it('refuses a second account of the same name unless updating, and an update ends its sessions', async () => {
    await addDeskUser(database.sqlite, { username: 'hung', role: 'chuyen_vien', password: 'mat-khau-cu-1234' });
    await expect(addDeskUser(database.sqlite, { username: 'hung', role: 'lanh_dao', password: 'mat-khau-moi-1234' })).rejects.toThrow(/Đã có/);
    const store = createSessionStore(database.sqlite);
    const before = await store.signIn('hung', 'mat-khau-cu-1234');
    await addDeskUser(database.sqlite, { username: 'hung', role: 'lanh_dao', password: 'mat-khau-moi-1234', update: true });
    expect(store.read(before!.cookie)).toBeNull();
    expect((await store.signIn('hung', 'mat-khau-moi-1234'))?.session.user.role).toBe('lanh_dao');
    expect(await store.signIn('hung', 'mat-khau-cu-1234')).toBeNull();
  });
});

describe('toSafeFileName', () => {
  it.each([
    ['bao-cao 6 tháng.xlsx', 'bao-cao 6 tháng.xlsx'],
    ['../../etc/passwd.csv', 'passwd.csv'],
    ['C:\\Users\\van thu\\bao cao.xls', 'bao cao.xls'],
    ['bao\u0000cao\u0007.csv', 'baocao.csv'],
    ['evil\u202Egpj.exe', 'evilgpj.exe'],
    ['.hidden.csv', 'hidden.csv'],
    ['..', 'tep-nop'],
    ['', 'tep-nop'],
    ['a<b>:c"d|e?f*g,h.ods', 'a_b__c_d_e_f_g_h.ods'],
    ['ba\u0301o ca\u0301o.csv', 'báo cáo.csv'],
  ])('makes %j safe as %j', (name, safe) => {
    expect(toSafeFileName(name)).toBe(safe);
  });

  it('keeps the extension of a long name', () => {
    const safe = toSafeFileName(`${'dài '.repeat(80)}.xlsx`);
    expect(safe.length).toBeLessThanOrEqual(120);
    expect(safe.endsWith('.xlsx')).toBe(true);
  });

  it.each([['a.xlsx', true], ['a.XLS', true], ['a.ods', true], ['a.csv', true], ['a.exe', false], ['a.xlsx.exe', false], ['a', false], ['a.html', false]])(
    'tells whether %s may be read (%s)',
    (name, ok) => {
      expect(hasUploadExtension(name)).toBe(ok);
    },
  );
});

describe('upload tokens', () => {
  it('grants exactly the agency and period of the link until it expires', () => {
    const secret = readDeskSecret(database.sqlite);
    const now = new Date('2025-06-01T00:00:00Z');
    const { token } = createUploadLink(database.sqlite, secret, { agency: 'so-y-te', period: '2025-H1', createdBy: 'lan', days: 2, now });
    const ok = verifyUploadToken(database.sqlite, secret, token, new Date('2025-06-02T00:00:00Z'));
    expect(isUploadGrant(ok) && [ok.agency, ok.period]).toEqual(['so-y-te', '2025-H1']);
    expect(verifyUploadToken(database.sqlite, secret, token, new Date('2025-06-03T00:00:01Z'))).toMatchObject({ reason: 'expired' });
  });

  it('refuses a token signed with another secret, or cut', () => {
    const secret = readDeskSecret(database.sqlite);
    const { token } = createUploadLink(database.sqlite, Buffer.alloc(32, 1), { agency: 'so-y-te', period: '2025-H1', createdBy: 'lan' });
    expect(verifyUploadToken(database.sqlite, secret, token)).toMatchObject({ reason: 'invalid' });
    expect(verifyUploadToken(database.sqlite, secret, token.split('.')[0]!)).toMatchObject({ reason: 'invalid' });
  });
});

describe('toBoardStatus', () => {
  it.each([
    [{ status: 'du', late: 'khong' }, 'dung_han'],
    [{ status: 'du', late: 'co' }, 'muon'],
    [{ status: 'thieu', late: 'khong' }, 'gui_thieu'],
    [{ status: 'khong_nhan', late: '' }, 'khong_hop_le'],
    [{ status: 'chua_gui', late: 'co' }, 'chua_gui'],
  ])('maps %j to %s', (row, status) => {
    expect(toBoardStatus(row)).toBe(status);
  });
});
