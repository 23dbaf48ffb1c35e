// Report stage entry: writeReports writes output/<period>/<kind>.<ext> in each format, atomically.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../pipeline/config/resolve-config.ts';
import { writeReports } from '../../pipeline/report/write-reports.ts';
import { renderReportHtml } from '../../pipeline/report/render-report-html.ts';
import { buildReportModel } from '../../pipeline/report/build-report-model.ts';
import type { ReportWriter } from '../../pipeline/report/writers/report-writer.ts';
import { makeSampleReconciliation } from './fixtures/make-sample-reconciliation.ts';

describe('writeReports', () => {
  let dir: string;
  const config = parseConfig({ report: { date: '2025-01-10', number: 12, illustrative: true } });

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-write-'));
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes <period>/<kind>.<ext> for each format asked', async () => {
    const out = await writeReports(makeSampleReconciliation('2024'), { config, kinds: ['annual'], formats: ['html', 'docx'], outDir: dir });
    expect(out.files.map((f) => path.relative(dir, f.file))).toEqual([path.join('2024', 'annual.docx'), path.join('2024', 'annual.html')]);
    expect(fs.readFileSync(path.join(dir, '2024', 'annual.html'), 'utf8')).toContain('Số: 12/BC-SKHĐT');
    expect(fs.readdirSync(path.join(dir, '2024')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes the HTML preview exactly as rendered, banner included', async () => {
    const rec = makeSampleReconciliation('2024');
    await writeReports(rec, { config, kinds: ['annual'], formats: ['html'], outDir: dir });
    const expected = renderReportHtml(buildReportModel(rec, config, 'annual')).html;
    const html = fs.readFileSync(path.join(dir, '2024', 'annual.html'), 'utf8');
    expect(html).toBe(expected);
    expect(html).toContain('SỐ LIỆU MINH HỌA');
  });

  it('uses the writers it is given and leaves them open for the next period', async () => {
    let closed = 0;
    const written: string[] = [];
    const writer: ReportWriter = {
      format: 'pdf',
      async write(_rendered, file) {
        written.push(file);
      },
      async close() {
        closed += 1;
      },
    };
    await writeReports(makeSampleReconciliation('2024-H1'), { config, kinds: ['six-month'], formats: ['pdf'], outDir: dir, writers: { pdf: writer } });
    expect(written).toEqual([path.join(dir, '2024-H1', 'six-month.pdf')]);
    expect(closed).toBe(0);
  });

  it('refuses a kind that does not fit the period', async () => {
    await expect(writeReports(makeSampleReconciliation('2024'), { config, kinds: ['review'], formats: ['html'], outDir: dir })).rejects.toThrow(/sơ kết/);
  });
});
