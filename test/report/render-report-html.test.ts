// Report stage: the templates render the model to HTML, escaping every value.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../pipeline/config/resolve-config.ts';
import { buildReportModel } from '../../pipeline/report/build-report-model.ts';
import { renderReportHtml, TEMPLATE_DIR } from '../../pipeline/report/render-report-html.ts';
import { makeSampleReconciliation } from './fixtures/make-sample-reconciliation.ts';

const config = parseConfig({ report: { date: '2024-07-05', number: 5 } });

function templateFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? templateFiles(path.join(dir, e.name)) : e.name.endsWith('.hbs') ? [path.join(dir, e.name)] : [],
  );
}

describe('renderReportHtml', () => {
  it('has one template for every kind, the checklist beside it, and no triple-stash anywhere (data is always escaped)', () => {
    const files = templateFiles(TEMPLATE_DIR);
    expect(files).toContain(path.join(TEMPLATE_DIR, 'report.hbs'));
    expect(files).toContain(path.join(TEMPLATE_DIR, 'checklist.hbs'));
    for (const file of files) expect(fs.readFileSync(file, 'utf8'), file).not.toContain('{{{');
  });

  it('renders the annual report as before', () => {
    const html = renderReportHtml(buildReportModel(makeSampleReconciliation('2024'), config, 'annual')).html;
    // Only the body: the CSS is checked by looking at the PDF, not by a snapshot.
    expect(html.slice(html.indexOf('<body'))).toMatchSnapshot();
  });

  it('prints no page-one number and numbers each appendix with its own counter', () => {
    const html = renderReportHtml(buildReportModel(makeSampleReconciliation('2024-H1'), config, 'six-month')).html;
    expect(html).toContain('@page appendix-1 { counter-increment: kehoach-appendix-1;');
    expect(html).toContain('@page appendix-2 { counter-increment: kehoach-appendix-2;');
    expect(html).toContain('<section class="appendix appendix-1" data-appendix="1">');
  });

  it('fails loudly when the model lacks a field a template prints', () => {
    const model = buildReportModel(makeSampleReconciliation('2024'), config, 'annual');
    const { numberLine: _dropped, ...header } = model.header;
    const broken = { ...model, header } as unknown as typeof model;
    expect(() => renderReportHtml(broken)).toThrow(/numberLine/);
  });
});
