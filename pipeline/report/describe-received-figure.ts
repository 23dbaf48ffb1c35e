// Report stage: the sentence that tells a figure received for the period that no target of the period judges (issue
// 10: "every figure received in the period mentioned whether or not it has a target").
import type { ReceivedFigure } from '../reconcile/reconciliation.ts';
import type { Period } from '../shared/parse-period.ts';
import { formatQuantity } from '../shared/format-quantity.ts';
import { describeChangeOnLastYear, figureVerb, periodIdPhrase, periodPhrase, withUnit } from './describe-attainment.ts';
import { lowerFirst } from './format/lower-first.ts';

/** "(mục tiêu đến năm 2030: trên 20%)", or '' when the indicator has no later target. */
export function laterTargetPhrase(r: Pick<ReceivedFigure, 'laterTarget' | 'unit'>): string {
  if (!r.laterTarget) return '';
  return `mục tiêu đến năm ${r.laterTarget.targetPeriod.slice(-4)}: ${withUnit(lowerFirst(r.laterTarget.expression), r.unit)}`;
}

/**
 * "Tỷ trọng kinh tế số trong GRDP năm 2025 ước đạt 8,2%, tăng 0,9 điểm phần trăm so với cùng kỳ (mục tiêu đến năm
 * 2030: trên 20%)." No verdict: the period sets no target on it. The name and the target are data (escaped by the
 * template).
 */
export function describeReceivedFigure(r: ReceivedFigure, period: Period): string {
  const when = r.period === period.id ? periodPhrase(period) : periodIdPhrase(r.period);
  const change = describeChangeOnLastYear(r.unit, r.changePct, r.changePoints);
  const later = laterTargetPhrase(r);
  return `${r.indicatorName} ${when} ${figureVerb(r.kind === 'estimate', r.direction)} ${formatQuantity(r.value, r.unit)}${change ? `, ${change}` : ''}${later ? ` (${later})` : ''}.`;
}
