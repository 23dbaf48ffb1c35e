// Intake stage: where things are in the department's own form, shared by the writer (`kehoach forms`) and the
// reader, so a returned form is read exactly as it was written.

/** Name of the very hidden sheet that carries the form's identity. */
export const FORM_META_SHEET = '_kehoach';
/** Marker value of the `form` key: a workbook with it is one of our forms. */
export const FORM_MARKER = 'kehoach-bieu-mau-v1';
/** Sheet of indicators. */
export const FORM_VALUES_SHEET = 'Chỉ tiêu';
/** Sheet of tasks. */
export const FORM_TASKS_SHEET = 'Nhiệm vụ';
/** 1-based header row of both sheets; data starts on the next row. */
export const FORM_HEADER_ROW = 6;

/** 0-based columns of the indicator sheet. */
export const FORM_VALUE_COLUMNS = { stt: 0, code: 1, name: 2, unit: 3, plan: 4, actual: 5, estimate: 6, note: 7 } as const;
/** 0-based columns of the task sheet. */
export const FORM_TASK_COLUMNS = { stt: 0, code: 1, title: 2, deadline: 3, status: 4, progress: 5, note: 6 } as const;

/** Status choices offered in the task sheet, with the code each stands for. */
export const FORM_TASK_STATUSES = [
  ['Hoàn thành', 'hoan_thanh'],
  ['Đang thực hiện', 'dang_thuc_hien'],
  ['Chưa thực hiện', 'chua_thuc_hien'],
] as const;

/** The identity a form carries. */
export interface FormIdentity {
  agency: string;
  period: string;
}
