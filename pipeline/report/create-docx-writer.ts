// Report stage: the DOCX writer. Converts the same rendered HTML as the PDF writer uses into a Word document, then
// rewrites the zip with fixed dates so the same inputs give the same bytes.
import JSZip from 'jszip';
import { Packer } from 'docx';
import { convertReportHtmlToDocx } from './convert-report-html-to-docx.ts';
import type { ReportWriter } from './report-writer.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

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

/**
 * Makes a .docx reproducible: the core properties get the report date as created/modified, and every zip entry
 * the same timestamp (JSZip stores it in UTC), in the order docx wrote them.
 */
export async function normalizeDocx(docx: Uint8Array, isoDate: string): Promise<Buffer> {
  const stamp = `${isoDate}T00:00:00Z`;
  const date = new Date(stamp);
  const source = await JSZip.loadAsync(docx);
  const out = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    let content: Uint8Array | string = await entry.async('uint8array');
    if (entry.name === 'word/document.xml') content = shrinkSectionBreaks(Buffer.from(content).toString('utf8'));
    if (entry.name === 'docProps/core.xml') {
      content = Buffer.from(content)
        .toString('utf8')
        .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`);
    }
    out.file(entry.name, content, { date, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}

/** Creates the DOCX writer (no resources to hold; `close` does nothing). */
export function createDocxWriter(): ReportWriter {
  return {
    format: 'docx',
    async write(rendered, outFile) {
      const document = convertReportHtmlToDocx(rendered);
      const packed = await Packer.toBuffer(document);
      await writeFileAtomic(outFile, await normalizeDocx(packed, rendered.date));
    },
    async close() {},
  };
}
