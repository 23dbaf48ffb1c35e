// Registry stage: which reporting channel an agency belongs to, one home for the rule (review of issue 10, finding 6):
// whether its work on a plan reaches the Sở's report to the UBND tỉnh, or goes up through a channel of its own.
//
// Source of the rule, in the plan documents themselves (../shared/seeds/):
// - 434/KH-UBND, mục III.1-2: "các đơn vị, địa phương được giao nhiệm vụ ... báo cáo kết quả thực hiện về Ủy ban nhân
//   dân tỉnh (qua Sở Kế hoạch và Đầu tư)": the bodies the UBND tỉnh directs (sở, ban, ngành, UBND cấp huyện) report
//   to the UBND through the Sở (since 01/3/2025 Sở Tài chính); 3299/CTr-UBND, mục III and KH 60-CTr/TU, mục III say
//   the same of "các sở, ban ngành, UBND các huyện, thành phố".
// - NQ HĐND 2021-2025, Điều 3: "Giao Ủy ban nhân dân tỉnh; đề nghị Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh";
//   the HĐND and its bodies "giám sát"; "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, các đoàn thể". The courts, the
//   procuracy, the Mặt trận and the đoàn thể are asked (đề nghị), not assigned: they answer to their own bodies.
// - 15-NQ/TU, mục III: the Party's organs (cơ quan tham mưu, giúp việc của Tỉnh ủy, ban cán sự đảng, đảng đoàn, huyện
//   ủy) carry out the Tỉnh ủy's resolution and report to the Tỉnh ủy; a Sở cannot report on them to the Tỉnh ủy.
// - Central bodies (bộ, ngành trung ương) report to the Government (load-seeds already refuses a task only they lead).

/** The channel an agency reports through: `ubnd` is the Sở's reporting scope; every other is outside it. */
export type ReportingChannel = 'ubnd' | 'dang' | 'hdnd' | 'tu_phap' | 'mat_tran_doan_the' | 'trung_uong';

/** What the rule needs of an agency (seeds/agencies.csv `kind` and `parent`). */
export interface ChannelAgency {
  kind: string;
  parent: string | null;
}

/** The channel of each agency kind that decides on its own (seeds/README.md, agencies.csv `kind`). */
const CHANNEL_OF_KIND: Readonly<Record<string, ReportingChannel>> = {
  ubnd_tinh: 'ubnd',
  so: 'ubnd',
  ban: 'ubnd',
  nganh: 'ubnd',
  huyen: 'ubnd',
  doanh_nghiep: 'ubnd',
  tinh_uy: 'dang',
  hdnd: 'hdnd',
  tu_phap: 'tu_phap',
  trung_uong: 'trung_uong',
};

/**
 * The reporting channel of agency `code`. A sở, ban, ngành, district or the UBND itself is `ubnd` (reports to the Sở
 * under the UBND's plan); the Tỉnh ủy `dang`, the HĐND `hdnd`, the court and procuracy `tu_phap`, central bodies
 * `trung_uong`. A group (`nhom`) or a mass organisation / Party board (`doan_the`) takes its parent's channel (Ban
 * Tuyên giáo Tỉnh ủy -> the Tỉnh ủy -> `dang`; "Các sở, ban ngành thuộc tỉnh" -> UBND tỉnh -> `ubnd`); without a parent a
 * `doan_the` is `mat_tran_doan_the` and a group (`nhom`, "Các đơn vị liên quan" of a UBND plan) is `ubnd`. A code the
 * registry does not know is `ubnd`: the plan named it, and staff see it in the report.
 * @param agencies by code
 */
export function findReportingChannel(agencies: ReadonlyMap<string, ChannelAgency>, code: string): ReportingChannel {
  let current: string | null = code;
  for (let i = 0; i < 10 && current; i++) {
    const a = agencies.get(current);
    if (!a) return 'ubnd';
    const own = CHANNEL_OF_KIND[a.kind];
    if (own) return own;
    if (!a.parent) return a.kind === 'doan_the' ? 'mat_tran_doan_the' : 'ubnd';
    current = a.parent;
  }
  return 'ubnd';
}
