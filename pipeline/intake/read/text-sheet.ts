// Intake and report stage: the one rule for a sheet that holds an agency's own words ("Thuyết minh", "Đánh giá",
// "Báo cáo thuyết minh") rather than figures. The intake reads no figures from it and reports no problem for it;
// the report stage (read-agency-texts.ts) takes its text into the narrative.

/** Sheet names that hold an agency's own text, folded (no diacritics, lower case). */
const TEXT_SHEET = /^(thuyet minh|danh gia|bao cao thuyet minh)/;

/** Folds Vietnamese text for comparison: no diacritics, "đ" as "d", lower case, trimmed. */
export function foldSheetName(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().trim();
}

/** Whether a sheet of this name is the agency's text ("Thuyết minh", "Đánh giá", "Báo cáo thuyết minh ..."). */
export function isTextSheetName(name: string): boolean {
  return TEXT_SHEET.test(foldSheetName(name));
}

/** Whether one line of a text sheet is a paragraph: it has a letter (a bare number or a formula result is not). */
export function isTextLine(line: string): boolean {
  return /\p{L}/u.test(line);
}
