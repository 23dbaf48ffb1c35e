// Reconcile stage: the typed result the report stage reads. The reconcile stage builds it from sql/marts.
import type { Period } from '../shared/parse-period.ts';

/** Verdict on one target (issue 4): the codes of reconciliation.csv. */
export type AttainmentStatus =
  | 'vuot'
  | 'dat'
  | 'khong_dat'
  | 'chua_co_so_lieu'
  | 'khong_danh_gia'
  | 'co_kha_nang_dat'
  | 'kho_dat';

/** Projection of a multi-year target from the yearly values so far (sơ kết reviews). */
export interface Projection {
  /** Yearly points used, oldest first. */
  points: { year: number; value: number }[];
  /** Value projected at the target year at the observed pace, or null when it cannot be projected. */
  projected: number | null;
  /**
   * Average annual rate (%/năm) observed over the points: compound growth for levels, the geometric mean for
   * avg_growth, and for per_year_reduction the reduction in percentage points a year (positive = falling). Null for
   * totals and counts (cumulative, count_added): see observedPerYear.
   */
  observedRate: number | null;
  /** Average annual rate (%/năm) still needed to reach the target by its year, read as observedRate; null as there. */
  requiredRate: number | null;
  /** Observed / required progress (Open SDG style); >= 1 on track. */
  ratio: number | null;
  /** Years the required rate applies to, e.g. [2024, 2025]. */
  remainingYears: [number, number] | null;
  /**
   * Totals and counts (cumulative, count_added), and per-year reductions: the amount per year observed so far and
   * still needed, in the indicator's unit per year (there a %/năm rate means nothing). Optional, added by reconcile.
   */
  observedPerYear?: number | null;
  requiredPerYear?: number | null;
  /** Open SDG progress category: achieved (already meets), substantial (ratio >= likelyRatio), moderate (>= 0.5),
   * limited (>= 0), deterioration (< 0: moving away). Optional, added by reconcile. */
  progress?: 'achieved' | 'substantial' | 'moderate' | 'limited' | 'deterioration' | null;
}

/** One target in scope of the period, with the figure used and the verdict. */
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
  /** The figure for the period, in the indicator's unit, formed by the indicator's aggregation. */
  actual: number | null;
  actualKind: 'actual' | 'estimate' | null;
  /** Where the figure came from: "file.xlsx!Sheet1!F7" (several joined by "; " when formed from several). */
  source: string | null;
  sourceAgency: string | null;
  /** Actual as a share of the target or the annual plan, %. */
  comparePct: number | null;
  /** Same period of the previous year and the change against it, %. */
  samePeriodLastYear: number | null;
  changePct: number | null;
  projection: Projection | null;
  status: AttainmentStatus;
  /**
   * Six-month and quarter reports on an annual target: the agency's estimate for the whole target period ("ước thực
   * hiện cả năm") sent in this period's files, when it sent one; the status is then judged on it. Optional.
   */
  periodEstimate?: number | null;
  /** Change against the same period of the previous year in points, for indicators in % or ‰. Optional. */
  changePoints?: number | null;
  /** Vietnamese, how the verdict was reached ("6.120 > 5.000 (trên 5.000)"). */
  reason: string;
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
}

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
  reason: string;
}

/** A task or scheme and what was reported on it for the period. */
export interface TaskProgress {
  taskId: string;
  document: string;
  kind: 'nhiem_vu' | 'de_an';
  title: string;
  lead: string | null;
  deadlineText: string | null;
  deadline: string | null;
  recurring: boolean;
  status: 'hoan_thanh' | 'dang_thuc_hien' | 'chua_thuc_hien' | null;
  progressText: string | null;
  source: string | null;
  /** Deadline passed (before the period's end) and no progress reported as done. */
  overdue: boolean;
}

/** Everything the report of one period needs. */
export interface Reconciliation {
  period: Period;
  attainments: Attainment[];
  agencies: AgencyCompleteness[];
  conflicts: ValueConflict[];
  implausible: ImplausibleValue[];
  tasks: TaskProgress[];
  /** Results of sql/checks: name -> failing rows (zero rows is a pass). */
  checks: { name: string; failing: number }[];
}
