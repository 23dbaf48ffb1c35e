// Desk: the periods the desk knows of: those with received files, those with an inbox folder, those with outputs.
import fs from 'node:fs';
import { parsePeriod, type Period } from '../shared/parse-period.ts';
import type { DeskContext } from './create-desk-context.ts';
import { findActiveClosure } from '../db/find-active-closure.ts';

/** One period on the home page. */
export interface KnownPeriod {
  period: Period;
  files: number;
  closed: boolean;
}

function folders(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : [];
}

/** Lists the known periods, newest first. */
export function listKnownPeriods(ctx: DeskContext): KnownPeriod[] {
  const counts = new Map(
    (ctx.database.sqlite.prepare('select period, count(*) as n from received_files group by period').all() as { period: string; n: number }[]).map((r) => [r.period, r.n]),
  );
  const ids = new Set<string>([...counts.keys(), ...folders(ctx.inboxDir), ...folders(ctx.outDir)]);
  const periods: KnownPeriod[] = [];
  for (const id of ids) {
    try {
      const period = parsePeriod(id);
      if (period.id !== id) continue;
      periods.push({ period, files: counts.get(id) ?? 0, closed: findActiveClosure(ctx.database.sqlite, id) !== null });
    } catch {
      // A folder that is not a period id (e.g. "archive") is not a period.
    }
  }
  return periods.sort((a, b) => b.period.end.localeCompare(a.period.end) || a.period.id.localeCompare(b.period.id));
}
