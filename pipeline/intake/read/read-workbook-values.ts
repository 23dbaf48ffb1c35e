// Intake stage: reads every sheet of one received workbook into staged-value and task drafts with their problems:
// legacy-encoded text converted, hidden sheets and rows skipped and reported, the same figure twice caught.
import { parsePeriod } from '../../shared/parse-period.ts';
import { convertLegacyText } from '../parse/convert-legacy-text.ts';
import { cellPlaceAt } from './cell-place.ts';
import { createSheetView, toA1 } from './create-sheet-view.ts';
import type { TaskMatcher } from '../match/create-task-matcher.ts';
import { decideNumberStyle, type NumberStyleDecision } from './decide-number-style.ts';
import { describeHiddenContent } from './describe-hidden-content.ts';
import { findHeader } from './find-header.ts';
import { mapPlacesBack, transposeSheet, type TransposedSheet } from './transpose-sheet.ts';
import { FORM_META_SHEET } from '../forms/form-layout.ts';
import type { RawSheet, RawWorkbook } from '../parse/raw-workbook.ts';
import { readFormIdentity, readFormSheets } from './read-form-sheets.ts';
import { isTextSheetName } from './text-sheet.ts';
import { readFreeFormSheet } from './read-free-form-sheet.ts';
import { readTaskSheet } from './read-task-sheet.ts';
import { emptyReading, mergeReading, type IntakeProblem, type ReadContext, type SheetReading, type StagedValueDraft } from './sheet-reading.ts';

const ENCODING_NAMES = {
  tcvn3: 'TCVN3 (phông .VnTime)',
  vni: 'VNI (phông VNI-Times)',
  'cp1258-as-1252': 'Windows-1258 nhưng tệp khai báo bảng mã Windows-1252',
} as const;

/** Converts TCVN3/VNI cells of a sheet in place; one warning per sheet and encoding, naming the first cell. */
function convertLegacyCells(sheet: RawSheet, fileName: string): IntakeProblem[] {
  const found = new Map<keyof typeof ENCODING_NAMES, { count: number; first: string; seen: string; now: string; row: number; col: number }>();
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
    ...cellPlaceAt(fileName, sheet.name, f.first),
    code: 'legacy-encoding' as const,
    severity: 'warning' as const,
    message: `${f.count} ô gõ theo bảng mã cũ ${ENCODING_NAMES[enc]}, đã tự chuyển sang Unicode (ví dụ ô ${f.first} đọc là "${f.now}").`,
    action: 'Dùng phông Unicode (Times New Roman) theo TCVN 6909:2001 cho các báo cáo sau; kiểm tra lại các ô đã chuyển.',
    // The converted text, not the legacy bytes: those show as control characters and mojibake to the clerk.
    value: f.now,
  }));
}

/** Tells the agency its numbers were read the English way, or that the file mixes both ways. */
function numberStyleProblem(d: NumberStyleDecision, fileName: string): IntakeProblem {
  const en = d.enCell!;
  const place = { ...cellPlaceAt(fileName, en.sheet, en.cell), value: en.text };
  if (d.style === 'en') {
    return {
      ...place,
      code: 'ambiguous-number',
      severity: 'warning',
      message: `Số trong tệp viết kiểu tiếng Anh (dấu chấm thập phân, dấu phẩy ngăn nghìn; ví dụ ô ${en.cell}: "${en.text}"), nên cả tệp được đọc theo kiểu đó.`,
      action: 'Kiểm tra lại các số đã nhận; các báo cáo sau viết số kiểu Việt Nam (1.245,8) hoặc nhập dạng số trong Excel.',
    };
  }
  const vi = d.viCell!;
  return {
    ...place,
    code: 'ambiguous-number',
    severity: 'warning',
    message: `Tệp có số viết kiểu Việt Nam (ô ${vi.sheet}!${vi.cell}: "${vi.text}") lẫn kiểu tiếng Anh (ô ${en.sheet}!${en.cell}: "${en.text}"); những số đọc được hai cách không được nạp.`,
    action: 'Viết mọi số trong tệp theo một kiểu: dấu phẩy thập phân, dấu chấm ngăn nghìn (1.245,8); hoặc nhập dạng số trong Excel.',
  };
}

/** Reads a transposed sheet turned round, places mapped back, and tells the agency which layout was seen. */
function readTransposed(turned: TransposedSheet, ctx: ReadContext): SheetReading {
  const view = createSheetView(turned.sheet);
  const layout = findHeader(view, ctx.period);
  const out = layout ? readFreeFormSheet(view, layout, ctx) : emptyReading();
  mapPlacesBack(out, turned);
  out.problems.unshift({
    file: ctx.fileName,
    sheet: turned.sheet.name,
    code: 'unsupported-layout',
    severity: layout ? 'warning' : 'error',
    message: layout
      ? `Trang "${turned.sheet.name}" xoay ngang (kỳ theo dòng, chỉ tiêu theo cột): đã đọc theo cách đó, ${out.values.length} số liệu.`
      : `Trang "${turned.sheet.name}" xoay ngang (kỳ theo dòng, chỉ tiêu theo cột) nhưng không đọc được tiêu đề; không nạp.`,
    action: 'Các báo cáo sau dùng biểu mẫu của Sở: mỗi chỉ tiêu một dòng, mỗi kỳ một cột.',
  });
  return out;
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
        ...cellPlaceAt(ctx.fileName, v.sheet, v.cell),
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
export function readWorkbookValues(book: RawWorkbook, bookCtx: ReadContext, taskMatcher: TaskMatcher): SheetReading {
  const reading = emptyReading();
  const numbers = decideNumberStyle(book);
  const ctx: ReadContext = { ...bookCtx, numberStyle: numbers.style };
  if (numbers.style !== 'vi') reading.problems.push(numberStyleProblem(numbers, ctx.fileName));
  const legacy = book.encoding === 'tcvn3' || book.encoding === 'vni' ? book.encoding : null;
  if (legacy) {
    reading.problems.push({
      file: ctx.fileName,
      code: 'legacy-encoding',
      severity: 'warning',
      message: `Tệp được lưu theo bảng mã cũ ${ENCODING_NAMES[legacy]}; đã tự chuyển toàn bộ sang Unicode để đọc.`,
      action: 'Lưu tệp dạng "CSV UTF-8" hoặc .xlsx với phông Unicode (TCVN 6909:2001) cho các báo cáo sau; kiểm tra lại tên chỉ tiêu đã chuyển.',
    });
  }
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
    // The agency's own words ("Thuyết minh", "Đánh giá"): no figures are read from it and it is no problem; the
    // report takes its text (text-sheet.ts is the one rule for both).
    if (isTextSheetName(sheet.name)) continue;
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
    const turned = layout ? null : transposeSheet(sheet, ctx);
    if (turned) {
      mergeReading(reading, readTransposed(turned, ctx));
      continue;
    }
    if (!layout) {
      // Figures typed as text ("8,42" in a CSV) are figures too: a sheet of them without a header is an error.
      const isFigure = (c: RawSheet['rows'][number][number]) => c?.t === 'n' || (c?.t === 's' && /^[-+\u2212]?\d[\d.,]*\s*%?$/.test(String(c.v).trim()));
      const numbers = sheet.rows.reduce((n, row) => n + row.filter(isFigure).length, 0);
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
  if (!numbers.viCell && !numbers.enCell) flagDotGroupsAfterDecimalSlip(reading, ctx);
  dropDuplicates(reading, ctx);
  warnIfNoFigureForPeriod(reading, ctx);
  return reading;
}

// "1.520": a thousands dot in the Vietnamese style, a decimal point in the English one.
const DOT_GROUP = /^[-+\u2212]?\d{1,3}(?:\.\d{3})+$/;

/**
 * A file with no number that shows its style, where a figure like "38.250" read the Vietnamese way was refused as out
 * of range: the file's evidence says the English style, so its other figures that read two ways ("1.520") are
 * refused as ambiguous with their cell rather than stored as 1520 (issue 12 review, finding 5).
 */
function flagDotGroupsAfterDecimalSlip(reading: SheetReading, ctx: ReadContext): void {
  const slip = reading.problems.find((p) => p.code === 'out-of-range' && p.value != null && DOT_GROUP.test(String(p.value).trim()));
  if (!slip) return;
  reading.values = reading.values.filter((v) => {
    if (!v.valueText || !DOT_GROUP.test(v.valueText.trim())) return true;
    reading.problems.push({
      ...cellPlaceAt(ctx.fileName, v.sheet, v.cell),
      code: 'ambiguous-number',
      severity: 'error',
      message: `Số "${v.valueText}" đọc được hai cách (${v.valueText.replace(/\./g, '')} theo cách viết Việt Nam, ${v.valueText} theo cách viết tiếng Anh); ô ${slip.cell ?? ''} ghi "${slip.value}" chỉ hợp lý nếu dấu chấm là dấu thập phân, nên số này không được nạp.`,
      action: 'Ghi số theo cách viết Việt Nam (dấu phẩy thập phân, ví dụ 1,52 hoặc 1.520) thống nhất trong cả tệp, rồi gửi lại.',
      value: v.valueText,
    });
    return false;
  });
}
