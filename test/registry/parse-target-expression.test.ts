import { describe, expect, it } from 'vitest';
import {
  parseTargetExpression,
  TargetExpressionError,
  type ParsedTarget,
  type ParseTargetExpressionOptions,
  type TargetOp,
} from '../../pipeline/registry/parse-target-expression.ts';

/** [where it is written, phrase verbatim, options, expected reading] */
type Row = [source: string, text: string, opts: ParseTargetExpressionOptions, expected: ParsedTarget];
/** [where it is written, phrase verbatim, options, part of the reason the error must give] */
type Refusal = [source: string, text: string, opts: ParseTargetExpressionOptions, reason: string];

function t(
  op: TargetOp,
  lo: number | null,
  hi: number | null,
  unit: string | null,
  extra: Partial<ParsedTarget> = {},
): ParsedTarget {
  return { op, lo, hi, unit, perYear: false, change: null, approxQualifier: false, share: null, ...extra };
}

const APPROX = { approxQualifier: true };
const DOWN_PER_YEAR = { change: 'decrease', perYear: true } as const;
const PCT = { unit: '%' };

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

// 000 = 434/KH-UBND (22/02/2023), Phụ lục I "Các chỉ tiêu cụ thể đến năm 2030": the cell of the "Đến năm 2030"
// column, with the "Đơn vị" column passed as opts.unit. Cells as extracted (line breaks inside cells are extraction
// artefacts; a few rows keep them to show they do not matter):
//   STT 1 "Trên 10" (%), "Trên 9,5" (%); STT 2.a "19-20", "32-33", "42-43"; STT 2.b "17-18", "33-35", "43-45" (%);
//   STT 3 "Trên 110" (Triệu đồng); STT 4 "Trên 7.800" (Tỷ đồng); STT 5 "Khoảng 50-52" (%); STT 6 "Khoảng 90",
//   "Khoảng 30" (%); STT 7 "Khoảng 6,5"; STT 8 "Khoảng 45"; STT 9 "Khoảng trên 60"; STT 10 "3-4" (%, indicator
//   "Tỷ lệ hộ nghèo giảm bình quân/năm"); STT 11 "Trên 60", "Trên 80", "Trên 65", "Trên 65"; STT 12 "40" (Giường
//   bệnh); STT 13 "12" (Bác sĩ); STT 14 "100"; STT 15 "64"; STT 16 "96"; STT 17 "99"; STT 18 "95"; STT 19, 20 "100".
//   Running text II.2.a: "Phấn đấu đến năm 2030 sản xuất dược liệu đóng góp khoảng 10% tổng giá trị sản xuất ngành
//   nông nghiệp của tỉnh".
const DOC_000: Row[] = [
  ['000 PL I STT 1', 'Trên 10', PCT, t('gt', 10, null, '%')],
  ['000 PL I STT 1', 'Trên\n10', PCT, t('gt', 10, null, '%')],
  ['000 PL I STT 1', 'Trên 9,5', PCT, t('gt', 9.5, null, '%')],
  ['000 PL I STT 2.a', '19-20', PCT, t('range', 19, 20, '%')],
  ['000 PL I STT 2.a', '32-33', PCT, t('range', 32, 33, '%')],
  ['000 PL I STT 2.a', '42-43', PCT, t('range', 42, 43, '%')],
  ['000 PL I STT 2.b', '17-18', PCT, t('range', 17, 18, '%')],
  ['000 PL I STT 2.b', '33-35', PCT, t('range', 33, 35, '%')],
  ['000 PL I STT 2.b', '43-45', PCT, t('range', 43, 45, '%')],
  ['000 PL I STT 3', 'Trên 110', { unit: 'Triệu đồng' }, t('gt', 110, null, 'triệu đồng')],
  ['000 PL I STT 3', 'Trên\n110', { unit: 'Triệu\nđồng' }, t('gt', 110, null, 'triệu đồng')],
  ['000 PL I STT 4', 'Trên 7.800', { unit: 'Tỷ đồng' }, t('gt', 7800, null, 'tỷ đồng')],
  ['000 PL I STT 5', 'Khoảng 50-52', PCT, t('approx_range', 50, 52, '%', APPROX)],
  ['000 PL I STT 6', 'Khoảng 90', PCT, t('approx', 90, 90, '%', APPROX)],
  ['000 PL I STT 6', 'Khoảng 30', PCT, t('approx', 30, 30, '%', APPROX)],
  ['000 PL I STT 7', 'Khoảng 6,5', PCT, t('approx', 6.5, 6.5, '%', APPROX)],
  ['000 PL I STT 8', 'Khoảng 45', PCT, t('approx', 45, 45, '%', APPROX)],
  ['000 PL I STT 9', 'Khoảng trên 60', PCT, t('gt', 60, null, '%', APPROX)],
  ['000 PL I STT 9', 'Khoảng\ntrên 60', PCT, t('gt', 60, null, '%', APPROX)],
  // The cell alone says nothing of "giảm" or "/năm": those are in the indicator name, which the loader must read.
  ['000 PL I STT 10', '3-4', PCT, t('range', 3, 4, '%')],
  ['000 PL I STT 11', 'Trên 60', PCT, t('gt', 60, null, '%')],
  ['000 PL I STT 11', 'Trên 80', PCT, t('gt', 80, null, '%')],
  ['000 PL I STT 11', 'Trên 65', PCT, t('gt', 65, null, '%')],
  ['000 PL I STT 12', '40', { unit: 'Giường bệnh' }, t('eq', 40, 40, 'giường')],
  ['000 PL I STT 12', '40', { unit: 'Giường\nbệnh' }, t('eq', 40, 40, 'giường')],
  ['000 PL I STT 13', '12', { unit: 'Bác sĩ' }, t('eq', 12, 12, 'bác sĩ')],
  ['000 PL I STT 14', '100', PCT, t('eq', 100, 100, '%')],
  ['000 PL I STT 15', '64', PCT, t('eq', 64, 64, '%')],
  ['000 PL I STT 16', '96', PCT, t('eq', 96, 96, '%')],
  ['000 PL I STT 17', '99', PCT, t('eq', 99, 99, '%')],
  ['000 PL I STT 18', '95', PCT, t('eq', 95, 95, '%')],
  ['000 II.2.a', 'khoảng 10%', {}, t('approx', 10, 10, '%', APPROX)],
  [
    '000 II.2.a',
    'khoảng 10% tổng giá trị sản xuất ngành nông nghiệp của tỉnh',
    {},
    t('approx', 10, 10, '%', APPROX),
  ],
];

// 001 = Nghị quyết HĐND tỉnh, kế hoạch 5 năm 2021-2025, Điều 2 mục 3 and 4. Sentences as written, target cut out:
//   3.1 "GRDP tăng trưởng bình quân giai đoạn 2021-2025 trên 10%/năm"; "tỷ trọng ... đạt 19-20%, ... đạt 32-33%, ...
//   đạt 42-43%"; "GRDP bình quân đầu người 70 triệu đồng trở lên (tương đương trên 3.000 USD)"; "Thu ngân sách ... đạt
//   khoảng 5.000 tỷ đồng vào năm 2025"; "xuất khẩu đạt khoảng 250 triệu USD"; "Tổng vốn đầu tư ... đạt khoảng
//   118.000 tỷ đồng".
//   3.2 "Dân số trung bình đạt 620.000 người"; "tỷ lệ tăng tự nhiên dưới 12‰"; "Tuổi thọ ... đạt trên 68,5 tuổi";
//   "Tỷ lệ hộ nghèo giảm 3-4%/năm"; "ít nhất 05 đơn vị cấp huyện"; "ít nhất 60 xã (70,6% số xã)"; "Tỷ lệ lao động qua
//   đào tạo trên 60% (trong đó, đào tạo nghề trên 44%)"; "Bình quân hàng năm giải quyết việc làm cho khoảng 6.000 lao
//   động (đến năm 2025 đạt khoảng 7.000 lao động)"; "trên 38,4%"; "đạt 30%"; "đạt 25%"; "Mầm non trên 50%, tiểu học
//   trên 70%, trung học cơ sở trên 50%, trung học phổ thông trên 55%"; "đạt 100%"; "đạt 92,4%"; "còn dưới 51‰";
//   "còn dưới 32,5‰"; "dưới 35%"; "dưới 17%"; "đạt 70%"; "đạt 93%"; "đạt 86%"; "đạt 35%"; "trên 99,8%".
//   3.3 "đạt 64%"; "đạt 95%"; "trên 85%"; "trên 90%"; "... đạt tiêu chuẩn môi trường 100%".
//   3.4 "Đến năm 2025, có trên 80% xã, phường, thị trấn mạnh về phong trào toàn dân bảo vệ an ninh Tổ quốc".
//   4.1 "Sâm Ngọc Linh khoảng 4.500 ha, các cây dược liệu khác khoảng 10.000 ha"; "ít nhất 10 sản phẩm"; "phấn đấu
//   đến năm 2025 trồng thêm được 15.000 ha rừng"; "thu ngân sách tại địa bàn đạt trên 5.000 tỷ đồng" (the same
//   revenue is "khoảng 5.000" in 3.1: both are kept, the disagreement is the registry's to show).
//   4.2 "phấn đấu đến năm 2025, có 70% phường, xã, thị trấn có nhà văn hóa".
const DOC_001: Row[] = [
  ['001 3.1', 'trên 10%/năm', {}, t('gt', 10, null, '%', { perYear: true })],
  ['001 3.1', 'bình quân giai đoạn 2021-2025 trên 10%/năm', {}, t('gt', 10, null, '%', { perYear: true })],
  ['001 3.1', 'đạt 19-20%', {}, t('range', 19, 20, '%')],
  ['001 3.1', 'đạt 32-33%', {}, t('range', 32, 33, '%')],
  ['001 3.1', 'đạt 42-43%', {}, t('range', 42, 43, '%')],
  ['001 3.1', '70 triệu đồng trở lên', {}, t('gte', 70, null, 'triệu đồng')],
  ['001 3.1', 'trên 3.000 USD', {}, t('gt', 3000, null, 'USD')],
  ['001 3.1', 'đạt khoảng 5.000 tỷ đồng vào năm 2025', {}, t('approx', 5000, 5000, 'tỷ đồng', APPROX)],
  ['001 3.1', 'khoảng 5.000 tỷ đồng', {}, t('approx', 5000, 5000, 'tỷ đồng', APPROX)],
  ['001 3.1', 'đạt khoảng 250 triệu USD', {}, t('approx', 250, 250, 'triệu USD', APPROX)],
  ['001 3.1', 'đạt khoảng 118.000 tỷ đồng', {}, t('approx', 118000, 118000, 'tỷ đồng', APPROX)],
  ['001 3.2', 'đạt 620.000 người', {}, t('eq', 620000, 620000, 'người')],
  ['001 3.2', 'dưới 12‰', {}, t('lt', null, 12, '‰')],
  ['001 3.2', 'đạt trên 68,5 tuổi', {}, t('gt', 68.5, null, 'tuổi')],
  ['001 3.2', 'giảm 3-4%/năm', {}, t('range', 3, 4, '%', DOWN_PER_YEAR)],
  ['001 3.2', 'ít nhất 05 đơn vị cấp huyện', {}, t('gte', 5, null, 'huyện')],
  [
    '001 3.2',
    'ít nhất 60 xã (70,6% số xã)',
    {},
    t('gte', 60, null, 'xã', { share: { value: 70.6, unit: '%', of: 'số xã' } }),
  ],
  [
    '001 3.2',
    'có ít nhất 60 xã (70,6% số xã)',
    {},
    t('gte', 60, null, 'xã', { share: { value: 70.6, unit: '%', of: 'số xã' } }),
  ],
  ['001 3.2', 'trên 60%', {}, t('gt', 60, null, '%')],
  ['001 3.2', 'trên 44%', {}, t('gt', 44, null, '%')],
  ['001 3.2', 'khoảng 6.000 lao động', {}, t('approx', 6000, 6000, 'lao động', APPROX)],
  [
    '001 3.2',
    'bình quân hàng năm khoảng 6.000 lao động',
    {},
    t('approx', 6000, 6000, 'lao động', { ...APPROX, perYear: true }),
  ],
  ['001 3.2', 'đến năm 2025 đạt khoảng 7.000 lao động', {}, t('approx', 7000, 7000, 'lao động', APPROX)],
  ['001 3.2', 'trên 38,4%', {}, t('gt', 38.4, null, '%')],
  ['001 3.2', 'đạt 30%', {}, t('eq', 30, 30, '%')],
  ['001 3.2', 'đạt 25%', {}, t('eq', 25, 25, '%')],
  ['001 3.2', 'trên 50%', {}, t('gt', 50, null, '%')],
  ['001 3.2', 'trên 70%', {}, t('gt', 70, null, '%')],
  ['001 3.2', 'trên 55%', {}, t('gt', 55, null, '%')],
  ['001 3.2', 'đạt 100%', {}, t('eq', 100, 100, '%')],
  ['001 3.2', 'đạt 92,4%', {}, t('eq', 92.4, 92.4, '%')],
  ['001 3.2', 'còn dưới 51‰', {}, t('lt', null, 51, '‰')],
  ['001 3.2', 'còn dưới 32,5‰', {}, t('lt', null, 32.5, '‰')],
  ['001 3.2', 'dưới 35%', {}, t('lt', null, 35, '%')],
  ['001 3.2', 'dưới 17%', {}, t('lt', null, 17, '%')],
  ['001 3.2', 'đạt 70%', {}, t('eq', 70, 70, '%')],
  ['001 3.2', 'đạt 93%', {}, t('eq', 93, 93, '%')],
  ['001 3.2', 'đạt 86%', {}, t('eq', 86, 86, '%')],
  ['001 3.2', 'đạt 35%', {}, t('eq', 35, 35, '%')],
  ['001 3.2', 'trên 99,8%', {}, t('gt', 99.8, null, '%')],
  ['001 3.3', 'đạt 64%', {}, t('eq', 64, 64, '%')],
  ['001 3.3', 'đạt 95%', {}, t('eq', 95, 95, '%')],
  ['001 3.3', 'trên 85%', {}, t('gt', 85, null, '%')],
  ['001 3.3', 'trên 90%', {}, t('gt', 90, null, '%')],
  ['001 3.3', '100%', {}, t('eq', 100, 100, '%')],
  ['001 3.4', 'có trên 80%', {}, t('gt', 80, null, '%')],
  [
    '001 3.4',
    'Đến năm 2025, có trên 80% xã, phường, thị trấn mạnh về phong trào toàn dân bảo vệ an ninh Tổ quốc',
    {},
    t('gt', 80, null, '%'),
  ],
  ['001 4.1.a', 'khoảng 4.500 ha', {}, t('approx', 4500, 4500, 'ha', APPROX)],
  ['001 4.1.a', 'khoảng 10.000 ha', {}, t('approx', 10000, 10000, 'ha', APPROX)],
  ['001 4.1.a', 'ít nhất 10 sản phẩm', {}, t('gte', 10, null, 'sản phẩm')],
  ['001 4.1.a', '15.000 ha', {}, t('eq', 15000, 15000, 'ha')],
  ['001 4.1.a', 'thêm được 15.000 ha', {}, t('eq', 15000, 15000, 'ha', { change: 'increase' })],
  ['001 4.1.d', 'đạt trên 5.000 tỷ đồng', {}, t('gt', 5000, null, 'tỷ đồng')],
  ['001 4.2', 'có 70% phường, xã, thị trấn có nhà văn hóa', {}, t('eq', 70, 70, '%')],
  ['001 4.2', 'phấn đấu đến năm 2025, có 70%', {}, t('eq', 70, 70, '%')],
];

// 002 = 15-NQ/TU (06/7/2022), mục II.1, targets of the second half of 2022:
//   1.1 "Tốc độ tăng trưởng GRDP của tỉnh tăng từ 10,3% trở lên"; "Thu ngân sách ... trên 1.700 tỷ đồng"; "Tổng vốn
//   đầu tư toàn xã hội đạt từ 12.650 tỷ đồng trở lên (trong đó vốn đầu tư khu vực tư nhân trên 8.250 tỷ đồng)";
//   "Thành lập mới 110 doanh nghiệp trở lên"; "Diện tích trồng mới: Cây ăn quả 2.250 ha; cây Mắc ca 780 ha; Sâm Ngọc
//   Linh 490 ha; cây dược liệu khác 1.610 ha"; "Phấn đấu có thêm 08 xã đạt chuẩn nông thôn mới".
//   1.2 "Giải quyết việc làm cho 2.500 lao động trở lên"; "đạt 92,75%"; "đạt 97,06%"; "đạt 97,18%".
//   1.3 "đạt từ 90% trở lên"; "đạt từ 80% trở lên". 1.4 "Kết nạp trên 525 đảng viên"; "đạt trên 85%".
//   2.1 "phấn đấu đến hết quý III giải ngân đạt 70%".
const DOC_002: Row[] = [
  ['002 II.1.1', 'tăng từ 10,3% trở lên', {}, t('gte', 10.3, null, '%', { change: 'increase' })],
  ['002 II.1.1', 'trên 1.700 tỷ đồng', {}, t('gt', 1700, null, 'tỷ đồng')],
  ['002 II.1.1', 'đạt từ 12.650 tỷ đồng trở lên', {}, t('gte', 12650, null, 'tỷ đồng')],
  ['002 II.1.1', 'từ 12.650 tỷ đồng trở lên', {}, t('gte', 12650, null, 'tỷ đồng')],
  ['002 II.1.1', 'trên 8.250 tỷ đồng', {}, t('gt', 8250, null, 'tỷ đồng')],
  ['002 II.1.1', '110 doanh nghiệp trở lên', {}, t('gte', 110, null, 'doanh nghiệp')],
  ['002 II.1.1', '2.250 ha', {}, t('eq', 2250, 2250, 'ha')],
  ['002 II.1.1', '780 ha', {}, t('eq', 780, 780, 'ha')],
  ['002 II.1.1', '490 ha', {}, t('eq', 490, 490, 'ha')],
  ['002 II.1.1', '1.610 ha', {}, t('eq', 1610, 1610, 'ha')],
  ['002 II.1.1', 'Phấn đấu có thêm 08 xã', {}, t('eq', 8, 8, 'xã', { change: 'increase' })],
  ['002 II.1.2', '2.500 lao động trở lên', {}, t('gte', 2500, null, 'lao động')],
  ['002 II.1.2', 'đạt 92,75%', {}, t('eq', 92.75, 92.75, '%')],
  ['002 II.1.2', 'đạt 97,06%', {}, t('eq', 97.06, 97.06, '%')],
  ['002 II.1.2', 'đạt 97,18%', {}, t('eq', 97.18, 97.18, '%')],
  ['002 II.1.3', 'đạt từ 90% trở lên', {}, t('gte', 90, null, '%')],
  ['002 II.1.3', 'đạt từ 80% trở lên', {}, t('gte', 80, null, '%')],
  ['002 II.1.4', 'trên 525 đảng viên', {}, t('gt', 525, null, 'đảng viên')],
  ['002 II.1.4', 'đạt trên 85%', {}, t('gt', 85, null, '%')],
  ['002 II.2.1', 'đạt 70%', {}, t('eq', 70, 70, '%')],
];

// 003 = 3299/CTr-UBND (04/10/2022), targets to 2025 and 2030:
//   "toàn tỉnh có từ 60 xã trở lên đạt chuẩn nông thôn mới, trong đó có 20 xã ... nâng cao và 06 xã ... kiểu mẫu";
//   "phấn đấu có ít nhất 01 thôn đạt chuẩn khu dân cư nông thôn mới kiểu mẫu"; "100% số xã đạt chuẩn 15 tiêu chí trở
//   lên"; "các xã mỗi năm đạt thêm từ 1-2 tiêu chí trở lên"; "100% xã có hợp tác xã hoạt động theo đúng Luật Hợp tác
//   xã"; "Có 04 huyện và thành phố Kon Tum đạt chuẩn nông thôn mới"; "100% hộ dân tộc thiểu số có đất ở, đất sản
//   xuất"; "20% hộ dân tộc thiểu số trở lên tham gia vào hợp tác xã"; "100% thôn, làng có nhà rông truyền thống được
//   sửa chữa, trùng tu định kỳ"; "trên 90% hộ dân tộc thiểu số sử dụng nước sinh hoạt hợp vệ sinh"; "trên 50% số xã
//   đặc biệt khó khăn thoát khỏi diện đặc biệt khó khăn"; (2030) "100% hộ dân tộc thiểu số sử dụng nước sinh hoạt hợp
//   vệ sinh"; "tỷ lệ hộ nghèo ... giảm bình quân từ 3-4%/năm, riêng các huyện nghèo giảm từ 6-8%/năm".
const DOC_003: Row[] = [
  ['003 NTM', 'từ 60 xã trở lên', {}, t('gte', 60, null, 'xã')],
  ['003 NTM', 'có từ 60 xã trở lên', {}, t('gte', 60, null, 'xã')],
  ['003 NTM', 'có 20 xã', {}, t('eq', 20, 20, 'xã')],
  ['003 NTM', '06 xã', {}, t('eq', 6, 6, 'xã')],
  ['003 NTM', 'ít nhất 01 thôn', {}, t('gte', 1, null, 'thôn')],
  ['003 NTM', 'phấn đấu có ít nhất 01 thôn', {}, t('gte', 1, null, 'thôn')],
  ['003 NTM', '100% số xã', {}, t('eq', 100, 100, '%')],
  ['003 NTM', '15 tiêu chí trở lên', {}, t('gte', 15, null, 'tiêu chí')],
  ['003 NTM', '100% xã có hợp tác xã hoạt động theo đúng Luật Hợp tác xã', {}, t('eq', 100, 100, '%')],
  ['003 NTM', 'Có 04 huyện', {}, t('eq', 4, 4, 'huyện')],
  ['003 DTTS', '100% hộ dân tộc thiểu số có đất ở, đất sản xuất', {}, t('eq', 100, 100, '%')],
  ['003 DTTS', '20% hộ dân tộc thiểu số trở lên', {}, t('gte', 20, null, '%')],
  ['003 DTTS', '100% thôn, làng có nhà rông truyền thống được sửa chữa, trùng tu định kỳ', {}, t('eq', 100, 100, '%')],
  ['003 DTTS', 'trên 90% hộ dân tộc thiểu số sử dụng nước sinh hoạt hợp vệ sinh', {}, t('gt', 90, null, '%')],
  ['003 DTTS', 'trên 90%', {}, t('gt', 90, null, '%')],
  [
    '003 DTTS',
    'trên 50% số xã đặc biệt khó khăn thoát khỏi diện đặc biệt khó khăn',
    {},
    t('gt', 50, null, '%'),
  ],
  ['003 DTTS 2030', '100% hộ dân tộc thiểu số sử dụng nước sinh hoạt hợp vệ sinh', {}, t('eq', 100, 100, '%')],
  ['003 giảm nghèo', 'giảm bình quân từ 3-4%/năm', {}, t('range', 3, 4, '%', DOWN_PER_YEAR)],
  ['003 giảm nghèo', 'giảm từ 6-8%/năm', {}, t('range', 6, 8, '%', DOWN_PER_YEAR)],
];

// 004 = Kế hoạch thực hiện 60-CTr/TU (2023), mục I.2.1 and the same targets again in II.1.1-1.7:
//   "GRDP bình quân khoảng trên 9,5%/năm"; "GRDP bình quân đầu người ... đến năm 2030 đạt khoảng trên 110 triệu
//   đồng/người"; "phấn đấu đóng góp của TFP vào tăng trưởng kinh tế khoảng 45%"; "Tỷ lệ lao động làm việc trong khu
//   vực nông, lâm nghiệp, thủy sản dưới 56%"; "tỷ lệ lao động qua đào tạo có bằng, chứng chỉ đạt 52% trở lên";
//   "Tỷ trọng công nghiệp chế biến, chế tạo trong GRDP đạt khoảng trên 25% GRDP"; "tỷ trọng kinh tế số đạt khoảng
//   trên 20% GRDP"; "Tỷ lệ đô thị hóa đạt tối thiểu 45%"; "tỷ lệ độ che phủ rừng đến năm 2030 duy trì 64%".
const DOC_004: Row[] = [
  ['004 I.2.1', 'bình quân khoảng trên 9,5%/năm', {}, t('gt', 9.5, null, '%', { ...APPROX, perYear: true })],
  ['004 I.2.1', 'khoảng trên 9,5%/năm', {}, t('gt', 9.5, null, '%', { ...APPROX, perYear: true })],
  ['004 I.2.1', 'đạt khoảng trên 110 triệu đồng/người', {}, t('gt', 110, null, 'triệu đồng/người', APPROX)],
  [
    '004 I.2.1',
    'đến năm 2030 đạt khoảng trên 110 triệu đồng/người',
    {},
    t('gt', 110, null, 'triệu đồng/người', APPROX),
  ],
  ['004 I.2.1', 'khoảng 45%', {}, t('approx', 45, 45, '%', APPROX)],
  ['004 I.2.1', 'dưới 56%', {}, t('lt', null, 56, '%')],
  ['004 I.2.1', 'đạt 52% trở lên', {}, t('gte', 52, null, '%')],
  ['004 I.2.1', '52% trở lên', {}, t('gte', 52, null, '%')],
  ['004 I.2.1', 'đạt khoảng trên 25% GRDP', {}, t('gt', 25, null, '%', APPROX)],
  ['004 I.2.1', 'đạt khoảng trên 20% GRDP', {}, t('gt', 20, null, '%', APPROX)],
  ['004 I.2.1', 'đạt tối thiểu 45%', {}, t('gte', 45, null, '%')],
  ['004 I.2.1', 'tối thiểu 45%', {}, t('gte', 45, null, '%')],
  ['004 I.2.1', 'đến năm 2030 duy trì 64%', {}, t('eq', 64, 64, '%')],
  ['004 I.2.1', 'duy trì 64%', {}, t('eq', 64, 64, '%')],
];

// Not in the five documents: the other wordings CONVENTIONS-VN.md and the brief name ("không quá", "tối đa",
// "X - Y", "từ X đến Y", "6,6-6,8", "mỗi năm giảm", "tăng bình quân ... /năm"), and spelling variants (case, spaces).
const OTHER_WORDINGS: Row[] = [
  ['brief', 'TRÊN 10%', {}, t('gt', 10, null, '%')],
  ['brief', '  trên   10 %  ', {}, t('gt', 10, null, '%')],
  ['brief', 'Khoảng  50-52', PCT, t('approx_range', 50, 52, '%', APPROX)],
  ['brief', 'khoảng 50 - 52%', {}, t('approx_range', 50, 52, '%', APPROX)],
  ['brief', '19 - 20%', {}, t('range', 19, 20, '%')],
  ['brief', '19–20%', {}, t('range', 19, 20, '%')],
  ['brief', 'từ 19 đến 20%', {}, t('range', 19, 20, '%')],
  ['brief', 'từ 19% đến 20%', {}, t('range', 19, 20, '%')],
  ['conventions', '6,6-6,8', PCT, t('range', 6.6, 6.8, '%')],
  ['brief', 'hơn 10%', {}, t('gt', 10, null, '%')],
  ['brief', 'vượt 10%', {}, t('gt', 10, null, '%')],
  ['brief', 'không dưới 45%', {}, t('gte', 45, null, '%')],
  ['brief', '45% trở lên', {}, t('gte', 45, null, '%')],
  ['brief', 'phấn đấu đạt 45% trở lên', {}, t('gte', 45, null, '%')],
  ['brief', 'tối thiểu 45% trở lên', {}, t('gte', 45, null, '%')],
  ['brief', 'không quá 5%', {}, t('lte', null, 5, '%')],
  ['brief', 'tối đa 5%', {}, t('lte', null, 5, '%')],
  ['brief', 'không vượt quá 5%', {}, t('lte', null, 5, '%')],
  ['brief', '5% trở xuống', {}, t('lte', null, 5, '%')],
  ['brief', 'giảm 1,5%/năm', {}, t('eq', 1.5, 1.5, '%', DOWN_PER_YEAR)],
  ['brief', 'mỗi năm giảm 1,5%', {}, t('eq', 1.5, 1.5, '%', DOWN_PER_YEAR)],
  ['brief', 'mỗi năm giảm 3-4%', {}, t('range', 3, 4, '%', DOWN_PER_YEAR)],
  ['brief', 'hằng năm giảm 2%', {}, t('eq', 2, 2, '%', DOWN_PER_YEAR)],
  ['brief', 'tăng bình quân 8%/năm', {}, t('eq', 8, 8, '%', { change: 'increase', perYear: true })],
  ['brief', 'tăng bình quân trên 8%/năm', {}, t('gt', 8, null, '%', { change: 'increase', perYear: true })],
  ['brief', 'giảm bình quân/năm 3-4%', {}, t('range', 3, 4, '%', DOWN_PER_YEAR)],
  ['brief', 'khoảng dưới 5%', {}, t('lt', null, 5, '%', APPROX)],
  ['brief', 'xấp xỉ 90%', {}, t('approx', 90, 90, '%', APPROX)],
  ['brief', '3-4', { unit: '%/năm' }, t('range', 3, 4, '%', { perYear: true })],
  ['brief', '12', { unit: 'lượt khách' }, t('eq', 12, 12, 'lượt khách')],
  ['brief', 'trên 10', {}, t('gt', 10, null, null)],
  ['brief', '10 ha/năm', {}, t('eq', 10, 10, 'ha', { perYear: true })],
  ['brief', 'trên 1.245,8 tỷ đồng', {}, t('gt', 1245.8, null, 'tỷ đồng')],
  ['brief', 'đạt 0,5%', {}, t('eq', 0.5, 0.5, '%')],
  ['brief', 'trên 10%.', {}, t('gt', 10, null, '%')],
  ['brief', 'trên 9,5% đến năm 2030', {}, t('gt', 9.5, null, '%')],
  ['brief', 'trong năm 2023 đạt 30%', {}, t('eq', 30, 30, '%')],
  ['brief', 'thời kỳ 2021 - 2030 khoảng 6,5%/năm', {}, t('approx', 6.5, 6.5, '%', { ...APPROX, perYear: true })],
  ['brief', 'đạt 5 năm', {}, t('eq', 5, 5, 'năm')],
  ['brief', 'trên 10 km', {}, t('gt', 10, null, 'km')],
  ['brief', '1.000 hộ', {}, t('eq', 1000, 1000, 'hộ')],
  ['brief', 'trên 10%', PCT, t('gt', 10, null, '%')],
  ['brief', 'Trên 110', { unit: ' ' }, t('gt', 110, null, null)],
  // seeds/targets.csv gives per-person units in full; the phrase may name only the money unit, or the reverse.
  ['targets.csv', '70 triệu đồng trở lên', { unit: 'triệu đồng/người' }, t('gte', 70, null, 'triệu đồng')],
  ['targets.csv', 'trên 110 triệu đồng/người', { unit: 'Triệu đồng' }, t('gt', 110, null, 'triệu đồng/người')],
  ['targets.csv', 'từ 1 tiêu chí trở lên', { unit: 'tiêu chí/năm' }, t('gte', 1, null, 'tiêu chí', { perYear: true })],
];

// Phrases of the documents that hold more than one target, or none, or words that change the meaning: they must
// be split or reworded by a person, never read by a guess.
//   001 3.1 "70 triệu đồng trở lên (tương đương trên 3.000 USD)": two targets in two units.
//   001 3.2 "trên 60% (trong đó, đào tạo nghề trên 44%)", "khoảng 6.000 lao động (đến năm 2025 đạt khoảng 7.000 lao
//   động)", "Tỷ suất tử vong trẻ em dưới 5 tuổi còn dưới 51‰" (the indicator name holds a number), "Mầm non trên 50%,
//   tiểu học trên 70%"; 001 4.1 "trồng thêm được 15.000 ha rừng" (a verb of the indicator).
//   002 II.1.1 "đạt từ 12.650 tỷ đồng trở lên (trong đó vốn đầu tư khu vực tư nhân trên 8.250 tỷ đồng)", "Giải ngân
//   hết kế hoạch vốn được giao", "Cây ăn quả 2.250 ha; cây Mắc ca 780 ha"; II.1.5 "phấn đấu hoàn thành ở mức cao nhất".
//   003 "100% số xã đạt chuẩn 15 tiêu chí trở lên", "mỗi năm đạt thêm từ 1-2 tiêu chí trở lên" (a range with "trở
//   lên"), "có 20 xã ... nâng cao và 06 xã ... kiểu mẫu", "Có 04 huyện và thành phố Kon Tum" (4 or 5 units?), "cơ bản
//   không còn xã, thôn thuộc diện đặc biệt khó khăn".
//   004 "phấn đấu đóng góp của TFP vào tăng trưởng kinh tế khoảng 45%", "ít nhất 1 triệu căn hộ" (national scheme).
const DOCUMENT_REFUSALS: Refusal[] = [
  ['001 3.1', '70 triệu đồng trở lên (tương đương trên 3.000 USD)', {}, '"(tương đương trên 3.000 USD)"'],
  ['001 3.2', 'trên 60% (trong đó, đào tạo nghề trên 44%)', {}, 'không phải tỷ lệ kèm theo'],
  ['001 3.2', 'khoảng 6.000 lao động (đến năm 2025 đạt khoảng 7.000 lao động)', {}, 'không phải tỷ lệ kèm theo'],
  ['001 3.2', 'Tỷ suất tử vong trẻ em dưới 5 tuổi còn dưới 51‰', {}, '"tỷ"'],
  ['001 3.2', 'dưới 5 tuổi còn dưới 51‰', {}, 'không nối với nhau'],
  ['001 3.2', 'Mầm non trên 50%, tiểu học trên 70%', {}, '"mầm"'],
  ['001 4.1.a', 'trồng thêm được 15.000 ha rừng', {}, '"trồng"'],
  [
    '002 II.1.1',
    'đạt từ 12.650 tỷ đồng trở lên (trong đó vốn đầu tư khu vực tư nhân trên 8.250 tỷ đồng)',
    {},
    'tách chỉ tiêu trong ngoặc thành dòng riêng',
  ],
  ['002 II.1.1', 'hết kế hoạch vốn được giao', {}, 'không có con số nào'],
  ['002 II.1.1', 'Cây ăn quả 2.250 ha; cây Mắc ca 780 ha', {}, '"cây"'],
  ['002 II.1.5', 'phấn đấu hoàn thành ở mức cao nhất', {}, 'không có con số nào'],
  ['003 NTM', '100% số xã đạt chuẩn 15 tiêu chí trở lên', {}, 'có số hoặc ký tự lạ'],
  ['003 NTM', 'từ 1-2 tiêu chí trở lên', {}, 'không rõ cận nào'],
  ['003 NTM', 'mỗi năm đạt thêm từ 1-2 tiêu chí trở lên', {}, 'không rõ cận nào'],
  ['003 NTM', 'có 20 xã đạt chuẩn nông thôn mới nâng cao và 06 xã', {}, '"chuẩn"'],
  ['003 NTM', 'Có 04 huyện và thành phố Kon Tum', {}, '"và"'],
  ['003 DTTS 2030', 'cơ bản không còn xã, thôn thuộc diện đặc biệt khó khăn', {}, 'không có con số nào'],
  ['004 I.2.1', 'đóng góp của TFP vào tăng trưởng kinh tế khoảng 45%', {}, '"đóng"'],
  ['004 II.11.2', 'ít nhất 1 triệu căn hộ', {}, '"triệu"'],
];

// Texts an agency or a clerk could type that have no single reading.
const OTHER_REFUSALS: Refusal[] = [
  ['empty', '', {}, 'chuỗi rỗng'],
  ['blank', '   ', {}, 'chuỗi rỗng'],
  ['no number', 'trên', {}, 'không có con số nào'],
  ['only a year', 'đến năm 2030', {}, 'không có con số nào'],
  ['two numbers', '10 20', {}, 'không nối với nhau'],
  ['two numbers', 'khoảng 50 hoặc 60%', {}, '"hoặc"'],
  ['three numbers', '1-2-3', {}, 'có 3 con số'],
  ['two comparisons', 'trên 10 dưới 20', {}, 'không nối với nhau'],
  ['contradiction', 'dưới 10% trở lên', {}, 'mâu thuẫn'],
  ['contradiction', 'tối đa 10% trở lên', {}, 'mâu thuẫn'],
  ['reversed range', '20-19%', {}, 'phải nhỏ hơn'],
  ['empty range', '5-5%', {}, 'phải nhỏ hơn'],
  ['range with comparison', 'trên 19-20%', {}, 'không rõ cận nào'],
  ['open "từ"', 'từ 10%', {}, '"từ" phải đi với'],
  ['negation', 'không 50%', {}, '"không"'],
  ['evaluation word', 'chưa đạt 50%', {}, '"chưa"'],
  ['vague word', 'gần 50%', {}, '"gần"'],
  ['up and down', 'tăng giảm 5%', {}, 'vừa "tăng" vừa "giảm"'],
  ['leading dash', '-5%', {}, '"-" không được đứng trước'],
  ['unit before number', '% 50', {}, '"%" không được đứng trước'],
  ['two units', '10%-20 ha', {}, 'đơn vị khác nhau'],
  ['unit disagrees with column', '60 xã', PCT, 'khác đơn vị ghi kèm ("%")'],
  ['unit disagrees with column', 'trên 10 tỷ đồng', { unit: 'triệu đồng/người' }, 'khác đơn vị ghi kèm'],
  ['relative target', '60% so với năm 2020', {}, '"so"'],
  ['base with a comparison', 'trên 50% số xã không đạt chuẩn', {}, 'từ "không"'],
  ['base with per-year', '10% số xã mỗi năm', {}, 'từ "mỗi"'],
  ['bracket not a share', '5% (năm 2025)', {}, 'không phải tỷ lệ kèm theo'],
  ['bracket in the middle', '60 xã (70,6% số xã) đạt chuẩn', {}, 'dấu ngoặc'],
  ['English decimal', 'trên 7.80%', {}, 'số "7.80"'],
  ['English thousands', 'trên 1,245.8 tỷ đồng', {}, 'kiểu tiếng Anh'],
  ['comma or thousands', '12,650 tỷ đồng', {}, 'có thể là số thập phân'],
  ['bad share number', '60 xã (70.6% số xã)', {}, 'số "70.6" trong ngoặc'],
  ['stray comma', 'trên 10, 5%', {}, 'ký tự ","'],
  ['year not after "năm"', 'đến 2030 đạt 50%', {}, '"đến" không được đứng trước'],
];

describe('parseTargetExpression', () => {
  describe('reads every target of 434/KH-UBND (000)', () => {
    it.each<Row>(DOC_000)('%s: "%s"', (_source, text, opts, expected) => {
      expect(parseTargetExpression(text, opts)).toEqual(expected);
    });
  });

  describe('reads every target of the NQ HĐND 2021-2025 (001)', () => {
    it.each<Row>(DOC_001)('%s: "%s"', (_source, text, opts, expected) => {
      expect(parseTargetExpression(text, opts)).toEqual(expected);
    });
  });

  describe('reads every target of 15-NQ/TU (002)', () => {
    it.each<Row>(DOC_002)('%s: "%s"', (_source, text, opts, expected) => {
      expect(parseTargetExpression(text, opts)).toEqual(expected);
    });
  });

  describe('reads every target of 3299/CTr-UBND (003)', () => {
    it.each<Row>(DOC_003)('%s: "%s"', (_source, text, opts, expected) => {
      expect(parseTargetExpression(text, opts)).toEqual(expected);
    });
  });

  describe('reads every target of the 60-CTr/TU plan (004)', () => {
    it.each<Row>(DOC_004)('%s: "%s"', (_source, text, opts, expected) => {
      expect(parseTargetExpression(text, opts)).toEqual(expected);
    });
  });

  describe('reads the other wordings of the conventions', () => {
    it.each<Row>(OTHER_WORDINGS)('%s: "%s"', (_source, text, opts, expected) => {
      expect(parseTargetExpression(text, opts)).toEqual(expected);
    });
  });

  describe('refuses the document phrases that need a person', () => {
    it.each<Refusal>(DOCUMENT_REFUSALS)('%s: "%s"', (_source, text, opts, reason) => {
      const error = errorOf(() => parseTargetExpression(text, opts));
      expect(error).toBeInstanceOf(TargetExpressionError);
      expect(error).toMatchObject({ text, reason: expect.stringContaining(reason) });
    });
  });

  describe('refuses text with no single reading', () => {
    it.each<Refusal>(OTHER_REFUSALS)('%s: "%s"', (_source, text, opts, reason) => {
      const error = errorOf(() => parseTargetExpression(text, opts));
      expect(error).toBeInstanceOf(TargetExpressionError);
      expect(error).toMatchObject({ text, reason: expect.stringContaining(reason) });
    });
  });

  it('words its error in Vietnamese with the text as given', () => {
    const error = errorOf(() => parseTargetExpression('Khoảng  hết'));
    expect(error).toBeInstanceOf(TargetExpressionError);
    expect((error as TargetExpressionError).message).toBe(
      'Không hiểu biểu thức chỉ tiêu "Khoảng  hết": không có con số nào',
    );
  });

  it('keeps the number error as the cause of a bad figure', () => {
    const error = errorOf(() => parseTargetExpression('trên 7.80%'));
    expect((error as TargetExpressionError).cause).toMatchObject({ name: 'VietnameseNumberError', text: '7.80' });
  });

  it('never takes a year after "năm" as the value', () => {
    expect(parseTargetExpression('năm 2025 đạt 2.025 người')).toEqual(t('eq', 2025, 2025, 'người'));
  });
});
