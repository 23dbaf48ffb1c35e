// Registry stage: finds a numeric target inside a sentence ("... tỷ lệ đô thị hóa đạt tối thiểu 45%"), so that a
// target sentence is never loaded as a task (issue 9, item 7: the seed check refuses such task rows).
import { parseTargetExpression } from './parse-target-expression.ts';

// A comparison word, optional softeners, a number or a range, and a unit a target is measured in.
const TARGET_PHRASE =
  /(?:đạt|trên|dưới|tối thiểu|tối đa|ít nhất|khoảng|không quá|giảm|tăng|duy trì|ở mức)(?:\s+(?:khoảng|trên|dưới|bình quân|từ|còn|tối thiểu|tối đa|ít nhất|không quá))*\s+\d[\d.,]*(?:\s*-\s*\d[\d.,]*)?\s*(?:%|‰|tỷ đồng|triệu đồng|triệu USD|ha\b|km\b)(?:\s*\/\s*năm)?(?:\s+trở lên)?/giu;

/**
 * The first phrase of `text` that reads as a numeric target (a comparison word, a number and a unit, which
 * parseTargetExpression accepts), or null. "Tỷ lệ đô thị hóa đạt tối thiểu 45%." -> "đạt tối thiểu 45%". Years ("đến
 * năm 2030") and counts of documents are not targets.
 */
export function findTargetPhrase(text: string): string | null {
  for (const m of text.normalize('NFC').matchAll(TARGET_PHRASE)) {
    try {
      const parsed = parseTargetExpression(m[0]);
      if (parsed.lo !== null || parsed.hi !== null) return m[0];
    } catch {
      // not a target phrase after all; try the next one
    }
  }
  return null;
}
