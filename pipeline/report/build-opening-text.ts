// Report stage: the opening of a report: the plans it implements cited by số, ngày, issuer and trích yếu, the basis
// of its figures (NĐ 09/2019, Điều 12), and its scope after the 2025 merger of Kon Tum into Quảng Ngãi.
import { formatShortDate } from './format/format-short-date.ts';
import { lowerFirst } from './format/lower-first.ts';
import type { ReportContext } from './report-context.ts';

/** First day of the merged province (Nghị quyết số 202/2025/QH15). */
const MERGER_DATE = '2025-07-01';

/** The trích yếu: "Tình hình thực hiện ... 6 tháng đầu năm 2024", "Sơ kết giai đoạn 2021-2023 ...", "Tổng kết ...". */
export function reportSummary(ctx: ReportContext): string {
  const { kind, period, planWindow } = ctx;
  if (kind !== 'review') return `Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội ${period.label}`;
  const planYears = planWindow ? Number(planWindow.slice(5)) - Number(planWindow.slice(0, 4)) + 1 : 0;
  const planName = planWindow ? ` ${planYears} năm ${planWindow}` : '';
  // A review of the whole plan window is a tổng kết (final review); of part of it, a sơ kết (CONVENTIONS-VN). Reconcile
  // decides which (reviewKind); a reconciliation without it falls back to comparing the windows.
  const whole = ctx.reconciliation.reviewKind ? ctx.reconciliation.reviewKind === 'tong_ket' : planWindow === period.id;
  return whole
    ? `Tổng kết thực hiện kế hoạch phát triển kinh tế - xã hội${planName}`
    : `Sơ kết ${period.label} thực hiện kế hoạch phát triển kinh tế - xã hội${planName}`;
}

/** The plan documents the report's targets and tasks come from, in the order they were issued. */
export function planDocumentCodes(ctx: ReportContext): string[] {
  const codes = new Set([...ctx.attainments.map((a) => a.document), ...ctx.reconciliation.tasks.map((t) => t.document)]);
  const key = (c: string) => `${ctx.names.documents?.[c]?.issued ?? '9999'} ${c}`;
  return [...codes].sort((a, b) => key(a).localeCompare(key(b)));
}

/** How the opening cites one plan document: "Kế hoạch số 434/KH-UBND ngày 22/02/2023 của ... về ...". */
function citeDocument(ctx: ReportContext, code: string): string {
  const d = ctx.names.documents?.[code];
  if (!d) return ctx.attainments.find((a) => a.document === code)?.documentLabel ?? code;
  // Every plan is cited by kind, số, ngày, issuer and trích yếu (CONVENTIONS-VN; review finding 14), its dates in the
  // report's one style (citePlanDocument).
  const title = d.title.replace(/^về\s+/i, '').trim();
  return title ? `${d.label} về ${lowerFirst(title)}` : d.label;
}

/**
 * The opening paragraphs, as the draft of the narrative's "mo-dau" section (one paragraph per blank line).
 */
export function buildOpeningText(ctx: ReportContext): string {
  const summary = reportSummary(ctx);
  const cites = planDocumentCodes(ctx).map((c) => citeDocument(ctx, c));
  const who = ctx.issuerFullName ?? 'cơ quan';
  const paragraphs = [
    cites.length > 0
      ? `Thực hiện ${cites.join('; ')}, ${who} báo cáo ${lowerFirst(summary)} như sau:`
      : `${who.charAt(0).toLocaleUpperCase('vi')}${who.slice(1)} báo cáo ${lowerFirst(summary)} như sau:`,
    `Số liệu báo cáo hành chính tính từ ngày ${formatShortDate(ctx.period.cutoffStart)} đến ngày ${formatShortDate(ctx.period.cutoffEnd)} ` +
      `(Điều 12 Nghị định số 09/2019/NĐ-CP); số liệu thống kê tính theo kỳ lịch, từ ngày ${formatShortDate(ctx.period.start)} đến ngày ${formatShortDate(ctx.period.end)}` +
      (ctx.attainments.some((a) => a.actualKind === 'estimate') ? '; số liệu ước thực hiện được ghi rõ tại Phụ lục I.' : '.'),
  ];
  // The plans are the former Kon Tum's while the issuer is the merged province's: say which territory the figures
  // cover (NQ 202/2025/QH15; CONVENTIONS-VN, agencies change over time).
  const former = planDocumentCodes(ctx).some((c) => /kon tum/i.test(ctx.names.documents?.[c]?.label ?? ''));
  if (former && ctx.reportDate >= MERGER_DATE && !/kon tum/i.test(ctx.issuer.place)) {
    paragraphs.push(
      `Từ ngày 01/7/2025, tỉnh Kon Tum và tỉnh Quảng Ngãi hợp nhất thành tỉnh Quảng Ngãi (Nghị quyết số 202/2025/QH15 của Quốc hội). ` +
        `Báo cáo này đánh giá các chỉ tiêu, nhiệm vụ theo các kế hoạch nêu trên của tỉnh Kon Tum (cũ); số liệu là số liệu trên địa bàn tỉnh Kon Tum trước hợp nhất` +
        (ctx.period.end >= MERGER_DATE ? ' và các xã, phường thuộc địa bàn này sau hợp nhất.' : '.'),
    );
  }
  return paragraphs.join('\n\n');
}
