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
  let num = readCellNumber(input.cell);
  let unitText = input.unitText;
  if (!num.ok && num.code === 'text-in-number-cell' && input.cell.t === 's') {
    // "1.520 tỷ đồng": a number followed by a unit we know is a number in that unit, not words.
    const m = /^\s*([-\u2212]?[\d.,]+)\s*([^\d\s].*?)\s*$/.exec(String(input.cell.v));
    if (m && isKnownUnit(m[2]!, input.indicator.unit)) {
      const inner = readNumberText(m[1]!);
      if (inner.ok) {
        num = { ...inner, text: num.text };
        unitText = m[2]!;
      }
    }
  }
  if (!num.ok) {
    return { ...where(), code: num.code, severity: 'error', message: `${input.indicator.name}: ${num.message}`, action: num.action, value: num.text };
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
    const conv = convertUnit(value, unitUsed!, target);
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
    note = [note, `đổi từ ${unitUsed} sang ${target}`].filter(Boolean).join('; ');
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

/** Guard telling a draft from a problem. */
export function isValueDraft(x: StagedValueDraft | IntakeProblem): x is StagedValueDraft {
  return (x as StagedValueDraft).indicator !== undefined && (x as IntakeProblem).code === undefined;
}
