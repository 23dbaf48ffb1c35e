// Desk: the "Chi tiết" of an audit-log line (stored as JSON by recordAudit) as staff read it: Vietnamese labels,
// times in Vietnam time, lists joined, hashes shortened.
import { formatVietnamTime } from '../shared/vietnam-time.ts';
import { formatNumber } from '../shared/format-number.ts';

const LABELS: Record<string, string> = {
  link: 'đường dẫn số',
  expiresAt: 'hết hạn',
  sentName: 'tên tệp gửi',
  storedAs: 'lưu thành',
  bytes: 'dung lượng',
  sha256: 'mã SHA-256',
  sameAsEarlier: 'giống hệt tệp nhận lúc',
  name: 'tên',
  indicator: 'chỉ tiêu',
  scope: 'áp dụng cho',
  reread: 'đọc lại',
  note: 'ghi chú',
  reason: 'lý do',
  released: 'tệp nay được tính',
  result: 'kết quả',
  outputs: 'số tệp lập',
  stages: 'các bước',
  sections: 'đề mục',
};

const RESULTS: Record<string, string> = { ok: 'thành công', partial: 'một phần', failed: 'lỗi' };

function describeValue(key: string, value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? 'không có' : value.map((v) => describeValue(key, v)).join(', ');
  if (typeof value === 'number' && key === 'bytes') return `${formatNumber(value)} byte`;
  if (typeof value !== 'string') return String(value);
  if (key === 'sha256') return `${value.slice(0, 12)}…`;
  if (key === 'result') return RESULTS[value] ?? value;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatVietnamTime(value);
  return value === '' ? 'không có' : value;
}

/** "tên tệp gửi: bao-cao.xlsx; dung lượng: 12.345 byte; …" from the stored JSON; the text itself when not JSON. */
export function describeAuditDetail(detail: string | null): string {
  if (!detail) return '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return detail;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return detail;
  return Object.entries(parsed as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${LABELS[k] ?? k}: ${describeValue(k, v)}`)
    .join('; ');
}
