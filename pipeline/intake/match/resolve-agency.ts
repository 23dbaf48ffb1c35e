// Intake stage: finds the agency an inbox folder (or --agency) names: its code, or its Vietnamese name or short name
// without regard to case, diacritics or spacing, through agency_aliases.
import { toMatchKey } from '../../shared/to-match-key.ts';
import type { IntakeRegistry } from './load-intake-registry.ts';

/** The agency code, or null when the text names no agency or more than one. */
export function resolveAgency(registry: IntakeRegistry, text: string): string | null {
  const raw = text.normalize('NFC').trim();
  if (registry.agencies.has(raw)) return raw;
  const lower = raw.toLowerCase();
  if (registry.agencies.has(lower)) return lower;
  // Clerks number folders ("01 - Sở Tài chính", "03. Cục Thống kê"): the number is not part of the name.
  const candidates = [raw, raw.replace(/^\s*\d{1,3}\s*[-._)]\s*/, '')];
  for (const c of candidates) {
    const key = toMatchKey(c);
    const hits = registry.agencyAliases.get(key);
    if (hits && hits.length === 1) return hits[0]!;
    const slug = key.replace(/ /g, '-');
    if (registry.agencies.has(slug)) return slug;
  }
  return null;
}
