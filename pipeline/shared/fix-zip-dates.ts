// Shared (every writer of xlsx): makes a zip byte-identical across runs by setting every entry's
// modification time to one fixed value; ExcelJS stamps entries with the current time.

/** DOS date/time of 1980-01-01 00:00, the zip epoch. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/**
 * Rewrites the time and date fields of every local header and central directory entry, in place.
 * @returns the same buffer
 */
export function fixZipDates(zip: Buffer): Buffer {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return zip;
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count && p + 46 <= zip.length && zip.readUInt32LE(p) === 0x02014b50; i++) {
    zip.writeUInt16LE(DOS_TIME, p + 12);
    zip.writeUInt16LE(DOS_DATE, p + 14);
    const local = zip.readUInt32LE(p + 42);
    if (local + 30 <= zip.length && zip.readUInt32LE(local) === 0x04034b50) {
      zip.writeUInt16LE(DOS_TIME, local + 10);
      zip.writeUInt16LE(DOS_DATE, local + 12);
    }
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}
