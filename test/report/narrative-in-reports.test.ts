// Report stage: what staff write in the period's narrative file reaches the PDF, the DOCX and the HTML at the next
// run, while the paragraphs they left untouched follow the new figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../pipeline/config/resolve-config.ts';
import { narrativeFilePath } from '../../pipeline/report/narrative/narrative-file.ts';
import { writeReports } from '../../pipeline/report/write-reports.ts';
import { makeSampleReconciliation } from './fixtures/make-sample-reconciliation.ts';
import { docxText, readDocxParts } from './read-docx.ts';
import { htmlText } from './read-html.ts';
import { pdfText } from './read-pdf.ts';

const config = parseConfig({ report: { date: '2024-07-05', number: 5 } });
const CAUSE = 'Nguyên nhân chủ yếu do giá nông sản giảm và mưa lớn kéo dài trong quý II <script>alert(1)</script>.';
const REWRITTEN = 'Thu ngân sách 6 tháng ước đạt 1.245,8 tỷ đồng, chủ yếu từ thu tiền sử dụng đất.';

async function allTexts(dir: string): Promise<Record<'pdf' | 'docx' | 'html', string>> {
  const base = path.join(dir, '2024-H1', 'six-month');
  const docx = await readDocxParts(`${base}.docx`);
  const squash = (t: string) => t.replace(/\s+/g, ' ');
  return {
    pdf: squash(pdfText(`${base}.pdf`)),
    docx: squash(docxText(docx.get('word/document.xml')!)),
    html: squash(htmlText(`${base}.html`)),
  };
}

describe('the narrative file across report runs', () => {
  let dir: string;
  let second: Record<'pdf' | 'docx' | 'html', string>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-narrative-'));
    const run = (rec = makeSampleReconciliation('2024-H1')) =>
      writeReports(rec, { config, kinds: ['six-month'], formats: ['pdf', 'docx', 'html'], outDir: dir });
    await run();
    const file = narrativeFilePath(dir, '2024-H1');
    let text = fs.readFileSync(file, 'utf8');
    // Staff fill the empty place for nguyên nhân and rewrite the budget paragraph the program drafted.
    text = text.replace(/(## Nguyên nhân \{#danh-gia\.nguyen-nhan\}\n\n<!--[^\n]*-->\n)/, `$1\n${CAUSE}\n`);
    text = text.replace(/Thu ngân sách nhà nước trên địa bàn 6 tháng ước đạt 1\.245,8 tỷ đồng[^\n]*/, REWRITTEN);
    fs.writeFileSync(file, text);
    // The next run has a new figure for the growth rate.
    const rec = makeSampleReconciliation('2024-H1');
    rec.attainments.find((a) => a.indicator === 'grdp-tang-truong')!.actual = 7.45;
    await run(rec);
    second = await allTexts(dir);
  }, 120_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(['pdf', 'docx', 'html'] as const)('keeps the text staff wrote in the %s', (format) => {
    expect(second[format]).toContain('3. Nguyên nhân');
    expect(second[format]).toContain(CAUSE);
    expect(second[format]).toContain(REWRITTEN);
    expect(second[format]).not.toContain('bằng 30,0% kế hoạch năm, tăng 8,2%');
  });

  it.each(['pdf', 'docx', 'html'] as const)('renews the paragraphs staff left untouched in the %s', (format) => {
    expect(second[format]).toContain('(GRDP) 6 tháng đạt 7,45% (kế hoạch: trên 10%)');
  });

  it('prints staff text as text, escaped in the HTML', () => {
    const html = fs.readFileSync(path.join(dir, '2024-H1', 'six-month.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('takes the filled place off the checklist', () => {
    const checklist = fs.readFileSync(path.join(dir, '2024-H1', 'kiem-tra.html'), 'utf8');
    expect(checklist).not.toContain('Nguyên nhân: nguyên nhân khách quan');
    expect(checklist).toContain('Kiến nghị, đề xuất'.toLocaleUpperCase('vi'));
  });
});
