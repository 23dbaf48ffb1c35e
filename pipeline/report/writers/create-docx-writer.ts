// Report stage: the DOCX writer. Converts the same rendered HTML as the PDF writer uses into a Word document, then
// zips its parts with fixed dates so the same inputs give the same bytes.
import { Packer, type Document } from 'docx';
import { convertReportHtmlToDocx } from './convert-report-html-to-docx.ts';
import { createZip, type ZipEntry } from './create-zip.ts';
import type { ReportWriter } from './report-writer.ts';
import { writeFileAtomic } from '../../shared/write-file-atomic.ts';

/**
 * docx closes every section but the last with an empty paragraph of the default size (14 pt) holding the section
 * properties; after a full page that paragraph spills onto a blank page of its own. Making it 1 pt high keeps the
 * section break and drops the blank page (pPr children stay in schema order: spacing, rPr, sectPr).
 */
function shrinkSectionBreaks(xml: string): string {
  return xml.replaceAll(
    '<w:p><w:pPr><w:sectPr',
    '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr><w:sectPr',
  );
}

/** Fixes what would differ between runs or pages: the core properties' dates, the section-break paragraphs. */
function fixPart(name: string, content: Uint8Array, stamp: string): Uint8Array {
  if (name === 'word/document.xml') return Buffer.from(shrinkSectionBreaks(Buffer.from(content).toString('utf8')), 'utf8');
  if (name === 'docProps/core.xml') {
    return Buffer.from(
      Buffer.from(content)
        .toString('utf8')
        .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`),
      'utf8',
    );
  }
  return content;
}

/** The docx library's compiler, which yields the parts before they are zipped (docx 9; absent, we unzip). */
interface DocxCompiler {
  compile(file: Document, prettify?: unknown, overrides?: unknown[]): { files: Record<string, { dir: boolean; name: string; async(type: 'uint8array'): Promise<Uint8Array> }> };
}

async function documentParts(document: Document): Promise<ZipEntry[]> {
  const compiler = (Packer as unknown as { compiler?: DocxCompiler }).compiler;
  const files = compiler
    ? compiler.compile(document, undefined, []).files
    : (await (await import('jszip')).default.loadAsync(await Packer.toBuffer(document))).files;
  const entries: ZipEntry[] = [];
  for (const f of Object.values(files)) if (!f.dir) entries.push({ name: f.name, data: await f.async('uint8array') });
  return entries;
}

/**
 * Makes a .docx reproducible from its parts: the report date as created/modified in the core properties and as every
 * zip entry's time, the parts in the order docx wrote them.
 */
export async function packDocx(document: Document, isoDate: string): Promise<Buffer> {
  const stamp = `${isoDate}T00:00:00Z`;
  // [Content_Types].xml and the package relationships first, as Word writes them; some readers expect that order.
  const rank = (name: string) => (name === '[Content_Types].xml' ? 0 : name === '_rels/.rels' ? 1 : 2);
  const parts = (await documentParts(document)).sort((a, b) => rank(a.name) - rank(b.name));
  return createZip(parts.map((p) => ({ name: p.name, data: fixPart(p.name, p.data, stamp) })), new Date(stamp));
}

/** Creates the DOCX writer (no resources to hold; `close` does nothing). */
export function createDocxWriter(): ReportWriter {
  return {
    format: 'docx',
    async write(rendered, outFile) {
      writeFileAtomic(outFile, await packDocx(convertReportHtmlToDocx(rendered), rendered.date));
    },
    async close() {},
  };
}
