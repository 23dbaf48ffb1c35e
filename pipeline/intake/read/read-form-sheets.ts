// Intake stage: reads the department's own form: identity from its very hidden sheet, figures and task progress
// from the fixed columns the forms command wrote.
import { cellPlace } from './cell-place.ts';
import { toMatchKey } from '../../shared/to-match-key.ts';
import { columnLetter, createSheetView } from './create-sheet-view.ts';
import type { TaskMatcher } from '../match/create-task-matcher.ts';
import type { ColumnRole, HeaderLayout } from './find-header.ts';
import {
  FORM_HEADER_ROW,
  FORM_MARKER,
  FORM_META_SHEET,
  FORM_TASK_COLUMNS,
  FORM_TASKS_SHEET,
  FORM_VALUE_COLUMNS,
  FORM_VALUES_SHEET,
  type FormIdentity,
} from '../forms/form-layout.ts';
import type { RawWorkbook } from '../parse/raw-workbook.ts';
import { readFreeFormSheet } from './read-free-form-sheet.ts';
import { readTaskSheet } from './read-task-sheet.ts';
import { emptyReading, mergeReading, type ReadContext, type SheetReading } from './sheet-reading.ts';

/** The identity embedded in a workbook, or null when it is not one of the department's forms. */
export function readFormIdentity(book: RawWorkbook): FormIdentity | null {
  const meta = book.sheets.find((s) => s.name === FORM_META_SHEET);
  if (!meta) return null;
  const kv = new Map<string, string>();
  for (const row of meta.rows) {
    const k = row[0];
    const v = row[1];
    if (k && v) kv.set(String(k.v), String(v.v));
  }
  if (kv.get('form') !== FORM_MARKER || !kv.get('agency') || !kv.get('period')) return null;
  return { agency: kv.get('agency')!, period: kv.get('period')! };
}

/** Reads the form's sheets. Other sheets in the workbook are left to the caller. */
export function readFormSheets(book: RawWorkbook, ctx: ReadContext, taskMatcher: TaskMatcher): { reading: SheetReading; sheetsRead: string[] } {
  const reading = emptyReading();
  const sheetsRead: string[] = [];
  const values = book.sheets.find((s) => s.name === FORM_VALUES_SHEET);
  const merge = (r: SheetReading) => mergeReading(reading, r);
  if (values) {
    sheetsRead.push(values.name);
    const view = createSheetView(values);
    const columns: ColumnRole[] = [];
    const C = FORM_VALUE_COLUMNS;
    columns[C.stt] = { type: 'stt', label: 'STT' };
    columns[C.code] = { type: 'code', label: 'Mã chỉ tiêu' };
    columns[C.name] = { type: 'name', label: 'Chỉ tiêu' };
    columns[C.unit] = { type: 'other', label: 'Đơn vị tính' };
    columns[C.plan] = { type: 'other', label: 'Kế hoạch' };
    columns[C.actual] = { type: 'value', label: 'Thực hiện', period: ctx.period.id, kind: 'actual', explicit: true };
    columns[C.estimate] = { type: 'value', label: 'Ước thực hiện', period: ctx.period.id, kind: 'estimate', explicit: true };
    columns[C.note] = { type: 'note', label: 'Ghi chú' };
    // The header row is where the form put it, unless someone inserted rows above: then look for it.
    let headerRow = FORM_HEADER_ROW - 1;
    for (let r = 0; r < Math.min(view.rowCount, 30); r++) {
      if (toMatchKey(view.ownText(r, C.code)) === 'ma chi tieu') {
        headerRow = r;
        break;
      }
    }
    const layout: HeaderLayout = { start: headerRow, end: headerRow, dataStart: headerRow + 1, columns, isTaskSheet: false };
    const r = readFreeFormSheet(view, layout, ctx);
    merge(r);
    // A form row left blank is a figure the agency owes: tell it, as a warning (the file still loads).
    const reported = new Set(r.values.map((v) => v.row));
    const problemRows = new Set(r.problems.map((p) => p.row));
    for (let row = layout.dataStart; row < view.rowCount; row++) {
      const code = view.ownText(row, C.code);
      if (!code || !ctx.registry.indicators.has(code)) continue;
      if (reported.has(row + 1) || problemRows.has(row + 1)) continue;
      reading.problems.push({
        ...cellPlace(ctx.fileName, values.name, row + 1, C.actual),
        code: 'missing-cell',
        severity: 'warning',
        message: `Chưa nhập số thực hiện hoặc ước thực hiện của chỉ tiêu "${view.ownText(row, C.name)}".`,
        action: 'Nhập số liệu vào cột Thực hiện hoặc Ước thực hiện; nếu chưa có số liệu, ghi lý do ở cột Ghi chú.',
        rowData: view.rowTexts(row),
      });
    }
  }
  const tasks = book.sheets.find((s) => s.name === FORM_TASKS_SHEET);
  if (tasks) {
    sheetsRead.push(tasks.name);
    const view = createSheetView(tasks);
    const T = FORM_TASK_COLUMNS;
    const columns: ColumnRole[] = [];
    columns[T.stt] = { type: 'stt', label: 'STT' };
    columns[T.code] = { type: 'code', label: 'Mã nhiệm vụ' };
    columns[T.title] = { type: 'task', label: 'Nhiệm vụ' };
    columns[T.deadline] = { type: 'other', label: 'Thời hạn' };
    columns[T.status] = { type: 'status', label: 'Trạng thái' };
    columns[T.progress] = { type: 'progress', label: 'Tình hình thực hiện' };
    columns[T.note] = { type: 'note', label: 'Ghi chú' };
    const layout: HeaderLayout = { start: FORM_HEADER_ROW - 1, end: FORM_HEADER_ROW - 1, dataStart: FORM_HEADER_ROW, columns, isTaskSheet: true };
    merge(readTaskSheet(view, layout, ctx, taskMatcher));
  }
  return { reading, sheetsRead };
}
