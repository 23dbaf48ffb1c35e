import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatNarrative } from '../../../pipeline/report/narrative/format-narrative.ts';
import { mergeNarrative } from '../../../pipeline/report/narrative/merge-narrative.ts';
import type { NarrativeDocument } from '../../../pipeline/report/narrative/narrative-document.ts';
import {
  narrativeFilePath,
  readNarrativeFile,
  setNarrativeSectionText,
  syncNarrativeFile,
} from '../../../pipeline/report/narrative/narrative-file.ts';
import { parseNarrative } from '../../../pipeline/report/narrative/parse-narrative.ts';

function draft(budget: string): NarrativeDocument {
  return {
    period: '2025-H1',
    kind: 'six-month',
    sections: [
      { id: 'ket-qua', level: 1, title: 'KẾT QUẢ THỰC HIỆN', parts: [] },
      { id: 'kinh-te', level: 2, title: 'Lĩnh vực kinh tế', parts: [] },
      { id: 'kinh-te.ngan-sach', level: 3, title: 'Thu, chi ngân sách nhà nước', parts: [{ kind: 'generated', text: budget }] },
      { id: 'danh-gia.nguyen-nhan', level: 2, title: 'Nguyên nhân', parts: [], prompt: 'nguyên nhân khách quan, chủ quan' },
    ],
  };
}

function tempFile(): string {
  return narrativeFilePath(fs.mkdtempSync(path.join(os.tmpdir(), 'narrative-')), '2025-H1');
}

describe('narrative file', () => {
  it('reads back what it wrote, generated text still generated (prompts belong to the program, not the file)', () => {
    const doc = draft('Thu ngân sách ước đạt 1.245,8 tỷ đồng.');
    const { prompt: _prompt, ...withoutPrompt } = doc.sections[3]!;
    expect(parseNarrative(formatNarrative(doc))).toEqual({ ...doc, sections: [...doc.sections.slice(0, 3), withoutPrompt] });
  });

  it('renews untouched generated text with the new figures', () => {
    const file = tempFile();
    syncNarrativeFile(file, draft('Thu ngân sách ước đạt 1.245,8 tỷ đồng.'));
    const second = syncNarrativeFile(file, draft('Thu ngân sách ước đạt 1.300 tỷ đồng.'));
    expect(second.sections[2]!.parts).toEqual([{ kind: 'generated', text: 'Thu ngân sách ước đạt 1.300 tỷ đồng.' }]);
  });

  it('keeps a generated paragraph staff edited, and does not draft it again', () => {
    const file = tempFile();
    syncNarrativeFile(file, draft('Thu ngân sách ước đạt 1.245,8 tỷ đồng.'));
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('ước đạt 1.245,8 tỷ đồng.', 'ước đạt 1.245,8 tỷ đồng, chủ yếu từ tiền sử dụng đất.'));
    const second = syncNarrativeFile(file, draft('Thu ngân sách ước đạt 1.300 tỷ đồng.'));
    expect(second.sections[2]!.parts).toEqual([{ kind: 'staff', text: 'Thu ngân sách ước đạt 1.245,8 tỷ đồng, chủ yếu từ tiền sử dụng đất.' }]);
  });

  it('keeps staff text written beside generated text and renews only the generated part', () => {
    const file = tempFile();
    syncNarrativeFile(file, draft('Số cũ.'));
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('## Lĩnh vực kinh tế {#kinh-te}', '## Lĩnh vực kinh tế {#kinh-te}\n\nKinh tế tiếp tục phục hồi.\r\n'));
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('<!-- hết tự động -->', '<!-- hết tự động -->\n\n- Chi ngân sách bảo đảm.'));
    const second = syncNarrativeFile(file, draft('Số mới.'));
    expect(second.sections[1]!.parts).toEqual([{ kind: 'staff', text: 'Kinh tế tiếp tục phục hồi.' }]);
    expect(second.sections[2]!.parts).toEqual([
      { kind: 'generated', text: 'Số mới.' },
      { kind: 'staff', text: '- Chi ngân sách bảo đảm.' },
    ]);
  });

  it('remembers that staff emptied a generated paragraph', () => {
    const file = tempFile();
    syncNarrativeFile(file, draft('Số cũ.'));
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('\nSố cũ.\n', '\n'));
    expect(syncNarrativeFile(file, draft('Số mới.')).sections[2]!.parts).toEqual([{ kind: 'staff', text: '' }]);
    expect(syncNarrativeFile(file, draft('Số mới hơn.')).sections[2]!.parts).toEqual([{ kind: 'staff', text: '' }]);
  });

  it('keeps a section that left the outline when it holds staff text', () => {
    const held = draft('x');
    held.sections.splice(3, 0, { id: 'kinh-te.du-lich', level: 3, title: 'Du lịch', parts: [{ kind: 'staff', text: 'Lượt khách tăng.' }] });
    const merged = mergeNarrative(draft('y'), held);
    expect(merged.sections.map((s) => s.id)).toEqual(['ket-qua', 'kinh-te', 'kinh-te.ngan-sach', 'kinh-te.du-lich', 'danh-gia.nguyen-nhan']);
  });

  it('saves the desk edit of one section as staff text', () => {
    const file = tempFile();
    syncNarrativeFile(file, draft('Số.'));
    setNarrativeSectionText(file, 'danh-gia.nguyen-nhan', 'Nguyên nhân khách quan: <b>thời tiết</b>.');
    expect(readNarrativeFile(file)!.sections[3]!.parts).toEqual([{ kind: 'staff', text: 'Nguyên nhân khách quan: <b>thời tiết</b>.' }]);
  });

  it('refuses a file that is not a narrative file, naming it', () => {
    expect(() => parseNarrative('# Báo cáo\n', 'x.md')).toThrow(/x\.md/);
  });
});
