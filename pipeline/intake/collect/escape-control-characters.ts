// Intake stage, collect phase: file and folder names as they may be shown: control characters (a name can hold a
// newline, an escape sequence or a right-to-left override) written as visible escapes, so a log line or a message to
// a clerk can neither be split, recoloured nor reversed by the name of a file an agency sent.

// C0 and C1 controls, DEL, and the Unicode bidirectional and invisible formatting marks.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * The text with every control or bidi formatting character shown as `\n`, `\t`, `\xNN` or `\u{NNNN}`.
 * @example escapeControlCharacters('bao\ncao.csv') === 'bao\\ncao.csv'
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}
