// Intake stage, parse phase: turns the bytes of a text file an agency sent (CSV, or an HTML table saved as .xls)
// into text. BOM first, then UTF-8 if it is valid; otherwise the 8-bit encoding is judged on the raw bytes, before any
// lossy decode: Windows-1258 (what Excel writes in a Vietnamese locale), TCVN3 (.VnTime fonts) or VNI (VNI-Times,
// bytes read as Windows-1252), whichever gives real Vietnamese syllables. Always NFC (1258 keeps tones as marks).
import iconv from 'iconv-lite';
import { convertLegacyText, scoreVietnamese } from './convert-legacy-text.ts';

/** The text and the encoding it was read with. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3' | 'vni';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The best 8-bit reading of bytes that are not UTF-8. TCVN3 bytes read as Windows-1258 lose letters (TCVN3's ư, 0xAD,
 * is a soft hyphen there, field case F10b), so each table decodes the raw bytes and the result is scored.
 */
function decodeEightBit(buf: Buffer): DecodedText {
  const cp1258 = iconv.decode(buf, 'windows1258').normalize('NFC');
  const candidates: DecodedText[] = [{ text: cp1258, encoding: 'windows-1258' }];
  // TCVN3's capitals sit on control bytes (0x01-0x17): a file with them there is not TCVN3 text.
  if (!buf.some((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) {
    candidates.push({ text: iconv.decode(buf, 'tcvn').normalize('NFC'), encoding: 'tcvn3' });
  }
  const vni = convertLegacyText(iconv.decode(buf, 'windows1252'));
  if (vni.encoding === 'vni') candidates.push({ text: vni.text, encoding: 'vni' });
  let best = candidates[0]!;
  let bestScore = -1;
  for (const c of candidates) {
    const { share, words } = scoreVietnamese(c.text);
    const score = words === 0 ? 0 : share;
    // Windows-1258 is first and wins ties: it is what Excel writes.
    if (score > bestScore + 0.02) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** Decodes text file bytes: UTF-8/UTF-16 BOM, else strict UTF-8, else the best of Windows-1258, TCVN3 and VNI. */
export function decodeCsvText(buf: Buffer): DecodedText {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8').normalize('NFC'), encoding: 'utf-8' };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: buf.subarray(2).toString('utf16le').normalize('NFC'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: iconv.decode(buf.subarray(2), 'utf16be').normalize('NFC'), encoding: 'utf-16be' };
  }
  // UTF-16 without BOM: every other byte NUL in ASCII text.
  if (buf.length >= 4 && buf[1] === 0 && buf[3] === 0 && buf[0] !== 0) {
    return { text: buf.toString('utf16le').normalize('NFC'), encoding: 'utf-16le' };
  }
  try {
    return { text: utf8.decode(buf).normalize('NFC'), encoding: 'utf-8' };
  } catch {
    return decodeEightBit(buf);
  }
}
