// Reconcile stage: the figure for one target in one report period, formed the way its indicator is formed, and the
// verdict on it. The SQL (sql/marts) hands over one chosen figure per indicator and period; this module checks the
// target can be judged, decides the judgement the report period allows (choose-judgement.ts) and hands over to the
// module of the indicator's aggregation:
// - level, share: evaluate-level-target.ts (the figure of the period that ends when the target ends);
// - avg_growth: evaluate-growth-target.ts (the window's figure, else the geometric mean of the yearly rates);
// - cumulative, count_added: evaluate-flow-target.ts (the total over the target period; per-year targets the average
//   of the complete years);
// - per_year_reduction, and level targets worded as a change: evaluate-change-target.ts (points per year between the
//   year-end levels, both kept).
import type { Period } from '../shared/parse-period.ts';
import type { Attainment } from './reconciliation.ts';
import type { SeriesPoint } from './read-indicator-series.ts';
import type { TargetRow } from './read-target-register.ts';
import { TARGET_OPS } from './judge-attainment.ts';
import {
  AGGREGATIONS,
  createTargetEvaluation,
  isChangeOfLevel,
  notJudged,
  type EvaluationOptions,
  type TargetEvaluation,
} from './create-target-evaluation.ts';
import { evaluateLevelTarget } from './evaluate-level-target.ts';
import { evaluateGrowthTarget } from './evaluate-growth-target.ts';
import { evaluateFlowTarget } from './evaluate-flow-target.ts';
import { evaluateChangeTarget } from './evaluate-change-target.ts';

export type { EvaluationOptions } from './create-target-evaluation.ts';
export { judgedDirection } from './create-target-evaluation.ts';

function evaluateByAggregation(ev: TargetEvaluation): Attainment {
  const { t } = ev;
  if (t.aggregation === 'per_year_reduction' || isChangeOfLevel(t)) return evaluateChangeTarget(ev);
  switch (t.aggregation) {
    case 'level':
    case 'share':
      return evaluateLevelTarget(ev);
    case 'avg_growth':
      return evaluateGrowthTarget(ev);
    case 'cumulative':
    case 'count_added':
      return evaluateFlowTarget(ev);
    default:
      throw new Error(`Cách tính giá trị kỳ không xác định: ${t.aggregation}`);
  }
}

/**
 * Evaluates one target in scope of a report period.
 * @param series the chosen figures of the target's indicator (readIndicatorSeries)
 * @returns one row, itself its only source (mergeTargetSources joins the rows of one indicator)
 */
export function evaluateTarget(t: TargetRow, period: Period, series: readonly SeriesPoint[], options: EvaluationOptions): Attainment {
  const ev = createTargetEvaluation(t, period, series, options);
  let result: Attainment;
  if (!(TARGET_OPS as readonly string[]).includes(t.op) || (t.lo === null && t.hi === null)) {
    result = notJudged(ev, [{ code: 'no_quantity' }]);
  } else if (!(AGGREGATIONS as readonly string[]).includes(t.aggregation)) {
    result = notJudged(ev, [{ code: 'unknown_aggregation', aggregation: t.aggregation }]);
  } else if (t.target_unit && t.target_unit.replace('/năm', '') !== t.unit) {
    result = notJudged(ev, [{ code: 'unit_differs', targetUnit: t.target_unit, unit: t.unit }]);
  } else {
    result = evaluateByAggregation(ev);
  }
  // The report period's own figure beside a figure of another period (the 2025 rate beside the 2021-2025 average).
  if (result.reportPeriodValue === null && period.kind !== 'window' && result.figurePeriod !== null && result.figurePeriod !== period.id) {
    const own = series.find((p) => p.period === period.id);
    if (own) result = { ...result, reportPeriodValue: own.value };
  }
  return {
    ...result,
    sources: [
      {
        targetId: t.target_id,
        document: t.document,
        documentLabel: t.document_label,
        expression: t.expression,
        targetPeriod: t.target_period,
        op: t.op,
        lo: t.lo,
        hi: t.hi,
        sourceRef: t.source_ref,
        agency: t.agency,
        actual: result.actual,
        status: result.status,
        comparePct: result.comparePct,
        used: true,
      },
    ],
  };
}
