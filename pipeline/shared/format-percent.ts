// Shared (all stages): percentages the Vietnamese way ("9,5%", no space before the sign).
import { formatNumber } from './format-number.ts';

/**
 * Formats a percentage: "9,5%", "30,0%", "92,75%".
 * @param value the percentage (9.5 for 9,5%)
 * @param decimals exact decimals; omitted shows up to two and drops trailing zeros
 */
export function formatPercent(value: number, decimals?: number): string {
  return `${formatNumber(value, decimals === undefined ? {} : { decimals })}%`;
}
