// Report stage: reads the narrative file back (narrative.md), telling untouched generated text from staff text.
import { PipelineError } from '../../shared/pipeline-error.ts';
import { hashNarrativeText, normalizeNarrativeText } from './hash-narrative-text.ts';
import { NARRATIVE_MAGIC } from './format-narrative.ts';
import type { NarrativeDocument, NarrativeLevel, NarrativePart, NarrativeSection } from './narrative-document.ts';

const HEADING = /^(#{1,3})\s+(.*?)\s*\{#([A-Za-z0-9._-]+)\}\s*$/;
const BEGIN_GENERATED = /^<!--\s*tự động\s+#([0-9a-f]{8})\b.*-->\s*$/u;
const BEGIN_AGENCY = /^<!--\s*cơ quan\s+#([0-9a-f]{8}),\s*nguồn:\s*(.*?)\s*-->\s*$/u;
const END_GENERATED = /^<!--\s*hết tự động\s*-->\s*$/u;
const REMOVED = /^<!--\s*cán bộ đã bỏ đoạn tự động\s*-->\s*$/u;

/**
 * Parses a narrative file. A generated (or agency) block whose text still matches the fingerprint in its opening
 * marker stays `generated` (`agency`); one whose text changed becomes `staff` (an edited block emptied of all text
 * records that staff removed it). Text outside markers is `staff`. Other HTML comments (the help, the prompts) are
 * dropped: the program writes them again. Text before the first heading is kept as staff text of a section with
 * id "" so nothing staff typed is lost.
 * @param file the file name, for messages
 * @throws PipelineError('report') naming the file when it is not a narrative file (no first line marker)
 */
export function parseNarrative(text: string, file = 'narrative.md'): NarrativeDocument {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const head = /^<!--\s*kehoach-narrative 1;\s*kỳ:\s*([^;]*);\s*loại:\s*(\S*)/u.exec(source);
  if (!head || !source.startsWith(`<!-- ${NARRATIVE_MAGIC}`)) {
    throw new PipelineError('report', `Tệp ${file} không phải tệp nội dung báo cáo của kehoach (thiếu dòng đầu "${NARRATIVE_MAGIC}").`);
  }
  const doc: NarrativeDocument = { period: head[1]!.trim(), kind: head[2]!.trim(), sections: [] };
  let section: NarrativeSection = { id: '', level: 1, title: '', parts: [] };
  let buffer: string[] = [];
  let open: { kind: 'generated' | 'agency'; hash: string; source: string } | null = null;
  let inComment = false;

  const flushStaff = () => {
    const t = normalizeNarrativeText(buffer.join('\n'));
    if (t !== '') section.parts.push({ kind: 'staff', text: t });
    buffer = [];
  };
  const closeBlock = () => {
    const t = normalizeNarrativeText(buffer.join('\n'));
    const untouched = hashNarrativeText(t) === open!.hash;
    let part: NarrativePart;
    if (!untouched) part = { kind: 'staff', text: t };
    else if (open!.kind === 'agency') part = { kind: 'agency', source: open!.source, text: t };
    else part = { kind: 'generated', text: t };
    section.parts.push(part);
    buffer = [];
    open = null;
  };
  const startSection = (level: NarrativeLevel, title: string, id: string) => {
    if (open) closeBlock();
    else flushStaff();
    if (section.id !== '' || section.parts.length > 0) doc.sections.push(section);
    section = { id, level, title, parts: [] };
  };

  const lines = source.split('\n');
  // Skip the header comment (up to its closing "-->").
  let i = 0;
  while (i < lines.length && !lines[i]!.includes('-->')) i += 1;
  for (i += 1; i < lines.length; i += 1) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (inComment) {
      if (trimmed.includes('-->')) inComment = false;
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      startSection(h[1]!.length as NarrativeLevel, h[2]!.trim(), h[3]!);
      continue;
    }
    let m: RegExpExecArray | null;
    if (!open && (m = BEGIN_GENERATED.exec(trimmed))) {
      flushStaff();
      open = { kind: 'generated', hash: m[1]!, source: '' };
    } else if (!open && (m = BEGIN_AGENCY.exec(trimmed))) {
      flushStaff();
      open = { kind: 'agency', hash: m[1]!, source: m[2]! };
    } else if (open && END_GENERATED.test(trimmed)) {
      closeBlock();
    } else if (!open && REMOVED.test(trimmed)) {
      flushStaff();
      section.parts.push({ kind: 'staff', text: '' });
    } else if (trimmed.startsWith('<!--')) {
      // A prompt or a comment of staff's own: not printed; a comment left open runs to its "-->".
      if (!trimmed.includes('-->')) inComment = true;
    } else {
      buffer.push(line);
    }
  }
  // A block whose closing marker was deleted counts as edited: its text is kept as staff text.
  if (open) {
    const t = normalizeNarrativeText(buffer.join('\n'));
    if (t !== '') section.parts.push({ kind: 'staff', text: t });
    buffer = [];
    open = null;
  } else flushStaff();
  if (section.id !== '' || section.parts.length > 0) doc.sections.push(section);
  return doc;
}
