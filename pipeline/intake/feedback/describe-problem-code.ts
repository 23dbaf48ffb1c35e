// Intake stage, feedback phase: the Vietnamese name of each problem code, as the agency's clerk reads it in the
// feedback workbook (the stable code stays in a hidden column for programs).
import type { ProblemCode } from '../../shared/data-problem.ts';

const NAMES: Record<ProblemCode, string> = {
  'encoding-error': 'Lỗi bảng mã chữ',
  'blank-header': 'Thiếu tiêu đề cột',
  'duplicate-label': 'Tiêu đề cột trùng nhau',
  'missing-label': 'Thiếu tiêu đề hoặc tên chỉ tiêu',
  'blank-row': 'Dòng trống',
  'duplicate-row': 'Dòng trùng',
  'type-error': 'Ô không phải số',
  'missing-cell': 'Thiếu số liệu',
  'extra-cell': 'Ô thừa ngoài bảng',
  'constraint-error': 'Vượt giới hạn cho phép',
  'legacy-encoding': 'Phông chữ cũ (TCVN3/VNI)',
  'ambiguous-number': 'Số viết không rõ cách đọc',
  'text-in-number-cell': 'Chữ trong ô số liệu',
  'formula-no-cached-value': 'Công thức chưa có kết quả',
  'unknown-indicator': 'Không nhận ra chỉ tiêu',
  'ambiguous-indicator': 'Tên giống nhiều chỉ tiêu',
  'unit-mismatch': 'Đơn vị tính không khớp',
  'wrong-period': 'Sai kỳ báo cáo',
  'hidden-content': 'Nội dung bị ẩn',
  'unknown-agency': 'Không rõ cơ quan gửi',
  'unreadable-file': 'Không đọc được tệp',
  'unsafe-file': 'Tệp không an toàn',
  'duplicate-value': 'Một chỉ tiêu có nhiều số liệu',
  'unknown-task': 'Không nhận ra nhiệm vụ',
  'late-file': 'Gửi muộn',
  'period-closed': 'Kỳ đã chốt số liệu',
  'out-of-range': 'Số liệu bất thường',
  'total-mismatch': 'Số tổng không khớp các phần',
  'needs-confirmation': 'Tên gần đúng, chờ Sở xác nhận',
  'unsupported-layout': 'Bố cục bảng khác biểu mẫu',
  'skipped-entry': 'Mục không được đọc',
  'register-error': 'Sổ nhận tệp ghi sai',
  'agency-mismatch': 'Biểu mẫu của cơ quan khác',
  'indicator-not-followed': 'Chỉ tiêu không do cơ quan theo dõi',
  'fewer-indicators': 'Ít chỉ tiêu hơn lần gửi trước',
  'more-problems': 'Còn nhiều vấn đề khác',
  'seed-error': 'Lỗi danh mục',
  'plan-import-error': 'Lỗi nhập kế hoạch',
};

/** The clerk's name of a problem code; an unknown code (from a newer version) is shown as it is. */
export function describeProblemCode(code: string): string {
  return (NAMES as Record<string, string>)[code] ?? code;
}
