// Report stage tests: reading a DOCX back (it is a zip of XML parts).
import fs from 'node:fs';
import JSZip from 'jszip';
import { decodeEntities } from '../../pipeline/report/writers/parse-report-html.ts';

/** The XML parts of a .docx, by name. */
export async function readDocxParts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const parts = new Map<string, string>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) parts.set(entry.name, await entry.async('string'));
  return parts;
}

/** Text of a WordprocessingML part: paragraphs on their own lines, the runs of a paragraph joined. */
export function docxText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeEntities(m[1]!)).join(''))
    .join('\n');
}
