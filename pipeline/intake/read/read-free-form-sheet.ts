// Intake stage: reads an agency's own sheet: header band, indicator rows under outline markers, values per period
// column; title, footnote and signature rows, section headings and "trong đó" lines are understood, not loaded.
import { cellPlace } from './cell-place.ts';
import { toMatchKey } from '../../shared/to-match-key.ts';
import { columnLetter, type SheetView } from './create-sheet-view.ts';
import type { ColumnRole, HeaderLayout } from './find-header.ts';
import { convertUnit } from '../match/convert-unit.ts';
import { parsePeriodHeader } from './parse-period-header.ts';
import { isValueDraft, readValueCell } from './read-value-cell.ts';
import { emptyReading, type IntakeProblem, type ReadContext, type SheetReading } from './sheet-reading.ts';

// Rows after the table: footnotes, signature block, place and date line (NĐ 30/2020 layout).
const FOOTER = /^(ghi chu|chu thich|nguon|luu y|nguoi lap|nguoi lap bieu|nguoi tong hop|thu truong|giam doc|pho giam doc|kt giam doc|tm|kt|q giam doc|chu tich|ke toan|noi nhan|ky ghi ro ho ten|ky ten|xac nhan|lanh dao|truong phong|can bo)\b/;
const DATE_LINE = /\bngay\b.*\bthang\b.*\bnam\b/;
// Outline markers of parts under a "trong đó" line: a) b) đ), -, +, 1.1.
const SUB_MARKER = /^(?:[a-zđ][.)]?|[-+•*]|\d+\.\d+\.?)$/;

/** Unit from a title line above the table: "Đơn vị tính: triệu đồng", "ĐVT: Tỷ đồng". */
export function findSheetUnit(view: SheetView, beforeRow: number): string | null {
  for (let r = 0; r < beforeRow; r++) {
    for (let c = 0; c < view.colCount; c++) {
      const t = view.ownText(r, c);
      const m = /(?:đơn vị tính|đvt|đơn vị)\s*:\s*(.+)$/i.exec(t);
      if (m) return m[1]!.replace(/[.;]\s*$/, '').trim();
    }
  }
  return null;
}

/** Unit a column label states: "Tỷ lệ (%)", "%" or "Tỷ lệ" are percent; "Giá trị (tỷ đồng)" is tỷ đồng. */
function columnUnit(label: string): string | null {
  const bottom = label.split(' ').slice(-4).join(' ');
  if (/(^|\s)(tỷ lệ|%)(\s*\(%\))?\s*$/i.test(bottom) || /\(%\)\s*$/.test(label)) return '%';
  return unitFromName(label);
}

/**
 * Columns sharing one period and kind, each with the unit its label states; for each, whether it is the one to read
 * for an indicator of a given unit. Columns alone in their period are not in the map.
 */
function measureTwins(cols: { c: number; role: ColumnRole }[]): Map<number, { fits(unit: string): boolean }> {
  const groups = new Map<string, { c: number; unit: string | null }[]>();
  for (const { c, role } of cols) {
    if (role.type !== 'value') continue;
    const k = `${role.period}|${role.kind}`;
    const g = groups.get(k) ?? [];
    g.push({ c, unit: columnUnit(role.label) });
    groups.set(k, g);
  }
  const out = new Map<number, { fits(unit: string): boolean }>();
  for (const g of groups.values()) {
    if (g.length < 2 || !g.some((x) => x.unit)) continue;
    for (const x of g) {
      out.set(x.c, {
        fits(unit: string) {
          const percent = /^[%‰]$/.test(unit.trim());
          // A column with no unit of its own is the count; a percent column is read for percent indicators only.
          if (!x.unit) return !g.some((o) => o.unit && convertUnit(1, o.unit, unit).ok);
          return percent ? x.unit === '%' || x.unit === '‰' : convertUnit(1, x.unit, unit).ok;
        },
      });
    }
  }
  return out;
}

/** The period a title row above the table names, when it is of the same kind as the period received. */
function findTitlePeriod(view: SheetView, beforeRow: number, ctx: ReadContext): string | null {
  for (let r = 0; r < beforeRow; r++) {
    for (let c = 0; c < Math.min(view.colCount, 12); c++) {
      const t = view.ownText(r, c);
      if (!/(19|20)\d{2}/.test(t) || !/(tháng|năm|quý)/i.test(t) || /giai đoạn|kèm theo|ngày/i.test(t)) continue;
      const p = parsePeriodHeader(t, ctx.period);
      if (p?.type !== 'value') continue;
      const kindOf = (id: string) => (/-H\d$/.test(id) ? 'half' : /-Q\d$/.test(id) ? 'quarter' : /^\d{4}$/.test(id) ? 'year' : 'window');
      if (kindOf(p.period) === ctx.period.kind) return p.period;
    }
  }
  return null;
}

/** Unit written at the end of a name in brackets: "Thu ngân sách (tỷ đồng)". */
function unitFromName(name: string): string | null {
  const m = /\(([^()]*(?:%|‰|đồng|USD|người|ha\b|tỷ|triệu)[^()]*)\)\s*$/i.exec(name);
  return m ? m[1]!.trim() : null;
}

/**
 * Reads the figures of a free-form sheet whose header has been found.
 * @param layout from `findHeader`
 */
export function readFreeFormSheet(view: SheetView, layout: HeaderLayout, ctx: ReadContext): SheetReading {
  const out = emptyReading();
  const sheet = view.sheet.name;
  const roles = layout.columns;
  const col = (type: string) => roles.findIndex((r) => r.type === type);
  const sttCol = col('stt');
  let nameCol = col('name');
  const unitCol = col('unit');
  const codeCol = col('code');
  const noteCol = col('note');
  let valueCols = roles.flatMap((r, c) => (r.type === 'value' ? [{ c, role: r }] : []));
  if (nameCol < 0) nameCol = codeCol;
  const sheetUnit = findSheetUnit(view, layout.start);
  // Hidden columns are skipped like hidden rows; readWorkbookValues says so once per sheet.
  valueCols = valueCols.filter(({ c }) => !view.isHiddenCol(c));
  // A title naming another period ("... 6 THÁNG ĐẦU NĂM 2024" received for 2025-H1) decides what a bare "Thực hiện"
  // column means: such columns are refused rather than filed under the wrong period.
  const titlePeriod = findTitlePeriod(view, layout.start, ctx);
  if (titlePeriod && titlePeriod !== ctx.period.id) {
    for (const { c, role } of valueCols.filter(({ role }) => role.type === 'value' && !role.explicit)) {
      out.problems.push({
        ...cellPlace(ctx.fileName, sheet, layout.end + 1, c),
        code: 'wrong-period',
        severity: 'error',
        message: `Tiêu đề của trang ghi kỳ ${titlePeriod}, không phải kỳ ${ctx.period.id} đang nhận; cột "${role.label}" không được nạp.`,
        action: `Gửi báo cáo của kỳ ${ctx.period.label}, hoặc ghi rõ kỳ ở tiêu đề cột.`,
        value: role.label,
      });
    }
    valueCols = valueCols.filter(({ role }) => role.type === 'value' && role.explicit);
  }
  for (const [c, r] of roles.entries()) {
    if (r.type === 'unsupported') {
      out.problems.push({
        ...cellPlace(ctx.fileName, sheet, layout.end + 1, c),
        code: 'wrong-period',
        severity: 'warning',
        message: `Cột "${r.label}": ${r.reason}; cột này không được nạp.`,
        action: 'Báo cáo theo kỳ 6 tháng, năm hoặc quý; ghi rõ kỳ ở tiêu đề cột.',
        value: r.label,
      });
    }
  }
  if (valueCols.length === 0) {
    out.problems.push({
      file: ctx.fileName,
      sheet,
      row: layout.start + 1,
      code: 'missing-label',
      severity: 'error',
      message: 'Không tìm thấy cột số liệu nào có ghi kỳ (thực hiện, ước thực hiện, kế hoạch, năm ...).',
      action: 'Ghi tiêu đề cột số liệu, ví dụ "Thực hiện 6 tháng năm 2025", "Ước thực hiện năm 2025".',
    });
    return out;
  }
  const twins = measureTwins(valueCols.map(({ c, role }) => ({ c, role })));
  // Columns with no header at all: a cell filled there on a row of figures means the row does not fit the header
  // (an unquoted decimal comma in a comma CSV, "…,%,99,98,42", splits one figure into two fields: field case F1c).
  const unlabelled = roles.flatMap((r, c) => (r.type === 'other' && r.label === '' && !view.isHiddenCol(c) ? [c] : []));
  let inFooter = false;
  let breakdown = false;
  for (let r = layout.dataStart; r < view.rowCount; r++) {
    const raw = view.sheet.rows[r];
    if (!raw || raw.every((c) => c === null)) continue;
    // The row as texts is needed only for footers and problems: built on demand (a large CSV has 100.000 rows).
    let cachedTexts: string[] | null = null;
    const rowTexts = () => (cachedTexts ??= view.rowTexts(r));
    const rowNo = r + 1;
    const hasValue = valueCols.some(({ c }) => view.cell(r, c) !== null);
    // Signature blocks sit under the value columns ("KT. GIÁM ĐỐC" in column F): a footer row has words, no numbers.
    const hasNumber = valueCols.some(({ c }) => {
      const cell = view.cell(r, c);
      return cell !== null && (cell.t === 'n' || (cell.t === 's' && /^[\s(+\-\u2212]*\d[\d.,\s]*%?\)?\s*$/.test(String(cell.v))));
    });
    if (!hasNumber) {
      const joined = toMatchKey(rowTexts().filter(Boolean).join(' '));
      if (FOOTER.test(joined) || DATE_LINE.test(joined) || joined.startsWith('so lieu minh hoa')) inFooter = true;
      if (inFooter) continue;
    }
    if (view.isHiddenRow(r)) continue;
    const marker = sttCol >= 0 ? view.text(r, sttCol) : '';
    let name = nameCol >= 0 ? view.ownText(r, nameCol) : '';
    if (!name && nameCol >= 0) name = view.text(r, nameCol);
    // Only the lead-in matters here; folding the whole name for every row of a large CSV would cost more.
    const nameKey = /^\s*trong\s/i.test(name) ? toMatchKey(name) : '';
    // "Trong đó:" opens a breakdown of the row above; its sub-items (a, b, -, +) are parts, not indicators, unless
    // one is named exactly as an indicator. The breakdown ends at the next row of a higher outline level.
    const subItem = SUB_MARKER.test(marker) || /^[-+•*]\s/.test(name);
    if (/^trong do\b/.test(nameKey)) breakdown = true;
    else if (breakdown && !subItem) breakdown = false;
    if (!hasValue || nameKey === 'trong do') {
      // Section headings (I, II, A, B), group lines, "trong đó:" and notes under the table are structure.
      continue;
    }
    const stray = unlabelled.find((c) => view.cell(r, c) !== null && view.ownText(r, c) !== '');
    if (stray !== undefined) {
      out.rowsRead++;
      out.problems.push(extraCellProblem(view, ctx, r, stray, rowTexts()));
      continue;
    }
    if (!name) {
      out.rowsRead++;
      out.problems.push({
        file: ctx.fileName,
        sheet,
        row: rowNo,
        column: nameCol >= 0 ? columnLetter(nameCol) : null,
        cell: nameCol >= 0 ? `${columnLetter(nameCol)}${rowNo}` : null,
        code: 'missing-label',
        severity: 'error',
        message: `Dòng ${rowNo} có số liệu nhưng không ghi tên chỉ tiêu.`,
        action: 'Ghi tên chỉ tiêu của dòng này.',
        rowData: rowTexts(),
      });
      continue;
    }
    const code = codeCol >= 0 && codeCol !== nameCol ? view.ownText(r, codeCol) : null;
    const match = ctx.matcher.match(name, ctx.agency, ctx.own, code);
    const exact = match.type === 'match' && match.how !== 'fuzzy';
    if ((breakdown || /^trong do\b/.test(nameKey)) && !exact) continue;
    out.rowsRead++;
    const nameCell = `${columnLetter(nameCol)}${rowNo}`;
    if (match.type !== 'match') {
      out.problems.push(unmatchedProblem(match, name, ctx, sheet, rowNo, columnLetter(nameCol), nameCell, rowTexts()));
      continue;
    }
    const indicator = match.indicator;
    const unitText = (unitCol >= 0 ? view.text(r, unitCol) : '') || unitFromName(name) || sheetUnit;
    const noteText = noteCol >= 0 ? view.ownText(r, noteCol) : '';
    const matchNote = match.how === 'fuzzy' ? `khớp gần đúng "${name}" (${match.score})` : null;
    let accepted = false;
    for (const { c, role } of valueCols) {
      if (role.type !== 'value') continue;
      // Two columns for one period ("Số lượng | Tỷ lệ (%)" under "Thực hiện 6 tháng"): read the one whose unit
      // fits the indicator, the other is the same fact in another unit.
      const twin = twins.get(c);
      if (twin && !twin.fits(indicator.unit)) continue;
      const cell = view.cell(r, c);
      if (!cell || (cell.t === 's' && String(cell.v).trim() === '')) continue;
      const res = readValueCell(
        {
          cell,
          indicator,
          period: role.period,
          kind: role.kind,
          // A unit the column header states ("Tỷ lệ (%)", "(triệu đồng)") wins over the row's unit column.
          unitText: columnUnit(role.label) || unitText || null,
          sheet,
          row: rowNo,
          column: columnLetter(c),
          rowData: rowTexts,
          note: [matchNote, noteText || null].filter(Boolean).join('; ') || null,
        },
        ctx,
      );
      if (isValueDraft(res)) {
        out.values.push(res);
        accepted = true;
      } else if (role.kind === 'plan' && (res.code === 'text-in-number-cell' || res.code === 'ambiguous-number')) {
        // A plan column may quote the target as worded ("Trên 10", "19-20"): the registry holds the targets, so the
        // words are not a figure the agency owes.
        continue;
      } else out.problems.push(res);
    }
    if (accepted) out.rowsAccepted++;
  }
  return out;
}

/** A row with a filled cell in a column that has no header (more fields than the header in a CSV). */
function extraCellProblem(view: SheetView, ctx: ReadContext, r: number, c: number, rowData: string[]): IntakeProblem {
  const seen = view.ownText(r, c);
  return {
    ...cellPlace(ctx.fileName, view.sheet.name, r + 1, c),
    code: 'extra-cell',
    severity: 'error',
    message:
      `Dòng ${r + 1} có ô ${columnLetter(c)}${r + 1} ghi "${seen}" ở cột không có tiêu đề, nên không biết đó là số liệu gì; ` +
      'dòng này không được nạp. Thường gặp khi số thập phân viết bằng dấu phẩy trong tệp CSV phân cách bằng dấu phẩy ' +
      '(99,98,42 bị tách thành nhiều ô).',
    action: 'Đặt số có dấu phẩy thập phân trong ngoặc kép ("98,42"), dùng dấu chấm phẩy (;) để phân cách, hoặc gửi tệp .xlsx.',
    value: seen,
    rowData,
  };
}

/** The problem for a row whose name matched no indicator, or two. */
export function unmatchedProblem(
  match: { type: 'unknown'; best: { name: string; code: string } | null; score: number } | { type: 'ambiguous'; candidates: { name: string; code: string }[] },
  name: string,
  ctx: ReadContext,
  sheet: string,
  row: number,
  column: string,
  cell: string,
  rowData: string[],
): IntakeProblem {
  if (match.type === 'ambiguous') {
    return {
      file: ctx.fileName,
      sheet,
      row,
      column,
      cell,
      code: 'ambiguous-indicator',
      severity: 'error',
      message: `Tên "${name}" giống nhiều chỉ tiêu: ${match.candidates.map((c) => `"${c.name}" (${c.code})`).join(', ')}.`,
      action: 'Ghi đúng tên chỉ tiêu như trong biểu mẫu của Sở; nếu đây đúng là chỉ tiêu được giao theo dõi, báo Sở để bổ sung tên gọi này.',
      value: name,
      rowData,
    };
  }
  const hint = match.best && match.score >= 0.5 ? ` Có phải "${match.best.name}" (${match.best.code})?` : '';
  return {
    file: ctx.fileName,
    sheet,
    row,
    column,
    cell,
    code: 'unknown-indicator',
    severity: 'error',
    message: `Không nhận ra chỉ tiêu "${name}" trong danh mục chỉ tiêu kế hoạch.${hint}`,
    action: 'Ghi đúng tên chỉ tiêu như trong biểu mẫu của Sở; nếu đây đúng là chỉ tiêu được giao theo dõi, báo Sở để bổ sung tên gọi này.',
    value: name,
    rowData,
  };
}
