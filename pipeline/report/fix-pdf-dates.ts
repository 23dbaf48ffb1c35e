// Report stage: makes Chromium's PDF reproducible. Skia writes the print time as /CreationDate and /ModDate (and no
// /ID); replacing them in place with a fixed date of the same length keeps every xref offset valid.

/** PDF date of an ISO day at midnight UTC: "D:20240705000000+00'00'". */
export function toPdfDate(isoDate: string): string {
  return `D:${isoDate.replaceAll('-', '')}000000+00'00'`;
}

/**
 * Replaces every /CreationDate and /ModDate value with the date of `isoDate`, keeping byte offsets: the new value is
 * padded inside the parentheses when shorter, and a longer one is refused.
 */
export function fixPdfDates(pdf: Uint8Array, isoDate: string): Buffer {
  // latin1 maps bytes 1:1 to characters, so string offsets are byte offsets and binary streams survive.
  const text = Buffer.from(pdf).toString('latin1');
  const fixed = toPdfDate(isoDate);
  const out = text.replace(/\/(CreationDate|ModDate) \(([^)]*)\)/g, (_m, key: string, old: string) => {
    if (fixed.length > old.length) throw new Error(`fixPdfDates: ngày "${old}" ngắn hơn ngày thay thế`);
    return `/${key} (${fixed.padEnd(old.length, ' ')})`;
  });
  return Buffer.from(out, 'latin1');
}
