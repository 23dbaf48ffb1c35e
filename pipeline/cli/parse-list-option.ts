// CLI: reads a comma-separated option ("pdf,docx") against the values it allows.
import { PipelineError } from '../shared/pipeline-error.ts';

/** Parses `a,b,c` into distinct allowed values; anything else is a usage error naming the option. */
export function parseListOption<T extends string>(text: string, allowed: readonly T[], option: string): T[] {
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((s) => !allowed.includes(s as T));
  if (items.length === 0 || bad.length > 0) {
    throw new PipelineError('usage', `${option} nhận ${allowed.join(', ')} (nhận "${text}").`);
  }
  return [...new Set(items)] as T[];
}
