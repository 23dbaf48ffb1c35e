// Desk: the narrative text areas. The report page shows each section of the period's narrative file (issue 10's
// narrative.md); saving writes only the sections whose text staff changed, through the report stage's
// `setNarrativeSectionText`, so untouched generated text keeps being renewed by later runs.
import {
  narrativeFilePath,
  readNarrativeFile,
  setNarrativeSectionText,
} from '../report/narrative/narrative-file.ts';
import { narrativeSectionText, type NarrativeSection } from '../report/narrative/narrative-document.ts';
import type { DeskContext } from './create-desk-context.ts';
import { recordAudit } from './record-audit.ts';

/** One section as the editor shows it. */
export interface NarrativeField {
  index: number;
  id: string;
  level: number;
  title: string;
  text: string;
  prompt: string;
  /** Who wrote the text now in it: staff, generated (drafted from the figures), agency (with its files). */
  origin: 'staff' | 'generated' | 'agency' | 'empty';
  sources: string[];
  rows: number;
}

function originOf(section: NarrativeSection): NarrativeField['origin'] {
  const kinds = new Set(section.parts.filter((p) => p.text.trim() !== '').map((p) => p.kind));
  if (kinds.has('staff')) return 'staff';
  if (kinds.has('agency')) return 'agency';
  return kinds.has('generated') ? 'generated' : 'empty';
}

/** The sections of a period's narrative file, or null when the report has not been produced yet. */
export function readNarrativeFields(ctx: DeskContext, period: string): NarrativeField[] | null {
  const doc = readNarrativeFile(narrativeFilePath(ctx.outDir, period));
  if (!doc) return null;
  return doc.sections.map((s, index) => {
    const text = narrativeSectionText(s);
    return {
      index,
      id: s.id,
      level: s.level,
      title: s.title,
      text,
      prompt: s.prompt ?? '',
      origin: originOf(s),
      sources: s.parts.flatMap((p) => (p.kind === 'agency' ? [p.source] : [])),
      rows: Math.min(18, Math.max(3, Math.ceil(text.length / 110) + text.split('\n').length)),
    };
  });
}

/**
 * Saves the sections whose submitted text differs from the file's, as staff text, recording who and when.
 * @param edits section id -> submitted text
 * @returns the ids saved
 */
export async function saveNarrativeSections(ctx: DeskContext, period: string, edits: Map<string, string>, by: string): Promise<string[]> {
  const file = narrativeFilePath(ctx.outDir, period);
  return ctx.exclusive(`narrative ${period}`, async () => {
    const doc = readNarrativeFile(file);
    if (!doc) return [];
    const norm = (t: string) => t.replace(/\r\n?/g, '\n').trim();
    const saved: string[] = [];
    for (const section of doc.sections) {
      const submitted = edits.get(section.id);
      if (submitted === undefined || norm(submitted) === norm(narrativeSectionText(section))) continue;
      setNarrativeSectionText(file, section.id, norm(submitted));
      saved.push(section.id);
    }
    if (saved.length > 0) {
      recordAudit(ctx.database.sqlite, { actor: by, action: 'sửa nội dung báo cáo', period, detail: { sections: saved } });
    }
    return saved;
  });
}
