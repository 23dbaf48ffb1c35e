// Registry stage: finds the "tổ chức thực hiện" clauses of a plan or resolution (who implements, who follows up, who
// supervises it), so that they are never loaded as tasks (review finding 15: the seed check refuses such task rows,
// as it refuses a numeric target or a ministry's task).

// Each pattern names the kind of clause it finds; tested on the folded-case NFC text of the task's title.
const CLAUSES: readonly { pattern: RegExp; kind: string }[] = [
  // "Giao Sở Kế hoạch và Đầu tư theo dõi, đôn đốc việc thực hiện Kế hoạch này."
  { pattern: /\btheo dõi,? đôn đốc\b.{0,60}\b(?:thực hiện|triển khai)\b.{0,40}\b(?:kế hoạch|nghị quyết|chương trình)(?: này)?\b/u, kind: 'theo dõi, đôn đốc việc thực hiện văn bản' },
  // "Thường trực HĐND tỉnh, các Ban của HĐND ... giám sát việc thực hiện Nghị quyết"
  { pattern: /\bgiám sát việc (?:thực hiện|triển khai)\b/u, kind: 'giám sát việc thực hiện văn bản' },
  // "Đề nghị Ủy ban Mặt trận Tổ quốc ... vận động ... thực hiện và giám sát"
  { pattern: /^đề nghị\b.{0,200}\bgiám sát\b/u, kind: 'đề nghị giám sát' },
  // "Giao Ủy ban nhân dân tỉnh; đề nghị Viện Kiểm sát ... tổ chức thực hiện có hiệu quả Nghị quyết này."
  { pattern: /^giao\b.{0,200}\btổ chức thực hiện\b.{0,40}\b(?:kế hoạch|nghị quyết|chương trình) này\b/u, kind: 'giao tổ chức thực hiện văn bản' },
  // "Thủ trưởng các sở, ban ngành ... chịu trách nhiệm tổ chức triển khai thực hiện ... kế hoạch"
  { pattern: /\bchịu trách nhiệm tổ chức triển khai thực hiện\b/u, kind: 'trách nhiệm tổ chức triển khai văn bản' },
  // "Căn cứ nhiệm vụ, giải pháp trọng tâm nêu trên ..., các đơn vị, địa phương được giao nhiệm vụ ... triển khai thực
  // hiện Kế hoạch" (434/KH-UBND, mục III.1)
  { pattern: /^căn cứ nhiệm vụ,? giải pháp\b.{0,200}\btriển khai thực hiện kế hoạch\b/u, kind: 'giao tổ chức thực hiện văn bản' },
  // "Định kỳ tổng hợp báo cáo kết quả thực hiện về Sở Kế hoạch và Đầu tư trước ngày 20 tháng 12 hằng năm": the reporting
  // duty the review report itself answers, not a task it reports on (review of issue 10, finding 6).
  { pattern: /(?:^|\s)định kỳ\s.{0,40}\bbáo cáo kết quả thực hiện\b/u, kind: 'báo cáo định kỳ kết quả thực hiện văn bản' },
  // "Tổng hợp, tham mưu Ủy ban nhân dân tỉnh báo cáo Thường trực Tỉnh ủy ...": the Sở's duty of writing this report.
  { pattern: /^tổng hợp,? tham mưu (?:ủy ban nhân dân|ubnd) tỉnh báo cáo\b/u, kind: 'tổng hợp báo cáo kết quả thực hiện văn bản' },
];

/**
 * The kind of implementation or supervision clause `title` is ("giám sát việc thực hiện văn bản"), or null when it
 * reads as a task of its own. These clauses say who carries out or watches over the document itself; the review
 * report follows the document's own tasks, not its closing article (Nghị định 30/2020, phần "Tổ chức thực hiện").
 */
export function findImplementationClause(title: string): string | null {
  const text = title.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
  return CLAUSES.find((c) => c.pattern.test(text))?.kind ?? null;
}
