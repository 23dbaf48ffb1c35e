// Intake stage: turns one value cell of a matched row into a staged value in the indicator's unit, or a problem.
import { parsePeriod, type Period } from '../../shared/parse-period.ts';
import { convertUnit, isBlankUnit, isKnownUnit, normalizeUnit } from '../match/convert-unit.ts';
import type { RegistryIndicator } from '../match/load-intake-registry.ts';
import type { ValueKind } from './parse-period-header.ts';
import { readCellNumber, readNumberText } from './read-cell-number.ts';
import type { RawCell } from '../parse/raw-workbook.ts';
import type { IntakeProblem, ReadContext, StagedValueDraft } from './sheet-reading.ts';

// Parsed once per distinct period id: every value cell of a column has the same one.
const periods = new Map<string, Period>();

/** One value cell and what is known about its row and column. */
export interface ValueCellInput {
  cell: RawCell;
  indicator: RegistryIndicator;
  period: string;
  kind: ValueKind;
  /** Unit the agency wrote for the row (unit column, name, or the sheet's "Đơn vị tính"), null if none. */
  unitText: string | null;
  sheet: string;
  row: number;
  column: string;
  /** The whole row as texts, built only when a problem needs it. */
  rowData: () => string[];
  note: string | null;
}

/**
 * Reads the cell, converts it to the indicator's unit and checks its period.
 * @returns the draft, or the problem that keeps it out
 */
export function readValueCell(input: ValueCellInput, ctx: ReadContext): StagedValueDraft | IntakeProblem {
  const cell = `${input.column}${input.row}`;
  const where = () => ({
    file: ctx.fileName,
    sheet: input.sheet,
    row: input.row,
    column: input.column,
    cell,
    rowData: input.rowData(),
  });
  let num = readCellNumber(input.cell, ctx.numberStyle);
  let unitText = input.unitText;
  if (!num.ok && num.code === 'text-in-number-cell' && input.cell.t === 's') {
    // "1.520 tỷ đồng": a number followed by a unit we know is a number in that unit, not words.
    const m = /^\s*([-\u2212]?[\d.,]+)\s*([^\d\s].*?)\s*$/.exec(String(input.cell.v));
    if (m && isKnownUnit(m[2]!, input.indicator.unit)) {
      const inner = readNumberText(m[1]!, ctx.numberStyle);
      if (inner.ok) {
        num = { ...inner, text: num.text };
        unitText = m[2]!;
      }
    }
  }
  if (!num.ok) {
    return { ...where(), code: num.code, severity: 'error', message: `${input.indicator.name}: ${num.message}`, action: num.action, value: num.text };
  }
  // "(47,5)": an accountant's negative. Most indicators cannot be negative, and a bracket is also how a note or a
  // rank is written: refused with its cell rather than stored as -47,5 (issue 12 review, finding 6).
  if (input.cell.t === 's' && /^\s*\(.*\)\s*$/.test(String(input.cell.v))) {
    return {
      ...where(),
      code: 'ambiguous-number',
      severity: 'error',
      message: `${input.indicator.name}: ô ghi "${String(input.cell.v).trim()}" trong ngoặc đơn: theo cách viết kế toán là số âm (${num.value}), nhưng cũng có thể là ghi chú; số này không được nạp.`,
      action: 'Ghi số âm bằng dấu trừ (ví dụ -47,5), hoặc ghi số dương nếu không phải số âm, rồi gửi lại.',
      value: num.text,
    };
  }
  const target = input.indicator.unit;
  let value = num.value;
  let unitUsed = unitText;
  if (num.percent) {
    // "92,75%" or a %-formatted cell: the figure is in %, whatever the unit column says.
    unitUsed = '%';
  }
  let note = input.note;
  if (!isBlankUnit(unitUsed) && normalizeUnit(unitUsed!) !== normalizeUnit(target)) {
    const conv = convertUnit(value, unitUsed!, target, { indicatorName: input.indicator.name });
    if (!conv.ok) {
      return {
        ...where(),
        code: 'unit-mismatch',
        severity: 'error',
        message: `${input.indicator.name}: số liệu ghi đơn vị "${unitUsed}", chỉ tiêu tính bằng "${target}" và hai đơn vị không quy đổi được.`,
        action: `Ghi số liệu theo đơn vị "${target}" hoặc sửa lại đơn vị tính của dòng.`,
        value: num.text,
      };
    }
    value = conv.value;
    const how = conv.impliedDenominator
      ? `ghi "${unitUsed}", hiểu là ${target} (mẫu số "${conv.impliedDenominator}" đã nằm trong tên hoặc đơn vị của chỉ tiêu)`
      : `đổi từ ${unitUsed} sang ${target}`;
    note = [note, how].filter(Boolean).join('; ');
  }
  let period = periods.get(input.period);
  try {
    if (!period) periods.set(input.period, (period = parsePeriod(input.period)));
  } catch {
    return { ...where(), code: 'wrong-period', severity: 'error', message: `Không hiểu kỳ "${input.period}" của cột.`, action: 'Ghi rõ kỳ ở tiêu đề cột.', value: num.text };
  }
  if (input.kind === 'actual' && period.start > ctx.period.end) {
    return {
      ...where(),
      code: 'wrong-period',
      severity: 'error',
      message: `${input.indicator.name}: cột ghi số thực hiện của ${period.label}, sau kỳ báo cáo ${ctx.period.label}.`,
      action: 'Kiểm tra lại tiêu đề cột (thực hiện, ước thực hiện hay kế hoạch) và kỳ của số liệu.',
      value: num.text,
    };
  }
  const range = checkRange(value, input, ctx);
  if (range) return { ...where(), ...range, value: num.text };
  return {
    indicator: input.indicator.code,
    period: period.id,
    kind: input.kind,
    value,
    valueText: num.text,
    unitText: unitUsed ?? null,
    sheet: input.sheet,
    cell,
    row: input.row,
    note,
  };
}

// A share cannot pass 100 % (tỷ lệ, tỷ trọng, cơ cấu of a whole); a rate of growth or a ratio to a target can.
const SHARE_NAME = /^(tỷ lệ|tỷ trọng|cơ cấu|độ che phủ|tỉ lệ)(?=\s|$)/i;
const SHARE_EXCEPTIONS = /(tăng|giảm|so với|so cùng kỳ|hoàn thành kế hoạch)/i;
// A figure this many times the last period's, or this many times smaller, is a decimal-mark or unit slip, not growth
// (a thousandfold slip compared with a whole year from a half-year file is still about 500 times).
const SLIP_FACTOR = 300;

/**
 * The range check (issue: flag rather than store): a share over 100 %, or a figure hundreds of times the last
 * period's. Returns the problem fields, or null when the value is plausible.
 */
function checkRange(value: number, input: ValueCellInput, ctx: ReadContext): Pick<IntakeProblem, 'code' | 'severity' | 'message' | 'action'> | null {
  const ind = input.indicator;
  if (normalizeUnit(ind.unit) === '%' && SHARE_NAME.test(ind.name) && !SHARE_EXCEPTIONS.test(ind.name) && (value > 100 || value < 0)) {
    return {
      code: 'out-of-range',
      severity: 'error',
      message: `${ind.name}: tỷ lệ ${String(value).replace('.', ',')} % nằm ngoài khoảng 0-100 %, nên không được nạp (có thể nhầm dấu thập phân hoặc đơn vị).`,
      action: 'Kiểm tra lại số liệu và cách viết số (dấu phẩy thập phân), rồi gửi lại.',
    };
  }
  const last = input.kind === 'plan' ? null : ctx.previousValue?.(ind.code);
  if (last && last.value !== 0 && value !== 0) {
    const ratio = Math.abs(value / last.value);
    if (ratio >= SLIP_FACTOR || ratio <= 1 / SLIP_FACTOR) {
      return {
        code: 'out-of-range',
        severity: 'error',
        message: `${ind.name}: số ${String(value).replace('.', ',')} ${ind.unit} gấp ${ratio >= 1 ? Math.round(ratio) : `1/${Math.round(1 / ratio)}`} lần số kỳ ${last.period} (${String(last.value).replace('.', ',')}), nên không được nạp: có thể nhầm dấu thập phân hoặc đơn vị.`,
        action: `Kiểm tra lại số liệu, dấu thập phân và đơn vị tính (${ind.unit}), rồi gửi lại.`,
      };
    }
  }
  return null;
}

/** Guard telling a draft from a problem. */
export function isValueDraft(x: StagedValueDraft | IntakeProblem): x is StagedValueDraft {
  return (x as StagedValueDraft).indicator !== undefined && (x as IntakeProblem).code === undefined;
}
