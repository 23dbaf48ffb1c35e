// Registry stage (intake reuses it): reads one number written the Vietnamese way, decimal comma and thousands dot.

/** A text that is not a Vietnamese-written number, or that could be read two ways. Carries the text and why. */
export class VietnameseNumberError extends Error {
  override readonly name = 'VietnameseNumberError';

  constructor(
    readonly text: string,
    readonly reason: string,
  ) {
    super(`Không đọc được số "${text}": ${reason}`);
  }
}

// Digits only, leading zeros allowed ("06 xã", "01 thôn" are integers).
const PLAIN = /^\d+$/;
// Thousands grouped by dots: the first group 1-3 digits without a leading zero, then groups of exactly three.
const GROUPED = /^[1-9]\d{0,2}(?:\.\d{3})+$/;
// A decimal comma after a plain or grouped integer part.
const DECIMAL = /^(?:\d+|[1-9]\d{0,2}(?:\.\d{3})+),\d+$/;
// "12,650" or "1,245": a Vietnamese decimal with three places, or an English thousands comma. We cannot tell which.
const COMMA_THOUSANDS_LOOKALIKE = /^[1-9]\d{0,2},\d{3}$/;

/**
 * Reads a number written the Vietnamese way (TCVN convention, CONVENTIONS-VN.md "Numbers"): decimal comma,
 * thousands dot. `"7.800"` is 7800, `"9,5"` is 9.5, `"1.245,8"` is 1245.8, `"06"` is 6, `"-2,3"` is -2.3.
 *
 * It never guesses: text that could be read two ways (`"12,650"`, `"7.80"`, `"1,245.8"`) or that is not a number
 * (`""`, `"5%"`, `"1 000"`) throws {@link VietnameseNumberError}.
 *
 * @param text the number alone, without unit; surrounding spaces are ignored.
 * @returns the value as a JavaScript number.
 * @throws {VietnameseNumberError} when the text is empty, not a number, or ambiguous.
 */
export function parseVietnameseNumber(text: string): number {
  const trimmed = text.normalize('NFC').trim();
  if (trimmed === '') throw new VietnameseNumberError(text, 'chuỗi rỗng');

  // U+2212 (minus sign) is what Word puts in when it autocorrects a hyphen before a digit.
  const sign = /^[-\u2212]/.test(trimmed) ? -1 : 1;
  const body = /^[-\u2212+]/.test(trimmed) ? trimmed.slice(1) : trimmed;

  if (!/^[\d.,]+$/.test(body)) {
    throw new VietnameseNumberError(text, 'có ký tự không phải chữ số, dấu chấm hay dấu phẩy');
  }
  if (!/^\d/.test(body) || !/\d$/.test(body)) {
    throw new VietnameseNumberError(text, 'phải bắt đầu và kết thúc bằng chữ số');
  }

  let value: number;
  if (PLAIN.test(body)) {
    value = Number(body);
  } else if (GROUPED.test(body)) {
    value = Number(body.replaceAll('.', ''));
  } else if (COMMA_THOUSANDS_LOOKALIKE.test(body)) {
    throw new VietnameseNumberError(
      text,
      'có thể là số thập phân ba chữ số lẻ hoặc dấu phẩy ngăn nghìn kiểu tiếng Anh; ' +
        'viết rõ (ví dụ "12.650" hay "12,65")',
    );
  } else if (DECIMAL.test(body)) {
    value = Number(body.replaceAll('.', '').replace(',', '.'));
  } else if (body.includes(',') && body.includes('.') && body.lastIndexOf('.') > body.lastIndexOf(',')) {
    throw new VietnameseNumberError(text, 'viết theo kiểu tiếng Anh (dấu phẩy ngăn nghìn, dấu chấm thập phân)');
  } else if ((body.match(/,/g) ?? []).length > 1) {
    throw new VietnameseNumberError(text, 'có nhiều dấu phẩy thập phân');
  } else if (/^0\d*\./.test(body)) {
    throw new VietnameseNumberError(text, 'nhóm nghìn đầu tiên không được bắt đầu bằng chữ số 0');
  } else {
    throw new VietnameseNumberError(
      text,
      'dấu chấm chỉ dùng để ngăn nhóm ba chữ số; số thập phân dùng dấu phẩy (ví dụ "9,5")',
    );
  }

  if (!Number.isSafeInteger(Math.trunc(value))) throw new VietnameseNumberError(text, 'số quá lớn');
  // -0 would print as "0" but compare unequal under Object.is, which toEqual uses.
  return sign === -1 && value !== 0 ? -value : value;
}
