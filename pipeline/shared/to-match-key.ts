// Shared (all stages): the key two Vietnamese names are compared by.

/**
 * Folds a Vietnamese name to a matching key: NFC first, then without case, diacritics (so old and new tone
 * placement, "hoà"/"hòa", "thuỷ"/"thủy", fold together), punctuation or repeated spaces. "Sở KH&ĐT" -> "so kh dt".
 */
export function toMatchKey(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Kebab-case ASCII slug of a Vietnamese name: "Sở Tài chính" -> "so-tai-chinh". */
export function toSlug(text: string): string {
  return toMatchKey(text).replace(/ /g, '-');
}
