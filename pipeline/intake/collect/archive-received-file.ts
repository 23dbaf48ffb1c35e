// Intake stage: keeps a copy of every received file, named by its content hash, so what an agency sent can always
// be shown again, whatever happens to the inbox.
import fs from 'node:fs';
import path from 'node:path';

/**
 * Stores the bytes under `<archiveDir>/<first two hex>/<sha256>.<ext>` (write to a temp name, then rename) unless a
 * copy is already there. @returns the path relative to the archive folder
 */
export function archiveReceivedFile(archiveDir: string, sha256: string, fileName: string, bytes: Buffer): string {
  const ext = (path.extname(fileName).toLowerCase().replace(/[^.a-z0-9]/g, '') || '.bin').slice(0, 8);
  const rel = path.posix.join(sha256.slice(0, 2), `${sha256}${ext}`);
  const full = path.join(archiveDir, rel);
  if (!fs.existsSync(full)) {
    fs.mkdirSync(path.dirname(full), { recursive: true });
    const tmp = `${full}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, full);
  }
  return rel;
}
