// Report stage: writes a NarrativeDocument as the Markdown file staff edit (narrative.md beside the report).
import { hashNarrativeText, normalizeNarrativeText } from './hash-narrative-text.ts';
import type { NarrativeDocument, NarrativePart } from './narrative-document.ts';

/** First line of every narrative file; parseNarrative refuses a file without it. */
export const NARRATIVE_MAGIC = 'kehoach-narrative 1';

const HELP = [
  'TỆP NỘI DUNG BÁO CÁO (kehoach). Anh/chị sửa tệp này bằng bất kỳ trình soạn thảo văn bản nào (Notepad, VS Code...),',
  'lưu dạng UTF-8, rồi chạy lại "kehoach report" (hoặc "kehoach run"): nội dung ở đây được đưa vào PDF, DOCX và HTML.',
  '',
  '- Mỗi đề mục bắt đầu bằng #, ## hoặc ### và kết thúc bằng mã {#...}: xin giữ nguyên mã, chương trình đánh số I., 1., a).',
  '- Đoạn văn cách nhau một dòng trống; dòng bắt đầu bằng "- " hoặc "+ " là một ý gạch đầu dòng.',
  '- Đoạn nằm giữa dòng chú thích "tự động" và dòng "hết tự động" do chương trình viết từ số liệu và được VIẾT LẠI',
  '  ở mỗi lần chạy. Sửa bất kỳ chữ nào trong đoạn đó thì đoạn thành của anh/chị và được GIỮ NGUYÊN ở các lần sau.',
  '  Xóa hết chữ giữa hai dòng đó (giữ hai dòng) để bỏ hẳn đoạn tự động. Khi tự viết đoạn thay cho đoạn tự động của',
  '  một mục, xin xóa đoạn tự động đó như trên, nếu không báo cáo sẽ in cả đoạn của anh/chị và đoạn tự động.',
  '- Đoạn nằm giữa dòng "cơ quan" và "hết tự động" là thuyết minh của cơ quan gửi kèm số liệu, ghi rõ tệp nguồn; báo cáo',
  '  in nguyên văn. Sửa đoạn đó thì đoạn đã sửa thay cho thuyết minh của cơ quan (dòng đầu ghi "cán bộ đã biên tập"),',
  '  vẫn ghi nguồn, và được giữ nguyên ở các lần sau. Khi tệp của cơ quan không đọc được, đoạn đã có được giữ nguyên.',
  '- Chữ viết ngoài các đoạn tự động là của anh/chị và luôn được giữ nguyên. Dòng "Cán bộ viết" là gợi ý, không in ra.',
  '- Đề mục do chương trình đặt. Dòng bắt đầu bằng # mà không có mã {#...} không phải đề mục: được giữ như đoạn văn',
  '  thường (bỏ dấu #). Đề mục anh/chị thêm với mã mới được giữ và in tại chỗ; mã đề mục lặp lại thì chữ dưới đề mục',
  '  lặp được ghép vào đề mục đầu tiên cùng mã. Dòng chú thích (mở bằng dấu "<!" và hai gạch) anh/chị tự gõ, kể cả',
  '  dòng "hết tự động" ngoài một đoạn tự động, không in ra và được bỏ khi ghi lại tệp.',
  '- Mọi thay đổi như vậy, và các đoạn thuyết minh của cơ quan chưa biên tập, được nêu trong kiem-tra.html.',
  '- Phần để trống thì không in ra báo cáo và được nêu trong danh sách kiểm tra (kiem-tra.html).',
];

/** Keeps text from closing the HTML comment it sits in. */
function commentSafe(text: string): string {
  return text.replace(/--/g, '- -').replace(/[\r\n]+/g, ' ');
}

function formatPart(part: NarrativePart): string {
  const text = normalizeNarrativeText(part.text);
  switch (part.kind) {
    case 'staff':
      return text === '' ? '<!-- cán bộ đã bỏ đoạn tự động -->' : text;
    case 'generated':
      return `<!-- tự động #${hashNarrativeText(text)} -->\n${text}\n<!-- hết tự động -->`;
    case 'agency':
      if (part.edited) return `<!-- cơ quan (cán bộ đã biên tập), nguồn: ${commentSafe(part.source)} -->\n${text}\n<!-- hết tự động -->`;
      return `<!-- cơ quan #${hashNarrativeText(text)}, nguồn: ${commentSafe(part.source)} -->\n${text}\n<!-- hết tự động -->`;
    default: {
      const never: never = part;
      throw new Error(`Loại đoạn không xác định: ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Formats a narrative as Markdown: a help comment, then per section its heading ("## Lĩnh vực kinh tế {#kinh-te}"),
 * the staff prompt as a comment, and its parts, generated ones between markers that carry their fingerprint.
 * The output is deterministic (same document, same bytes) and ends with one newline.
 */
export function formatNarrative(doc: NarrativeDocument): string {
  const out: string[] = [`<!-- ${NARRATIVE_MAGIC}; kỳ: ${commentSafe(doc.period)}; loại: ${commentSafe(doc.kind)}`, ...HELP, '-->'];
  for (const s of doc.sections) {
    out.push('', `${'#'.repeat(s.level)} ${s.title.replace(/[\r\n]+/g, ' ')} {#${s.id}}`);
    // A section that has a generated draft: staff who write their own text delete the draft, or the report prints
    // both (review of issue 10, finding 23: two paragraphs both beginning "Tuy nhiên").
    const drafted = s.parts.some((p) => p.kind === 'generated');
    const replace = drafted ? '. Đoạn tự động dưới đây là bản nháp: nếu anh/chị viết đoạn của mình, xin xóa hết chữ của đoạn tự động (giữ hai dòng chú thích), nếu không báo cáo sẽ in cả hai đoạn' : '';
    if (s.prompt) out.push('', `<!-- Cán bộ viết: ${commentSafe(s.prompt)}${replace} -->`);
    for (const p of s.parts) {
      const formatted = formatPart(p);
      if (formatted !== '') out.push('', formatted);
    }
  }
  return `${out.join('\n')}\n`;
}
