// Reconcile stage: whether a figure is "thực hiện" or "ước thực hiện" on the report's date: the one home of that rule.
//
// A statistical figure for a period that has not ended on the date of the report is by nature an estimate (ước thực
// hiện): the six-month report dated 24/6/2025 cannot hold the actual first half of 2025, whatever the agency's column
// says (CONVENTIONS-VN, "ước thực hiện"; Nghị định 09/2019, số liệu đến thời điểm báo cáo; review of issue 10, finding
// 12). A figure for a period ended by that date keeps the kind the agency gave it.

/** What the rule reads of a figure: its period's last day (ISO) and the kind the agency gave it. */
export interface KindedFigure {
  end: string;
  valueKind: 'actual' | 'estimate';
}

/**
 * The kind of a figure as of the report date.
 * @param asOf the report's as-of date (ISO, Vietnam time); without one the agency's kind stands
 * @returns 'estimate' when the figure's period ends after `asOf`, else the agency's kind
 */
export function figureKindAsOf(figure: KindedFigure, asOf: string | undefined): 'actual' | 'estimate' {
  if (asOf && figure.end > asOf) return 'estimate';
  return figure.valueKind;
}
