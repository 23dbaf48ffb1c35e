// Report stage: the HTML writer passes the shared writer suite. The HTML is the document the PDF is printed from,
// so page furniture is read from what it declares: its @page rules, named pages, counters, counter styles and font
// faces. Nothing is answered with a constant; a case that cannot apply to HTML is marked so, with the reason.
import fs from 'node:fs';
import { createHtmlWriter } from '../../pipeline/report/writers/create-html-writer.ts';
import { htmlCss, htmlText } from './read-html.ts';
import { describeWriter } from './writer-suite.ts';

describeWriter('html', () => createHtmlWriter(), {
  async readText(file) {
    return htmlText(file).replace(/\s+/g, ' ');
  },
  async readNumbering(file) {
    // Read from the page rules the browser prints by: which counter each part's page header shows, in which
    // counter style, and whether the part's pages are its own named page with its own counter.
    const css = htmlCss(file);
    const html = fs.readFileSync(file, 'utf8');
    const headerCounter = (pageRule: string) => /@top-center \{ content: counter\(([\w-]+), ([\w-]+)\)/.exec(pageRule);
    const main = headerCounter(pageRuleOf(css, ''));
    const parts = [
      {
        firstPageHidden: main !== null && main[1] === 'page' && hidesFirstPage(css, main[2]!),
        // The main part counts the document's own pages from 1: nothing resets, sets or adds to the page counter.
        restarts: main !== null && main[1] === 'page' && !/counter-(?:reset|set|increment):[^;]*\bpage\b/.test(css),
      },
    ];
    // An appendix is a part when an element of the document is laid on its named page.
    for (const [, selector, name] of css.matchAll(/([\w.-]+) \{ page: (appendix-\d+); \}/g)) {
      const [tag, ...classes] = selector!.split('.');
      const element = new RegExp(`<${tag}[^>]*class="[^"]*\\b${classes.join('\\b[^"]*\\b')}\\b`);
      if (!element.test(html)) continue;
      const rule = pageRuleOf(css, name!);
      const shown = headerCounter(rule);
      const counter = shown?.[1] ?? '';
      parts.push({
        firstPageHidden: shown !== null && hidesFirstPage(css, shown[2]!),
        // Its own counter: not the page counter, added to on this named page only, and reset or set nowhere, so
        // it counts this appendix's pages from 1.
        restarts:
          counter !== '' &&
          counter !== 'page' &&
          new RegExp(`counter-increment: ${counter};`).test(rule) &&
          [...css.matchAll(new RegExp(`counter-(?:increment|reset|set): ${counter}\\b`, 'g'))].length === 1,
      });
    }
    return { parts };
  },
  async readFonts(file) {
    const css = htmlCss(file);
    const faces = [...css.matchAll(/font-style: (normal|italic); font-weight: (400|700)/g)].map((m) => `${m[2]}-${m[1]}`);
    const missingFaces = ['400-normal', '700-normal', '400-italic', '700-italic'].filter((f) => !faces.includes(f));
    return { families: [...new Set([...css.matchAll(/font-family: '([^']+)'/g)].map((m) => m[1]!))], missingFaces };
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
  notApplicable: { embeddedFonts: 'an HTML file embeds no font program; the browser that opens it draws the declared @font-face files' },
});

/** The body of the @page rule of a named page ('' for the unnamed default page), up to its closing brace. */
function pageRuleOf(css: string, name: string): string {
  const start = css.indexOf(name ? `@page ${name} {` : '@page {');
  if (start < 0) return '';
  let depth = 0;
  for (let i = css.indexOf('{', start); i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return css.slice(start, i + 1);
  }
  return '';
}

/**
 * Whether a counter style shows nothing for 1 and digits from 2: numeric, range from 2, its fallback a style whose
 * only symbol is blank (NĐ 30/2020: no number on a part's first page).
 */
function hidesFirstPage(css: string, style: string): boolean {
  const rule = new RegExp(`@counter-style ${style} \\{([^}]*)\\}`).exec(css)?.[1] ?? '';
  const fallback = /fallback: ([\w-]+);/.exec(rule)?.[1];
  const blank = fallback ? new RegExp(`@counter-style ${fallback} \\{[^}]*symbols: " ";`).test(css) : false;
  return /system: numeric;/.test(rule) && /range: 2 infinite;/.test(rule) && blank;
}
