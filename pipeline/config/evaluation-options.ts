// Configuration: the options every reconciliation takes from the configuration (tolerances, deadlines, the date
// "now"), built in one place for `reconcile`, `report` and `run`.
import type { KehoachConfig } from './config-schema.ts';

/** What the reconcile stage receives from the configuration. */
export interface EvaluationOptions {
  approxTolerancePct: number;
  conflictTolerancePct: number;
  likelyRatio: number;
  daysAfterCutoff: number;
  /** The report date when the configuration fixes one; otherwise the stage takes today in Vietnam. */
  asOf?: string;
}

/** The reconcile stage's options from a validated configuration. */
export function evaluationOptionsOf(config: KehoachConfig): EvaluationOptions {
  return {
    ...config.evaluation,
    ...config.deadlines,
    ...(config.report.date ? { asOf: config.report.date } : {}),
  };
}
