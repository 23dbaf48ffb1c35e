// Report stage: the HTML writer passes the shared writer suite. The HTML is the document the PDF is printed from,
// so page furniture is read from what it declares: its @page rules, counters and font faces.
import { createHtmlWriter } from '../../pipeline/report/writers/create-html-writer.ts';
import { htmlCss, htmlText } from './read-html.ts';
import { describeWriter } from './writer-suite.ts';

describeWriter('html', () => createHtmlWriter(), {
  async readText(file) {
    return htmlText(file).replace(/\s+/g, ' ');
  },
  async readNumbering(file) {
    const css = htmlCss(file);
    // The main part numbers from page 2 through the counter style that blanks page 1; each appendix has its own
    // named page whose counter starts again and uses the same style.
    const main = { firstPageHidden: /@top-center \{ content: counter\(page, kehoach-from-two\)/.test(css), restarts: true, shown: [] };
    const appendices = [...css.matchAll(/@page appendix-(\d+) \{ counter-increment: kehoach-appendix-\1;[^{}]*@top-center \{ content: counter\(kehoach-appendix-\1, kehoach-from-two\)/g)].map(
      () => ({ firstPageHidden: /range: 2 infinite/.test(css), restarts: true, shown: [] }),
    );
    return { parts: [main, ...appendices] };
  },
  async readFonts(file) {
    const css = htmlCss(file);
    const faces = [...css.matchAll(/font-style: (normal|italic); font-weight: (400|700)/g)].map((m) => `${m[2]}-${m[1]}`);
    const missingFaces = ['400-normal', '700-normal', '400-italic', '700-italic'].filter((f) => !faces.includes(f));
    return { families: [...new Set([...css.matchAll(/font-family: '([^']+)'/g)].map((m) => m[1]!))], hasType3: false, missingFaces };
  },
  async readPartOrientations(file) {
    const css = htmlCss(file);
    const main = /@page \{ size: A4;/.test(css) ? 'portrait' : 'mixed';
    const appendices = [...css.matchAll(/@page appendix-\d+ \{([^{}]*)/g)].map((m) => (/size: A4 landscape;/.test(m[1]!) ? 'landscape' : 'portrait'));
    return [main, ...appendices];
  },
  async readPageSizeMm(file) {
    return /@page \{ size: A4;/.test(htmlCss(file)) ? { width: 210, height: 297 } : { width: 0, height: 0 };
  },
  async isMarkedOnEveryPage(file) {
    return /@bottom-center \{ content: "SỐ LIỆU MINH HỌA/.test(htmlCss(file)) && htmlText(file).includes('SỐ LIỆU MINH HỌA');
  },
});
