// Desk end to end, in headless Chromium: a whole period as the office runs it. Sign in, run the period on the
// sample inbox, give Sở Y tế an upload link, upload its file through it and see the feedback, confirm the suggested
// indicator for the name the matcher did not know, edit the narrative, produce the report, download the PDF, and a
// lãnh đạo closes the period. DESK_SCREENSHOTS=docs saves the README's screenshots.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromProjectRoot } from '../../pipeline/shared/project-paths.ts';
import { narrativeFilePath, readNarrativeFile } from '../../pipeline/report/narrative/narrative-file.ts';
import { STAFF, startTestDesk, type TestDesk } from './desk-test-harness.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'so-y-te-bao-cao.csv');
const SHOTS = process.env.DESK_SCREENSHOTS ? path.resolve(process.env.DESK_SCREENSHOTS) : null;

let t: TestDesk;
let browser: Browser;
let profile: string;
let page: Page;

async function shot(name: string, options: { at?: string } = {}): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  if (options.at) {
    // One screen from the element down, as the user sees it after scrolling there.
    await page.setViewport({ width: 1280, height: 1250 });
    await page.$eval(options.at, (e) => e.scrollIntoView());
    await page.screenshot({ path: path.join(SHOTS, name) });
    await page.setViewport({ width: 1280, height: 900 });
  } else {
    await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
  }
}

async function signIn(user: { username: string; password: string }): Promise<void> {
  await page.goto(`${t.url}/ky/2025-H1`);
  await page.waitForSelector('#username');
  await page.type('#username', user.username);
  await page.type('#password', user.password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}

async function waitForRunEnd(): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[data-running="1"]') && !document.querySelector('#make-report[disabled]'), { timeout: 120_000, polling: 500 });
  await page.waitForSelector('main');
}

beforeAll(async () => {
  t = await startTestDesk();
  // The sample inbox, as the văn thư saved it: the desk's inbox of the period.
  fs.cpSync(fromProjectRoot('samples', 'inbox', '2025-H1'), path.join(t.root, 'inbox', '2025-H1'), { recursive: true });
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-desk-chromium-'));
  browser = await puppeteer.launch({
    executablePath: process.env.KEHOACH_CHROME ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
  await t?.close();
});

describe('a period on the desk', () => {
  it('signs in, runs the period on the inbox and shows the board', async () => {
    await signIn(STAFF.clerk);
    expect(page.url()).toBe(`${t.url}/ky/2025-H1`);
    await Promise.all([page.waitForNavigation(), page.click('#run button[type=submit]')]);
    await waitForRunEnd();
    const stages = await page.$$eval('#run-stages li', (els) => els.map((e) => e.textContent ?? ''));
    expect(stages.join('\n')).toMatch(/Lập báo cáo: 1 tệp báo cáo|Lập báo cáo: \d+ tệp báo cáo/);
    const row = await page.$eval('tr[data-agency="so-cong-thuong"]', (e) => e.textContent ?? '');
    expect(row).toContain('Không hợp lệ');
    expect(await page.$eval('tr[data-agency="so-y-te"]', (e) => e.textContent ?? '')).toMatch(/Đúng hạn|Muộn|Gửi thiếu/);
    await shot('desk-board.png');
  });

  it('gives Sở Y tế an upload link, through which its clerk uploads and sees the feedback', async () => {
    await page.goto(`${t.url}/ky/2025-H1/don-vi/so-y-te`);
    await Promise.all([page.waitForNavigation(), page.click('#create-link')]);
    const link = await page.$eval('#upload-link', (e) => e.textContent!.trim());
    expect(link).toMatch(new RegExp(`^${t.url}/nop/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
    // The agency's clerk: another browser context, no staff session.
    const agency = await browser.createBrowserContext();
    const clerkPage = await agency.newPage();
    await clerkPage.goto(link);
    expect(await clerkPage.$eval('h1', (e) => e.textContent)).toContain('Nộp báo cáo');
    const input = await clerkPage.$('input#tep');
    await input!.uploadFile(FIXTURE);
    const started = performance.now();
    await clerkPage.click('#upload-form button[type=submit]');
    await clerkPage.waitForSelector('#upload-result', { timeout: 60_000 });
    const ms = performance.now() - started;
    console.log(`upload to feedback on the page: ${Math.round(ms)} ms`);
    const result = await clerkPage.$eval('#upload-result', (e) => e.textContent ?? '');
    expect(result).toContain('so-y-te-bao-cao.csv');
    expect(result).toContain('Nhận một phần');
    const problems = await clerkPage.$$eval('.problems li', (els) => els.map((e) => e.textContent ?? ''));
    expect(problems.join('\n')).toContain('Giường bệnh (không tính trạm y tế xã) trên vạn dân');
    await agency.close();
  });

  it('confirms the suggested indicator for the unknown name and takes the file in again', async () => {
    await page.goto(`${t.url}/ky/2025-H1/ten-chi-tieu`);
    const item = await page.$('.name-item[data-name="Giường bệnh (không tính trạm y tế xã) trên vạn dân"]');
    expect(item).not.toBeNull();
    const chosen = await item!.$eval('input[name=chi_tieu]:checked', (e) => (e as HTMLInputElement).value);
    expect(chosen).toBe('so-giuong-benh-tren-10000-dan');
    // A name only loosely like any indicator gets suggestions, none chosen in advance.
    const loose = await page.$('.name-item[data-name="Giá trị sản xuất công nghiệp (giá so sánh 2010)"]');
    expect(await loose!.$('input[name=chi_tieu]:checked')).toBeNull();
    await shot('desk-unknown-name.png');
    await Promise.all([page.waitForNavigation(), item!.$eval('button[type=submit]', (b) => (b as HTMLButtonElement).click())]);
    const flash = await page.$eval('.flash', (e) => e.textContent ?? '');
    expect(flash).toContain('so-giuong-benh-tren-10000-dan');
    expect(flash).toContain('so-y-te-bao-cao.csv (đã nhận)');
    expect(await page.$('.name-item[data-name="Giường bệnh (không tính trạm y tế xã) trên vạn dân"]')).toBeNull();
    const aliases = fs.readFileSync(path.join(t.root, 'seeds', 'aliases.csv'), 'utf8');
    expect(aliases).toContain('Giường bệnh (không tính trạm y tế xã) trên vạn dân');
    // Who confirmed it and when, in the seeds and the database.
    expect(aliases).toMatch(/bàn làm việc: lan \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/);
    const row = t.desk.context.database.sqlite.prepare("select source_ref from indicator_aliases where alias = ?").get('Giường bệnh (không tính trạm y tế xã) trên vạn dân') as { source_ref: string };
    expect(row.source_ref).toMatch(/^bàn làm việc: lan /);
  });

  it("opens a figure's source cell in a rendering of the agency's sheet around it", async () => {
    await page.goto(`${t.url}/ky/2025-H1/don-vi/so-y-te`);
    const link = await page.$$eval('#figures a.cell', (as) => as.map((a) => (a as HTMLAnchorElement).href).find((h) => h.includes('o=D3')));
    expect(link).toBeTruthy();
    await page.goto(link!);
    expect(await page.$eval('#sheet td.target', (e) => e.textContent)).toBe('33,5');
    const row = await page.$eval('#sheet tr.target-row', (e) => e.textContent ?? '');
    expect(row).toContain('Giường bệnh (không tính trạm y tế xã) trên vạn dân');
    await shot('desk-source-cell.png');
  });

  it('edits the narrative, produces the report and downloads the PDF', async () => {
    await page.goto(`${t.url}/ky/2025-H1/bao-cao`);
    await Promise.all([page.waitForNavigation(), page.click('#make-report')]);
    await waitForRunEnd();
    // The report stage wrote the period's narrative file; the desk shows its sections as text areas.
    const file = narrativeFilePath(path.join(t.root, 'output'), '2025-H1');
    expect(readNarrativeFile(file)).not.toBeNull();
    // "Hạn chế, yếu kém": a section staff write themselves.
    const area = await page.$('#narrative-form textarea[data-section="danh-gia.han-che"]');
    const sectionId = await area!.evaluate((e) => e.getAttribute('data-section'));
    await area!.evaluate((e) => ((e as HTMLTextAreaElement).value = ''));
    await area!.type('Tiến độ giải ngân vốn đầu tư công còn chậm <b>không in đậm</b>.');
    await Promise.all([page.waitForNavigation(), page.click('#save-narrative')]);
    expect(await page.$eval('.flash', (e) => e.textContent ?? '')).toContain('Đã lưu 1 đề mục');
    const saved = readNarrativeFile(file)!.sections.find((s) => s.id === sectionId)!;
    expect(saved.parts).toEqual([{ kind: 'staff', text: 'Tiến độ giải ngân vốn đầu tư công còn chậm <b>không in đậm</b>.' }]);
    // Produce again: the preview and the downloads follow.
    await Promise.all([page.waitForNavigation(), page.click('#make-report')]);
    await waitForRunEnd();
    expect(await page.$('iframe.preview')).not.toBeNull();
    // The staff text is in the report, as text: the markup typed is printed, never interpreted.
    const preview = await page.evaluate(async (href) => (await fetch(href)).text(), `${t.url}/ky/2025-H1/xem/six-month`);
    expect(preview).toContain('Tiến độ giải ngân vốn đầu tư công còn chậm &lt;b&gt;không in đậm&lt;/b&gt;.');
    const rows = await page.$$eval('#reconciliation tbody tr', (els) => els.length);
    expect(rows).toBeGreaterThan(10);
    await shot('desk-report.png', { at: 'h1' });
    const pdf = await page.$eval('a[data-format="PDF"]', (a) => (a as HTMLAnchorElement).href);
    const head = await page.evaluate(async (href) => {
      const res = await fetch(href);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { type: res.headers.get('content-type'), start: String.fromCharCode(...bytes.slice(0, 5)), size: bytes.length };
    }, pdf);
    expect(head.type).toBe('application/pdf');
    expect(head.start).toBe('%PDF-');
    expect(head.size).toBeGreaterThan(10_000);
  });

  it('lets the lãnh đạo close the period, and records who did what', async () => {
    await Promise.all([page.waitForNavigation(), page.click('form[action="/dang-xuat"] button')]);
    await signIn(STAFF.leader);
    await page.goto(`${t.url}/ky/2025-H1/bao-cao`);
    await page.type('#ghi_chu', 'Báo cáo số 45/BC-STC');
    await Promise.all([page.waitForNavigation(), page.click('#close-period')]);
    expect(await page.$eval('.flash', (e) => e.textContent ?? '')).toContain('Đã chốt số liệu kỳ 2025-H1');
    // Reopening needs a reason, and says what it released.
    await page.type('#ly_do', 'Sở Y tế gửi số liệu điều chỉnh');
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/mo-lai"] button')]);
    expect(await page.$eval('.flash', (e) => e.textContent ?? '')).toContain('Đã mở lại kỳ 2025-H1');
    await page.goto(`${t.url}/nhat-ky`);
    const log = await page.$eval('table', (e) => e.textContent ?? '');
    for (const action of ['đăng nhập', 'chạy kỳ', 'tạo đường dẫn nộp tệp', 'nộp tệp', 'xác nhận tên chỉ tiêu', 'sửa nội dung báo cáo', 'lập báo cáo', 'chốt số liệu', 'mở lại kỳ']) {
      expect(log).toContain(action);
    }
  });
});
