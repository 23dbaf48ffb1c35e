// Report stage: lays the narrative out as the report's outline: the opening paragraphs, then "I." sections with
// their "1." items and "a)" points, numbered in print order; sections with nothing to print are left out.
import { outlineLetter } from './format/outline-letter.ts';
import { toRoman } from './format/to-roman.ts';
import { narrativeSectionText, type NarrativeDocument, type NarrativeSection } from './narrative/narrative-document.ts';
import type { ReportBlock, ReportChart, ReportItem, ReportPoint, ReportSection } from './report-model.ts';

/** Id of the narrative section that holds the opening paragraphs (printed before "I.", not numbered). */
export const OPENING_SECTION_ID = 'mo-dau';

/**
 * Splits narrative text into blocks: paragraphs are separated by a blank line; inside one, a line starting "- " or
 * "+ " is a list line of its own and other lines run on as one paragraph.
 */
export function textToBlocks(text: string): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  for (const para of text.split(/\n\s*\n/)) {
    let run: string[] = [];
    const flush = () => {
      if (run.length > 0) blocks.push({ kind: 'paragraph', text: run.join(' ') });
      run = [];
    };
    for (const raw of para.split('\n')) {
      const line = raw.trim();
      if (line === '') continue;
      if (/^[-–]\s/.test(line)) {
        flush();
        blocks.push({ kind: 'dash', text: `- ${line.replace(/^[-–]\s+/, '')}` });
      } else if (/^\+\s/.test(line)) {
        flush();
        blocks.push({ kind: 'plus', text: `+ ${line.replace(/^\+\s+/, '')}` });
      } else run.push(line);
    }
    flush();
  }
  return blocks;
}

function blocksOf(section: NarrativeSection, charts: ReadonlyMap<string, ReportChart[]>): ReportBlock[] {
  return [...textToBlocks(narrativeSectionText(section)), ...(charts.get(section.id) ?? []).map((chart) => ({ kind: 'chart' as const, chart }))];
}

/**
 * Lays out a narrative with the charts that belong to its sections (by section id).
 * @returns the opening paragraphs and the numbered sections
 */
export function layOutNarrative(
  narrative: NarrativeDocument,
  charts: ReadonlyMap<string, ReportChart[]> = new Map(),
): { intro: string[]; sections: ReportSection[] } {
  const intro: string[] = [];
  const sections: ReportSection[] = [];
  let section: ReportSection | null = null;
  let item: ReportItem | null = null;
  for (const s of narrative.sections) {
    const blocks = blocksOf(s, charts);
    if (s.id === OPENING_SECTION_ID) {
      intro.push(...blocks.flatMap((b) => (b.kind === 'chart' ? [] : [b.text])));
      continue;
    }
    if (s.level === 1) {
      section = { roman: '', title: s.title, blocks, items: [] };
      sections.push(section);
      item = null;
    } else if (s.level === 2 || !item) {
      section ??= { roman: '', title: '', blocks: [], items: [] };
      if (!sections.includes(section)) sections.push(section);
      item = { number: 0, title: s.title, blocks, points: [] };
      section.items.push(item);
    } else {
      const point: ReportPoint = { letter: '', title: s.title, blocks };
      item.points.push(point);
    }
  }
  // Number only what prints: an item with no text and no points, a section with nothing in it, are left out.
  const printed = sections
    .map((sec) => ({
      ...sec,
      items: sec.items
        .map((it) => ({ ...it, points: it.points.filter((p) => p.blocks.length > 0) }))
        .filter((it) => it.blocks.length > 0 || it.points.length > 0),
    }))
    .filter((sec) => sec.blocks.length > 0 || sec.items.length > 0);
  printed.forEach((sec, i) => {
    sec.roman = toRoman(i + 1);
    sec.items.forEach((it, j) => {
      it.number = j + 1;
      it.points.forEach((p, k) => (p.letter = outlineLetter(k)));
    });
  });
  return { intro, sections: printed };
}
