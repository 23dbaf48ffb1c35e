// CLI: argument errors reach the clerk in Vietnamese with exit 64, never node:util's English (issue 11 review F6, F9).
import { describe, expect, it } from 'vitest';
import { captureCli } from './capture-cli.ts';

const ENGLISH = /Unknown option|argument missing|Unexpected argument|does not take|positional/;

describe('argument errors', () => {
  it.each([
    [['run', '--period', '2025-H1', '--inbx', 'x'], /Không có tuỳ chọn --inbx/],
    [['values', '-p', '2025-H1'], /Không có tuỳ chọn -p/],
    [['values', '--period'], /Thiếu giá trị sau --period/],
    [['values', '--period', '2025-H1', 'extra'], /Thừa đối số "extra"/],
    [['values', '--period', '2025-H1', '--debug=1'], /--debug không nhận giá trị/],
    [['status', '--period', '2025-H1', '--period', '2025-H2'], /--period được cho hai lần/],
  ])('%j gives a Vietnamese usage error', async (argv, message) => {
    const { code, stderr } = await captureCli(argv);
    expect(code).toBe(64);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(ENGLISH);
  });
});
