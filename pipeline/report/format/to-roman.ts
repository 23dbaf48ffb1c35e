// Report stage: Roman numerals of "I." sections and "Phụ lục II".

const TABLE: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** Writes a positive integer in Roman numerals: 1 -> "I", 4 -> "IV", 14 -> "XIV". */
export function toRoman(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 3999) throw new RangeError(`toRoman: ${value} ngoài 1-3999`);
  let rest = value;
  let out = '';
  for (const [n, s] of TABLE) {
    while (rest >= n) {
      out += s;
      rest -= n;
    }
  }
  return out;
}
