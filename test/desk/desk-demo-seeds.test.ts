// Desk demo: a name confirmed on the demo desk goes into the demo's scratch copy of seeds/, never the checkout's, and
// survives the next start; the desk records who confirmed it and when.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { refreshDemoSeeds } from '../../pipeline/desk/prepare-desk-demo.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-demo-seeds-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the demo desk seeds', () => {
  it('uses a scratch copy that follows the real seeds and keeps the demo aliases', () => {
    const real = path.join(root, 'seeds');
    const scratch = path.join(root, 'data', 'desk-demo-seeds');
    fs.mkdirSync(real, { recursive: true });
    fs.writeFileSync(path.join(real, 'indicators.csv'), 'code\na\n');
    refreshDemoSeeds(real, scratch);
    expect(fs.readFileSync(path.join(scratch, 'indicators.csv'), 'utf8')).toBe('code\na\n');
    // The demo desk confirms a name: written to the scratch copy only.
    fs.writeFileSync(path.join(scratch, 'aliases.csv'), 'alias,indicator,agency,added_on,source_ref\nTên lạ,a,,2026-11-29,bàn làm việc: chuyenvien 2026-11-29T10:00:00Z\n');
    expect(fs.existsSync(path.join(real, 'aliases.csv'))).toBe(false);
    // The registry changes; the next start follows it and keeps the demo's alias.
    fs.writeFileSync(path.join(real, 'indicators.csv'), 'code\na\nb\n');
    fs.writeFileSync(path.join(real, 'aliases.csv'), 'alias,indicator,agency,added_on,source_ref\nTên thật,b,,2026-11-01,kehoach alias add\n');
    refreshDemoSeeds(real, scratch);
    expect(fs.readFileSync(path.join(scratch, 'indicators.csv'), 'utf8')).toBe('code\na\nb\n');
    expect(fs.readFileSync(path.join(scratch, 'aliases.csv'), 'utf8')).toBe(
      'alias,indicator,agency,added_on,source_ref\nTên thật,b,,2026-11-01,kehoach alias add\nTên lạ,a,,2026-11-29,bàn làm việc: chuyenvien 2026-11-29T10:00:00Z\n',
    );
    expect(fs.readFileSync(path.join(real, 'aliases.csv'), 'utf8')).not.toContain('Tên lạ');
  });
});
