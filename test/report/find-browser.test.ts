// Report stage: finding the browser the PDF writer drives.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../pipeline/report/find-browser.ts';

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
    expect(findBrowser({ PATH: dir }, { paths: [] })).toBe(fake);
  });

  it('says in Vietnamese how to get a browser when there is none', () => {
    expect(() => findBrowser({ PATH: '' }, { paths: [] })).toThrow(/Không tìm thấy trình duyệt Chromium[\s\S]*KEHOACH_CHROME/);
  });
});
