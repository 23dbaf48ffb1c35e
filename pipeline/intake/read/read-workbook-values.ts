// Intake stage: reads every sheet of one received workbook into staged-value and task drafts with their problems:
// legacy-encoded text converted, hidden sheets and rows skipped and reported, the same figure twice caught.
import { parsePeriod } from '../../shared/parse-period.ts';
import { convertLegacyText } from '../parse/convert-legacy-text.ts';
import { createSheetView, toA1 } from './create-sheet-view.ts';
import type { TaskMatcher } from '../match/create-task-matcher.ts';
import { describeHiddenContent } from './describe-hidden-content.ts';
import { findHeader } from './find-header.ts';
import { FORM_META_SHEET } from '../forms/form-layout.ts';
import type { RawSheet, RawWorkbook } from '../parse/raw-workbook.ts';
import { readFormIdentity, readFormSheets } from './read-form-sheets.ts';
import { readFreeFormSheet } from './read-free-form-sheet.ts';
import { readTaskSheet } from './read-task-sheet.ts';
import { emptyReading, mergeReading, type IntakeProblem, type ReadContext, type SheetReading, type StagedValueDraft } from './sheet-reading.ts';

const ENCODING_NAMES = { tcvn3: 'TCVN3 (phông .VnTime)', vni: 'VNI (phông VNI-Times)' } as const;

/** Converts TCVN3/VNI cells of a sheet in place; one warning per sheet and encoding, naming the first cell. */
function convertLegacyCells(sheet: RawSheet, fileName: string): IntakeProblem[] {
  const found = new Map<'tcvn3' | 'vni', { count: number; first: string; seen: string; now: string; row: number; col: number }>();
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]!;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || cell.t !== 's') continue;
      const conv = convertLegacyText(cell.v as string);
      if (!conv.encoding) continue;
      const f = found.get(conv.encoding);
      if (f) f.count++;
      else found.set(conv.encoding, { count: 1, first: toA1(r, c), seen: cell.v as string, now: conv.text, row: r, col: c });
      cell.v = conv.text;
    }
  }
  return [...found].map(([enc, f]) => ({
    file: fileName,
    sheet: sheet.name,
    row: f.row + 1,
    column: f.first.replace(/\d+$/, ''),
    cell: f.first,
    code: 'legacy-encoding' as const,
    severity: 'warning' as const,
    message: `${f.count} ô gõ theo bảng mã cũ ${ENCODING_NAMES[enc]}, đã tự chuyển sang Unicode (ví dụ ô ${f.first}: "${f.seen}" đọc là "${f.now}").`,
    action: 'Dùng phông Unicode (Times New Roman) theo TCVN 6909:2001 cho các báo cáo sau; kiểm tra lại các ô đã chuyển.',
    value: f.seen,
  }));
}

function hasContent(sheet: RawSheet): boolean {
  return sheet.rows.some((r) => r.some((c) => c !== null));
}

/**
 * The same indicator, period and kind twice in one file: equal values load once; different values are a problem
 * at every place and none of them loads (never a silent pick).
 */
function dropDuplicates(reading: SheetReading, ctx: ReadContext): void {
  const groups = new Map<string, StagedValueDraft[]>();
  for (const v of reading.values) {
    const k = `${v.indicator}|${v.period}|${v.kind}`;
    const g = groups.get(k);
    if (g) g.push(v);
    else groups.set(k, [v]);
  }
  const keep: StagedValueDraft[] = [];
  const badRows = new Set<string>();
  for (const g of groups.values()) {
    if (g.length === 1) {
      keep.push(g[0]!);
      continue;
    }
    const distinct = new Set(g.map((v) => v.value));
    if (distinct.size === 1) {
      keep.push(g[0]!);
      continue;
    }
    const places = g.map((v) => `${v.sheet}!${v.cell} = ${v.valueText}`).join('; ');
    for (const v of g) {
      badRows.add(`${v.sheet}|${v.row}`);
      reading.problems.push({
        file: ctx.fileName,
        sheet: v.sheet,
        row: v.row,
        column: v.cell.replace(/\d+$/, ''),
        cell: v.cell,
        code: 'duplicate-value',
        severity: 'error',
        message: `Chỉ tiêu "${ctx.registry.indicators.get(v.indicator)?.name ?? v.indicator}" (${v.period}) có ${g.length} số liệu khác nhau trong cùng tệp: ${places}. Không nạp số nào.`,
        action: 'Giữ lại một dòng đúng cho chỉ tiêu này, xóa hoặc sửa các dòng còn lại, rồi gửi lại tệp.',
        value: v.valueText,
      });
    }
  }
  // Keep the original order (sheet, row, column) for stable output.
  const kept = new Set(keep);
  reading.values = reading.values.filter((v) => kept.has(v));
  if (badRows.size > 0) {
    const stillGood = new Set(reading.values.map((v) => `${v.sheet}|${v.row}`));
    for (const k of badRows) if (!stillGood.has(k)) reading.rowsAccepted--;
  }
}

/**
 * A file whose figures are all for other periods (last year's report sent again, headers "6 tháng năm 2024" in a
 * 2025-H1 file) loads as history, but the agency is told it has not reported the period.
 */
function warnIfNoFigureForPeriod(reading: SheetReading, ctx: ReadContext): void {
  const figures = reading.values.filter((v) => v.kind !== 'plan');
  if (figures.length === 0) return;
  const overlaps = (id: string) => {
    const p = parsePeriod(id);
    return p.start <= ctx.period.end && p.end >= ctx.period.start;
  };
  if (figures.some((v) => overlaps(v.period))) return;
  const seen = [...new Set(figures.map((v) => v.period))].sort().join(', ');
  reading.problems.push({
    file: ctx.fileName,
    code: 'wrong-period',
    severity: 'warning',
    message: `Tệp không có số liệu thực hiện hoặc ước thực hiện nào của kỳ ${ctx.period.label}; chỉ có số liệu các kỳ ${seen}.`,
    action: `Kiểm tra đã gửi đúng báo cáo ${ctx.period.label} chưa; nếu chưa, gửi bổ sung.`,
  });
}

/** Reads every sheet of a workbook for one agency and period. */
export function readWorkbookValues(book: RawWorkbook, ctx: ReadContext, taskMatcher: TaskMatcher): SheetReading {
  const reading = emptyReading();
  for (const sheet of book.sheets) {
    if (sheet.name === FORM_META_SHEET) continue;
    for (const p of convertLegacyCells(sheet, ctx.fileName)) reading.problems.push(p);
  }
  const identity = readFormIdentity(book);
  const done = new Set<string>([FORM_META_SHEET]);
  if (identity) {
    const { reading: r, sheetsRead } = readFormSheets(book, ctx, taskMatcher);
    mergeReading(reading, r);
    for (const s of sheetsRead) done.add(s);
  }
  for (const sheet of book.sheets) {
    if (done.has(sheet.name) || !hasContent(sheet)) continue;
    if (sheet.hidden) {
      reading.problems.push({
        file: ctx.fileName,
        sheet: sheet.name,
        code: 'hidden-content',
        severity: 'warning',
        message: `Trang "${sheet.name}" bị ẩn nên không được đọc.`,
        action: 'Nếu trang này có số liệu cần báo cáo, bỏ ẩn trang rồi gửi lại.',
      });
      continue;
    }
    if (sheet.truncated) {
      reading.problems.push({
        file: ctx.fileName,
        sheet: sheet.name,
        code: 'constraint-error',
        severity: 'error',
        message: `Trang "${sheet.name}" quá lớn (${sheet.declaredRows} dòng x ${sheet.declaredCols} cột); chỉ đọc phần đầu.`,
        action: 'Chỉ gửi bảng số liệu báo cáo, không gửi dữ liệu chi tiết.',
      });
    }
    const view = createSheetView(sheet);
    const hidden = describeHiddenContent(view, ctx.fileName);
    if (hidden) reading.problems.push(hidden);
    const layout = findHeader(view, ctx.period);
    if (!layout) {
      const numbers = sheet.rows.reduce((n, row) => n + row.filter((c) => c?.t === 'n').length, 0);
      reading.problems.push({
        file: ctx.fileName,
        sheet: sheet.name,
        code: 'missing-label',
        severity: numbers > 0 ? 'error' : 'warning',
        message: `Trang "${sheet.name}" không có dòng tiêu đề nhận ra được (cột "Chỉ tiêu" cùng cột "Đơn vị tính" hoặc các cột kỳ số liệu)${numbers > 0 ? `; ${numbers} ô số không được nạp` : ''}.`,
        action: 'Dùng biểu mẫu của Sở, hoặc ghi dòng tiêu đề bảng: STT | Chỉ tiêu | Đơn vị tính | Thực hiện ... | Ước thực hiện ...',
      });
      continue;
    }
    mergeReading(reading, layout.isTaskSheet ? readTaskSheet(view, layout, ctx, taskMatcher) : readFreeFormSheet(view, layout, ctx));
  }
  dropDuplicates(reading, ctx);
  warnIfNoFigureForPeriod(reading, ctx);
  return reading;
}
