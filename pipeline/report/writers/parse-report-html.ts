// Report stage: a small parser for the HTML our own templates emit (the DOCX writer converts it). It knows the
// restricted, well-formed subset the templates produce: elements, attributes, text, comments, void elements, and
// the raw text of <style> and <title>. It is not a general HTML parser and does not need to be: the input is ours,
// and agency text inside it is already escaped by Handlebars.

/** An element of the parsed report. */
export interface HtmlElement {
  type: 'element';
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}

/** Text, with entities decoded. */
export interface HtmlText {
  type: 'text';
  text: string;
}

/** A node of the parsed report. */
export type HtmlNode = HtmlElement | HtmlText;

const VOID = new Set(['meta', 'col', 'br', 'wbr', 'link', 'img', 'hr', 'input']);
const RAW_TEXT = new Set(['style', 'title', 'script']);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities Handlebars and the templates use (named and numeric). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}

/**
 * Parses the report HTML into a tree rooted at a synthetic "#document" element.
 * @throws Error naming the offset when a tag is not closed the way it was opened (a template bug)
 */
export function parseReportHtml(html: string): HtmlElement {
  const root: HtmlElement = { type: 'element', tag: '#document', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  let i = 0;
  const top = () => stack[stack.length - 1]!;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      top().children.push({ type: 'text', text: decodeEntities(html.slice(i)) });
      break;
    }
    if (lt > i) top().children.push({ type: 'text', text: decodeEntities(html.slice(i, lt)) });
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith('<!', lt)) {
      i = html.indexOf('>', lt) + 1;
      continue;
    }
    if (html[lt + 1] === '/') {
      const end = html.indexOf('>', lt);
      const tag = html.slice(lt + 2, end).trim().toLowerCase();
      const open = stack.pop();
      if (!open || open.tag !== tag) throw new Error(`parseReportHtml: </${tag}> at ${lt} closes <${open?.tag ?? '?'}>`);
      i = end + 1;
      continue;
    }
    // Start tag: name, then attributes up to ">" (attribute values are quoted and escaped, so ">" cannot occur).
    const m = /^<([a-zA-Z][a-zA-Z0-9-]*)([^>]*?)(\/?)>/.exec(html.slice(lt, lt + 4000));
    if (!m) throw new Error(`parseReportHtml: bad tag at ${lt}`);
    const tag = m[1]!.toLowerCase();
    const attrs: Record<string, string> = {};
    for (const a of m[2]!.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      attrs[a[1]!.toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    }
    const element: HtmlElement = { type: 'element', tag, attrs, children: [] };
    top().children.push(element);
    i = lt + m[0].length;
    if (m[3] === '/' || VOID.has(tag)) continue;
    if (tag === 'svg') {
      // A chart: kept whole as its source (one text child holding the complete <svg> element), for the DOCX writer
      // to render as a picture; nothing else reads inside it.
      const close = html.indexOf('</svg>', i);
      const end = close === -1 ? html.length : close + '</svg>'.length;
      element.children.push({ type: 'text', text: html.slice(lt, end) });
      i = end;
      continue;
    }
    if (RAW_TEXT.has(tag)) {
      const close = html.toLowerCase().indexOf(`</${tag}`, i);
      const end = close === -1 ? html.length : close;
      element.children.push({ type: 'text', text: tag === 'title' ? decodeEntities(html.slice(i, end)) : html.slice(i, end) });
      i = close === -1 ? html.length : html.indexOf('>', close) + 1;
      continue;
    }
    stack.push(element);
  }
  return root;
}

/** The classes of an element. */
export function classList(element: HtmlElement): string[] {
  return (element.attrs.class ?? '').split(/\s+/).filter(Boolean);
}

/** The text of a node and its descendants. */
export function textContent(node: HtmlNode): string {
  return node.type === 'text' ? node.text : node.children.map(textContent).join('');
}

/** Depth-first search for the first element matching `test`. */
export function findElement(node: HtmlElement, test: (e: HtmlElement) => boolean): HtmlElement | null {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const found = findElement(child, test);
    if (found) return found;
  }
  return null;
}
