// Report stage: the PDF writer. Chromium (through puppeteer-core) prints the rendered HTML; one browser serves every
// document of a run. The page runs with JavaScript off and every request refused except the report itself and the
// project's own font files, so text that came from an agency can neither run nor fetch anything.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { PipelineError } from '../../shared/pipeline-error.ts';
import { toOperationalError } from '../../shared/to-operational-error.ts';
import { findBrowser } from './find-browser.ts';
import { makePdfReproducible } from './make-pdf-reproducible.ts';
import { markPageBreaks } from './mark-page-breaks.ts';
import { listFontFaces } from './list-font-faces.ts';
import type { ReportWriter } from './report-writer.ts';
import { writeFileAtomic } from '../../shared/write-file-atomic.ts';

/** Origin the report is served from inside the browser; ".invalid" can never resolve (RFC 2606). */
export const REPORT_ORIGIN = 'https://kehoach.invalid';
const REPORT_URL = `${REPORT_ORIGIN}/report/index.html`;
const FONT_PREFIX = `${REPORT_ORIGIN}/report/fonts/`;

/**
 * Second lock on the page besides request interception: the document may load fonts from its own origin and
 * nothing else, and runs no script even if JavaScript were on.
 */
const CONTENT_SECURITY_POLICY = `default-src 'none'; font-src ${REPORT_ORIGIN}; style-src 'unsafe-inline'; img-src data:; script-src 'none'`;

/**
 * Chromium flags for a closed machine: no sandbox (containers), no GPU, no background traffic, no updates, no sync,
 * no first-run UI. puppeteer adds --headless itself (headless: true).
 */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
] as const;

/** Options of `createPdfWriter`. */
export interface PdfWriterOptions {
  /** Browser executable. @default findBrowser() (KEHOACH_CHROME, /usr/bin/chromium, chromium-browser, google-chrome) */
  executablePath?: string;
  /** Called for every request the page makes, with whether it was served (tests prove nothing else leaves). */
  onRequest?: (url: string, served: boolean) => void;
  /**
   * Write a tagged (accessible) PDF. Off by default: the report is a document to print and sign, its DOCX and HTML
   * carry the structure, and untagged prints about a third faster. @default false
   */
  tagged?: boolean;
}

/** Prefix of the browser profile folders in the temporary folder: kehoach-chromium-<pid>-<random>. */
export const PROFILE_PREFIX = 'kehoach-chromium-';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the profile folders that killed runs left (their process is gone), then makes this run's own. A run ended
 * normally removes its folder in close(); kill -9 cannot, so the next launch does.
 */
function prepareProfileDir(): string {
  const tmp = os.tmpdir();
  for (const name of fs.readdirSync(tmp)) {
    const owner = new RegExp(`^${PROFILE_PREFIX}(\\d+)-`).exec(name);
    if (owner && Number(owner[1]) !== process.pid && !isAlive(Number(owner[1]))) {
      fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
    }
  }
  return fs.mkdtempSync(path.join(tmp, `${PROFILE_PREFIX}${process.pid}-`));
}

/** A browser tab kept for the next document, with the HTML its interception currently serves. */
interface PageSlot {
  page: Page;
  html: string;
}

/** The PDF writer, which also says whether its browser is running. */
export interface PdfWriter extends ReportWriter {
  readonly format: 'pdf';
  /** True once the browser has been launched and not yet closed. */
  readonly isOpen: boolean;
}

/**
 * Creates the PDF writer. The browser is launched on the first `write` and kept for the next ones; `close()` ends
 * it (call it in a `finally`).
 */
export function createPdfWriter(options: PdfWriterOptions = {}): PdfWriter {
  let launching: Promise<Browser> | null = null;
  const { dir: fontDir, faces } = listFontFaces();
  const fontFiles = new Map(faces.map((f) => [f.file, f.dir]));
  const fontCache = new Map<string, Buffer>();
  // Tabs are reused from one document to the next (opening one costs 0,1-0,3 s); several run at once when
  // writeReports prints kinds side by side.
  const idle: PageSlot[] = [];

  let profileDir: string | null = null;

  function launch(): Promise<Browser> {
    launching ??= (async () => {
      const executablePath = options.executablePath ?? findBrowser();
      // Loaded on first use: a run that writes no PDF does not pay for puppeteer.
      const { default: puppeteer } = await import('puppeteer-core');
      profileDir = prepareProfileDir();
      try {
        return await puppeteer.launch({
          executablePath,
          headless: true,
          // Over a pipe (fd 3/4) instead of a WebSocket: when this process dies, even by kill -9, the pipe closes and
          // Chromium shuts down with it, so no browser outlives the run (issue 11).
          pipe: true,
          userDataDir: profileDir,
          args: [...BROWSER_ARGS],
          // UTC, so nothing the browser prints depends on the machine's zone.
          env: { ...process.env, TZ: 'UTC' },
        });
      } catch (cause) {
        launching = null;
        removeProfile();
        throw new PipelineError('browser', `Không khởi động được trình duyệt ${executablePath}: ${(cause as Error).message}`, { cause });
      }
    })();
    return launching;
  }

  function removeProfile(): void {
    if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
    profileDir = null;
  }

  function fontBody(file: string): Buffer {
    let body = fontCache.get(file);
    if (!body) {
      body = fs.readFileSync(path.join(fontFiles.get(file) ?? fontDir, file));
      fontCache.set(file, body);
    }
    return body;
  }

  async function handle(request: HTTPRequest, html: string): Promise<void> {
    const url = request.url();
    if (url === REPORT_URL && request.method() === 'GET') {
      options.onRequest?.(url, true);
      await request.respond({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
        body: html,
      });
      return;
    }
    if (url.startsWith(FONT_PREFIX) && request.method() === 'GET') {
      const file = url.slice(FONT_PREFIX.length);
      if (fontFiles.has(file)) {
        options.onRequest?.(url, true);
        await request.respond({ status: 200, contentType: 'font/woff2', body: fontBody(file) });
        return;
      }
    }
    options.onRequest?.(url, false);
    await request.abort('blockedbyclient');
  }

  async function acquire(browser: Browser): Promise<PageSlot> {
    const reused = idle.pop();
    if (reused) return reused;
    const page = await browser.newPage();
    const slot: PageSlot = { page, html: '' };
    await page.setJavaScriptEnabled(false);
    await page.setCacheEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      handle(request, slot.html).catch(() => undefined);
    });
    return slot;
  }

  return {
    format: 'pdf',
    get isOpen() {
      return launching !== null;
    },
    async write(rendered, outFile) {
      const browser = await launch();
      const slot = await acquire(browser);
      slot.html = rendered.html;
      let reusable = false;
      try {
        await slot.page.goto(REPORT_URL, { waitUntil: 'load', timeout: 60_000 });
        // Short paragraphs whole, long appendix rows splittable, by their measured lines (mark-page-breaks.ts).
        // The TypeScript loader may wrap named functions in a `__name` helper that the page does not have.
        await slot.page.evaluate('globalThis.__name = globalThis.__name || ((f) => f);');
        await slot.page.evaluate(markPageBreaks);
        const pdf = await slot.page.pdf({ preferCSSPageSize: true, printBackground: true, outline: false, tagged: options.tagged ?? false, timeout: 120_000 });
        reusable = true;
        writeFileAtomic(outFile, makePdfReproducible(pdf, rendered.date));
      } catch (cause) {
        if (cause instanceof PipelineError) throw cause;
        // A full disk or a refused folder is said in Vietnamese with the path, not as the raw errno text.
        throw toOperationalError(cause) ?? new PipelineError('report', `Không xuất được PDF ${outFile}: ${(cause as Error).message}`, { cause });
      } finally {
        // A tab that failed mid-print is not trusted with the next document.
        if (reusable && launching) idle.push(slot);
        else await slot.page.close().catch(() => undefined);
      }
    },
    async close() {
      const current = launching;
      launching = null;
      idle.length = 0;
      if (!current) return;
      const browser = await current.catch(() => null);
      await browser?.close().catch(() => undefined);
      removeProfile();
    },
  };
}
