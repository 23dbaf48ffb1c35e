// Bench (desk): the time from upload to feedback on the page, for every file of the sample inbox (samples/inbox/
// 2025-H1). A desk on 127.0.0.1 with a fresh database; for each agency a link is made, and headless Chromium opens it,
// picks the file and sends it; the clock runs from the click to the feedback shown on the page that comes back.
// Run: npx tsx bench/desk-upload-feedback.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { parseConfig } from '../pipeline/config/resolve-config.ts';
import { fromProjectRoot } from '../pipeline/shared/project-paths.ts';
import { createUploadLink } from '../pipeline/desk/create-upload-link.ts';
import { startDesk } from '../pipeline/desk/start-desk.ts';
import { loadIntakeRegistry } from '../pipeline/intake/match/load-intake-registry.ts';
import { resolveAgency } from '../pipeline/intake/match/resolve-agency.ts';

const PERIOD = '2025-H1';
const inbox = fromProjectRoot('samples', 'inbox', PERIOD);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-desk-bench-'));
fs.cpSync(fromProjectRoot('seeds'), path.join(root, 'seeds'), { recursive: true });
const desk = await startDesk({
  dbFile: path.join(root, 'kehoach.sqlite'),
  port: 0,
  outDir: path.join(root, 'output'),
  inboxDir: path.join(root, 'inbox'),
  seedsDir: path.join(root, 'seeds'),
  config: parseConfig({}, 'bench'),
});
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-desk-bench-chromium-'));
const browser = await puppeteer.launch({
  executablePath: process.env.KEHOACH_CHROME ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`],
});
const times: { file: string; ms: number; result: string }[] = [];
try {
  const sqlite = desk.context.database.sqlite;
  const registry = loadIntakeRegistry(sqlite);
  const page = await browser.newPage();
  for (const folder of fs.readdirSync(inbox, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const agency = resolveAgency(registry, folder);
    if (!agency) continue;
    const { token } = createUploadLink(sqlite, desk.context.secret, { agency, period: PERIOD, createdBy: 'bench' });
    for (const file of fs.readdirSync(path.join(inbox, folder)).sort()) {
      await page.goto(`${desk.url}/nop/${token}`);
      const input = await page.$('input#tep');
      await input!.uploadFile(path.join(inbox, folder, file));
      const started = performance.now();
      await page.click('#upload-form button[type=submit]');
      await page.waitForSelector('#upload-result', { timeout: 60_000 });
      const ms = performance.now() - started;
      const result = (await page.$eval('#upload-result p', (e) => e.textContent ?? '')).replace(/\s+/g, ' ').trim();
      times.push({ file: `${folder}/${file}`, ms, result });
      console.log(`${String(Math.round(ms)).padStart(6)} ms  ${folder}/${file}: ${result}`);
    }
  }
} finally {
  await browser.close();
  await desk.close();
  fs.rmSync(profile, { recursive: true, force: true });
  fs.rmSync(root, { recursive: true, force: true });
}
const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
console.log(`\n${times.length} tệp: trung vị ${Math.round(median)} ms, nhanh nhất ${Math.round(sorted[0] ?? 0)} ms, chậm nhất ${Math.round(sorted.at(-1) ?? 0)} ms`);
