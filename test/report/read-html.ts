// Report stage tests: reading the HTML report back (the preview, and the document the PDF is printed from).
import fs from 'node:fs';
import { parseReportHtml, type HtmlNode } from '../../pipeline/report/writers/parse-report-html.ts';

/** Visible text of an HTML report: every text node outside <head>, <style>, <title> and hidden chart tables. */
export function htmlText(file: string): string {
  const out: string[] = [];
  const walk = (node: HtmlNode) => {
    if (node.type === 'text') {
      out.push(node.text);
      return;
    }
    if (['head', 'style', 'title'].includes(node.tag) || /\bchart-data\b/.test(node.attrs.class ?? '')) return;
    for (const child of node.children) walk(child);
    if (node.tag === 'p' || node.tag === 'td' || node.tag === 'th' || node.tag === 'li') out.push('\n');
  };
  walk(parseReportHtml(fs.readFileSync(file, 'utf8')));
  return out.join('');
}

/** The CSS of an HTML report (its <style> elements), for the page rules the browser prints by. */
export function htmlCss(file: string): string {
  return [...fs.readFileSync(file, 'utf8').matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
}
