// CLI: the closing lines of a run say "Hoàn thành" only when nothing needs a look; a file taken in part and a late
// agency are listed even though the exit code stays 0 (README, "Exit codes").
import { describe, expect, it } from 'vitest';
import { exitCodeOf, printOutcome } from '../../pipeline/cli/commands/run.ts';
import type { RunOutcome } from '../../pipeline/batch/run-period.ts';

const base: RunOutcome = {
  period: '2025',
  result: 'ok',
  stages: [],
  outputs: [],
  rejectedFiles: 0,
  missingAgencies: [],
  partialFiles: [],
  lateAgencies: [],
  heldFiles: [],
};

function linesOf(outcome: RunOutcome): string[] {
  const lines: string[] = [];
  printOutcome(outcome, 'output', (l) => lines.push(l));
  return lines;
}

describe('printOutcome', () => {
  it('says "Hoàn thành" when every file was taken whole, on time', () => {
    expect(linesOf(base)).toEqual(['Hoàn thành kỳ 2025. Kết quả trong output/2025']);
    expect(exitCodeOf(base)).toBe(0);
  });

  it('does not say "Hoàn thành" over a file taken in part and a late agency, and lists both', () => {
    const outcome: RunOutcome = {
      ...base,
      partialFiles: ['Sở Công Thương/bao-cao-cong-thuong.xls'],
      lateAgencies: [{ code: 'so-giao-duc-va-dao-tao', name: 'Sở Giáo dục và Đào tạo', days: 4 }],
    };
    const lines = linesOf(outcome);
    expect(lines[0]).toBe('Đã lập báo cáo kỳ 2025, có điểm cần xem. Kết quả trong output/2025');
    expect(lines).toContain('  - 1 tệp chỉ nhận một phần (có ô, dòng không nạp được): Sở Công Thương/bao-cao-cong-thuong.xls; xem phan-hoi/');
    expect(lines).toContain('  - Gửi muộn: Sở Giáo dục và Đào tạo (4 ngày)');
    expect(exitCodeOf(outcome)).toBe(0);
  });
});
