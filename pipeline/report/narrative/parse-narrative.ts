// Report stage: reads the narrative file back (narrative.md), telling untouched generated text from staff text.
import path from 'node:path';
import { PipelineError } from '../../shared/pipeline-error.ts';
import { hashNarrativeText, normalizeNarrativeText } from './hash-narrative-text.ts';
import { NARRATIVE_MAGIC } from './format-narrative.ts';
import type { NarrativeDocument, NarrativeLevel, NarrativePart, NarrativeSection } from './narrative-document.ts';

const HEADING = /^(#{1,3})\s+(.*?)\s*\{#([A-Za-z0-9._-]+)\}\s*$/;
/** A line that looks like a heading but has no id: not a heading (the rule in the file's instructions). */
const HEADING_WITHOUT_ID = /^#{1,6}(\s+|$)/;
const BEGIN_GENERATED = /^<!--\s*tự động\s+#([0-9a-f]{8})\b.*-->\s*$/u;
const BEGIN_AGENCY = /^<!--\s*cơ quan\s+#([0-9a-f]{8}),\s*nguồn:\s*(.*?)\s*-->\s*$/u;
/** An agency block staff edited: theirs now, kept as written, still marked with its source. */
const BEGIN_AGENCY_EDITED = /^<!--\s*cơ quan \(cán bộ đã biên tập\),\s*nguồn:\s*(.*?)\s*-->\s*$/u;
const END_GENERATED = /^<!--\s*hết tự động\s*-->\s*$/u;
const REMOVED = /^<!--\s*cán bộ đã bỏ đoạn tự động\s*-->\s*$/u;
/** The program's own prompt comment under a heading ("Cán bộ viết: ..."); rewritten at every run. */
const PROMPT = /^<!--\s*Cán bộ viết:/u;

/** A comment line as quoted in a notice: short, on one line. */
function quote(line: string): string {
  const t = line.trim().replace(/\s+/g, ' ');
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

/**
 * Parses a narrative file. A generated (or agency) block whose text still matches the fingerprint in its opening
 * marker stays `generated` (`agency`); a generated block whose text changed becomes `staff` (an edited block emptied
 * of all text records that staff removed it); an agency block whose text changed stays the agency's block, marked
 * `edited` (it replaces the agency's text and keeps its source). Text outside markers is `staff`. Other HTML
 * comments (the help, the prompts) are dropped: the program writes them again. Text before the first heading is kept
 * as staff text of a section with id "" so nothing staff typed is lost.
 *
 * What the program changes in staff's lines, it says in `notices` (shown in kiem-tra.html and by the command):
 * a repeated section id (the text under the repeat joins the first section of that id), a comment line staff
 * typed (a stray "hết tự động" included: not printed, not kept), a "# ..." line without an id (kept as an ordinary
 * paragraph, without the "#"), a file whose first line was deleted (read by its section ids).
 * @param file the file name, for messages
 * @throws PipelineError('report') naming the file, with what to do, when it is not a narrative file (no first line
 *   marker and no section id): nothing in it is overwritten
 */
export function parseNarrative(text: string, file = 'narrative.md'): NarrativeDocument {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const name = path.basename(file);
  const notices: string[] = [];
  const head = /^<!--\s*kehoach-narrative 1;\s*kỳ:\s*([^;]*);\s*loại:\s*(\S*)/u.exec(source);
  const lines = source.split('\n');
  let i = 0;
  if (head && source.startsWith(`<!-- ${NARRATIVE_MAGIC}`)) {
    // Skip the header comment (up to its closing "-->").
    while (i < lines.length && !lines[i]!.includes('-->')) i += 1;
    i += 1;
  } else if (lines.some((l) => HEADING.test(l))) {
    // The first line was deleted (or the instructions with it): the section ids are there, so the file is read.
    notices.push(`${name}: thiếu dòng đầu "${NARRATIVE_MAGIC}" (phần hướng dẫn); đã đọc theo các mã đề mục {#...} và ghi lại dòng đầu cùng phần hướng dẫn.`);
    if (lines[0]?.trim().startsWith('<!--')) {
      while (i < lines.length && !lines[i]!.includes('-->')) i += 1;
      i += 1;
    }
  } else {
    const empty = source.trim() === '';
    throw new PipelineError(
      'report',
      `Tệp ${file} ${empty ? 'rỗng' : 'không phải tệp nội dung báo cáo của kehoach'} (thiếu dòng đầu "${NARRATIVE_MAGIC}" và không có đề mục nào có mã {#...}); ` +
        'chương trình không ghi đè tệp này. Xóa tệp (hoặc đổi tên để giữ lại) để chương trình tạo lại bản nháp, rồi chép phần chữ của anh/chị vào ' +
        `dưới các đề mục; hoặc khôi phục dòng đầu "<!-- ${NARRATIVE_MAGIC}; kỳ: ...; loại: ..." và các dòng đề mục "## ... {#...}" từ bản sao lưu.`,
    );
  }
  const doc: NarrativeDocument = { period: head?.[1]?.trim() ?? '', kind: head?.[2]?.trim() ?? '', sections: [] };
  let section: NarrativeSection = { id: '', level: 1, title: '', parts: [] };
  /** Line where each section id was first met, for the repeated-id notice. */
  const firstLine = new Map<string, { section: NarrativeSection; line: number }>();
  let buffer: string[] = [];
  let open: { kind: 'generated' | 'agency'; hash: string; source: string; edited: boolean } | null = null;
  let inComment = false;

  const flushStaff = () => {
    const t = normalizeNarrativeText(buffer.join('\n'));
    if (t !== '') section.parts.push({ kind: 'staff', text: t });
    buffer = [];
  };
  const closeBlock = () => {
    const t = normalizeNarrativeText(buffer.join('\n'));
    const untouched = !open!.edited && hashNarrativeText(t) === open!.hash;
    let part: NarrativePart;
    if (open!.kind === 'agency') {
      // An edited agency block stays the agency's (it replaces the agency's text, and keeps its source); emptied, it
      // records that staff removed it.
      part = untouched ? { kind: 'agency', source: open!.source, text: t } : { kind: 'agency', source: open!.source, text: t, edited: true };
    } else if (!untouched) part = { kind: 'staff', text: t };
    else part = { kind: 'generated', text: t };
    section.parts.push(part);
    buffer = [];
    open = null;
  };
  const pushSection = () => {
    if ((section.id !== '' || section.parts.length > 0) && !doc.sections.includes(section)) doc.sections.push(section);
  };
  const startSection = (level: NarrativeLevel, title: string, id: string, line: number) => {
    if (open) closeBlock();
    else flushStaff();
    pushSection();
    const first = firstLine.get(id);
    if (first) {
      // A heading copied to start a second group of paragraphs: its text joins the first section of that id.
      notices.push(
        `${name}, dòng ${line}: mã đề mục {#${id}} lặp lại (đã có ở dòng ${first.line}); phần chữ dưới đề mục lặp đã được ghép vào cuối đề mục "${first.section.title}" (dòng ${first.line}), không mất chữ nào. Xem lại thứ tự các đoạn.`,
      );
      section = first.section;
      return;
    }
    section = { id, level, title, parts: [] };
    firstLine.set(id, { section, line });
  };

  for (; i < lines.length; i += 1) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (inComment) {
      if (trimmed.includes('-->')) inComment = false;
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      startSection(h[1]!.length as NarrativeLevel, h[2]!.trim(), h[3]!, i + 1);
      continue;
    }
    let m: RegExpExecArray | null;
    if (!open && (m = BEGIN_GENERATED.exec(trimmed))) {
      flushStaff();
      open = { kind: 'generated', hash: m[1]!, source: '', edited: false };
    } else if (!open && (m = BEGIN_AGENCY.exec(trimmed))) {
      flushStaff();
      open = { kind: 'agency', hash: m[1]!, source: m[2]!, edited: false };
    } else if (!open && (m = BEGIN_AGENCY_EDITED.exec(trimmed))) {
      flushStaff();
      open = { kind: 'agency', hash: '', source: m[1]!, edited: true };
    } else if (open && END_GENERATED.test(trimmed)) {
      closeBlock();
    } else if (!open && REMOVED.test(trimmed)) {
      flushStaff();
      section.parts.push({ kind: 'staff', text: '' });
    } else if (trimmed.startsWith('<!--')) {
      // A prompt or a comment of staff's own: not printed; a comment left open runs to its "-->". Staff's own
      // comment lines (a marker typed by hand included) are said, not dropped silently.
      if (!PROMPT.test(trimmed)) {
        notices.push(`${name}, dòng ${i + 1}: dòng chú thích "${quote(trimmed)}" không phải dấu đoạn của chương trình ở chỗ này; không in ra và đã được bỏ khi ghi lại tệp (chữ xung quanh vẫn giữ).`);
      }
      if (!trimmed.includes('-->')) inComment = true;
    } else if (!open && HEADING_WITHOUT_ID.test(trimmed)) {
      // "# Ý kiến" without {#id}: not a heading (headings belong to the program); kept as an ordinary paragraph.
      const plain = trimmed.replace(/^#+\s*/, '');
      notices.push(`${name}, dòng ${i + 1}: "${quote(trimmed)}" không có mã {#...} nên không phải đề mục; được giữ như đoạn văn thường (đã bỏ dấu #).`);
      buffer.push(plain);
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
  pushSection();
  if (notices.length > 0) doc.notices = notices;
  return doc;
}
