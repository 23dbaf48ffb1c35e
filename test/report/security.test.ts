// Report stage: text from agencies is data. It is escaped in the HTML, printed as text in the PDF and DOCX, never
// compiled as a template, and the PDF page can neither run a script nor fetch anything.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfWriter, REPORT_ORIGIN, type PdfWriter } from '../../pipeline/report/writers/create-pdf-writer.ts';
import { createDocxWriter } from '../../pipeline/report/writers/create-docx-writer.ts';
import { HOSTILE_TEXT, renderSample } from './writer-suite.ts';
import { pdfText } from './read-pdf.ts';
import { docxText, readDocxParts } from './read-docx.ts';

describe('hostile text from agencies', () => {
  const rendered = renderSample('six-month', { hostile: true });
  const requests: { url: string; served: boolean }[] = [];
  let writer: PdfWriter;
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-security-'));
    writer = createPdfWriter({ onRequest: (url, served) => requests.push({ url, served }) });
  });

  afterAll(async () => {
    await writer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is escaped in the HTML, with no script, image or template left in the markup', () => {
    expect(rendered.html).not.toMatch(/<script/i);
    expect(rendered.html).not.toMatch(/<img/i);
    expect(rendered.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(rendered.html).toContain('&lt;img src&#x3D;http://example.com/x.png&gt;');
    // Handlebars never saw the agency text as a template: the braces are still there, not a resolved value.
    expect(rendered.html).toContain('{{constructor}}');
  });

  it('comes out as text in the PDF while no request leaves the page', async () => {
    const file = path.join(dir, 'hostile.pdf');
    await writer.write(rendered, file);
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=http://example.com/x.png>');
    // Only the report itself and the project's font files were served; nothing reached example.com.
    expect(requests.some((r) => r.url.includes('example.com'))).toBe(false);
    for (const r of requests.filter((x) => x.served)) {
      expect(r.url === `${REPORT_ORIGIN}/report/index.html` || /^https:\/\/kehoach\.invalid\/report\/fonts\/(tinos|liberation-serif)-[a-z-]+-[47]00-(normal|italic)\.woff2$/.test(r.url)).toBe(true);
    }
    expect(requests.filter((r) => !r.served).every((r) => r.url.startsWith(REPORT_ORIGIN))).toBe(true);
  });

  it('cannot run a script planted in the page, nor load a remote image', async () => {
    // Worst case: markup that escaped the templates. JavaScript is off and the request is refused.
    const planted = rendered.html.replace(
      '</body>',
      '<script>document.body.innerHTML = "SCRIPT-RAN"</script><img src="http://example.com/planted.png"/></body>',
    );
    const file = path.join(dir, 'planted.pdf');
    await writer.write({ ...rendered, html: planted }, file);
    expect(pdfText(file)).not.toContain('SCRIPT-RAN');
    // The page's Content-Security-Policy stops the image before it is even asked for; were it asked for, the
    // interception would refuse it. Either way nothing is served.
    expect(requests.filter((r) => r.url.includes('planted.png') && r.served)).toEqual([]);
  });

  it('comes out as text in the DOCX', async () => {
    const file = path.join(dir, 'hostile.docx');
    const docx = createDocxWriter();
    await docx.write(rendered, file);
    const xml = (await readDocxParts(file)).get('word/document.xml')!;
    expect(xml).not.toMatch(/<script/i);
    expect(docxText(xml)).toContain(HOSTILE_TEXT.slice(0, 26));
    expect(docxText(xml)).toContain('{{constructor}}');
  });
});
