// Desk: the demo desk `kehoach serve --demo` (npm run desk) starts on the bundled sample data: its own database
// (data/desk-demo.sqlite), a copy of samples/inbox as its inbox, reports marked SỐ LIỆU MINH HỌA, and two accounts
// with fresh random passwords printed in the terminal. Nothing of a real database is touched.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/open-database.ts';
import { PROJECT_PATHS } from '../shared/project-paths.ts';
import { addDeskUser } from './add-desk-user.ts';

/** What the demo desk uses. */
export interface DeskDemo {
  dbFile: string;
  inboxDir: string;
  outDir: string;
  /** Scratch copy of seeds/: a name confirmed on the demo desk goes into its aliases.csv, never the checkout's. */
  seedsDir: string;
  /** Accounts with their passwords for this start. */
  accounts: { username: string; password: string; role: string }[];
}

/**
 * Prepares the demo: copies samples/inbox to data/desk-demo-inbox on first use (uploads land there, never in
 * samples/) and (re)sets the demo accounts' passwords.
 */
export async function prepareDeskDemo(root: string = PROJECT_PATHS.data): Promise<DeskDemo> {
  const dbFile = path.join(root, 'desk-demo.sqlite');
  const inboxDir = path.join(root, 'desk-demo-inbox');
  if (!fs.existsSync(inboxDir)) fs.cpSync(path.join(PROJECT_PATHS.samples, 'inbox'), inboxDir, { recursive: true });
  const seedsDir = path.join(root, 'desk-demo-seeds');
  refreshDemoSeeds(PROJECT_PATHS.seeds, seedsDir);
  const database = openDatabase({ file: dbFile, create: true });
  const accounts = [
    { username: 'chuyenvien', displayName: 'Chuyên viên (minh họa)', role: 'chuyen_vien' as const },
    { username: 'lanhdao', displayName: 'Lãnh đạo phòng (minh họa)', role: 'lanh_dao' as const },
  ];
  const out: DeskDemo['accounts'] = [];
  try {
    for (const a of accounts) {
      const password = crypto.randomBytes(9).toString('base64url');
      await addDeskUser(database.sqlite, { ...a, password, update: true });
      out.push({ username: a.username, password, role: a.role });
    }
  } finally {
    await database.close();
  }
  return { dbFile, inboxDir, outDir: path.join(root, 'desk-demo-output'), seedsDir, accounts: out };
}

/**
 * Copies the checkout's seeds over the demo's scratch copy at each start (so the demo follows the registry), keeping
 * the alias lines the demo desk added before (lines of the scratch aliases.csv that the real one lacks).
 */
export function refreshDemoSeeds(seedsDir: string, scratchDir: string): void {
  const scratchAliases = path.join(scratchDir, 'aliases.csv');
  const demoLines = fs.existsSync(scratchAliases) ? fs.readFileSync(scratchAliases, 'utf8').split('\n').filter((l) => l.trim() !== '') : [];
  fs.mkdirSync(scratchDir, { recursive: true });
  fs.cpSync(seedsDir, scratchDir, { recursive: true, force: true });
  const realFile = path.join(seedsDir, 'aliases.csv');
  const real = fs.existsSync(realFile) ? fs.readFileSync(realFile, 'utf8') : '';
  const realLines = new Set(real.split('\n'));
  const kept = demoLines.filter((l) => !realLines.has(l) && !l.startsWith('alias,'));
  if (kept.length === 0) return;
  const head = real === '' ? 'alias,indicator,agency,added_on,source_ref\n' : real.endsWith('\n') ? real : `${real}\n`;
  fs.writeFileSync(scratchAliases, `${head}${kept.join('\n')}\n`);
}
