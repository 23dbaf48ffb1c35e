// Shared (all stages): writes an output file so that a crash or a kill never leaves half of it (issue 6: write
// then rename). Readers see the old file or the new one, never a mix.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes `data` to a temporary file in the same folder, flushes it to disk, then renames it over `file` (atomic on
 * one file system). The folder is created when missing; the temporary file is removed on failure.
 */
export function writeFileAtomic(file: string, data: Uint8Array | string): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    // A write error (ENOSPC, EIO) carries no path; name the file the caller meant, for the message staff read.
    const e = error as NodeJS.ErrnoException;
    if (e && typeof e === 'object' && typeof e.code === 'string' && (!e.path || e.path === temp)) e.path = file;
    throw error;
  }
}
