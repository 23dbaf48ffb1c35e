// Report stage: page-break marks the PDF writer sets before Chromium prints (review R1 of issue 10, C1, C2).
//
// Chromium keeps `widows: 2` only when it can also keep `orphans: 2`: a paragraph of three lines at the foot of a page
// is split two and one, leaving its last line alone at the top of the next page (review.pdf p. 6, "2026-2030 (mục
// tiêu: trên 65%)."). CSS cannot name a paragraph by its line count, so the writer measures the laid-out document:
// - a paragraph (p) of at most three lines gets class "keep-whole" (break-inside: avoid, styles.hbs): moved whole,
//   never split; a longer one splits under orphans and widows, which Chromium then keeps;
// - a row of an appendix table gets class "long" (may split across a page, styles.hbs) when its tallest cell has four
//   lines or more, and loses it otherwise, so a short row is never split and a long one does not leave a page a
//   quarter empty.
// Measured at the printed widths: the body's 165 mm and the landscape appendix's 257 mm text blocks (styles.hbs); the
// fonts and sizes are the print ones (pt). The inline widths set for measuring are removed before printing.

/** What the measure did, for the writer's tests. */
export interface PageBreakMarks {
  keptWhole: number;
  longRows: number;
}

/**
 * Runs inside the page (puppeteer `page.evaluate`): self-contained, no closure. The document's own scripts stay off;
 * this code comes from the writer, not from the report.
 */
export function markPageBreaks(): PageBreakMarks {
  const lines = (el: Element): number => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = new Set<number>();
    for (const rect of Array.from(range.getClientRects())) if (rect.width > 0 && rect.height > 0) tops.add(Math.round(rect.bottom));
    return tops.size;
  };
  const body = document.body;
  const saved = body.getAttribute('style');
  body.setAttribute('style', 'max-width: none; width: auto; margin: 0; padding: 0;');
  const sections = Array.from(document.querySelectorAll<HTMLElement>('section.main, section.appendix'));
  for (const s of sections) s.style.cssText = `width: ${s.classList.contains('appendix') ? 257 : 165}mm; max-width: none; margin: 0;`;
  let keptWhole = 0;
  let longRows = 0;
  for (const p of Array.from(document.querySelectorAll('section.main p'))) {
    const n = lines(p);
    if (n > 1 && n <= 3) {
      p.classList.add('keep-whole');
      keptWhole += 1;
    }
  }
  // A row's height gives its tallest cell's lines (cells stretch to the row; one font per table): only a row whose
  // height is near four lines is counted line by line, so a 400-row appendix costs a few range reads, not thousands.
  const lineBox = new Map<Element, { line: number; pad: number }>();
  const lineBoxOf = (table: Element, td: Element) => {
    let box = lineBox.get(table);
    if (!box) {
      const cs = getComputedStyle(td);
      const line = Number.parseFloat(cs.lineHeight) || Number.parseFloat(cs.fontSize) * 1.2;
      const pad = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'].reduce((n, k) => n + (Number.parseFloat(cs[k as 'paddingTop']) || 0), 0);
      lineBox.set(table, (box = { line, pad }));
    }
    return box;
  };
  for (const tr of Array.from(document.querySelectorAll('table.data > tbody > tr'))) {
    if (tr.classList.contains('group') || tr.classList.contains('notes')) continue;
    const first = tr.children[0];
    const box = first ? lineBoxOf(tr.closest('table')!, first) : null;
    const estimate = box ? (tr.getBoundingClientRect().height - box.pad) / box.line : 4;
    const tallest = estimate < 3.5 ? 1 : estimate > 4.5 ? 5 : Math.max(0, ...Array.from(tr.children).map((td) => lines(td)));
    tr.classList.toggle('long', tallest >= 4);
    if (tallest >= 4) longRows += 1;
  }
  for (const s of sections) s.style.cssText = '';
  if (saved === null) body.removeAttribute('style');
  else body.setAttribute('style', saved);
  return { keptWhole, longRows };
}
