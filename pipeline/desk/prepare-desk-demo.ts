// Desk: the demo desk `kehoach serve --demo` (npm run desk) starts on the bundled sample data: its own database
// (data/desk-demo.sqlite), a copy of samples/inbox as its inbox, reports marked SỐ LIỆU MINH HỌA, and two accounts
// with fresh random passwords printed in the terminal. Nothing of a real database is touched.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/open-database.ts';
import { fromProjectRoot } from '../db/project-root.ts';
import { addDeskUser } from './add-desk-user.ts';

/** What the demo desk uses. */
export interface DeskDemo {
  dbFile: string;
  inboxDir: string;
  outDir: string;
  /** Accounts with their passwords for this start. */
  accounts: { username: string; password: string; role: string }[];
}

/**
 * Prepares the demo: copies samples/inbox to data/desk-demo-inbox on first use (uploads land there, never in
 * samples/) and (re)sets the demo accounts' passwords.
 */
export async function prepareDeskDemo(root: string = fromProjectRoot('data')): Promise<DeskDemo> {
  const dbFile = path.join(root, 'desk-demo.sqlite');
  const inboxDir = path.join(root, 'desk-demo-inbox');
  if (!fs.existsSync(inboxDir)) fs.cpSync(fromProjectRoot('samples', 'inbox'), inboxDir, { recursive: true });
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
  return { dbFile, inboxDir, outDir: path.join(root, 'desk-demo-output'), accounts: out };
}
