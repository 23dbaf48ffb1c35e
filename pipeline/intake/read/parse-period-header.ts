// Intake stage: reads which period and which kind of figure a free-form column header means ("Năm 2023",
// "Thực hiện 6 tháng năm 2024", "Ước thực hiện 6 tháng năm 2024", "Kế hoạch năm 2024", "Cùng kỳ", "2021").
import { parsePeriod, previousSamePeriod, type Period } from '../../shared/parse-period.ts';
import { toMatchKey } from '../../shared/to-match-key.ts';

/** Kind of figure a column holds. */
export type ValueKind = 'actual' | 'estimate' | 'plan';

/** What a header means: a period and kind, a comparison column to ignore, or a period we do not support. */
export type PeriodHeader =
  | { type: 'value'; period: string; kind: ValueKind; explicit: boolean }
  | { type: 'comparison' }
  | { type: 'unsupported'; reason: string };

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

// Comparison columns (ratios and differences between two periods) are computed, not reported figures.
const COMPARISON = /(so sanh|so voi|tang giam|tang \/ giam|ty le hoan thanh|muc do hoan thanh|\bth \/ kh\b|\bth kh\b|\bkh \/|\/ kh\b|\/ ck\b|\bck \/)/;

// Columns about the figures rather than figures: "Ngày số liệu", "Nguồn số liệu", "Ghi chú", "Cơ quan cung cấp số
// liệu", "Thời điểm số liệu". Their heads name what the column is; "số liệu" after them does not make it a figure column
// (field case F2: a date column was read as figures and raised "text in number cell" on every row). The agency's own
// words ("Thuyết minh", "Nhận xét", "Đánh giá kết quả 6 tháng năm 2024") are text too, read by the report stage
// (read-agency-texts.ts); "Đánh giá thực hiện năm 2024" is a figure column (an estimate), as budget forms use it.
const ABOUT_FIGURES =
  /^ (ngay|thoi diem|thoi gian|nguon|ghi chu|chu thich|co quan|don vi bao cao|don vi cung cap|don vi thuc hien|nguoi|can cu|phuong phap|cach tinh|giai trinh|thuyet minh|nhan xet|y kien|danh gia(?! (uoc )?thuc hien)|link|duong dan|tinh trang|ma) /;

/**
 * Parses one (possibly multi-row, joined) header label. Only a header that names a period or a kind of figure makes a
 * figure column; one that names a date, a source or a note does not.
 * @param label the header text, rows joined with " "
 * @param report the period being received: fills in the year when the header omits it
 * @returns null when the header says nothing about a period or kind of figure
 */
export function parsePeriodHeader(label: string, report: Period): PeriodHeader | null {
  const raw = label.normalize('NFC');
  // Keep "/" so "TH/KH" can be told from "TH KH"; expand the usual abbreviations.
  let key = ` ${toMatchKey(raw.replace(/\//g, ' SLASH '))} `.replace(/ slash /g, ' / ');
  key = key
    .replace(/ (\d+) t /g, ' $1 thang ')
    .replace(/ (\d+)t /g, ' $1 thang ')
    .replace(/ th /g, ' thuc hien ')
    .replace(/ uth /g, ' uoc thuc hien ')
    .replace(/ kh /g, ' ke hoach ')
    .replace(/ ck /g, ' cung ky ')
    .replace(/\s+/g, ' ');
  if (ABOUT_FIGURES.test(key)) return null;
  if (COMPARISON.test(key) || /%\s*(kh|ck|so)/i.test(raw) || /\(%\)\s*$/.test(raw.trim()) && /(so|\/)/i.test(raw)) {
    return { type: 'comparison' };
  }
  let kind: ValueKind | null = null;
  if (/ uoc /.test(key) || / uoc tinh /.test(key) || / du kien /.test(key) || / du bao /.test(key)) kind = 'estimate';
  else if (/ ke hoach | chi tieu ke hoach | muc tieu nam /.test(key)) kind = 'plan';
  else if (/ thuc hien | ket qua | so lieu /.test(key)) kind = 'actual';

  const years = [...key.matchAll(/ (19\d{2}|20\d{2}) /g)].map((m) => Number(m[1]));
  // A window "2021-2025": toMatchKey turns the hyphen into a space.
  const windowMatch = /(19\d{2}|20\d{2})\s*[-–]\s*(19\d{2}|20\d{2})/.exec(raw);
  const year = years.length > 0 ? years[years.length - 1]! : null;
  let period: string | null = null;
  let explicit = false;
  if (/ cung ky /.test(key)) {
    period = previousSamePeriod(report).id;
    explicit = true;
    if (!kind || kind === 'plan') kind = kind ?? 'actual';
  } else if (windowMatch && Number(windowMatch[2]) > Number(windowMatch[1])) {
    period = `${windowMatch[1]}-${windowMatch[2]}`;
    explicit = true;
  } else {
    const y = year ?? report.endYear;
    const quarter = / quy (iv|iii|ii|i|[1-4]) /.exec(key);
    if (/ 9 thang | 10 thang | 11 thang | 2 thang | 4 thang | 5 thang | 7 thang | 8 thang /.test(key)) {
      return { type: 'unsupported', reason: 'kỳ này không phải quý, 6 tháng hay năm' };
    }
    if (/ thang \d{1,2} /.test(key) && !/ \d+ thang /.test(key)) {
      return { type: 'unsupported', reason: 'số liệu theo tháng, không phải theo kỳ báo cáo' };
    }
    if (/ 6 thang cuoi /.test(key)) period = `${y}-H2`;
    else if (/ 6 thang /.test(key)) period = `${y}-H1`;
    else if (/ 3 thang /.test(key)) period = `${y}-Q1`;
    else if (quarter) period = `${y}-Q${ROMAN[quarter[1]!]}`;
    else if (year !== null) period = String(year);
    else if (/ (ca nam|nam) /.test(key) && kind) period = String(report.endYear);
    explicit = period !== null;
    if (period === null && kind) {
      // "Thực hiện", "Ước thực hiện" alone mean the period being received; "Kế hoạch" alone is the year's plan.
      period = kind === 'plan' && report.kind !== 'window' ? String(report.endYear) : report.id;
    }
  }
  if (period === null) return null;
  try {
    parsePeriod(period);
  } catch {
    return { type: 'unsupported', reason: `không hiểu kỳ "${period}"` };
  }
  return { type: 'value', period, kind: kind ?? 'actual', explicit };
}
