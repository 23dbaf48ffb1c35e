// Report stage: makes Chromium's PDF reproducible. Skia writes the print time as /CreationDate and /ModDate, the
// tagged structure names elements after the renderer's DOM node counters ("node00000245", which keep counting from
// one document to the next in a reused tab), and some versions write a random /ID. Each is replaced in place by a
// value of the same length, so every xref offset stays valid.
import crypto from 'node:crypto';

/** PDF date of an ISO day at midnight UTC: "D:20240705000000+00'00'". */
export function toPdfDate(isoDate: string): string {
  return `D:${isoDate.replaceAll('-', '')}000000+00'00'`;
}

/**
 * Replaces every /CreationDate and /ModDate value with the date of `isoDate`, renumbers the structure element IDs by
 * rank, and replaces a trailer /ID with a hash of the document, keeping byte offsets: a shorter value is padded inside
 * its delimiters, a longer one is refused.
 */
export function makePdfReproducible(pdf: Uint8Array, isoDate: string): Buffer {
  // latin1 maps bytes 1:1 to characters, so string offsets are byte offsets and binary streams survive.
  let text = Buffer.from(pdf).toString('latin1');
  const fixed = toPdfDate(isoDate);
  text = text.replace(/\/(CreationDate|ModDate) \(([^)]*)\)/g, (_m, key: string, old: string) => {
    if (fixed.length > old.length) throw new Error(`makePdfReproducible: ngày "${old}" ngắn hơn ngày thay thế`);
    return `/${key} (${fixed.padEnd(old.length, ' ')})`;
  });
  // Renumber the structure element IDs by rank: the same document gets the same IDs whatever the tab printed before,
  // and the order (which the /IDTree's sorted /Names relies on) is kept. The rank never needs more digits than the
  // counter it replaces, since the k-th smallest distinct counter is at least k.
  const nodeIds = [...new Set([...text.matchAll(/\(node(\d+)\)/g)].map((m) => m[1]!))].sort((a, b) => Number(a) - Number(b));
  if (nodeIds.length > 0) {
    const rank = new Map(nodeIds.map((id, i) => [id, String(i).padStart(id.length, '0')]));
    text = text.replace(/\(node(\d+)\)/g, (_m, id: string) => `(node${rank.get(id)!})`);
  }
  const idPattern = /\/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]/g;
  if (text.search(idPattern) !== -1) {
    // The ID becomes a hash of the document with its IDs blanked: the same content gives the same ID.
    const blanked = text.replace(idPattern, (m) => m.replace(/<([0-9A-Fa-f]+)>/g, (_h, hex: string) => `<${'0'.repeat(hex.length)}>`));
    const digest = crypto.createHash('sha256').update(blanked, 'latin1').digest('hex').toUpperCase();
    text = text.replace(idPattern, (m, a: string, b: string) =>
      m.replace(`<${a}>`, `<${digest.repeat(4).slice(0, a.length)}>`).replace(`<${b}>`, `<${digest.repeat(4).slice(0, b.length)}>`),
    );
  }
  return Buffer.from(text, 'latin1');
}
