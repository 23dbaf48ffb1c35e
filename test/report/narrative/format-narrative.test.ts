import { describe, expect, it } from 'vitest';
import { formatNarrative } from '../../../pipeline/report/narrative/format-narrative.ts';
import type { NarrativeDocument } from '../../../pipeline/report/narrative/narrative-document.ts';

describe('formatNarrative', () => {
  const doc: NarrativeDocument = {
    period: '2025',
    kind: 'annual',
    sections: [
      {
        id: 'danh-gia.han-che', level: 2, title: 'Hạn chế, yếu kém', prompt: 'hạn chế, yếu kém; bắt đầu bằng "Tuy nhiên"',
        parts: [{ kind: 'generated', text: 'Tuy nhiên, còn 7 chỉ tiêu ước không đạt kế hoạch.' }],
      },
      { id: 'danh-gia.nguyen-nhan', level: 2, title: 'Nguyên nhân', prompt: 'nguyên nhân khách quan và chủ quan', parts: [] },
    ],
  };

  it('tells staff who write their own text to delete the generated draft of that section (review finding 23)', () => {
    const text = formatNarrative(doc);
    expect(text).toContain(
      '<!-- Cán bộ viết: hạn chế, yếu kém; bắt đầu bằng "Tuy nhiên". Đoạn tự động dưới đây là bản nháp: nếu anh/chị viết đoạn của mình, xin xóa hết chữ của đoạn tự động (giữ hai dòng chú thích), nếu không báo cáo sẽ in cả hai đoạn -->',
    );
    // A section with no draft keeps its plain prompt.
    expect(text).toContain('<!-- Cán bộ viết: nguyên nhân khách quan và chủ quan -->');
  });
});
