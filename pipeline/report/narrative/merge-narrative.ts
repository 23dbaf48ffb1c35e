// Report stage: merges this run's generated draft into the narrative staff already hold, keeping every word they
// wrote and renewing only what they left untouched.
import type { NarrativeDocument, NarrativePart, NarrativeSection } from './narrative-document.ts';

/** Options of mergeNarrative. */
export interface MergeNarrativeOptions {
  /**
   * Whether an untouched agency block of this source (its marker's "nguồn") must be kept as it is although this run's
   * draft lacks it: its file could not be read this run (readAgencyTexts reported it). @default never
   */
  keepAgencySource?: (source: string) => boolean;
}

type AgencyPart = Extract<NarrativePart, { kind: 'agency' }>;

/** Text that is staff's: written or edited by them (an edited agency block included). */
function isStaffs(p: NarrativePart): boolean {
  return p.kind === 'staff' || (p.kind === 'agency' && p.edited === true);
}

function mergeSection(draft: NarrativeSection, held: NarrativeSection, keep: (source: string) => boolean): NarrativeSection {
  const draftGenerated = draft.parts.filter((p) => p.kind === 'generated');
  const draftAgency = draft.parts.filter((p): p is AgencyPart => p.kind === 'agency');
  const keptAgency = (p: NarrativePart) => p.kind === 'agency' && !p.edited && !draftAgency.some((a) => a.source === p.source) && keep(p.source);
  // A section staff never wrote in (empty, or nothing but untouched draft and agency text) takes this run's draft.
  if (!held.parts.some((p) => isStaffs(p) || keptAgency(p))) return { ...draft };
  const parts: NarrativePart[] = [];
  let generatedPlaced = false;
  const agencyPlaced = new Set<string>();
  for (const p of held.parts) {
    if (p.kind === 'staff') parts.push(p);
    else if (p.kind === 'generated') {
      // Untouched generated text is renewed in place, once, with this run's figures.
      if (!generatedPlaced) parts.push(...draftGenerated);
      generatedPlaced = true;
    } else if (p.edited) {
      // Staff's version of the agency's text replaces it: the agency's block is not added again (review R2, A3).
      if (!agencyPlaced.has(p.source)) parts.push(p);
      agencyPlaced.add(p.source);
    } else {
      const renewed = draftAgency.find((a) => a.source === p.source);
      if (!agencyPlaced.has(p.source)) {
        if (renewed) parts.push(renewed);
        else if (keep(p.source)) parts.push(p);
      }
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
 * - Agency text is renewed per source file; a new source file is added at the end of its section. An agency block
 *   staff edited replaces the agency's text (kept, with its source). An untouched agency block whose file could not
 *   be read this run (`keepAgencySource`) is kept as it was.
 * - A section that is no longer in the outline (its sector has no figures this time, or staff added the heading with
 *   an id of their own) is kept when it holds staff text, after the section that preceded it, and said in `notices`.
 * Titles, levels and prompts always come from the draft (the program owns the outline). The held file's notices
 * (how it was read) come first in the result's `notices`.
 */
export function mergeNarrative(draft: NarrativeDocument, held: NarrativeDocument | null, options: MergeNarrativeOptions = {}): NarrativeDocument {
  if (!held) return draft;
  const keep = options.keepAgencySource ?? (() => false);
  const notices = [...(held.notices ?? [])];
  const heldById = new Map(held.sections.map((s) => [s.id, s]));
  const sections = draft.sections.map((s) => {
    const h = heldById.get(s.id);
    return h ? mergeSection(s, h, keep) : s;
  });
  const ids = new Set(sections.map((s) => s.id));
  let previous: string | null = null;
  for (const h of held.sections) {
    const kept = h.parts.filter((p) => isStaffs(p) || (p.kind === 'agency' && keep(p.source)));
    if (!ids.has(h.id) && kept.some((p) => p.text.trim() !== '')) {
      const keepSection: NarrativeSection = { ...h, parts: kept };
      const at = previous === null ? 0 : sections.findIndex((s) => s.id === previous) + 1;
      sections.splice(at, 0, keepSection);
      ids.add(h.id);
      if (h.id !== '') {
        notices.push(
          `Đề mục "${h.title}" {#${h.id}} không có trong dàn ý lần này (đề mục anh/chị thêm, hoặc lĩnh vực không còn số liệu): phần chữ dưới đề mục được giữ và in tại chỗ cũ; xem lại hoặc chuyển chữ sang đề mục của chương trình.`,
        );
      }
    }
    previous = h.id;
  }
  return { ...draft, sections, ...(notices.length > 0 ? { notices } : {}) };
}
