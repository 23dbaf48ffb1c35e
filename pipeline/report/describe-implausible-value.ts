// Report stage: the Vietnamese words for a value the data checks found implausible (moved here from reconcile, which
// hands over numbers only).
import type { ImplausibleValue } from '../reconcile/reconciliation.ts';
import { formatNumber } from '../shared/format-number.ts';

/**
 * Why a value needs checking: the share check's own words, or for a ~1000x jump "gấp khoảng 1.067 lần cùng kỳ năm
 * trước (41 %, 2023, cuc-thong-ke): có thể nhầm đơn vị", each with the agency that sent it.
 */
export function describeImplausibleValue(v: ImplausibleValue): string {
  if (!v.reference) return `${v.reason} (${v.agency})`;
  const r = v.reference;
  const ratio = Math.abs(v.value / r.value);
  const times = ratio >= 1 ? `gấp khoảng ${formatNumber(ratio, { decimals: 0 })} lần` : `chỉ bằng khoảng 1/${formatNumber(1 / ratio, { decimals: 0 })}`;
  return `${times} ${r.kind} (${formatNumber(r.value)} ${v.unit}, ${r.period}, ${r.agency}): có thể nhầm đơn vị (${v.agency})`;
}
