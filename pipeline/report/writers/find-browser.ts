// Report stage: finds the Chromium the PDF writer drives (puppeteer-core ships no browser).
import fs from 'node:fs';
import path from 'node:path';
import { fromProjectRoot } from '../../db/project-root.ts';
import { PipelineError } from '../../shared/pipeline-error.ts';

/** Where `npx @puppeteer/browsers install ... --path .cache/browsers` puts a browser for this project. */
export const PROJECT_BROWSER_CACHE = fromProjectRoot('.cache', 'browsers');

/** Executables inside a @puppeteer/browsers cache, per browser folder, relative to a version folder. */
const CACHE_LAYOUT: Record<string, string[]> = {
  'chrome-headless-shell': ['chrome-headless-shell-linux64/chrome-headless-shell', 'chrome-headless-shell-mac-arm64/chrome-headless-shell', 'chrome-headless-shell-mac-x64/chrome-headless-shell'],
  chrome: ['chrome-linux64/chrome'],
  chromium: ['chrome-linux/chrome'],
};

/** Absolute paths tried after KEHOACH_CHROME, in order. */
export const BROWSER_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'] as const;

/** Command names looked up on PATH after the fixed paths. */
export const BROWSER_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

/** How to get a browser, in the error message. */
export const BROWSER_INSTALL_HELP =
  'Không tìm thấy trình duyệt Chromium để xuất PDF. Cách khắc phục (chọn một):\n' +
  '  - Debian/Ubuntu: sudo apt-get install -y chromium   (Ubuntu: chromium-browser)\n' +
  '  - Hoặc tải bản headless riêng cho dự án (cần mạng, một lần; dự án tự tìm thấy trong .cache/browsers):\n' +
  '      npx @puppeteer/browsers install chrome-headless-shell@stable --path .cache/browsers\n' +
  '  - Hoặc đặt biến môi trường KEHOACH_CHROME trỏ tới tệp chạy Chromium/Chrome có sẵn.\n' +
  'Báo cáo DOCX và HTML vẫn xuất được khi không có trình duyệt (--format docx,html).';

/** The newest browser in a @puppeteer/browsers cache folder, or null. */
function findInCache(cacheDir: string): string | null {
  for (const [browser, executables] of Object.entries(CACHE_LAYOUT)) {
    const root = path.join(cacheDir, browser);
    let versions: string[];
    try {
      versions = fs.readdirSync(root).sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
    } catch {
      continue;
    }
    for (const version of versions) {
      for (const exe of executables) {
        const candidate = path.join(root, version, exe);
        if (isExecutable(candidate)) return candidate;
      }
    }
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Returns the browser executable: KEHOACH_CHROME when set (it must exist), else /usr/bin/chromium,
 * chromium-browser, google-chrome, then a browser installed for the project in .cache/browsers by
 * `npx @puppeteer/browsers install chrome-headless-shell@stable --path .cache/browsers`, then the commands on PATH.
 * @param env the environment to read KEHOACH_CHROME and PATH from
 * @param candidates other fixed paths, command names and cache folder to try (tests)
 *   @default BROWSER_PATHS, BROWSER_COMMANDS, PROJECT_BROWSER_CACHE
 * @throws PipelineError('browser') with install instructions in Vietnamese when none is found
 */
export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  candidates: { paths?: readonly string[]; commands?: readonly string[]; cacheDir?: string } = {},
): string {
  const explicit = env.KEHOACH_CHROME?.trim();
  if (explicit) {
    if (isExecutable(explicit)) return explicit;
    throw new PipelineError('browser', `KEHOACH_CHROME="${explicit}" không phải tệp chạy được.\n${BROWSER_INSTALL_HELP}`);
  }
  for (const p of candidates.paths ?? BROWSER_PATHS) if (isExecutable(p)) return p;
  const cached = findInCache(candidates.cacheDir ?? PROJECT_BROWSER_CACHE);
  if (cached) return cached;
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of candidates.commands ?? BROWSER_COMMANDS) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  throw new PipelineError('browser', BROWSER_INSTALL_HELP);
}
