// Shared (all stages): a value with its unit, as a sentence or a table cell writes it.
import { formatNumber } from './format-number.ts';
import { formatPercent } from './format-percent.ts';
import { formatPerMille } from './format-per-mille.ts';

/**
 * Formats a value in its indicator's unit: "9,5%", "12‰", "1.245,8 tỷ đồng", "85 xã".
 * The signs % and ‰ follow the number without a space (CONVENTIONS-VN, Numbers); other units after a space.
 */
export function formatQuantity(value: number, unit: string): string {
  const u = unit.trim();
  if (u === '%') return formatPercent(value);
  if (u === '‰') return formatPerMille(value);
  return u ? `${formatNumber(value)} ${u}` : formatNumber(value);
}
