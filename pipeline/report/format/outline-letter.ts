// Report stage: the letters of "a)" points in the outline of an official document.

/**
 * The Vietnamese letter sequence of outline points (NĐ 30/2020): the alphabet without ă â ê ô ơ ư, and with đ
 * after d. There is no f, j, w or z.
 */
export const OUTLINE_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'] as const;

/**
 * The letter of the n-th point (0-based): 0 -> "a", 4 -> "đ", 6 -> "g". Past "y" the sequence doubles ("aa", "bb").
 */
export function outlineLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`outlineLetter: chỉ số ${index} không hợp lệ`);
  const n = OUTLINE_LETTERS.length;
  return OUTLINE_LETTERS[index % n]!.repeat(Math.floor(index / n) + 1);
}
