// Report stage: what staff do to narrative.md that the program once handled silently (review R2 of issue 10: A2 a
// copied heading lost the first section's text, A3 an edited agency block was printed twice, A1 an agency block
// whose file was not found was deleted, B5 a file without its first line stopped the run with no advice, B6 lines
// that look like markers or headings were rewritten without a word, B3/B7 nothing in kiem-tra to review).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NARRATIVE_MAGIC } from '../../../pipeline/report/narrative/format-narrative.ts';
import type { NarrativeDocument } from '../../../pipeline/report/narrative/narrative-document.ts';
import { narrativeSectionText } from '../../../pipeline/report/narrative/narrative-document.ts';
import { narrativeFilePath, syncNarrativeFile } from '../../../pipeline/report/narrative/narrative-file.ts';
import { parseNarrative } from '../../../pipeline/report/narrative/parse-narrative.ts';

const HEALTH_SOURCE = 'Sở Y tế, tệp so-lieu-y-te.xlsx';
const HEALTH_TEXT = 'Số bác sĩ trên 10.000 dân: Tuyển dụng được 18 bác sĩ; Bệnh viện Đa khoa khu vực Ngọc Hồi đưa thêm 50 giường bệnh.';

function draft(options: { health?: boolean; figures?: string } = {}): NarrativeDocument {
  return {
    period: '2025',
    kind: 'annual',
    sections: [
      { id: 'ket-qua', level: 1, title: 'KẾT QUẢ THỰC HIỆN', parts: [] },
      { id: 'van-hoa-xa-hoi', level: 2, title: 'Lĩnh vực văn hóa - xã hội', parts: [] },
      {
        id: 'van-hoa-xa-hoi.y-te',
        level: 3,
        title: 'Y tế và dân số',
        parts: [
          { kind: 'generated', text: options.figures ?? 'Số giường bệnh trên 10.000 dân đạt 32,5 giường.' },
          ...(options.health === false ? [] : [{ kind: 'agency' as const, source: HEALTH_SOURCE, text: HEALTH_TEXT }]),
        ],
      },
      { id: 'danh-gia.ket-qua', level: 2, title: 'Kết quả đạt được', parts: [], prompt: 'những kết quả nổi bật' },
      { id: 'kien-nghi', level: 1, title: 'KIẾN NGHỊ', parts: [], prompt: 'kiến nghị với Ủy ban nhân dân tỉnh' },
    ],
  };
}

function tempFile(): string {
  return narrativeFilePath(fs.mkdtempSync(path.join(os.tmpdir(), 'narrative-edits-')), '2025');
}

function tempFileWith(text: string): string {
  const file = tempFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

function edit(file: string, from: string, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(file, text.replace(from, to));
}

describe('narrative.md edited by staff', () => {
  it('keeps both texts under a copied heading, joined to the first section, and names the file, line and id (A2)', () => {
    const file = tempFile();
    syncNarrativeFile(file, draft());
    edit(file, '## Kết quả đạt được {#danh-gia.ket-qua}\n', '## Kết quả đạt được {#danh-gia.ket-qua}\n\nSTAFF-KQ1\n\n## Kết quả lặp {#danh-gia.ket-qua}\n\nSTAFF-KQ2\n');
    const line = fs.readFileSync(file, 'utf8').split('\n').indexOf('## Kết quả lặp {#danh-gia.ket-qua}') + 1;
    const synced = syncNarrativeFile(file, draft());
    const section = synced.sections.find((s) => s.id === 'danh-gia.ket-qua')!;
    expect(narrativeSectionText(section)).toBe('STAFF-KQ1\n\nSTAFF-KQ2');
    expect(synced.sections.filter((s) => s.id === 'danh-gia.ket-qua')).toHaveLength(1);
    expect(synced.notices).toContainEqual(expect.stringMatching(new RegExp(`^narrative\\.md, dòng ${line}: mã đề mục \\{#danh-gia\\.ket-qua\\} lặp lại`)));
    // Written back under the one heading, and a rerun reads it the same.
    const again = syncNarrativeFile(file, draft());
    expect(narrativeSectionText(again.sections.find((s) => s.id === 'danh-gia.ket-qua')!)).toBe('STAFF-KQ1\n\nSTAFF-KQ2');
    expect(again.notices ?? []).toEqual([]);
  });

  it('lets an edited agency block replace the agency\'s text, keeping its source mark, across runs (A3)', () => {
    const file = tempFile();
    syncNarrativeFile(file, draft());
    edit(file, 'Tuyển dụng được 18 bác sĩ', 'Tuyển dụng được 18 bác sĩ (STAFF-AGEDIT)');
    for (let run = 0; run < 2; run++) {
      const synced = syncNarrativeFile(file, draft({ figures: 'Số giường bệnh trên 10.000 dân đạt 33 giường.' }));
      const printed = narrativeSectionText(synced.sections.find((s) => s.id === 'van-hoa-xa-hoi.y-te')!);
      expect(printed.match(/Tuyển dụng được 18 bác sĩ/g)).toHaveLength(1);
      expect(printed).toContain('(STAFF-AGEDIT)');
      expect(printed).toContain('đạt 33 giường');
      const text = fs.readFileSync(file, 'utf8');
      expect(text).toContain(`<!-- cơ quan (cán bộ đã biên tập), nguồn: ${HEALTH_SOURCE} -->`);
      expect(text.match(/Ngọc Hồi/g)).toHaveLength(1);
    }
  });

  it('keeps an agency block whose file could not be read this run, and says so (A1)', () => {
    const file = tempFile();
    syncNarrativeFile(file, draft());
    const problem = { agency: 'so-y-te', fileName: 'so-lieu-y-te.xlsx', message: 'Thuyết minh của Sở Y tế (tệp so-lieu-y-te.xlsx): không thấy bản lưu.' };
    const synced = syncNarrativeFile(file, draft({ health: false }), [problem]);
    expect(narrativeSectionText(synced.sections.find((s) => s.id === 'van-hoa-xa-hoi.y-te')!)).toContain('Ngọc Hồi');
    expect(fs.readFileSync(file, 'utf8')).toContain(`nguồn: ${HEALTH_SOURCE}`);
    expect(synced.notices).toContain(problem.message);
    // Another agency's unread file of the same name keeps nothing of Sở Y tế's.
    const other = { agency: 'so-noi-vu', agencyName: 'Sở Nội vụ', fileName: 'so-lieu-y-te.xlsx', message: 'x' };
    const elsewhere = syncNarrativeFile(tempFileWith(fs.readFileSync(file, 'utf8')), draft({ health: false }), [other]);
    expect(narrativeSectionText(elsewhere.sections.find((s) => s.id === 'van-hoa-xa-hoi.y-te')!)).not.toContain('Ngọc Hồi');
    // A file the agency no longer sends (read fine, no text) leaves the draft: its block goes.
    const gone = syncNarrativeFile(file, draft({ health: false }));
    expect(fs.readFileSync(file, 'utf8')).not.toContain('Ngọc Hồi');
    expect(gone.sections.find((s) => s.id === 'van-hoa-xa-hoi.y-te')!.parts.map((p) => p.kind)).toEqual(['generated']);
  });

  it('reads a file whose first line was deleted by its section ids, and refuses an empty one with what to do (B5)', () => {
    const file = tempFile();
    syncNarrativeFile(file, draft());
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.slice(text.indexOf('-->') + 4).replace('## Kết quả đạt được {#danh-gia.ket-qua}\n', '## Kết quả đạt được {#danh-gia.ket-qua}\n\nSTAFF-KQ1\n'));
    const synced = syncNarrativeFile(file, draft());
    expect(narrativeSectionText(synced.sections.find((s) => s.id === 'danh-gia.ket-qua')!)).toBe('STAFF-KQ1');
    expect(synced.notices).toContainEqual(expect.stringContaining(`thiếu dòng đầu "${NARRATIVE_MAGIC}"`));
    expect(fs.readFileSync(file, 'utf8').startsWith(`<!-- ${NARRATIVE_MAGIC}`)).toBe(true);

    for (const broken of ['', 'Ghi chú của phòng: chưa viết gì.\n']) {
      fs.writeFileSync(file, broken);
      expect(() => syncNarrativeFile(file, draft())).toThrow(/Xóa tệp \(hoặc đổi tên để giữ lại\) để chương trình tạo lại bản nháp.*khôi phục dòng đầu/);
      expect(fs.readFileSync(file, 'utf8')).toBe(broken);
    }
  });

  it('says what it does with staff lines that look like markers or headings, and keeps their words (B6)', () => {
    const file = tempFile();
    syncNarrativeFile(file, draft());
    edit(
      file,
      '## Kết quả đạt được {#danh-gia.ket-qua}\n',
      '## Kết quả đạt được {#danh-gia.ket-qua}\n\nSTAFF-A\n<!-- hết tự động -->\n\n# Ý kiến của phòng\n\nSTAFF-B\n\n## Đề mục có mã {#kien-nghi.moi}\n\nSTAFF-C\n',
    );
    const synced = syncNarrativeFile(file, draft());
    const notices = synced.notices ?? [];
    expect(notices).toContainEqual(expect.stringMatching(/^narrative\.md, dòng \d+: dòng chú thích "<!-- hết tự động -->" .*không in ra/));
    expect(notices).toContainEqual(expect.stringMatching(/^narrative\.md, dòng \d+: "# Ý kiến của phòng" không có mã \{#\.\.\.\} nên không phải đề mục/));
    expect(notices).toContainEqual(expect.stringContaining('Đề mục "Đề mục có mã" {#kien-nghi.moi} không có trong dàn ý lần này'));
    expect(narrativeSectionText(synced.sections.find((s) => s.id === 'danh-gia.ket-qua')!)).toBe('STAFF-A\n\nÝ kiến của phòng\n\nSTAFF-B');
    expect(narrativeSectionText(synced.sections.find((s) => s.id === 'kien-nghi.moi')!)).toBe('STAFF-C');
    // The instructions in the file say the rule.
    expect(fs.readFileSync(file, 'utf8')).toMatch(/Dòng bắt đầu bằng # mà không có mã \{#\.\.\.\} không phải đề mục/);
  });

  it('parses the marker of an edited agency block as the agency\'s, edited', () => {
    const doc = parseNarrative(`<!-- ${NARRATIVE_MAGIC}; kỳ: 2025; loại: annual\n-->\n\n### Y tế {#van-hoa-xa-hoi.y-te}\n\n<!-- cơ quan (cán bộ đã biên tập), nguồn: ${HEALTH_SOURCE} -->\nĐã sửa.\n<!-- hết tự động -->\n`);
    expect(doc.sections[0]!.parts).toEqual([{ kind: 'agency', source: HEALTH_SOURCE, text: 'Đã sửa.', edited: true }]);
  });
});
