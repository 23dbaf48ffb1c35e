// Report stage: converts the rendered report HTML (the restricted subset our templates emit) into a docx Document,
// so a change to a template shows in the DOCX as in the PDF. Classes map to NĐ 30/2020 formatting: Times New Roman,
// A4, margins 20/20/30/15 mm, page number at the top centre from page 2, each appendix its own section numbered anew.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  ImageRun,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import { PipelineError } from '../../shared/pipeline-error.ts';
import { classList, findElement, parseReportHtml, textContent, type HtmlElement, type HtmlNode } from './parse-report-html.ts';
import type { RenderedReport } from '../rendered-report.ts';
import { renderChartPng } from './render-chart-png.ts';

/** Twips per millimetre (1 inch = 1440 twips = 25,4 mm). */
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (v: number) => Math.round(v * TWIPS_PER_MM);

/** A4 in twips, as Word writes it (w:pgSz w:w="11906" w:h="16838"). */
export const A4_TWIPS = { width: 11906, height: 16838 } as const;
/** NĐ 30/2020 margins: top 20, bottom 20, left 30, right 15 mm. */
export const MARGINS_TWIPS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(8) } as const;
/** Width of the text block: 210 - 30 - 15 = 165 mm. */
const TEXT_WIDTH = A4_TWIPS.width - MARGINS_TWIPS.left - MARGINS_TWIPS.right;
/**
 * Margins of the landscape appendix pages (NĐ 30/2020 allows landscape for wide appendix tables): the portrait
 * margins turned with the sheet, so the 30 mm binding margin is at the top once bound in: top 30, bottom 15, left and
 * right 20 mm (the same as the CSS @page appendix-N rule).
 */
export const LANDSCAPE_MARGINS_TWIPS = { top: mm(30), bottom: mm(15), left: mm(20), right: mm(20), header: mm(15), footer: mm(6) } as const;
/** Width of the landscape text block: 297 - 20 - 20 = 257 mm. */
const LANDSCAPE_TEXT_WIDTH = A4_TWIPS.height - LANDSCAPE_MARGINS_TWIPS.left - LANDSCAPE_MARGINS_TWIPS.right;
/** Room for the signature and the seal between the position line and the name (30 mm, as the CSS .signer-space). */
export const SIGNATURE_SPACE_TWIPS = mm(30);

const FONT = 'Times New Roman';
const pt = (v: number) => v * 2; // docx sizes are half-points
const FIRST_LINE = mm(12.7);

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
  allCaps?: boolean;
  color?: string;
}

interface ParaStyle {
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  run: RunStyle;
  firstLine?: number;
  before?: number;
  after?: number;
  line?: number;
}

/** Paragraph formatting per template class (see templates/partials/styles.hbs for the same rules in CSS). */
const PARAGRAPH_CLASSES: Record<string, ParaStyle> = {
  'parent-name': { align: AlignmentType.CENTER, run: { size: 13, allCaps: true } },
  'issuer-name': { align: AlignmentType.CENTER, run: { size: 13, bold: true, allCaps: true } },
  star: { align: AlignmentType.CENTER, run: { size: 13 } },
  'number-line': { align: AlignmentType.CENTER, run: { size: 13 }, before: 80 },
  'national-title': { align: AlignmentType.CENTER, run: { size: 12, bold: true } },
  'party-title': { align: AlignmentType.CENTER, run: { size: 15, bold: true } },
  motto: { align: AlignmentType.CENTER, run: { size: 13, bold: true } },
  'date-line': { align: AlignmentType.CENTER, run: { size: 14, italics: true }, before: 160 },
  'doc-type': { align: AlignmentType.CENTER, run: { size: 14, bold: true }, before: 360 },
  summary: { align: AlignmentType.CENTER, run: { size: 14, bold: true } },
  body: { align: AlignmentType.JUSTIFIED, run: { size: 14 }, firstLine: FIRST_LINE, after: 120, line: 312 },
  heading: { align: AlignmentType.JUSTIFIED, run: { size: 14, bold: true }, firstLine: FIRST_LINE, after: 120, line: 312 },
  'level-3': { align: AlignmentType.JUSTIFIED, run: { size: 14, bold: true, italics: true }, firstLine: FIRST_LINE, after: 120, line: 312 },
  'recipients-title': { align: AlignmentType.LEFT, run: { size: 12, bold: true, italics: true } },
  recipient: { align: AlignmentType.LEFT, run: { size: 11 } },
  'signer-authority': { align: AlignmentType.CENTER, run: { size: 14, bold: true } },
  'signer-position': { align: AlignmentType.CENTER, run: { size: 14, bold: true } },
  'signer-name': { align: AlignmentType.CENTER, run: { size: 14, bold: true } },
  'appendix-label': { align: AlignmentType.CENTER, run: { size: 14, bold: true } },
  'appendix-title': { align: AlignmentType.CENTER, run: { size: 14, bold: true } },
  'appendix-reference': { align: AlignmentType.CENTER, run: { size: 14, italics: true } },
  'appendix-note': { align: AlignmentType.LEFT, run: { size: 12, italics: true }, before: 80 },
};

function paragraphStyle(element: HtmlElement, inherited?: ParaStyle): ParaStyle {
  const classes = classList(element);
  let style: ParaStyle = inherited ?? { align: AlignmentType.LEFT, run: { size: 14 } };
  for (const c of classes) {
    const s = PARAGRAPH_CLASSES[c];
    if (s) style = { ...style, ...s, run: { ...style.run, ...s.run } };
  }
  if (classes.includes('intro-first')) style = { ...style, before: 240 };
  return style;
}

/** Runs of a paragraph: text nodes, with bold/italic/underline from b, strong, i, em and span.underlined. */
function runsOf(node: HtmlNode, style: RunStyle, styled = false): ParagraphChild[] {
  if (node.type === 'text') {
    const text = node.text.replace(/\s+/g, ' ');
    if (!text) return [];
    if (styled) return [new TextRun({ text, bold: style.bold, italics: style.italics, underline: style.underline ? {} : undefined })];
    return [
      new TextRun({
        text,
        font: FONT,
        size: pt(style.size ?? 14),
        bold: style.bold,
        italics: style.italics,
        allCaps: style.allCaps,
        color: style.color,
        underline: style.underline ? {} : undefined,
        language: { value: 'vi-VN' },
      }),
    ];
  }
  if (node.tag === 'br') return [new TextRun({ break: 1 })];
  const next: RunStyle = { ...style };
  if (node.tag === 'b' || node.tag === 'strong') next.bold = true;
  if (node.tag === 'i' || node.tag === 'em') next.italics = true;
  if (classList(node).includes('underlined')) next.underline = true;
  return node.children.flatMap((c) => runsOf(c, next, styled));
}

/** Trims the whitespace the template's line breaks leave at both ends of a paragraph. */
function trimmedChildren(element: HtmlElement): HtmlNode[] {
  const nodes = element.children.map((n) => (n.type === 'text' ? { ...n, text: n.text.replace(/\s+/g, ' ') } : n));
  const first = nodes[0];
  if (first?.type === 'text') first.text = first.text.trimStart();
  const last = nodes[nodes.length - 1];
  if (last?.type === 'text') last.text = last.text.trimEnd();
  return nodes;
}

/**
 * Word paragraph styles for the outline and the body (NĐ 30/2020 body text), so the navigation pane shows I. / 1. /
 * a) and "update style" in Word changes every such paragraph at once. Built-in ids (Heading1-3, BodyText) keep the
 * outline levels Word and LibreOffice know. Paragraphs with one of these classes carry the style and no direct
 * formatting of their own.
 */
const WORD_STYLES: Record<string, { id: string; name: string; run: RunStyle; outlineLevel?: number }> = {
  'level-1': { id: 'Heading1', name: 'Heading 1', run: { size: 14, bold: true }, outlineLevel: 0 },
  'level-2': { id: 'Heading2', name: 'Heading 2', run: { size: 14, bold: true }, outlineLevel: 1 },
  'level-3': { id: 'Heading3', name: 'Heading 3', run: { size: 14, bold: true, italics: true }, outlineLevel: 2 },
  body: { id: 'BodyText', name: 'Body Text', run: { size: 14 } },
};

/** The Word style of a paragraph by its classes (heading level first), or null for directly formatted ones. */
function wordStyleOf(classes: string[]): (typeof WORD_STYLES)[string] | null {
  for (const c of ['level-1', 'level-2', 'level-3', 'body']) if (classes.includes(c)) return WORD_STYLES[c]!;
  return null;
}

/** A style's run and paragraph properties. */
function styleProperties(w: (typeof WORD_STYLES)[string]) {
  return {
    run: { font: FONT, size: pt(w.run.size ?? 14), bold: w.run.bold, italics: w.run.italics, color: '000000' },
    paragraph: {
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: FIRST_LINE },
      spacing: { before: 0, after: 120, line: 312, lineRule: LineRuleType.AUTO },
      keepNext: w.outlineLevel !== undefined,
      // No line of a paragraph alone at the top or bottom of a page.
      widowControl: true,
      ...(w.outlineLevel !== undefined ? { outlineLevel: w.outlineLevel } : {}),
    },
  };
}

/**
 * The styles of the document: the built-in Heading 1-3 redefined (docx declares them; redefining keeps one
 * definition each) and Body Text added.
 */
function styleDefinitions() {
  return {
    default: {
      document: { run: { font: FONT, size: pt(14), language: { value: 'vi-VN' } } },
      heading1: styleProperties(WORD_STYLES['level-1']!),
      heading2: styleProperties(WORD_STYLES['level-2']!),
      heading3: styleProperties(WORD_STYLES['level-3']!),
    },
    paragraphStyles: [{ id: 'BodyText', name: 'Body Text', basedOn: 'Normal', next: 'BodyText', quickFormat: true, ...styleProperties(WORD_STYLES.body!) }],
  };
}

function makeParagraph(element: HtmlElement, style: ParaStyle, extra: { keepNext?: boolean; keepLines?: boolean } = {}): Paragraph {
  const word = wordStyleOf(classList(element));
  if (word) {
    // The style carries font, size, weight, indent and spacing; the runs carry only what differs inside the text.
    const runs = trimmedChildren(element).flatMap((n) => runsOf(n, {}, true));
    // keepNext only where asked (the closing line before the signature); the heading styles carry their own.
    return new Paragraph({ children: runs, style: word.id, widowControl: true, ...(extra.keepNext ? { keepNext: true } : {}) });
  }
  const runs = trimmedChildren(element).flatMap((n) => runsOf(n, style.run));
  return new Paragraph({
    children: runs,
    alignment: style.align,
    indent: style.firstLine ? { firstLine: style.firstLine } : undefined,
    spacing: { before: style.before ?? 0, after: style.after ?? 0, line: style.line ?? 264, lineRule: LineRuleType.AUTO },
    keepNext: extra.keepNext,
    keepLines: extra.keepLines,
    widowControl: true,
  });
}

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** A short centred rule (under the issuer, under the trích yếu): an empty paragraph with a bottom border, indented. */
function ruleParagraph(widthShare: number, container: number): Paragraph {
  const side = Math.round((container * (1 - widthShare)) / 2);
  return new Paragraph({
    children: [],
    border: { bottom: LINE },
    indent: { left: side, right: side },
    spacing: { before: 0, after: 80, line: 120, lineRule: LineRuleType.EXACT },
  });
}

type Block = Paragraph | Table;

/** Share of the container a short rule takes: a third under the issuer, about 40 mm under a title. */
function ruleShare(classes: string[], width: number): number {
  if (classes.includes('rule-third')) return 0.35;
  if (classes.includes('rule-appendix')) return Math.min(1, mm(40) / width);
  return 0.28;
}

/** Converts the children of a container (section, td) into paragraphs and tables. */
function convertBlocks(container: HtmlElement, width: number, ctx: { party: boolean }): Block[] {
  const out: Block[] = [];
  for (const node of container.children) {
    if (node.type !== 'element') continue;
    const classes = classList(node);
    switch (node.tag) {
      case 'p': {
        let style = paragraphStyle(node);
        // HD 36: the document type is 15-16 pt and the issuing body 14 pt in Party documents.
        if (ctx.party && classes.includes('doc-type')) style = { ...style, run: { ...style.run, size: 16 } };
        if (ctx.party && classes.includes('issuer-name')) style = { ...style, run: { ...style.run, size: 14 } };
        // Headings, the closing line and the appendix title block stay with what follows them.
        const keepNext = ['heading', 'keep-with-next', 'appendix-label', 'appendix-title', 'appendix-reference', 'signer-authority', 'signer-position'].some((c) => classes.includes(c));
        out.push(makeParagraph(node, style, { keepNext }));
        break;
      }
      case 'div':
        if (classes.includes('rule')) out.push(ruleParagraph(ruleShare(classes, width), width));
        else if (classes.includes('signer-space')) {
          // Room for the signature and the seal: one empty line exactly 30 mm high, kept with the name below it.
          out.push(new Paragraph({ children: [], keepNext: true, spacing: { before: 0, after: 0, line: SIGNATURE_SPACE_TWIPS, lineRule: LineRuleType.EXACT } }));
        } else if (!classes.includes('screen-banner')) out.push(...convertBlocks(node, width, ctx));
        break;
      case 'figure':
        out.push(...convertChart(node, width));
        break;
      case 'table':
        out.push(...convertTable(node, width, ctx));
        break;
      case 'section':
        out.push(...convertBlocks(node, width, ctx));
        break;
      default:
        break;
    }
  }
  return out;
}

/**
 * A chart in the DOCX: the same SVG the PDF prints, rendered to a PNG (render-chart-png) and placed as an inline
 * picture of the printed size, centred and kept with its caption below it. The figures behind it (the hidden
 * chart-data table) become the picture's description, read aloud by screen readers.
 */
function convertChart(figure: HtmlElement, width: number): Block[] {
  const out: Block[] = [];
  const svgElement = findElement(figure, (e) => e.tag === 'svg');
  const caption = findElement(figure, (e) => e.tag === 'figcaption');
  const captionText = caption ? textContent(caption).trim() : '';
  if (svgElement) {
    const widthMm = Math.min(Number(figure.attrs['data-width-mm']) || 150, width / TWIPS_PER_MM);
    const { png, width: pxWidth, height: pxHeight } = renderChartPng(textContent(svgElement), widthMm);
    // docx sizes a picture in pixels of 96 dpi.
    const shownWidth = Math.round((widthMm / 25.4) * 96);
    const data = findElement(figure, (e) => e.tag === 'table' && classList(e).includes('chart-data'));
    const figures = data
      ? findElement(data, (e) => e.tag === 'tbody')!
          .children.filter((c): c is HtmlElement => c.type === 'element' && c.tag === 'tr')
          .map((tr) => textContent(tr).replace(/\s+/g, ' ').trim())
          .join('; ')
      : '';
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { before: 120, after: 0 },
        children: [
          new ImageRun({
            type: 'png',
            data: png,
            transformation: { width: shownWidth, height: Math.round((shownWidth * pxHeight) / pxWidth) },
            altText: { name: captionText.slice(0, 60) || 'Biểu đồ', title: captionText, description: figures || captionText },
          }),
        ],
      }),
    );
  }
  if (caption) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 60, after: 120 },
        children: [new TextRun({ text: captionText, font: FONT, size: pt(12), italics: true })],
      }),
    );
  }
  return out;
}

function elementChildren(node: HtmlElement, tag?: string): HtmlElement[] {
  return node.children.filter((c): c is HtmlElement => c.type === 'element' && (tag === undefined || c.tag === tag));
}

/** Column widths of a table in twips: from data-width-mm of the col elements, else the class split of the header. */
function columnWidths(table: HtmlElement, width: number, party: boolean): number[] {
  const cols = elementChildren(table, 'colgroup').flatMap((g) => elementChildren(g, 'col'));
  const mmWidths = cols.map((c) => Number(c.attrs['data-width-mm']));
  if (cols.length > 0 && mmWidths.every((v) => Number.isFinite(v) && v > 0)) {
    const twips = mmWidths.map(mm);
    const total = twips.reduce((a, b) => a + b, 0);
    return twips.map((t) => Math.round((t * width) / total));
  }
  const classes = classList(table);
  const share = classes.includes('header-block') ? (party ? [0.46, 0.54] : [0.38, 0.62]) : classes.includes('signature') ? [0.48, 0.52] : [0.5, 0.5];
  return share.map((s) => Math.round(s * width));
}

/**
 * A table, then the notes under it: the template puts an appendix's notes in its last rows (tr.notes) so the PDF
 * keeps them with the last row; in Word they are plain paragraphs after the table, the last row kept with them.
 */
function convertTable(table: HtmlElement, width: number, ctx: { party: boolean }): Block[] {
  const classes = classList(table);
  const isData = classes.includes('data');
  const widths = columnWidths(table, width, ctx.party);
  const rows: TableRow[] = [];
  const notes: Paragraph[] = [];
  const noteCells = elementChildren(table)
    .filter((g) => g.tag === 'tbody')
    .flatMap((g) => elementChildren(g, 'tr').filter((tr) => classList(tr).includes('notes')))
    .flatMap((tr) => elementChildren(tr));
  for (const group of elementChildren(table)) {
    if (group.tag !== 'thead' && group.tag !== 'tbody') continue;
    const groupRows = elementChildren(group, 'tr').filter((tr) => {
      if (!classList(tr).includes('notes')) return true;
      // The notes hold together (each whole, each kept with the next) and, through the last row's keepNext, with the
      // table, so a page never holds only the last note lines (review R1 of issue 10, C2).
      for (const td of elementChildren(tr)) notes.push(makeParagraph(td, paragraphStyle(td), { keepLines: true, keepNext: td !== noteCells[noteCells.length - 1] }));
      return false;
    });
    for (const tr of groupRows) {
      // The last row stays with the notes under the table, which never stand alone on a page.
      const lastRow = group.tag === 'tbody' && tr === groupRows[groupRows.length - 1];
      let col = 0;
      const cells: TableCell[] = [];
      for (const cell of elementChildren(tr).filter((c) => c.tag === 'td' || c.tag === 'th')) {
        const span = Math.max(1, Number(cell.attrs.colspan ?? 1) || 1);
        const cellWidth = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
        col += span;
        let children: Block[];
        if (isData) {
          const cc = classList(cell);
          const align = cell.tag === 'th' || cc.includes('align-center') ? AlignmentType.CENTER : cc.includes('align-right') ? AlignmentType.RIGHT : AlignmentType.LEFT;
          const group = classList(tr).includes('group');
          // keepNext on a group heading keeps it on the page of its first row.
          // table.data.small (Phụ lục I, ten columns) prints at 11 pt, the others at 12 pt, as in the CSS.
          children = [makeParagraph(cell, { align, run: { size: classes.includes('small') ? 11 : 12, bold: cell.tag === 'th' || group }, line: 252 }, { keepNext: group || lastRow })];
        } else {
          children = convertBlocks(cell, cellWidth, ctx);
          if (children.length === 0) children = [new Paragraph({ children: [] })];
        }
        cells.push(
          new TableCell({
            children,
            width: { size: cellWidth, type: WidthType.DXA },
            columnSpan: span > 1 ? span : undefined,
            verticalAlign: cell.tag === 'th' ? VerticalAlign.CENTER : VerticalAlign.TOP,
            margins: isData ? { top: 30, bottom: 30, left: 60, right: 60 } : { top: 0, bottom: 0, left: 0, right: 0 },
          }),
        );
      }
      // Header rows repeat on every page; a short body row never splits across pages (same as the CSS).
      // A long row (tr.long, four lines or more) may split, as in the CSS.
      rows.push(new TableRow({ children: cells, tableHeader: group.tag === 'thead', cantSplit: !classList(tr).includes('long') }));
    }
  }
  const built = new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: isData
      ? { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE }
      : { ...TableBorders.NONE, top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
  });
  return [built, ...notes];
}

/**
 * Marks the last paragraph before the closing block (div.ending) keep-with-next, as the CSS's break-before: avoid on
 * it: Word then carries that paragraph's last lines (at least two, by widow control) onto the signature page rather
 * than leaving the closing line and the signature alone there.
 */
function keepLastParagraphWithEnding(main: HtmlElement): void {
  let last: HtmlElement | null = null;
  const walk = (node: HtmlElement): boolean => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tag === 'div' && classList(child).includes('ending')) {
        if (last) last.attrs.class = `${last.attrs.class ?? ''} keep-with-next`.trim();
        return true;
      }
      if (child.tag === 'p') last = child;
      else if (walk(child)) return true;
    }
    return false;
  };
  walk(main);
}

function banner(): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text: 'SỐ LIỆU MINH HỌA - không dùng để ban hành', font: FONT, size: pt(11), bold: true, color: 'B22222' })],
  });
}

/** Headers and footers of a section: the page number at the top centre, hidden on the section's first page. */
function pageFurniture(illustrative: boolean): Pick<ISectionOptions, 'headers' | 'footers'> {
  const number = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })],
  });
  const footer = () => new Footer({ children: illustrative ? [banner()] : [new Paragraph({ children: [] })] });
  return {
    headers: { default: new Header({ children: [number] }), first: new Header({ children: [new Paragraph({ children: [] })] }) },
    footers: { default: footer(), first: footer() },
  };
}

/**
 * Converts a rendered report to a docx Document: the main part as one section and each appendix as a section of its
 * own with page numbering restarting at 1 (titlePage hides the number on each section's first page).
 * @throws PipelineError('report') when the HTML lacks the main section (a template bug)
 */
export function convertReportHtmlToDocx(rendered: RenderedReport): Document {
  const root = parseReportHtml(rendered.html);
  const body = findElement(root, (e) => e.tag === 'body');
  if (!body) throw new PipelineError('report', 'Báo cáo HTML không có <body>.');
  const party = classList(body).includes('party');
  const parts = elementChildren(body, 'section');
  // The signature block's </section> closes "main"; appendices follow as sibling sections.
  const main = parts.find((s) => classList(s).includes('main'));
  if (!main) throw new PipelineError('report', 'Báo cáo HTML không có phần chính (section.main).');
  keepLastParagraphWithEnding(main);
  const page = {
    size: { width: A4_TWIPS.width, height: A4_TWIPS.height },
    margin: { ...MARGINS_TWIPS },
  };
  // Appendices: landscape A4 (the table's width), numbered from 1 on their own.
  const landscape = {
    size: { width: A4_TWIPS.width, height: A4_TWIPS.height, orientation: PageOrientation.LANDSCAPE },
    margin: { ...LANDSCAPE_MARGINS_TWIPS },
    pageNumbers: { start: 1 },
  };
  const sections: ISectionOptions[] = [];
  for (const part of parts) {
    const isAppendix = classList(part).includes('appendix');
    sections.push({
      properties: { titlePage: true, page: isAppendix ? landscape : page },
      ...pageFurniture(rendered.illustrative),
      children: convertBlocks(part, isAppendix ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH, { party }),
    });
  }
  return new Document({
    creator: 'kehoach',
    lastModifiedBy: 'kehoach',
    title: rendered.title,
    revision: 1,
    styles: styleDefinitions(),
    sections,
  });
}
