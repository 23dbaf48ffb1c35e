// Shared (all stages): per-mille values ("12‰", no space before the sign), used for birth and mortality rates.
import { formatNumber } from './format-number.ts';

/**
 * Formats a per-mille value: "12‰", "14,5‰".
 * @param value the value in ‰
 * @param decimals exact decimals; omitted shows up to two and drops trailing zeros
 */
export function formatPerMille(value: number, decimals?: number): string {
  return `${formatNumber(value, decimals === undefined ? {} : { decimals })}‰`;
}
