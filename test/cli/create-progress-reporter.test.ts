// CLI: a run's progress lines give each stage's time the Vietnamese way (decimal comma), in CI and on a terminal.
import { describe, expect, it } from 'vitest';
import { createProgressReporter } from '../../pipeline/cli/create-progress-reporter.ts';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = { isTTY, write: (s: string) => chunks.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, text: () => chunks.join('') };
}

describe('createProgressReporter', () => {
  it('writes a stage time of 4 064 ms as "4,1 s", not "4.1 s"', () => {
    const { stream, text } = fakeStream(false);
    const report = createProgressReporter('[2025]', stream);
    report({ stage: 'reconcile', state: 'done', outcome: { stage: 'reconcile', status: 'ok', ms: 4064, detail: '12 chỉ tiêu' } });
    expect(text()).toContain('Đối chiếu số liệu với chỉ tiêu: xong (4,1 s) - 12 chỉ tiêu');
    expect(text()).not.toContain('4.1');
  });
});
