// Report stage: finds the Chromium the PDF writer drives (puppeteer-core ships no browser).
import fs from 'node:fs';
import path from 'node:path';
import { PipelineError } from '../shared/pipeline-error.ts';

/** Absolute paths tried after KEHOACH_CHROME, in order. */
export const BROWSER_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'] as const;

/** Command names looked up on PATH after the fixed paths. */
export const BROWSER_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

/** How to get a browser, in the error message. */
export const BROWSER_INSTALL_HELP =
  'Không tìm thấy trình duyệt Chromium để xuất PDF. Cách khắc phục (chọn một):\n' +
  '  - Debian/Ubuntu: sudo apt-get install -y chromium   (Ubuntu: chromium-browser)\n' +
  '  - Tải bản headless riêng cho dự án: npx @puppeteer/browsers install chrome-headless-shell@stable --path .cache/browsers,\n' +
  '    rồi đặt KEHOACH_CHROME=<đường dẫn tới chrome-headless-shell> \n' +
  '  - Hoặc đặt biến môi trường KEHOACH_CHROME trỏ tới tệp chạy Chromium/Chrome có sẵn.\n' +
  'Báo cáo DOCX và HTML vẫn xuất được khi không có trình duyệt (--format docx,html).';

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
 * chromium-browser, google-chrome (fixed paths, then PATH).
 * @param env the environment to read KEHOACH_CHROME and PATH from
 * @param candidates other fixed paths and command names to try (tests) @default BROWSER_PATHS, BROWSER_COMMANDS
 * @throws PipelineError('browser') with install instructions in Vietnamese when none is found
 */
export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  candidates: { paths?: readonly string[]; commands?: readonly string[] } = {},
): string {
  const explicit = env.KEHOACH_CHROME?.trim();
  if (explicit) {
    if (isExecutable(explicit)) return explicit;
    throw new PipelineError('browser', `KEHOACH_CHROME="${explicit}" không phải tệp chạy được.\n${BROWSER_INSTALL_HELP}`);
  }
  for (const p of candidates.paths ?? BROWSER_PATHS) if (isExecutable(p)) return p;
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of candidates.commands ?? BROWSER_COMMANDS) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  throw new PipelineError('browser', BROWSER_INSTALL_HELP);
}
