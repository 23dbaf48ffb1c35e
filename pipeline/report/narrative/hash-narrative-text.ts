// Report stage: the fingerprint that tells untouched generated text from text staff edited in the narrative file.
import crypto from 'node:crypto';

/**
 * Normalises text the way an editor may change it without anyone meaning to (Windows line ends, a byte order mark,
 * trailing spaces, blank lines around it), so that only a real edit changes the fingerprint.
 */
export function normalizeNarrativeText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The 8-hex-digit fingerprint of a text after normalizeNarrativeText (sha256, first 32 bits). */
export function hashNarrativeText(text: string): string {
  return crypto.createHash('sha256').update(normalizeNarrativeText(text), 'utf8').digest('hex').slice(0, 8);
}
