// Report stage: Vietnamese number formatting ("1.245,8": thousands dot, decimal comma), done by hand so the output
// does not depend on the ICU data the Node build happens to carry.

/** Options of `formatNumber`. */
export interface FormatNumberOptions {
  /**
   * Exact number of decimals to show ("30,0"). When omitted, up to `maxDecimals` are shown and trailing zeros dropped.
   */
  decimals?: number;
  /** Most decimals shown when `decimals` is omitted. @default 2 */
  maxDecimals?: number;
}

/**
 * Formats a number the Vietnamese way: "1.245,8", "7.800", "-0,5". Rounds half away from zero on the decimal value
 * (1,005 -> "1,01"), not on its binary approximation.
 * @param value the number; NaN and infinities are refused
 */
export function formatNumber(value: number, options: FormatNumberOptions = {}): string {
  if (!Number.isFinite(value)) throw new RangeError(`formatNumber: ${value} không phải là số hữu hạn`);
  const exact = options.decimals;
  const places = exact ?? options.maxDecimals ?? 2;
  // toPrecision(15) removes the binary noise of the multiplication (1.005 * 100 = 100.49999999999999).
  const scaled = Math.round(Number((Math.abs(value) * 10 ** places).toPrecision(15)));
  let digits = String(scaled).padStart(places + 1, '0');
  let intPart = places > 0 ? digits.slice(0, -places) : digits;
  let fracPart = places > 0 ? digits.slice(-places) : '';
  if (exact === undefined) fracPart = fracPart.replace(/0+$/, '');
  intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  digits = fracPart ? `${intPart},${fracPart}` : intPart;
  const isZero = scaled === 0;
  return value < 0 && !isZero ? `-${digits}` : digits;
}
