// Reconcile stage: the typed result the report stage reads. The reconcile stage builds it from sql/marts.
import type { Period } from '../shared/parse-period.ts';
import type { ReportingChannel } from '../registry/find-reporting-channel.ts';

/**
 * Verdict on one target: the codes of reconciliation.csv. Which codes a row may carry depends on its `judgement`
 * (README, "Verdict words by period"):
 * - final (the report period reaches the target period's end): vuot, dat, khong_dat;
 * - progress (a six-month or quarter report on an annual target): co_kha_nang_dat, kho_dat, or danh_gia_ca_nam for a
 *   measure that only exists for a whole year (GRDP per head, the poverty rate: the period's own level, when one came
 *   in, is in `actual` or `reportPeriodValue`);
 * - outlook (a multi-year review on a target that ends after it): co_kha_nang_dat (on track, or a single point that
 *   already meets the target: note already_met), kho_dat;
 * - any: chua_co_so_lieu (no figure for the period: nothing to show), khong_danh_gia (only when the target has no
 *   number, its aggregation is unknown, or its unit differs: never for a row with a figure and a number to meet),
 *   chua_du_co_so (a figure for the period came in, but what the target measures cannot be formed from it yet: the base
 *   level of a change is missing (note base_missing), an average lacks years (not_enough_points, missing_parts), or an
 *   outlook has a single point that does not meet the target yet (not_enough_points; `projection` then holds the pace
 *   still needed from that point: requiredRate, requiredPerYear, remainingYears). The figure is in `actual` or
 *   `reportPeriodValue`, and the report prints it with the reason from `notes`).
 * A total with parts missing stays chua_co_so_lieu with missing_parts (the parts are owed), even when the parts received
 * are summed in `actual`.
 */
export type AttainmentStatus =
  | 'vuot'
  | 'dat'
  | 'khong_dat'
  | 'chua_co_so_lieu'
  | 'khong_danh_gia'
  | 'co_kha_nang_dat'
  | 'kho_dat'
  | 'danh_gia_ca_nam'
  | 'chua_du_co_so';

/**
 * The kind of judgement the report period allows on a target (README, "Verdict words by period"): `final` when the
 * report period reaches the end of the target period, `progress` for a part of the target's year (six months, a
 * quarter), `outlook` for a target that ends after the report period (2030 targets in the 2021-2025 review).
 */
export type Judgement = 'final' | 'progress' | 'outlook';

/**
 * How the figure in `actual` was formed, so the report can label it ("bình quân 2021-2025", "lũy kế 6 tháng"):
 * - period_value: the indicator's own figure for `figurePeriod` (a level at its end, a year's growth, a year's total);
 * - year_to_date: a total from the start of the target period to the end of the report period;
 * - window_average: the geometric mean of the yearly growth rates of `figurePeriod` (avg_growth over several years);
 * - window_total: the total over `figurePeriod` (cumulative, count_added);
 * - yearly_average: the average amount a year over the complete years of `figurePeriod` (a "…/năm" target);
 * - change: the change of a level over `figurePeriod` ("tăng thêm 5 điểm %"), in the indicator's unit;
 * - change_per_year: the change of a level per year over `figurePeriod` (a reduction per year in points, positive
 *   when falling for per_year_reduction and "giảm" targets); `levels` holds the two levels it was formed from.
 */
export type FigureBasis = 'period_value' | 'year_to_date' | 'window_average' | 'window_total' | 'yearly_average' | 'change' | 'change_per_year';

/** Why the judged row uses the target it uses when several documents set one (issue 9, item 5). */
export type SourceChoice =
  /** Only one document sets a target on the indicator for this group. */
  | 'only'
  /** The target whose period is the report period itself (the annual plan in an annual report). */
  | 'same_period'
  /** The target of the most recently issued document. */
  | 'most_recent'
  /** Same issue date: the document of higher legal force (nghị quyết of HĐND over a kế hoạch of UBND). */
  | 'binding'
  /**
   * Same date and force, and the targets give different verdicts on the figure (one document, two targets: "khoảng
   * 5.000" and "trên 5.000"): the stricter target decides, never the order of the rows (review finding 6).
   */
  | 'stricter'
  /** Same date and force (or dates unknown), and the same verdict: the first in the register's document order. */
  | 'document_order';

/** One document's target on the judged indicator: its words, and the verdict it would get on the same figure. */
export interface TargetSource {
  targetId: string;
  document: string;
  /** Số ký hiệu, or the document code when the document has none. */
  documentLabel: string;
  /** The target as the document words it, verbatim. */
  expression: string;
  targetPeriod: string;
  op: string;
  lo: number | null;
  hi: number | null;
  /** Place in the document ("434/KH-UBND, Phụ lục I, STT 1"). */
  sourceRef: string;
  agency: string | null;
  /** The figure this target is judged on (the same as the row's unless the target's period differs). */
  actual: number | null;
  /** The verdict this target gets on that figure. */
  status: AttainmentStatus;
  comparePct: number | null;
  /** True for the target the row's verdict uses. */
  used: boolean;
}

/**
 * A coded fact about how a verdict was reached; the report stage words it (pipeline/report/describe-attainment.ts).
 * Reconcile writes no Vietnamese sentence.
 */
export type AttainmentNote =
  /** The target has no number to compare with ("Giải ngân hết kế hoạch vốn"). */
  | { code: 'no_quantity' }
  /** The indicator's aggregation is not one reconcile knows. */
  | { code: 'unknown_aggregation'; aggregation: string }
  /** The target's unit differs from the unit figures are reported in. */
  | { code: 'unit_differs'; targetUnit: string; unit: string }
  /** Parts of the period have no figure (years, halves, "số cuối kỳ"). */
  | { code: 'missing_parts'; periods: string[] }
  /** The level before the target period (the base of a change) is missing. */
  | { code: 'base_missing'; period: string }
  /** The base of a change is a later level than the year before the period. */
  | { code: 'base_from'; period: string }
  /** Only one point: no rate or trend can be formed. */
  | { code: 'single_point' }
  /** A window average formed as the geometric mean of so many yearly rates. */
  | { code: 'geometric_mean'; years: number }
  /** A yearly average of so many complete years. */
  | { code: 'average_of_years'; years: number }
  /** A part of a total derived from others (a year minus its first half). */
  | { code: 'derived'; period: string }
  /** The verdict judges the agency's estimate for the whole target period sent with this period's files. */
  | { code: 'judged_on_period_estimate'; value: number; source: string }
  /** The measure exists for a whole year only (GRDP per head): judged at the year's end. */
  | { code: 'annual_measure' }
  /** The figure already meets the target. */
  | { code: 'already_met' }
  /** Not enough points to project to the target's end. */
  | { code: 'not_enough_points' }
  /** A total with parts missing already passes a "trên/từ ... trở lên" target. */
  | { code: 'met_despite_missing_parts' }
  /** A projection of a rate or share was capped at 100%. */
  | { code: 'capped_at_100' };

/**
 * Which pair of paces a projection is judged on and the report prints (README, "Khả năng đạt: tốc độ"):
 * - rate: `observedRate` / `requiredRate`, %/năm (a level not in % or ‰: revenue, GRDP per head, doctors per 10.000
 *   dân; the average of a growth rate);
 * - points: `observedPerYear` / `requiredPerYear`, in points of the indicator's unit a year ("điểm phần trăm/năm", or
 *   points of ‰): a level or share in % or ‰ (tỷ lệ, tỷ trọng), a change of one, a reduction a year;
 * - amount: `observedPerYear` / `requiredPerYear`, in the indicator's unit a year (totals and counts).
 */
export type PaceMeasure = 'rate' | 'points' | 'amount';

/** Projection of a target that ends after the report period from the figures so far (progress and outlook). */
export interface Projection {
  /** Yearly points used, oldest first. */
  points: { year: number; value: number }[];
  /** Value projected at the target year at the observed pace, or null when it cannot be projected. */
  projected: number | null;
  /**
   * Average annual rate (%/năm) observed over the points: compound growth for a level not in % or ‰, the geometric
   * mean for avg_growth; for a change of a level and per_year_reduction the change in points a year (the same number as
   * observedPerYear: read `paceMeasure`). Null for a level or share in % or ‰ (a relative %/năm of a rate reads as
   * points: issue 10 review R1, A1; use observedPerYear) and for totals and counts.
   */
  observedRate: number | null;
  /** Average annual rate (%/năm) still needed from the last point to reach the target by its year; null as observedRate. */
  requiredRate: number | null;
  /**
   * Observed pace ÷ pace still needed from the last point, both in `paceMeasure` (so the verdict is judged on the
   * numbers the report prints); >= likelyRatio (0,95) is co_kha_nang_dat. Totals and counts and changes of a level: the
   * pace so far ÷ the pace needed from the start. Null when it cannot be formed.
   */
  ratio: number | null;
  /** Years the required pace applies to, e.g. [2026, 2030]. */
  remainingYears: [number, number] | null;
  /**
   * The amount a year observed so far and still needed, in the indicator's unit a year: for a level or share in % or
   * ‰, points a year (positive = rising; 37,0 -> 37,5 is 0,5, to 45 by 2030 needs 1,5); for totals and counts the
   * amount a year; for changes and reductions the points a year. Optional, added by reconcile.
   */
  observedPerYear?: number | null;
  requiredPerYear?: number | null;
  /** Open SDG progress category: achieved (already meets), substantial (ratio >= likelyRatio), moderate (>= 0.5),
   * limited (>= 0), deterioration (< 0: moving away). Optional, added by reconcile. */
  progress?: 'achieved' | 'substantial' | 'moderate' | 'limited' | 'deterioration' | null;
  /**
   * The years whose change the observed pace averages, [first, last]: from the level at the end of first − 1 to the
   * level at the end of last (for a rate, the years whose rates are averaged). [2025, 2025] is one year's change ("năm
   * 2025 tăng 0,5 điểm phần trăm"); [2022, 2025] an average ("bình quân 2022-2025"); a last point at mid-year counts as
   * its year. Null when no pace was observed (one point). Optional, added for review R1 of issue 10 (A1, B3).
   */
  observedYears?: [number, number] | null;
  /** Which pair of paces the verdict uses and the text prints. Optional, added for review R1 of issue 10 (A1, B3). */
  paceMeasure?: PaceMeasure;
  /**
   * The value the projection aims at: the bound as read with the "khoảng" tolerance (reconcile option
   * approxTolerancePct, 5%: "khoảng 6,5" is met from 6,175; "trên 110" aims at 110). Optional, added for review R1.
   */
  threshold?: number | null;
}

/**
 * One judged row: one indicator in one judgement group of the period (issue 9: one row per indicator). The target
 * fields (targetId … agencyName) are those of the target the verdict uses; `sources` lists every document's target.
 */
export interface Attainment {
  targetId: string;
  document: string;
  /** Số ký hiệu, or the document code when the document has none. */
  documentLabel: string;
  indicator: string;
  indicatorName: string;
  domain: string;
  unit: string;
  direction: 'higher' | 'lower';
  aggregation: string;
  targetPeriod: string;
  op: string;
  lo: number | null;
  hi: number | null;
  expression: string;
  agency: string | null;
  agencyName: string | null;
  /**
   * The figure judged, in the indicator's unit (points a year for change_per_year): the number shown is the number
   * judged. How it was formed: `figureBasis` over `figurePeriod`.
   */
  actual: number | null;
  /**
   * Kind of the figure shown (`actual`, else `reportPeriodValue`): 'estimate' when any figure it was formed from is
   * for a period that ends after the reconciliation's `asOf` (a six-month report dated 24/6 holds estimates of the
   * half, CONVENTIONS-VN "ước thực hiện"; rule in figure-kind-as-of.ts), or that the agency sent as an estimate; else
   * 'actual'. Null without a figure.
   */
  actualKind: 'actual' | 'estimate' | null;
  /** How `actual` was formed. Null when there is no figure. */
  figureBasis: FigureBasis | null;
  /** The period `actual` covers ("2025", "2021-2025", "2025-H1"; for year_to_date the target's start to the period's end). */
  figurePeriod: string | null;
  /**
   * The indicator's own figure for the report period when `actual` is something else (the 2025 growth rate beside the
   * 2021-2025 average), else null.
   */
  reportPeriodValue: number | null;
  /** For change and change_per_year: the two levels the change was formed from. */
  levels: { from: { period: string; value: number }; to: { period: string; value: number } } | null;
  /** Where the figure came from: "file.xlsx!Sheet1!F7" (several joined by "; " when formed from several). */
  source: string | null;
  sourceAgency: string | null;
  /**
   * "So sánh (%)": actual / the plan bound × 100 (README, "So sánh (%)"), only for an amount, count or level not in %
   * or ‰ against one bound to reach (op gt, gte, eq, approx). Null for rates and shares (% or ‰: see pointsVsTarget),
   * for "dưới"/"tối đa" targets (lt, lte), for ranges, without a figure or a bound, or when the bound is 0.
   */
  comparePct: number | null;
  /**
   * For an indicator in % or ‰ against one bound (not a range): actual − the bound, in points (7,49 against "trên 10"
   * is −2,51; 57,4 against "dưới 56%" is +1,4: above a "dưới" bound is worse). Null otherwise. Optional, added for
   * review R1 of issue 10 (B4, C5).
   */
  pointsVsTarget?: number | null;
  /** Six-month and quarter reports on a flow: the share of the target period elapsed, % (50 at mid-year). */
  elapsedPct: number | null;
  /** Same period of the previous year and the change against it, %. */
  samePeriodLastYear: number | null;
  changePct: number | null;
  projection: Projection | null;
  status: AttainmentStatus;
  /** Which judgement the report period allows on this target. */
  judgement: Judgement;
  /**
   * Six-month and quarter reports on an annual target: the agency's estimate for the whole target period ("ước thực
   * hiện cả năm") sent in this period's files, when it sent one; the status is then judged on it. Optional.
   */
  periodEstimate?: number | null;
  /** Change against the same period of the previous year in points, for indicators in % or ‰. Optional. */
  changePoints?: number | null;
  /** Every document's target on this indicator in this group, the one used first. */
  sources: TargetSource[];
  /** Why the verdict uses the target it uses. */
  sourceChoice: SourceChoice;
  /** Coded facts about the verdict, worded by the report stage. */
  notes: AttainmentNote[];
}

/** Completeness and timeliness of one agency for the period. */
export interface AgencyCompleteness {
  agency: string;
  agencyName: string;
  /** Indicators the agency follows that are in scope of the period. */
  expected: number;
  /** Of those, how many have a current value from the agency. */
  received: number;
  missing: number;
  files: number;
  firstReceivedAt: string | null;
  lastReceivedAt: string | null;
  /** Deadline for the period (ISO date). */
  deadline: string;
  /** du: complete and on time; nop_muon: late; thieu: some missing; chua_nop: nothing received. */
  status: 'du' | 'nop_muon' | 'thieu' | 'chua_nop';
  rejectedFiles: number;
  /** Sent after the deadline (or nothing sent and the deadline has passed), whatever the status. Optional. */
  late?: boolean;
  /**
   * The one completeness status (issue 9, item 6), the same for `kehoach status` and the report (mart
   * agency_completeness): dung_han (everything, on time), muon (everything, late: see lateDays), khong_hop_le (files
   * came on time but none was accepted), thieu (some indicators missing), chua_gui (nothing received by the as-of
   * date). Files received after the as-of date do not count.
   */
  submission: AgencySubmissionStatus;
  /** Days after the deadline the first accepted file came (Vietnam dates), when late; else null. */
  lateDays: number | null;
  /** The expected indicators without a figure from the agency, by code. */
  missingIndicators: string[];
  /**
   * When nothing counts by the as-of date but a file of the period came after it: when the first such file came
   * (ISO time). The agency is chua_gui as of that date; its file counts in a report dated on or after its arrival.
   */
  arrivedAfterAsOf?: string | null;
}

/** Completeness statuses (see AgencyCompleteness.submission). */
export type AgencySubmissionStatus = 'dung_han' | 'muon' | 'khong_hop_le' | 'thieu' | 'chua_gui';

/** Two or more sources that disagree beyond rounding on one indicator and period. */
export interface ValueConflict {
  indicator: string;
  indicatorName: string;
  period: string;
  unit: string;
  values: { agency: string; value: number; kind: 'actual' | 'estimate'; source: string }[];
  /** The value kept and why ("cơ quan theo dõi chỉ tiêu"). */
  chosen: { agency: string; value: number; reason: string };
}

/** A value that looks wrong: a share over 100%, a jump that smells of a unit slip. */
export interface ImplausibleValue {
  indicator: string;
  indicatorName: string;
  period: string;
  value: number;
  unit: string;
  source: string;
  /** The check that found it (sql/checks). */
  check: 'implausible_share_over_100' | 'implausible_unit_jump';
  /** The agency that sent the value. */
  agency: string;
  /** What the check says (the share check's own words from sql/checks), else empty: the report words the jump. */
  reason: string;
  /** The unit-jump check: the figure it was compared with ("cùng kỳ năm trước", the same period of another agency). */
  reference: { value: number; period: string; agency: string; kind: string } | null;
}

/** A task or scheme and what was reported on it for the period. */
export interface TaskProgress {
  taskId: string;
  document: string;
  kind: 'nhiem_vu' | 'de_an';
  title: string;
  /** The lead agency as the document names it (its code). */
  lead: string | null;
  /** The lead agency as of the report date, through successor links (Sở KH&ĐT -> Sở Tài chính after 01/3/2025). */
  leadAsOf: string | null;
  /**
   * The names of every lead agency as of the report date, joined ("Sở Xây dựng, Sở Nông nghiệp và Môi trường, ..."):
   * each mapped through its successor; an agency that ceased with no successor in the registry reads "cơ quan kế thừa
   * chưa xác định" (see leads), never its old name.
   */
  leadName: string | null;
  /** Every lead agency of the task, in the document's order, as of the report date (review finding 3). */
  leads: TaskLead[];
  deadlineText: string | null;
  deadline: string | null;
  recurring: boolean;
  /**
   * What the latest report for the period says (one whose period ends inside the report period, received by the
   * report date), or null when the period has none: a report of an earlier period never fills it (see earlierReport).
   * Every count of tasks "đã có báo cáo kết quả trong kỳ" counts the tasks whose status is not null.
   */
  status: 'hoan_thanh' | 'dang_thuc_hien' | 'chua_thuc_hien' | null;
  /** The text of that report ("Đã trình UBND tỉnh ..."), or null. */
  progressText: string | null;
  /** Where that report came from: "file!sheet!cell", or null. */
  source: string | null;
  /**
   * The period of the task report `status` comes from (task_reports.period): "2025-H1" or "2025" in the annual report
   * of 2025 (the later wins), so a report can say "theo báo cáo 6 tháng đầu năm 2025". Absent when the period has no
   * report on the task. Optional, added for review R2, A5.
   */
  reportedPeriod?: string;
  /**
   * The latest report on the task for a period that ended before the report period began (received by the report
   * date), present only when the period itself has none (`status` is null). It is not a report of the period: a
   * report may quote it only with its period ("theo báo cáo năm 2025: đang thực hiện") and never counts it among the
   * tasks reported in the period. Optional, added for review R2, A5.
   */
  earlierReport?: {
    /** Its period id ("2025", "2025-H1"). */
    period: string;
    status: 'hoan_thanh' | 'dang_thuc_hien' | 'chua_thuc_hien' | null;
    progressText: string | null;
    source: string | null;
  };
  /**
   * Deadline passed (before the period's end) and a report says it is not done: "quá thời hạn chưa hoàn thành". A task
   * with no report is never counted here (review finding 2): see overdueUnreported.
   */
  overdue: boolean;
  /** Deadline passed and no report on the task was received: "đã hết thời hạn, chưa có báo cáo kết quả". */
  overdueUnreported: boolean;
  /**
   * Why the task is kept out of the report (Phụ lục II and the body) and listed for staff only (kiem-tra.html), or
   * undefined for a task of the report. Optional, added for review of issue 10, finding 6.
   */
  setAside?: TaskSetAside;
}

/**
 * A task of the period that the Sở's report does not speak of (review of issue 10, finding 6):
 * - outside_channel: every lead reports through a channel of its own, not to the Sở under the UBND's plan (Party
 *   organs, HĐND, court and procuracy, Mặt trận and đoàn thể, central bodies: pipeline/registry/find-reporting-channel.ts);
 * - lead_unknown: the document names no lead, or every lead ceased before the report date with no successor known.
 */
export interface TaskSetAside {
  reason: 'outside_channel' | 'lead_unknown';
  /** For outside_channel: the channel of each lead, in the document's order (dang, hdnd, tu_phap, ...). */
  channels: ReportingChannel[];
}

/** One lead agency of a task as of the report date. */
export interface TaskLead {
  /** The code the document names. */
  code: string;
  /** The agency that answers for it on the report date (successor links). */
  asOf: string;
  /**
   * Its name, also when it ceased inside the report period with no successor known (it led the task for part of the
   * period: see lastDay); null when it ceased before the period began with no successor known (successorUnknown).
   */
  name: string | null;
  /** The last day (ISO) of an agency that ceased inside the report period with no successor known. Optional. */
  lastDay?: string;
  /** The agency ceased (valid_to on or before the report date) and the registry names no successor. */
  successorUnknown: boolean;
}

/**
 * A plan document as the report cites it (seeds/documents.csv): "Kế hoạch số 434/KH-UBND ngày 22/02/2023 của Ủy ban
 * nhân dân tỉnh Kon Tum về …". The report words the citation; reconcile only carries the fields.
 */
export interface PlanDocument {
  code: string;
  /** ke_hoach, nghi_quyet, chuong_trinh, … (seeds/documents.csv `kind`). */
  kind: string;
  /** Số ký hiệu ("434/KH-UBND"), or null when the source prints none (cited by title and year). */
  number: string | null;
  /** Ngày ban hành (ISO), or null. */
  issuedOn: string | null;
  issuedYear: number | null;
  /** Issuing body's code and its name as the registry keeps it (the name of the document's time). */
  issuer: string | null;
  issuerName: string | null;
  /** Trích yếu, verbatim. */
  title: string;
}

/**
 * A figure received for the report period on an indicator that no judged row of the period shows (issue 10: "every
 * figure received in the period mentioned whether or not it has a target"): a 2030-only indicator in an annual report,
 * an indicator with no target at all. One per indicator: the chosen figure for the report period itself (the year, the
 * half; in a review its last year), from mart indicator_period_values as of `asOf` (a file received later counts
 * nowhere). A figure a judged row already shows (as `actual` for the same period, or as `reportPeriodValue`) is not
 * repeated: in a review, the 2030 outlook rows show the window's last-year figure, so only indicators no target of the
 * review covers (and last-year rates behind a window average, such as the 2025 GRDP growth) are listed here. Built by
 * collect-received-figures.ts; sorted by indicator code.
 */
export interface ReceivedFigure {
  indicator: string;
  indicatorName: string;
  domain: string;
  unit: string;
  direction: 'higher' | 'lower';
  /** The period the figure is for ("2025", "2025-H1"). */
  period: string;
  value: number;
  /** 'estimate' when `period` ends after the reconciliation's `asOf` or the agency sent an estimate (figure-kind-as-of.ts). */
  kind: 'actual' | 'estimate';
  /** "file.xlsx!Sheet!F7". */
  source: string;
  agency: string;
  agencyName: string | null;
  /** Same period of the previous year, and the change against it (% and, for % or ‰ indicators, points). */
  samePeriodLastYear: number | null;
  changePct: number | null;
  changePoints: number | null;
  /**
   * The nearest target on the indicator whose period ends after the report period (the 2030 target in a 2025 report),
   * for context ("mục tiêu đến năm 2030: trên 20%"); null when the indicator has none.
   */
  laterTarget: { document: string; documentLabel: string; expression: string; targetPeriod: string } | null;
}

/** Everything the report of one period needs. */
export interface Reconciliation {
  period: Period;
  /** The date the reconciliation is judged at (ISO, Vietnam time): nothing received after it counts. */
  asOf: string;
  /**
   * For a multi-year window: tong_ket when it reaches the end of the plan window it reviews (2021-2025 of the five-year
   * plan), so_ket when it stops before (2021-2023); null for other periods.
   */
  reviewKind: 'so_ket' | 'tong_ket' | null;
  /** The plan window a review covers ("2021-2025"), or null. */
  planWindow: string | null;
  attainments: Attainment[];
  agencies: AgencyCompleteness[];
  conflicts: ValueConflict[];
  implausible: ImplausibleValue[];
  /** The tasks the report speaks of (Phụ lục II, section I): in the period's scope and the Sở's reporting channel. */
  tasks: TaskProgress[];
  /**
   * Tasks of the period set aside (`setAside` says why): led outside the Sở's reporting channel, or with no lead known.
   * Listed for staff in kiem-tra.html, never in the report. Optional, added for review of issue 10, finding 6.
   */
  tasksSetAside?: TaskProgress[];
  /**
   * Results of sql/checks: name -> failing rows (zero rows is a pass). `overdue_tasks` counts the overdue tasks of
   * `tasks` only (the report's scope and period), so the checklist and the report give the same number.
   */
  checks: { name: string; failing: number }[];
  /** Every plan document of the registry, for citations (the report reads names only from here). */
  documents: PlanDocument[];
  /** Every agency's name by code, as the registry keeps it (task leads, sources, owing agencies). */
  agencyNames: Record<string, string>;
  /** Figures received for the period that no row of `attainments` shows. */
  receivedFigures: ReceivedFigure[];
}
