// CLI: wording a clerk reads (review R2, B9): a choice shown as a choice, examples in the asked period's own year,
// dates as dd/mm/yyyy.
import { describe, expect, it } from 'vitest';
import { captureCli } from './capture-cli.ts';
import { chooseIssuer } from '../../pipeline/report/choose-issuer.ts';
import { parseConfig } from '../../pipeline/config/resolve-config.ts';

describe('CLI wording', () => {
  it('shows a list option as a choice of values that can be joined by commas', async () => {
    const { stdout, stderr } = await captureCli(['report', '--help']);
    const help = `${stdout}${stderr}`;
    expect(help).toContain('--kind six-month|annual|review[,...]');
    expect(help).not.toContain('six-month,annual,review');
  });

  it("gives the kind-versus-period example in the asked period's own year", async () => {
    const { code, stderr } = await captureCli(['report', '--period', '2025', '--kind', 'six-month']);
    expect(code).toBe(64);
    expect(stderr).toContain('Báo cáo 6 tháng cần kỳ 6 tháng (2025-H1 hoặc 2025-H2); kỳ "2025" không phù hợp.');
    const review = await captureCli(['report', '--period', '2025-H1', '--kind', 'review']);
    expect(review.stderr).toContain('cần kỳ giai đoạn (2021-2025)');
  });

  it('writes the date of a missing issuer as dd/mm/yyyy', () => {
    const issuers = parseConfig({}).issuers.map((i) => ({ ...i, validFrom: '2030-01-01', validTo: null }));
    expect(() => chooseIssuer(issuers, '2025-06-10')).toThrow('có hiệu lực vào ngày 10/06/2025 (xem issuers');
  });
});
