// Desk: the names in a period's files that the matcher did not know, or only nearly knew, each with the
// matcher's suggestions, so staff can confirm one (or choose another indicator) instead of typing
// `kehoach alias add`.
import type { OpenDatabase } from '../db/open-database.ts';
import { createIndicatorMatcher, toIndicatorKey } from '../intake/match/create-indicator-matcher.ts';
import { agencyIndicators, loadIntakeRegistry, type IntakeRegistry, type RegistryIndicator } from '../intake/match/load-intake-registry.ts';
import { parsePeriod } from '../shared/parse-period.ts';

/** An indicator offered for a name. */
export interface NameSuggestion {
  code: string;
  name: string;
  unit: string;
  /** The agency follows this indicator in the period. */
  own: boolean;
  /** The matcher itself nearly took it (or hesitated between it and others): offered already chosen. */
  likely?: boolean;
}

// The score from which intake's message asks "Có phải ...?" (read/read-free-form-sheet's unmatchedProblem).
const NEAR_SCORE = 0.5;

/** One name to resolve, with where it was seen. */
export interface UnknownName {
  /** The name as the agency wrote it. */
  name: string;
  agency: string;
  agencyName: string;
  kind: 'unknown' | 'ambiguous';
  suggestions: NameSuggestion[];
  /** Places it was seen: file, sheet, cell. */
  places: { fileId: number; file: string; sheet: string | null; cell: string | null; row: number | null }[];
  /** The matcher's message. */
  message: string;
}

/**
 * Lists the unknown and ambiguous indicator names of the period's current (not superseded) files, one entry per
 * name and agency, with up to four suggestions (the agency's own indicators first).
 */
export function listUnknownNames(database: OpenDatabase, periodId: string): UnknownName[] {
  const period = parsePeriod(periodId);
  const rows = database.sqlite
    .prepare(
      `select p.value_text as name, p.agency_code as agency, p.code, p.message, p.file_id as fileId, p.file_name as file,
              p.sheet, p.cell, p.row_number as row
         from problems p
         join received_files f on f.id = p.file_id
         left join submissions s on s.file_id = f.id
        where f.period = ? and p.code in ('unknown-indicator', 'ambiguous-indicator') and p.value_text is not null
          and p.agency_code is not null and s.superseded_by is null
        order by p.agency_code, p.id`,
    )
    .all(period.id) as { name: string; agency: string; code: string; message: string; fileId: number; file: string; sheet: string | null; cell: string | null; row: number | null }[];
  if (rows.length === 0) return [];
  const registry = loadIntakeRegistry(database.sqlite);
  const matcher = createIndicatorMatcher(registry);
  const byKey = new Map<string, UnknownName>();
  for (const r of rows) {
    const key = `${r.agency}\u0000${r.name}`;
    let entry = byKey.get(key);
    if (!entry) {
      const own = new Set(agencyIndicators(registry, r.agency, period));
      const match = matcher.match(r.name, r.agency, own);
      // The matcher's candidates when it hesitated between several; otherwise the closest names by shared words,
      // the agency's own indicators first (the likeliest meaning of a name it wrote).
      const near = match.type === 'unknown' && match.best && match.score >= NEAR_SCORE ? match.best : null;
      const found = match.type === 'ambiguous' ? match.candidates : [...(near ? [near] : []), ...rankByWords(registry, r.name, own).filter((i) => i !== near)];
      const suggestions = found.map((i) => ({ code: i.code, name: i.name, unit: i.unit, own: own.has(i.code), likely: i === near }));
      entry = {
        name: r.name,
        agency: r.agency,
        agencyName: registry.agencies.get(r.agency)?.name ?? r.agency,
        kind: r.code === 'ambiguous-indicator' ? 'ambiguous' : 'unknown',
        suggestions: suggestions.slice(0, 4),
        places: [],
        message: r.message,
      };
      byKey.set(key, entry);
    }
    if (entry.places.length < 20) entry.places.push({ fileId: r.fileId, file: r.file, sheet: r.sheet, cell: r.cell, row: r.row });
  }
  return [...byKey.values()];
}

/** Every indicator of the registry, for "choose another": the agency's own first, then by name. */
export function listIndicatorChoices(database: OpenDatabase, periodId: string, agency: string): NameSuggestion[] {
  const period = parsePeriod(periodId);
  const registry = loadIntakeRegistry(database.sqlite);
  const own = new Set(agencyIndicators(registry, agency, period));
  return [...registry.indicators.values()]
    .map((i) => ({ code: i.code, name: i.name, unit: i.unit, own: own.has(i.code) }))
    .sort((a, b) => Number(b.own) - Number(a.own) || a.name.localeCompare(b.name, 'vi'));
}

/**
 * The registry's indicators closest to a name by the words they share (Dice over the matcher's folded words), with
 * a bonus for the agency's own: suggestions for a person to confirm, not a match.
 */
function rankByWords(registry: IntakeRegistry, name: string, own: ReadonlySet<string>): RegistryIndicator[] {
  const words = (text: string) => new Set(toIndicatorKey(text).split(' ').filter((w) => w.length > 0));
  const mine = words(name);
  if (mine.size === 0) return [];
  const scored: { ind: RegistryIndicator; score: number }[] = [];
  for (const ind of registry.indicators.values()) {
    const theirs = words(ind.name);
    let common = 0;
    for (const w of mine) if (theirs.has(w)) common++;
    const score = (2 * common) / (mine.size + theirs.size) + (own.has(ind.code) ? 0.15 : 0);
    if (common > 0 && score >= 0.3) scored.push({ ind, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.ind.code.localeCompare(b.ind.code))
    .slice(0, 4)
    .map((s) => s.ind);
}
