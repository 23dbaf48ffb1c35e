// Benchmark (`npm run bench`): a province-sized period and a national batch of 34 provinces, timed per stage, the
// PDF stage against the floor of Chromium printing the same HTML, and the CSV intake rate. Prints the numbers;
// asserts nothing (timings never go into tests).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { openDatabase } from '../pipeline/db/open-database.ts';
import { loadSeeds } from '../pipeline/registry/load-seeds.ts';
import { parseConfig } from '../pipeline/config/resolve-config.ts';
import { runPeriod, type RunOutcome } from '../pipeline/batch/run-period.ts';
import { ingest } from '../pipeline/intake/ingest.ts';
import { createPdfWriter, BROWSER_ARGS } from '../pipeline/report/writers/create-pdf-writer.ts';
import { createDocxWriter } from '../pipeline/report/writers/create-docx-writer.ts';
import { createHtmlWriter } from '../pipeline/report/writers/create-html-writer.ts';
import { findBrowser } from '../pipeline/report/writers/find-browser.ts';
import type { ReportFormat, ReportWriter } from '../pipeline/report/writers/report-writer.ts';
import { parsePeriod } from '../pipeline/shared/parse-period.ts';
import { writeBenchInbox, writeBenchSeeds, writeLargeCsv, type BenchSize } from './make-bench-data.ts';

const PROVINCE: BenchSize = { agencies: 30, indicators: 400 };
const PROVINCES = Number(process.env.BENCH_PROVINCES ?? 34);
const CSV_ROWS = Number(process.env.BENCH_CSV_ROWS ?? 100_000);

interface TimedWriters {
  writers: Record<ReportFormat, ReportWriter>;
  ms: Record<ReportFormat, number>;
}

function createTimedWriters(): TimedWriters {
  const ms: Record<ReportFormat, number> = { pdf: 0, docx: 0, html: 0 };
  const wrap = (w: ReportWriter): ReportWriter => ({
    format: w.format,
    async write(rendered, file) {
      const t = performance.now();
      await w.write(rendered, file);
      ms[w.format] += performance.now() - t;
    },
    close: () => w.close(),
  });
  return { writers: { html: wrap(createHtmlWriter()), pdf: wrap(createPdfWriter()), docx: wrap(createDocxWriter()) }, ms };
}

const config = parseConfig({ report: { date: '2025-12-22', formats: ['pdf', 'docx', 'html'] } }, 'bench');

async function runProvince(root: string, seedsDir: string, inbox: string, writers: Record<ReportFormat, ReportWriter>): Promise<{ outcome: RunOutcome; totalMs: number }> {
  fs.mkdirSync(root, { recursive: true });
  const started = performance.now();
  const database = openDatabase({ file: path.join(root, 'k.sqlite') });
  try {
    const outcome = await runPeriod(database, {
      period: parsePeriod('2025'),
      seedsDir,
      inbox,
      outDir: path.join(root, 'output'),
      kinds: ['annual'],
      config,
      archiveDir: path.join(root, 'archive'),
      writers,
    });
    return { outcome, totalMs: performance.now() - started };
  } finally {
    await database.close();
  }
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

async function pdfFloor(htmlFile: string): Promise<{ launchMs: number; printMs: number }> {
  const t0 = performance.now();
  const browser = await puppeteer.launch({ executablePath: findBrowser(), args: [...BROWSER_ARGS], headless: true });
  const launchMs = performance.now() - t0;
  try {
    const page = await browser.newPage();
    const html = fs.readFileSync(htmlFile, 'utf8');
    const t1 = performance.now();
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    return { launchMs, printMs: performance.now() - t1 };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-bench-'));
  console.log(`kehoach bench: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  console.log(`work folder ${root}\n`);

  const seedsDir = path.join(root, 'seeds');
  const inbox = path.join(root, 'inbox');
  let t = performance.now();
  writeBenchSeeds(seedsDir, PROVINCE);
  await writeBenchInbox(seedsDir, inbox, PROVINCE);
  console.log(`generated a province: ${PROVINCE.agencies} agencies, ${PROVINCE.indicators} indicators, forms/free-form xlsx/csv (${s(performance.now() - t)})`);

  // 1. One province, inbox to all reports, one browser launched inside the PDF stage.
  const one = createTimedWriters();
  const province = await runProvince(path.join(root, 'province'), seedsDir, inbox, one.writers);
  await Promise.all(Object.values(one.writers).map((w) => w.close()));
  console.log('\n== Province period (2025, annual report in PDF, DOCX, HTML)');
  for (const st of province.outcome.stages) console.log(`  ${st.stage.padEnd(14)} ${s(st.ms)}  ${st.status}  ${st.detail}`);
  console.log(`    of which PDF ${s(one.ms.pdf)} (incl. browser launch), DOCX ${s(one.ms.docx)}, HTML ${s(one.ms.html)}`);
  console.log(`  total          ${s(province.totalMs)}  (aim: under 10 s; includes opening the database and the seed check)`);

  const floor = await pdfFloor(path.join(root, 'province', 'output', '2025', 'annual.html'));
  const floorMs = floor.launchMs + floor.printMs;
  console.log(`\n== PDF floor: Chromium launched once, printing the same HTML once`);
  console.log(`  launch ${s(floor.launchMs)}, print ${s(floor.printMs)}, floor ${s(floorMs)}`);
  console.log(`  PDF stage ${s(one.ms.pdf)} = ${(one.ms.pdf / floorMs).toFixed(2)}x the floor (aim: within 1.3x, issue 10)`);

  // 2. National batch: 34 provinces, one browser for all.
  const national = createTimedWriters();
  const times: number[] = [];
  t = performance.now();
  for (let p = 0; p < PROVINCES; p++) {
    const r = await runProvince(path.join(root, `national-${p}`), seedsDir, inbox, national.writers);
    if (r.outcome.result === 'failed') throw new Error(`province ${p} failed: ${JSON.stringify(r.outcome.stages)}`);
    times.push(r.totalMs);
    fs.rmSync(path.join(root, `national-${p}`), { recursive: true, force: true });
  }
  const nationalMs = performance.now() - t;
  await Promise.all(Object.values(national.writers).map((w) => w.close()));
  const k = Math.min(10, Math.floor(PROVINCES / 2));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  console.log(`\n== National batch: ${PROVINCES} provinces, one browser`);
  console.log(`  total ${s(nationalMs)}, ${s(nationalMs / PROVINCES)} per province; PDF ${s(national.ms.pdf)}, DOCX ${s(national.ms.docx)}`);
  console.log(`  first ${k} provinces ${s(mean(times.slice(0, k)))} each, last ${k} ${s(mean(times.slice(-k)))} each (linear when these match)`);

  // 3. Large CSV intake rate.
  const csvSeeds = path.join(root, 'seeds-csv');
  writeBenchSeeds(csvSeeds, PROVINCE, CSV_ROWS);
  const csvFile = path.join(root, 'large', 'so-lieu-thong-ke.csv');
  writeLargeCsv(csvFile, PROVINCE, CSV_ROWS);
  const database = openDatabase({ file: path.join(root, 'large', 'k.sqlite') });
  try {
    loadSeeds(database.sqlite, csvSeeds);
    const t2 = performance.now();
    // Above the default row cap of a sheet (50.000): the rate is measured on the whole file, so the cap is raised here.
    const result = await ingest(database, {
      period: '2025',
      files: [csvFile],
      agency: 'cuc-thong-ke-bench',
      archiveDir: path.join(root, 'large', 'archive'),
      sheetLimits: { maxRows: CSV_ROWS + 10 },
    });
    const ms = performance.now() - t2;
    const f = result.files[0]!;
    console.log(`\n== Large CSV: ${CSV_ROWS.toLocaleString('en')} rows, ${(fs.statSync(csvFile).size / 2 ** 20).toFixed(1)} MiB`);
    console.log(`  ${f.status}, ${f.rowsAccepted} rows accepted in ${s(ms)}: ${Math.round(CSV_ROWS / (ms / 1000)).toLocaleString('en')} rows/s (aim: 20,000 or more)`);
  } finally {
    await database.close();
  }
  console.log(`\npeak resident memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);

  // 4. Three dense 49 MB CSVs beside the normal inbox, in a process of its own so its peak memory is its own.
  console.log('');
  const dense = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./run-dense-csv-case.ts', import.meta.url))], { stdio: 'inherit' });
  if (dense.status !== 0) throw new Error(`dense CSV case failed (exit ${dense.status})`);
  fs.rmSync(root, { recursive: true, force: true });
}

await main();
