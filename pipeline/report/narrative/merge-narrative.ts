// Report stage: merges this run's generated draft into the narrative staff already hold, keeping every word they
// wrote and renewing only what they left untouched.
import type { NarrativeDocument, NarrativePart, NarrativeSection } from './narrative-document.ts';

function mergeSection(draft: NarrativeSection, held: NarrativeSection): NarrativeSection {
  // A section staff never wrote in (empty, or nothing but untouched draft and agency text) takes this run's draft.
  if (held.parts.every((p) => p.kind !== 'staff')) return { ...draft };
  const draftGenerated = draft.parts.filter((p) => p.kind === 'generated');
  const draftAgency = draft.parts.filter((p): p is Extract<NarrativePart, { kind: 'agency' }> => p.kind === 'agency');
  const parts: NarrativePart[] = [];
  let generatedPlaced = false;
  const agencyPlaced = new Set<string>();
  for (const p of held.parts) {
    if (p.kind === 'staff') parts.push(p);
    else if (p.kind === 'generated') {
      // Untouched generated text is renewed in place, once, with this run's figures.
      if (!generatedPlaced) parts.push(...draftGenerated);
      generatedPlaced = true;
    } else {
      const renewed = draftAgency.find((a) => a.source === p.source);
      if (renewed && !agencyPlaced.has(p.source)) parts.push(renewed);
      agencyPlaced.add(p.source);
    }
  }
  // Text an agency sent since the last run joins the section; generated text staff removed or rewrote does not return.
  for (const a of draftAgency) if (!agencyPlaced.has(a.source)) parts.push(a);
  return { ...draft, parts };
}

/**
 * Merges the draft of this run into the narrative held in the file.
 * - A section staff have not written in gets this run's draft.
 * - In a section they wrote in, their text stays where it is; untouched generated text is replaced by this run's
 *   (at its place); generated text they edited or removed is theirs now and is not drafted again.
 * - Agency text is renewed per source file; a new source file is added at the end of its section.
 * - A section that is no longer in the outline (its sector has no figures this time) is kept when it holds staff
 *   text, after the section that preceded it.
 * Titles, levels and prompts always come from the draft (the program owns the outline).
 */
export function mergeNarrative(draft: NarrativeDocument, held: NarrativeDocument | null): NarrativeDocument {
  if (!held) return draft;
  const heldById = new Map(held.sections.map((s) => [s.id, s]));
  const sections = draft.sections.map((s) => {
    const h = heldById.get(s.id);
    return h ? mergeSection(s, h) : s;
  });
  const ids = new Set(sections.map((s) => s.id));
  let previous: string | null = null;
  for (const h of held.sections) {
    if (!ids.has(h.id) && h.parts.some((p) => p.kind === 'staff' && p.text.trim() !== '')) {
      const keep: NarrativeSection = { ...h, parts: h.parts.filter((p) => p.kind === 'staff') };
      const at = previous === null ? 0 : sections.findIndex((s) => s.id === previous) + 1;
      sections.splice(at, 0, keep);
      ids.add(h.id);
    }
    previous = h.id;
  }
  return { ...draft, sections };
}
