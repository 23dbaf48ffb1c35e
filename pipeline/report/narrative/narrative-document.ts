// Report stage: the narrative of one period's report as data: the sections of the outline (I. / 1. / a)), each with
// the text the program drafted from the figures and the text staff wrote. The narrative file (narrative.md beside
// the report) is this document written as Markdown; see format-narrative.ts and parse-narrative.ts.

/** Outline level of a section: 1 "I.", 2 "1.", 3 "a)". */
export type NarrativeLevel = 1 | 2 | 3;

/**
 * One piece of a section's text.
 * - `generated`: drafted by the program from the figures; rewritten at every run while staff leave it untouched.
 * - `staff`: written (or edited) by staff; kept as it is by every later run.
 * - `agency`: taken from an agency's own text (a "Thuyết minh" sheet, a DOCX beside its spreadsheet), with the file
 *   it came from; rewritten at every run while untouched, like generated text. Once staff edit it (`edited`), it is
 *   theirs: kept as written, still marked with its source, and it replaces the agency's text (never printed twice).
 * Text is plain text: paragraphs separated by a blank line, lines starting "- " or "+ " are list lines. It is data
 * wherever it goes (escaped in HTML, never compiled as a template).
 */
export type NarrativePart =
  | { kind: 'generated'; text: string }
  | { kind: 'staff'; text: string }
  | { kind: 'agency'; source: string; text: string; edited?: boolean };

/** One section of the narrative, identified by a stable id ("kinh-te.ngan-sach") that the report model looks up. */
export interface NarrativeSection {
  id: string;
  level: NarrativeLevel;
  /** Heading as printed, without its number ("Thu, chi ngân sách nhà nước"). */
  title: string;
  parts: NarrativePart[];
  /**
   * What staff are expected to write here, shown in the file as a comment and never printed
   * ("Nguyên nhân khách quan, chủ quan của những hạn chế"). Empty for sections the program drafts in full.
   */
  prompt?: string;
}

/** The narrative of one report: the period, the report kind, and the sections in outline order. */
export interface NarrativeDocument {
  /** Period id ("2025-H1"). */
  period: string;
  /** Report kind the outline was made for ("six-month"). */
  kind: string;
  sections: NarrativeSection[];
  /**
   * What reading and merging the file changed in staff's lines or could not do, one Vietnamese sentence each naming
   * narrative.md and the line (a repeated section id, a comment line typed by hand, an agency file not read this run).
   * Shown in kiem-tra.html and printed by the command; never written into the file.
   */
  notices?: string[];
}

/** Whether a section holds any text at all (staff, agency or generated). */
export function hasNarrativeText(section: NarrativeSection): boolean {
  return section.parts.some((p) => p.text.trim() !== '');
}

/** The text of a section as printed: every part in order, paragraphs separated by a blank line. */
export function narrativeSectionText(section: NarrativeSection): string {
  return section.parts
    .map((p) => p.text.trim())
    .filter((t) => t !== '')
    .join('\n\n');
}
