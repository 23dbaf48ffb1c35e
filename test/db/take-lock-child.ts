// Test helper (db): a process that tries to take the run lock of a database when told to, says whether it won, and
// holds the lock until told to let go. Run by acquire-run-lock.test.ts with tsx.
//   tsx take-lock-child.ts DB GO_FILE STOP_FILE
import fs from 'node:fs';
import { acquireRunLock } from '../../pipeline/db/acquire-run-lock.ts';

const [db, goFile, stopFile] = process.argv.slice(2) as [string, string, string];

async function waitFor(file: string): Promise<void> {
  while (!fs.existsSync(file)) await new Promise((r) => setTimeout(r, 5));
}

process.stdout.write('ready\n');
await waitFor(goFile);
let lock: ReturnType<typeof acquireRunLock> | null = null;
try {
  lock = acquireRunLock(db, `taker ${process.pid}`);
  process.stdout.write('won\n');
} catch (error) {
  process.stdout.write(`busy ${(error as Error).message.split('\n')[0]}\n`);
}
if (lock) {
  await waitFor(stopFile);
  lock.release();
}
process.exit(0);
