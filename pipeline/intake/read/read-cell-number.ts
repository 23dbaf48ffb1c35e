// Intake stage: reads one value cell as a number, the Vietnamese way, or says exactly why it cannot.
import { parseVietnameseNumber, VietnameseNumberError } from '../../registry/parse-vietnamese-number.ts';
import type { ProblemCode } from '../../shared/data-problem.ts';
import type { RawCell } from '../parse/raw-workbook.ts';

/** A number read from a cell. `percent` is true when the cell said "%" (format or text): the value is then in %. */
export interface CellNumber {
  ok: true;
  value: number;
  /** The cell as the agency sees it ("92,75%", "1.245,8", "0.9275 [0.00%]"). */
  text: string;
  percent: boolean;
}

/** A cell that is not a usable number, with the problem to report. */
export interface CellNumberProblem {
  ok: false;
  code: ProblemCode;
  text: string;
  message: string;
  action: string;
}

/** Text of a cell as the agency typed or sees it, for messages and `value_text`. */
export function cellText(cell: RawCell | null | undefined): string {
  if (!cell) return '';
  if (cell.t === 'n') {
    const v = cell.v as number;
    if (cell.z && cell.z.includes('%')) return `${formatVi(v * 100)}%`;
    return formatVi(v);
  }
  if (cell.t === 'e' && cell.f) return `=${cell.f}`;
  return String(cell.v);
}

function formatVi(n: number): string {
  return String(Math.round(n * 1e9) / 1e9).replace('.', ',');
}

const PERCENT_FORMAT = /%/;

/** True for a date or time number format ("dd/mm/yyyy", "m/d/yy h:mm"); quoted text and colours do not count. */
export function isDateFormat(z: string): boolean {
  const bare = z.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  if (/^general$/i.test(bare.trim())) return false;
  return /[dmyhs]/i.test(bare.replace(/[eE][+-]/g, ''));
}

/**
 * Reads a value cell. Numbers pass; "%"-formatted numbers become percent (0.9275 -> 92.75); text is read with
 * `parseVietnameseNumber` ("1.245,8", "9,5", "92,75%", "3.250"); words ("x", "-", "Đạt", "Khoảng 40") and formulas
 * without a cached result are problems, never guesses.
 */
export function readCellNumber(cell: RawCell): CellNumber | CellNumberProblem {
  const text = cellText(cell);
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number;
      if (!Number.isFinite(v)) {
        return { ok: false, code: 'type-error', text, message: `Ô có giá trị không phải số hữu hạn ("${text}").`, action: 'Nhập lại số liệu.' };
      }
      if (cell.z && isDateFormat(cell.z)) {
        return {
          ok: false,
          code: 'type-error',
          text,
          message: `Ô định dạng ngày tháng (${cell.z}) nên không rõ là số liệu hay ngày (giá trị lưu: ${text}).`,
          action: 'Định dạng ô là số (Format Cells > Number) và nhập lại số liệu.',
        };
      }
      if (cell.z && PERCENT_FORMAT.test(cell.z.replace(/"[^"]*"/g, ''))) {
        return { ok: true, value: Math.round(v * 100 * 1e10) / 1e10, text, percent: true };
      }
      return { ok: true, value: v, text, percent: false };
    }
    case 's':
      return readNumberText(String(cell.v));
    case 'e':
      if (cell.f) {
        return {
          ok: false,
          code: 'formula-no-cached-value',
          text,
          message: `Ô chứa công thức "=${cell.f}" nhưng tệp không lưu kết quả tính, nên không biết giá trị.`,
          action: 'Mở tệp bằng Excel, để Excel tính lại (F9), lưu rồi gửi lại; hoặc nhập số trực tiếp.',
        };
      }
      return { ok: false, code: 'type-error', text, message: `Ô báo lỗi "${text}" thay vì số liệu.`, action: 'Sửa công thức hoặc nhập số trực tiếp.' };
    case 'b':
      return { ok: false, code: 'type-error', text, message: `Ô chứa giá trị đúng/sai (${text}), không phải số.`, action: 'Nhập số liệu.' };
    case 'd':
      return { ok: false, code: 'type-error', text, message: `Ô chứa ngày tháng (${text}), không phải số.`, action: 'Nhập số liệu, định dạng ô là số.' };
    default: {
      const never: never = cell.t;
      throw new Error(`Loại ô không xác định: ${String(never)}`);
    }
  }
}

/** Reads a number typed as text. Exported for CSV cells and tests. */
export function readNumberText(raw: string): CellNumber | CellNumberProblem {
  const text = raw.normalize('NFC').trim();
  // Spaces (also non-breaking) around a number are layout, not meaning.
  let body = text.replace(/[\u00a0\u202f]/g, ' ').trim();
  let percent = false;
  if (/%$/.test(body)) {
    percent = true;
    body = body.slice(0, -1).trim();
  }
  if (/^\(.*\)$/.test(body)) body = `-${body.slice(1, -1)}`;
  try {
    const value = parseVietnameseNumber(body);
    return { ok: true, value, text, percent };
  } catch (error) {
    if (!(error instanceof VietnameseNumberError)) throw error;
    if (/^[-+\u2212]?[\d.,]+$/.test(body)) {
      return {
        ok: false,
        code: 'ambiguous-number',
        text,
        message: `Không chắc cách đọc số "${text}": ${error.reason}.`,
        action: 'Viết số theo kiểu Việt Nam: dấu phẩy thập phân, dấu chấm ngăn nghìn (ví dụ 1.245,8), hoặc nhập dạng số trong Excel.',
      };
    }
    return {
      ok: false,
      code: 'text-in-number-cell',
      text,
      message: `Ô số liệu chứa chữ "${text}", không phải một con số.`,
      action: 'Ghi một con số vào ô này; lời giải thích (ước, khoảng, đạt...) đưa vào cột ghi chú.',
    };
  }
}
