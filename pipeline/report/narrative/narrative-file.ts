// Report stage: the narrative file of a period on disk: where it lives, reading it, writing it, and the one edit the
// desk (web app) makes. Path convention: <output dir>/<period>/narrative.md, beside the reports it feeds.
import fs from 'node:fs';
import path from 'node:path';
import { PipelineError } from '../../shared/pipeline-error.ts';
import { toOperationalError } from '../../shared/to-operational-error.ts';
import { writeFileAtomic } from '../../shared/write-file-atomic.ts';
import { formatNarrative } from './format-narrative.ts';
import { mergeNarrative } from './merge-narrative.ts';
import type { NarrativeDocument } from './narrative-document.ts';
import { parseNarrative } from './parse-narrative.ts';
import type { AgencyFileProblem } from './read-agency-texts.ts';

/** File name of the narrative inside a period's output folder. */
export const NARRATIVE_FILE_NAME = 'narrative.md';

/** Where the narrative file of a period lives: `<outDir>/<period>/narrative.md`. */
export function narrativeFilePath(outDir: string, period: string): string {
  return path.join(outDir, period, NARRATIVE_FILE_NAME);
}

/**
 * Reads a narrative file; null when it does not exist yet (first run of the period).
 * @throws PipelineError('report') naming the file when it cannot be read or is not a narrative file
 */
export function readNarrativeFile(file: string): NarrativeDocument | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    const operational = toOperationalError(cause);
    if (operational) throw operational;
    throw new PipelineError('report', `Không đọc được tệp nội dung báo cáo ${file}: ${(cause as Error).message}`, { cause });
  }
  return parseNarrative(text, file);
}

/** Writes a narrative file atomically (UTF-8, deterministic bytes); leaves the file alone when nothing changed. */
export function writeNarrativeFile(file: string, doc: NarrativeDocument): void {
  const text = formatNarrative(doc);
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return;
  writeFileAtomic(file, text);
}

/**
 * What a report run does with the narrative: reads the file (if any), merges this run's draft into it (staff text
 * kept, untouched generated text renewed; see mergeNarrative), writes it back, and returns what the report prints,
 * with `notices` for staff (how the file was read; the agency files not read this run, whose blocks are kept).
 * @param agencyProblems the agency files readAgencyTexts could not read this run
 */
export function syncNarrativeFile(file: string, draft: NarrativeDocument, agencyProblems: readonly AgencyFileProblem[] = []): NarrativeDocument {
  // An agency block's source reads "<agency name>, tệp <file name>" (build-narrative-draft.ts).
  const keepAgencySource = (source: string) =>
    agencyProblems.some((p) => source.endsWith(`, tệp ${p.fileName}`) && (!p.agencyName || source.startsWith(`${p.agencyName}, `)));
  const merged = mergeNarrative(draft, readNarrativeFile(file), { keepAgencySource });
  writeNarrativeFile(file, merged);
  const notices = [...(merged.notices ?? []), ...agencyProblems.map((p) => p.message)];
  return notices.length > 0 ? { ...merged, notices } : merged;
}

/**
 * Replaces the text of one section with staff text (what the desk's editor saves). Empty text records that staff
 * removed the section's draft. The next report run prints it.
 * @throws PipelineError('report') when the file does not exist yet (run the report once) or has no such section
 */
export function setNarrativeSectionText(file: string, sectionId: string, text: string): NarrativeDocument {
  const doc = readNarrativeFile(file);
  if (!doc) throw new PipelineError('report', `Chưa có tệp nội dung báo cáo ${file}: hãy lập báo cáo của kỳ một lần trước.`);
  const section = doc.sections.find((s) => s.id === sectionId);
  if (!section) throw new PipelineError('report', `Tệp ${file} không có đề mục "${sectionId}".`);
  section.parts = [{ kind: 'staff', text }];
  writeNarrativeFile(file, doc);
  return doc;
}
