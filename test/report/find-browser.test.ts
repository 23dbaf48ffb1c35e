// Report stage: finding the browser the PDF writer drives.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../pipeline/report/writers/find-browser.ts';

describe('findBrowser', () => {
  let dir: string;
  let fake: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-browser-'));
    fake = path.join(dir, 'chromium');
    fs.writeFileSync(fake, '#!/bin/sh\n');
    fs.chmodSync(fake, 0o755);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('uses KEHOACH_CHROME first', () => {
    expect(findBrowser({ KEHOACH_CHROME: fake, PATH: '' }, { paths: ['/nonexistent/chromium'] })).toBe(fake);
  });

  it('refuses a KEHOACH_CHROME that is not an executable file, saying how to install one', () => {
    expect(() => findBrowser({ KEHOACH_CHROME: path.join(dir, 'missing') })).toThrow(/KEHOACH_CHROME.*\n[\s\S]*apt-get install -y chromium/);
  });

  it('finds a browser command on PATH', () => {
    expect(findBrowser({ PATH: dir }, { paths: [], cacheDir: path.join(dir, 'none') })).toBe(fake);
  });

  it('finds the newest headless shell installed for the project by @puppeteer/browsers', () => {
    const cache = path.join(dir, 'cache');
    for (const version of ['linux64-130.0.6723.58', 'linux64-131.0.6778.85']) {
      const exe = path.join(cache, 'chrome-headless-shell', version, 'chrome-headless-shell-linux64', 'chrome-headless-shell');
      fs.mkdirSync(path.dirname(exe), { recursive: true });
      fs.writeFileSync(exe, '#!/bin/sh\n');
      fs.chmodSync(exe, 0o755);
    }
    expect(findBrowser({ PATH: '' }, { paths: [], cacheDir: cache })).toContain('linux64-131.0.6778.85');
  });

  it('says in Vietnamese how to get a browser when there is none', () => {
    expect(() => findBrowser({ PATH: '' }, { paths: [], cacheDir: path.join(dir, 'none') })).toThrow(
      /Không tìm thấy trình duyệt Chromium[\s\S]*npx @puppeteer\/browsers install chrome-headless-shell@stable --path \.cache\/browsers[\s\S]*KEHOACH_CHROME/,
    );
  });
});
