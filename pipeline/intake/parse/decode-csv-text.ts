// Intake stage: turns the bytes of a CSV into text. BOM first, then UTF-8 if it is valid, else Windows-1258 (what
// Excel writes in a Vietnamese locale), always NFC (1258 keeps tones as combining marks).
import iconv from 'iconv-lite';

/** The text and the encoding it was read with. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes CSV bytes: UTF-8/UTF-16 BOM, else strict UTF-8, else Windows-1258. */
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
    return { text: iconv.decode(buf, 'windows1258').normalize('NFC'), encoding: 'windows-1258' };
  }
}
