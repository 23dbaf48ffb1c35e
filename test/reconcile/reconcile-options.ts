// Test helper (reconcile): the default evaluation options, with a fixed "now".
import type { ReconcileOptions } from '../../pipeline/reconcile/reconcile.ts';

/** The configuration defaults (config-schema.ts), asOf fixed so tests do not depend on today. */
export const TEST_OPTIONS: ReconcileOptions = Object.freeze({
  approxTolerancePct: 5,
  conflictTolerancePct: 0.5,
  likelyRatio: 0.95,
  daysAfterCutoff: 5,
  asOf: '2026-01-10',
});
