// Intake stage: reads an agency's own sheet: header band, indicator rows under outline markers, values per period
// column; title, footnote and signature rows, section headings and "trong đó" lines are understood, not loaded.
import { cellPlace } from './cell-place.ts';
import { checkBreakdownTotals, type BreakdownGroup } from './check-breakdown-totals.ts';
import { readCellNumber } from './read-cell-number.ts';
import { toMatchKey } from '../../shared/to-match-key.ts';
import { columnLetter, type SheetView } from './create-sheet-view.ts';
import type { ColumnRole, HeaderLayout } from './find-header.ts';
import { convertUnit, isBlankUnit } from '../match/convert-unit.ts';
import type { RegistryIndicator } from '../match/load-intake-registry.ts';
import { parsePeriodHeader } from './parse-period-header.ts';
import { isValueDraft, readValueCell } from './read-value-cell.ts';
import { emptyReading, type IntakeProblem, type ReadContext, type SheetReading } from './sheet-reading.ts';

// Rows after the table: footnotes, signature block, place and date line (NĐ 30/2020 layout).
const FOOTER = /^(ghi chu|chu thich|nguon|luu y|nguoi lap|nguoi lap bieu|nguoi tong hop|thu truong|giam doc|pho giam doc|kt giam doc|tm|kt|q giam doc|chu tich|ke toan|noi nhan|ky ghi ro ho ten|ky ten|xac nhan|lanh dao|truong phong|can bo)\b/;
const DATE_LINE = /\bngay\b.*\bthang\b.*\bnam\b/;
// Outline markers of parts under a "trong đó" line: a) b) đ), -, +, 1.1.
const SUB_MARKER = /^(?:[a-zđ][.)]?|[-+•*]|\d+\.\d+\.?)$/;
// Outline markers of a row of its own: 1, 2., 3), and section letters or numerals.
const TOP_MARKER = /^(?:\d{1,3}[.)]?|[IVXLC]+[.)]?|[A-Z][.)]?)$/;

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

/** Where a sheet's period was read when its value column does not say it: the title above the table or the file name. */
interface SheetPeriod {
  /** null: the title names a period, but not one that can be taken for the period received (see `title`). */
  period: string | null;
  source: 'title' | 'file';
  /** The title's text, when it names other years than the received period's or more than one. */
  title?: string;
}

/**
 * The period a title row above the table names, or else the file's name ("bao-cao-6-thang-2025.xlsx"), when it is of
 * the same kind as the period received: what a clerk reads to know which period a bare "Kết quả" column is for.
 */
function findTitlePeriod(view: SheetView, beforeRow: number, ctx: ReadContext): SheetPeriod | null {
  const kindOf = (id: string) => (/-H\d$/.test(id) ? 'half' : /-Q\d$/.test(id) ? 'quarter' : /^\d{4}$/.test(id) ? 'year' : 'window');
  const read = (t: string): string | null => {
    if (!/(19|20)\d{2}/.test(t) || !/(tháng|thang|năm|nam|quý|quy)/i.test(t) || /giai đoạn|kèm theo|ngày/i.test(t)) return null;
    const p = parsePeriodHeader(t, ctx.period);
    return p?.type === 'value' && kindOf(p.period) === ctx.period.kind ? p.period : null;
  };
  const receivedYear = ctx.period.id.slice(0, 4);
  for (let r = 0; r < beforeRow; r++) {
    for (let c = 0; c < Math.min(view.colCount, 12); c++) {
      const text = view.ownText(r, c);
      const period = read(text);
      // "ƯỚC THỰC HIỆN NĂM 2024 VÀ KẾ HOẠCH NĂM 2025": two years, or a year that is not the received period's, is a
      // title a bare "Kết quả" column cannot be taken under (issue 12 review, finding 2).
      const years = /(tháng|thang|năm|nam|quý|quy)/i.test(text) && !/giai đoạn|kèm theo|ngày/i.test(text) ? new Set(text.match(/\b(?:19|20)\d{2}\b/g) ?? []) : new Set<string>();
      if (years.size > 1 || (years.size === 1 && !years.has(receivedYear) && !period)) return { period: null, source: 'title', title: text.trim() };
      if (period) return { period, source: 'title' };
    }
  }
  const fromFile = read(ctx.fileName.replace(/\.[a-z0-9]+$/i, '').replace(/[-_.]+/g, ' '));
  return fromFile ? { period: fromFile, source: 'file' } : null;
}

// The column of a province total beside one column per district or commune.
const TOTAL_COLUMN = /^(toan tinh|tong so|tong cong|cong|tong|toan nganh|ca tinh|tinh|tong toan tinh)$/;

/**
 * One column per district or commune ("TP Kon Tum | Đắk Hà | … | Toàn tỉnh"), no column naming a period: the province
 * total column is read as the figure of the period (from the title, else the period received) and the agency is told
 * the district columns are not province figures; without a total column the sheet is refused, saying which layout was
 * seen. Returns null when the sheet is not of that layout.
 */
function readPerPlaceLayout(
  view: SheetView,
  layout: HeaderLayout,
  ctx: ReadContext,
  titlePeriod: string | null,
): { problem: IntakeProblem; column: { c: number; role: Extract<ColumnRole, { type: 'value' }> } | null } | null {
  const numeric = (c: number) => {
    for (let r = layout.dataStart; r < Math.min(view.rowCount, layout.dataStart + 50); r++) if (view.cell(r, c)?.t === 'n') return true;
    return false;
  };
  const places: number[] = [];
  let total = -1;
  layout.columns.forEach((role, c) => {
    if (role.type !== 'other' || role.label === '' || !numeric(c)) return;
    if (TOTAL_COLUMN.test(toMatchKey(role.label))) total = c;
    else places.push(c);
  });
  if (places.length < 2) return null;
  const names = places.map((c) => layout.columns[c]!.label);
  const listed = `${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}`;
  const place = cellPlace(ctx.fileName, view.sheet.name, layout.end + 1, places[0]!);
  if (total < 0 || (titlePeriod && titlePeriod !== ctx.period.id)) {
    return {
      problem: {
        ...place,
        code: 'unsupported-layout',
        severity: 'error',
        message: `Trang "${view.sheet.name}" ghi mỗi huyện/xã một cột (${listed}) mà không có cột "Toàn tỉnh" (hoặc "Tổng số") của kỳ ${ctx.period.label}, nên không có số liệu của tỉnh để nạp.`,
        action: 'Thêm cột "Toàn tỉnh" (tổng các huyện), hoặc dùng biểu mẫu của Sở: mỗi chỉ tiêu một dòng, số liệu toàn tỉnh theo kỳ.',
        value: listed,
      },
      column: null,
    };
  }
  const label = layout.columns[total]!.label;
  return {
    problem: {
      ...place,
      code: 'unsupported-layout',
      severity: 'warning',
      message: `Trang "${view.sheet.name}" ghi mỗi huyện/xã một cột (${listed}): đã nạp cột "${label}" là số liệu toàn tỉnh kỳ ${ctx.period.label}; số liệu từng huyện/xã không được nạp.`,
      action: 'Không cần làm gì nếu cột "Toàn tỉnh" đúng; số liệu theo huyện, nếu Sở cần, gửi theo biểu riêng.',
      value: listed,
    },
    column: { c: total, role: { type: 'value', label, period: ctx.period.id, kind: 'actual', explicit: false } },
  };
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
  const sheetPeriod = findTitlePeriod(view, layout.start, ctx);
  const titlePeriod = sheetPeriod?.period ?? null;
  // What a bare column's period rests on, said in the note of every figure read from it.
  const periodNote =
    sheetPeriod?.source === 'title'
      ? `kỳ ${ctx.period.label} lấy từ tiêu đề trang (cột không ghi kỳ)`
      : sheetPeriod?.source === 'file'
        ? `kỳ ${ctx.period.label} lấy từ tên tệp (cột không ghi kỳ)`
        : `cột không ghi kỳ: hiểu là kỳ đang nhận (${ctx.period.label})`;
  if ((titlePeriod && titlePeriod !== ctx.period.id) || sheetPeriod?.title) {
    for (const { c, role } of valueCols.filter(({ role }) => role.type === 'value' && !role.explicit)) {
      out.problems.push({
        ...cellPlace(ctx.fileName, sheet, layout.end + 1, c),
        code: 'wrong-period',
        severity: 'error',
        message: sheetPeriod?.title
          ? `Tiêu đề của trang "${sheetPeriod.title}" ghi kỳ khác hoặc nhiều kỳ, không rõ cột "${role.label}" là số liệu của kỳ nào; Sở đang nhận kỳ ${ctx.period.label}, nên cột này không được nạp.`
          : `Tiêu đề của trang ghi kỳ ${titlePeriod}, không phải kỳ ${ctx.period.id} đang nhận; cột "${role.label}" không được nạp.`,
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
    const perPlace = readPerPlaceLayout(view, layout, ctx, titlePeriod);
    if (perPlace) {
      out.problems.push(perPlace.problem);
      if (perPlace.column) valueCols = [perPlace.column];
    }
  }
  if (valueCols.length === 0) {
    if (out.problems.some((p) => p.code === 'unsupported-layout')) return out;
    out.problems.push({
      file: ctx.fileName,
      sheet,
      row: layout.start + 1,
      code: 'missing-label',
      severity: 'error',
      message: `Trang "${sheet}" của tệp "${ctx.fileName}" không có cột số liệu nào ghi kỳ ở tiêu đề (thực hiện, ước thực hiện, kế hoạch, năm ...), nên không nạp được số liệu của trang này.`,
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
  // The name of the last numbered row: the parent of the unnumbered rows below it.
  let parentName: string | null = null;
  // Totals and their "trong đó" parts, checked against each other once the sheet is read.
  const groups: BreakdownGroup[] = [];
  let lastTotalRow = -1;
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
    if (/^trong do\b/.test(nameKey)) {
      if (!breakdown) groups.push({ totalRow: lastTotalRow, partRows: [] });
      breakdown = true;
    } else if (breakdown && !subItem) breakdown = false;
    if (breakdown && hasValue) groups[groups.length - 1]!.partRows.push(r);
    if (hasValue && !breakdown) lastTotalRow = r;
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
    let match = ctx.matcher.match(name, ctx.agency, ctx.own, code);
    // A breakdown row ("Mầm non" under "Tỷ lệ cơ sở giáo dục đạt chuẩn quốc gia") is read with its parent's name.
    let composedNote: string | null = null;
    const isChild = marker === '' || SUB_MARKER.test(marker) || /^[-+•*]\s/.test(name);
    if (!(match.type === 'match' && match.how !== 'fuzzy') && parentName && isChild) {
      const hit = ctx.matcher.matchWithParent(parentName, name);
      if (hit) {
        match = { type: 'match', indicator: hit, how: 'name', score: 1 };
        composedNote = `đọc cùng dòng trên: "${parentName}" - "${name}"`;
      }
    }
    if (TOP_MARKER.test(marker)) parentName = name;
    const exact = match.type === 'match' && match.how !== 'fuzzy';
    if ((breakdown || /^trong do\b/.test(nameKey)) && !exact) continue;
    out.rowsRead++;
    const nameCell = `${columnLetter(nameCol)}${rowNo}`;
    if (match.type !== 'match') {
      const rowUnitText = (unitCol >= 0 ? view.text(r, unitCol) : '') || unitFromName(name) || sheetUnit;
      // A near name in a unit that cannot be the indicator's is no hint at all ("nghìn người" is not "%").
      const hintable = match.type === 'unknown' && match.best && !isBlankUnit(rowUnitText) && !convertUnit(1, rowUnitText!, match.best.unit).ok ? { ...match, best: null } : match;
      out.problems.push(unmatchedProblem(hintable, name, ctx, sheet, rowNo, columnLetter(nameCol), nameCell, rowTexts()));
      // A formula saved without its result on that row is named too: the agency fixes both in one go (field case F8).
      for (const { c } of valueCols) {
        const cell = view.cell(r, c);
        if (cell?.t !== 'e' || !cell.f) continue;
        const n = readCellNumber(cell);
        if (!n.ok) out.problems.push({ ...cellPlace(ctx.fileName, sheet, rowNo, c), code: n.code, severity: 'error', message: `${name}: ${n.message}`, action: n.action, value: n.text });
      }
      continue;
    }
    const indicator = match.indicator;
    // The row's own unit (its unit column, or a unit in brackets after its name) comes before a column header's.
    const rowUnit = (unitCol >= 0 ? view.text(r, unitCol) : '') || unitFromName(name) || null;
    if (match.how === 'fuzzy') {
      // A near name is a suggestion for staff to confirm, never data on its own (and only when the units agree).
      out.problems.push(suggestionProblem(indicator, name, match.score, rowUnit ?? sheetUnit, ctx, sheet, rowNo, columnLetter(nameCol), nameCell, rowTexts(), match.qualifier));
      continue;
    }
    const noteText = noteCol >= 0 ? view.ownText(r, noteCol) : '';
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
          // "(kế hoạch)" after the row's name: the figure is the plan, whatever the column is headed.
          kind: match.kind ?? role.kind,
          // The row's own unit wins over a column header's "(%)" (a count in nghìn người under a "(%)" header stays a
          // count); a twin column ("Số lượng | Tỷ lệ (%)") is the row's figure in the column's unit, so its unit wins.
          unitText: (twin ? columnUnit(role.label) : null) || rowUnit || columnUnit(role.label) || sheetUnit || null,
          sheet,
          row: rowNo,
          column: columnLetter(c),
          rowData: rowTexts,
          note:
            [
              composedNote,
              match.kind === 'plan' && role.kind !== 'plan' ? 'tên dòng ghi "(kế hoạch)": nhận là số kế hoạch, không phải số thực hiện' : null,
              role.explicit || role.kind === 'plan' ? null : periodNote,
              noteText || null,
            ]
              .filter(Boolean)
              .join('; ') || null,
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
  checkBreakdownTotals(view, groups, valueCols.map(({ c }) => c), out, ctx);
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

/**
 * A row whose name is only near an indicator's: nothing is loaded; the agency is asked to use the exact name and the
 * staff to confirm (`kehoach alias add`). When the row's unit cannot be the indicator's (a count in nghìn người for a
 * rate in %), the near name is not even suggested: it is an unknown indicator.
 */
function suggestionProblem(
  indicator: RegistryIndicator,
  name: string,
  score: number,
  unit: string | null,
  ctx: ReadContext,
  sheet: string,
  row: number,
  column: string,
  cell: string,
  rowData: string[],
  qualifier?: string,
): IntakeProblem {
  const place = { file: ctx.fileName, sheet, row, column, cell, value: name, rowData };
  if (qualifier) {
    return {
      ...place,
      code: 'needs-confirmation',
      severity: 'error',
      message: `Tên "${name}" là chỉ tiêu "${indicator.name}" kèm điều kiện "(${qualifier})": điều kiện này có thể làm số liệu khác với chỉ tiêu được giao (phạm vi, giá so sánh, chuẩn tính), nên số liệu của dòng chưa được nạp; Sở sẽ xác nhận.`,
      action: `Nếu là số liệu của chỉ tiêu "${indicator.name}" đúng như được giao, ghi đúng tên đó (bỏ phần trong ngoặc); nếu là chỉ tiêu khác, báo Sở.`,
      suggestedIndicator: indicator.code,
    };
  }
  if (!isBlankUnit(unit) && !convertUnit(1, unit!, indicator.unit).ok) {
    return {
      ...place,
      code: 'unknown-indicator',
      severity: 'error',
      message: `Không nhận ra chỉ tiêu "${name}" (đơn vị ${unit}). Tên gần giống chỉ tiêu "${indicator.name}" nhưng chỉ tiêu đó tính bằng ${indicator.unit}, không quy đổi được từ ${unit}, nên đây không phải cùng một chỉ tiêu.`,
      action: 'Ghi đúng tên chỉ tiêu như trong biểu mẫu của Sở; nếu đây là chỉ tiêu khác được giao theo dõi, báo Sở để bổ sung.',
    };
  }
  return {
    ...place,
    code: 'needs-confirmation',
    severity: 'error',
    message: `Tên "${name}" gần giống chỉ tiêu "${indicator.name}" (mức giống ${Math.round(score * 100)}%) nhưng không trùng, nên số liệu của dòng chưa được nạp; Sở sẽ xác nhận.`,
    // The agency is asked for the exact name; the staff confirm through `alias add` or the desk from summary.json.
    action: `Nếu đúng là chỉ tiêu "${indicator.name}", ghi đúng tên đó như biểu mẫu của Sở hoặc chờ Sở xác nhận; nếu là chỉ tiêu khác, báo Sở.`,
    suggestedIndicator: indicator.code,
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
  const place = { file: ctx.fileName, sheet, row, column, cell, value: name, rowData };
  if (match.type === 'ambiguous') {
    return {
      ...place,
      code: 'ambiguous-indicator',
      severity: 'error',
      message: `Tên "${name}" giống nhiều chỉ tiêu: ${match.candidates.map((c) => `"${c.name}" (${c.code})`).join(', ')}.`,
      action: 'Ghi đúng tên chỉ tiêu như trong biểu mẫu của Sở; nếu đây đúng là chỉ tiêu được giao theo dõi, báo Sở để bổ sung tên gọi này.',
    };
  }
  const hint = match.best && match.score >= 0.5 ? ` Có phải "${match.best.name}" (${match.best.code})?` : '';
  return {
    ...place,
    code: 'unknown-indicator',
    severity: 'error',
    message: `Không nhận ra chỉ tiêu "${name}" trong danh mục chỉ tiêu kế hoạch.${hint}`,
    action: 'Ghi đúng tên chỉ tiêu như trong biểu mẫu của Sở; nếu đây đúng là chỉ tiêu được giao theo dõi, báo Sở để bổ sung tên gọi này.',
  };
}
