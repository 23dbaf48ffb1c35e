// Intake stage: finds the header band of a free-form sheet (one or more rows, merged cells spread over the columns
// they cover) and what each column holds: outline number, indicator name, unit, code, note, a period's figures,
// or a task and its progress.
import type { Period } from '../../shared/parse-period.ts';
import { toMatchKey } from '../../shared/to-match-key.ts';
import type { SheetView } from './create-sheet-view.ts';
import { parsePeriodHeader, type ValueKind } from './parse-period-header.ts';

/** What a column holds. */
export type ColumnRole =
  | { type: 'stt' | 'name' | 'unit' | 'code' | 'note' | 'task' | 'progress' | 'status' | 'other' | 'comparison'; label: string }
  | { type: 'value'; label: string; period: string; kind: ValueKind; explicit: boolean }
  | { type: 'unsupported'; label: string; reason: string };

/** The header band and the role of each column. */
export interface HeaderLayout {
  /** 0-based first and last header rows. */
  start: number;
  end: number;
  /** 0-based first data row (after a numbering row "(1) (2) (3)" if there is one). */
  dataStart: number;
  columns: ColumnRole[];
  /** True when the sheet lists tasks and their progress rather than figures. */
  isTaskSheet: boolean;
}

const STT = /^(stt|tt|so tt|so thu tu|thu tu)$/;
const NAME = /^(chi tieu|cac chi tieu|ten chi tieu|noi dung|noi dung chi tieu|danh muc|chi tieu chu yeu|ten|hang muc|chi tieu kinh te xa hoi|cac chi tieu chu yeu)$/;
const UNIT = /^(don vi|dvt|don vi tinh|dv tinh|dv)$/;
const CODE = /^(ma|ma chi tieu|ma so|ma nhiem vu|ma de an)$/;
const NOTE = /^(ghi chu|chu thich|ghi chu giai trinh|giai trinh)$/;
const TASK = /^(nhiem vu|ten nhiem vu|noi dung nhiem vu|nhiem vu de an|nhiem vu giai phap|ten de an|de an|nhiem vu de an du an|cac nhiem vu|nhiem vu trong tam)$/;
const PROGRESS = /^(tinh hinh thuc hien|ket qua thuc hien|tien do|tien do thuc hien|tinh hinh trien khai|ket qua trien khai|tinh hinh ket qua thuc hien)$/;
const STATUS = /^(trang thai|muc do hoan thanh|danh gia|tinh trang)$/;
const NUMBERING = /^(\(?[0-9]{1,2}\)?|\(?[a-z]\)?|\(\d+\)\s*=.*|\d+\s*=.*)$/i;

/** Joins the header texts of a column top to bottom, without repeating a merged text. */
function columnLabel(view: SheetView, start: number, end: number, c: number): string {
  const parts: string[] = [];
  for (let r = start; r <= end; r++) {
    const t = view.text(r, c);
    if (t && parts[parts.length - 1] !== t) parts.push(t);
  }
  return parts.join(' ');
}

function classify(label: string, report: Period): ColumnRole {
  const key = toMatchKey(label);
  if (key === '') return { type: 'other', label };
  // Test the bottom-most part too: "Năm 2024 | Kế hoạch" is a value column, "Chỉ tiêu" under a band title is a name.
  if (STT.test(key)) return { type: 'stt', label };
  if (NAME.test(key)) return { type: 'name', label };
  if (UNIT.test(key)) return { type: 'unit', label };
  if (CODE.test(key)) return { type: 'code', label };
  if (NOTE.test(key)) return { type: 'note', label };
  // The department form's target column quotes the plan's wording; it is not a figure.
  if (/^muc tieu( ke hoach)?$/.test(key)) return { type: 'other', label };
  if (TASK.test(key)) return { type: 'task', label };
  if (PROGRESS.test(key)) return { type: 'progress', label };
  if (STATUS.test(key)) return { type: 'status', label };
  const p = parsePeriodHeader(label, report);
  if (p?.type === 'value') return { type: 'value', label, period: p.period, kind: p.kind, explicit: p.explicit };
  if (p?.type === 'comparison') return { type: 'comparison', label };
  if (p?.type === 'unsupported') return { type: 'unsupported', label, reason: p.reason };
  if (/^(chi tieu|noi dung|ten chi tieu)\b/.test(key)) return { type: 'name', label };
  if (/^(don vi|dvt)\b/.test(key)) return { type: 'unit', label };
  if (/^ghi chu\b/.test(key)) return { type: 'note', label };
  if (/^(nhiem vu|ten nhiem vu|noi dung nhiem vu)\b/.test(key)) return { type: 'task', label };
  if (/^(tinh hinh|ket qua) (thuc hien|trien khai)\b/.test(key) && !/\d{4}/.test(key)) return { type: 'progress', label };
  return { type: 'other', label };
}

function scoreRow(view: SheetView, r: number, report: Period): number {
  let score = 0;
  for (let c = 0; c < view.colCount; c++) {
    // A merged area counts once: a title merged across the sheet that names the year is one period text, not one
    // per column it covers (field case F6b: the whole file was refused).
    if (view.isMergedTail(r, c)) continue;
    const key = toMatchKey(view.text(r, c));
    if (!key) continue;
    if (NAME.test(key) || TASK.test(key) || /^(chi tieu|noi dung|ten chi tieu)\b/.test(key)) score += 3;
    else if (UNIT.test(key) || PROGRESS.test(key)) score += 2;
    else if (STT.test(key) || CODE.test(key) || NOTE.test(key)) score += 1;
    else if (key.length < 60 && parsePeriodHeader(view.text(r, c), report)?.type === 'value') score += 1;
  }
  return score;
}

/**
 * Finds the header in the first 40 rows: the first row naming the indicator (or task) column together with a unit,
 * number or period column, extended down over merged cells and sub-header rows.
 * @returns null when the sheet has no recognisable header
 */
export function findHeader(view: SheetView, report: Period): HeaderLayout | null {
  let start = -1;
  const limit = Math.min(view.rowCount, 40);
  for (let r = 0; r < limit; r++) {
    if (view.isHiddenRow(r)) continue;
    if (scoreRow(view, r, report) >= 4) {
      start = r;
      break;
    }
  }
  if (start < 0) return null;
  let end = start;
  // Extend over merges that start in the band and reach lower.
  for (let changed = true; changed; ) {
    changed = false;
    for (const m of view.sheet.merges) {
      if (m.s.r >= start && m.s.r <= end && m.e.r > end && m.e.r - start < 6) {
        end = m.e.r;
        changed = true;
      }
    }
  }
  // Extend over sub-header rows: text only, no name in the name column, period or header words in them.
  for (let guard = 0; guard < 3 && end + 1 < view.rowCount; guard++) {
    const r = end + 1;
    let texts = 0;
    let headerish = 0;
    let numbers = 0;
    for (let c = 0; c < view.colCount; c++) {
      const cell = view.cell(r, c);
      if (!cell) continue;
      if (cell.t === 'n') numbers++;
      const t = view.ownText(r, c);
      if (!t) continue;
      texts++;
      const role = classify(t, report);
      if (role.type !== 'other' || /^(thuc hien|uoc|ke hoach|so sanh|cung ky)/.test(toMatchKey(t))) headerish++;
    }
    if (numbers === 0 && texts > 0 && headerish >= Math.max(1, Math.ceil(texts / 2))) end = r;
    else break;
  }
  const columns: ColumnRole[] = [];
  for (let c = 0; c < view.colCount; c++) columns.push(classify(columnLabel(view, start, end, c), report));
  // A band title over several columns ("Năm 2024" over "Kế hoạch | Thực hiện") is part of each label already; a
  // column named only by its bottom text is classified again from that text when the joined label said nothing.
  for (let c = 0; c < columns.length; c++) {
    if (columns[c]!.type === 'other') {
      const bottom = view.text(end, c);
      if (bottom) {
        const again = classify(bottom, report);
        if (again.type !== 'other') columns[c] = again;
      }
    }
  }
  let dataStart = end + 1;
  // Skip a column-numbering row: "(1) (2) (3)", "A B 1 2 3".
  if (dataStart < view.rowCount) {
    const texts = view.rowTexts(dataStart).filter((t) => t !== '');
    if (texts.length >= 3 && texts.every((t) => NUMBERING.test(t) || /^[A-Z]$/.test(t))) dataStart++;
  }
  const has = (t: ColumnRole['type']) => columns.some((c) => c.type === t);
  if (!has('name') && !has('task') && !has('code')) {
    // A name column left without a header ("", "ĐVT", "TH 6T/2025" ...): the first column before the figures whose
    // cells below are mostly words.
    const firstValue = columns.findIndex((c) => c.type === 'value');
    for (let c = 0; c < (firstValue < 0 ? columns.length : firstValue); c++) {
      if (columns[c]!.type !== 'other') continue;
      let words = 0;
      let filled = 0;
      for (let r = dataStart; r < Math.min(view.rowCount, dataStart + 30); r++) {
        const cell = view.cell(r, c);
        if (!cell) continue;
        filled++;
        if (cell.t === 's' && /\p{L}{2,}.*\s.*\p{L}{2,}/u.test(String(cell.v))) words++;
      }
      if (filled > 0 && words / filled >= 0.6) {
        columns[c] = { type: 'name', label: columns[c]!.label };
        break;
      }
    }
  }
  const isTaskSheet = has('task') && (has('progress') || has('status'));
  if (!isTaskSheet) {
    // In a sheet of figures, "Kết quả thực hiện" is the figure of the period received, not a progress text.
    for (let c = 0; c < columns.length; c++) {
      const r = columns[c]!;
      if (r.type === 'progress') columns[c] = { type: 'value', label: r.label, period: report.id, kind: 'actual', explicit: false };
    }
  }
  if (!has('name') && !has('task') && !has('code')) return null;
  return { start, end, dataStart, columns, isTaskSheet };
}
