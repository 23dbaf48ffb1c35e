// Intake stage: finds the registry task (nhiệm vụ) or scheme (đề án) a row of a progress sheet means.
import { toMatchKey } from '../../shared/to-match-key.ts';
import type { IntakeRegistry, RegistryTask } from './load-intake-registry.ts';

/** Outcome of matching one task text. */
export type TaskMatch =
  | { type: 'match'; task: RegistryTask; score: number }
  | { type: 'unknown'; best: RegistryTask | null; score: number }
  | { type: 'ambiguous'; candidates: RegistryTask[]; score: number };

/** Matches task texts; build once per run. */
export interface TaskMatcher {
  match(text: string, agency: string, code?: string | null): TaskMatch;
}

/** Words of a task title that say nothing about which task it is. */
const STOP = new Set(['va', 'cac', 'cua', 'tren', 'dia', 'ban', 'tinh', 'thuc', 'hien', 'de', 'trong', 'voi', 'the', 'nhung', 'mot', 'la', 'co', 'duoc', 'cho', 'nham']);

/**
 * Builds a matcher: exact id, then exact title key, then a containment score over weighted words (an agency's
 * report often shortens the title), preferring tasks the agency leads or coordinates.
 */
export function createTaskMatcher(registry: IntakeRegistry, options: { accept?: number; margin?: number } = {}): TaskMatcher {
  const accept = options.accept ?? 0.6;
  const margin = options.margin ?? 0.05;
  const byId = new Map(registry.tasks.map((t) => [t.id.toLowerCase(), t]));
  const tokenize = (s: string) => [...new Set(toMatchKey(s).split(' ').filter((w) => w.length > 1 && !STOP.has(w)))];
  const df = new Map<string, number>();
  const items = registry.tasks.map((t) => ({ task: t, key: toMatchKey(t.title), tokens: tokenize(t.title) }));
  for (const it of items) for (const w of it.tokens) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log(1 + Math.max(1, items.length) / (df.get(w) ?? 0.5));
  return {
    match(text, agency, code) {
      if (code) {
        const hit = byId.get(code.trim().toLowerCase());
        if (hit) return { type: 'match', task: hit, score: 1 };
      }
      const key = toMatchKey(text.replace(/^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])\s*[.)]\s+/i, ''));
      const exact = items.filter((i) => i.key === key);
      if (exact.length === 1) return { type: 'match', task: exact[0]!.task, score: 1 };
      const words = tokenize(key);
      const wWeight = words.reduce((a, w) => a + idf(w), 0);
      if (wWeight === 0) return { type: 'unknown', best: null, score: 0 };
      const ranked = items
        .map((it) => {
          const set = new Set(it.tokens);
          const common = words.filter((w) => set.has(w)).reduce((a, w) => a + idf(w), 0);
          const tWeight = it.tokens.reduce((a, w) => a + idf(w), 0);
          // Containment of the shorter in the longer, tempered by overall overlap.
          const score = (common / Math.min(wWeight, tWeight || 1)) * 0.6 + ((2 * common) / (wWeight + tWeight || 1)) * 0.4;
          const own = it.task.agencies.includes(agency) ? 0.08 : 0;
          return { task: it.task, score: Math.min(1, score + own) };
        })
        .sort((a, b) => b.score - a.score || a.task.id.localeCompare(b.task.id));
      const best = ranked[0];
      if (!best || best.score < accept) return { type: 'unknown', best: best?.task ?? null, score: best?.score ?? 0 };
      const close = ranked.filter((r) => r.score >= accept && best.score - r.score < margin);
      if (close.length > 1) return { type: 'ambiguous', candidates: close.slice(0, 3).map((r) => r.task), score: best.score };
      return { type: 'match', task: best.task, score: Math.round(best.score * 100) / 100 };
    },
  };
}

/** Reads a status from the words of a progress text or status cell. */
export function readTaskStatus(text: string): 'hoan_thanh' | 'dang_thuc_hien' | 'chua_thuc_hien' | null {
  const k = toMatchKey(text);
  if (!k) return null;
  if (/\bchua (thuc hien|trien khai|bat dau|khoi cong)\b/.test(k)) return 'chua_thuc_hien';
  if (/\bchua hoan thanh\b/.test(k)) return 'dang_thuc_hien';
  if (/\b(da )?hoan thanh\b/.test(k)) return 'hoan_thanh';
  if (/\b(dang|tiep tuc|trien khai|thuc hien)\b/.test(k)) return 'dang_thuc_hien';
  return null;
}
