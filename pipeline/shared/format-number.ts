// Shared (all stages): the one Vietnamese number format of the reports, messages, the desk and the CLI ("1.245,8":
// thousands dot, decimal comma), done by hand so the output does not depend on the ICU data the Node build carries.

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
 * The integer value of a large number (>= 1e15) from its shortest decimal form: 2.5e22 gives 25000000000000000000000n,
 * not the binary value 24999999999999997902848n. Past 1e15 a double has no decimals left to show, and String() past
 * 1e21 is exponent notation ("1e+21"), not digits.
 */
function integerDigits(abs: number): bigint {
  const [mantissa, exponent] = abs.toExponential().split('e') as [string, string];
  const [whole, fraction = ''] = mantissa.split('.') as [string, string?];
  const shift = Number(exponent) - fraction.length;
  return shift >= 0 ? BigInt(whole + fraction) * 10n ** BigInt(shift) : BigInt(Math.round(abs));
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
  const abs = Math.abs(value);
  const scaled = abs >= 1e15 ? integerDigits(abs) * 10n ** BigInt(places) : BigInt(Math.round(Number((abs * 10 ** places).toPrecision(15))));
  let digits = scaled.toString().padStart(places + 1, '0');
  let intPart = places > 0 ? digits.slice(0, -places) : digits;
  let fracPart = places > 0 ? digits.slice(-places) : '';
  if (exact === undefined) fracPart = fracPart.replace(/0+$/, '');
  intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  digits = fracPart ? `${intPart},${fracPart}` : intPart;
  const isZero = scaled === 0n;
  return value < 0 && !isZero ? `-${digits}` : digits;
}
