// Report stage: the "Số" line of the header, in the state (NĐ 30/2020) or Party (HD 36) form.

/**
 * Formats the number line. State: "Số: 05/BC-STC" (numbers below 10 get a leading zero; no spaces).
 * Party: "Số 05-BC/ĐU" (no colon; hyphen between the number and the type). A null number leaves room for the
 * văn thư to write it in when the report is issued: "Số: ....../BC-STC".
 */
export function formatReportNumber(number: number | null, symbol: string, style: 'state' | 'party'): string {
  const n = number === null ? '......' : String(number).padStart(2, '0');
  return style === 'party' ? `Số ${n}-BC/${symbol}` : `Số: ${n}/BC-${symbol}`;
}
