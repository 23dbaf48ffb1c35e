// Registry stage: the agency succession rule, one home for it (issue 9): which agency answers for a code on a date.
// The 2025 mergers (NĐ 45/2025: Sở KH&ĐT into Sở Tài chính on 01/3/2025; NQ 202/2025/QH15: Kon Tum into Quảng Ngãi on
// 01/7/2025) are dated successor links in seeds/agencies.csv; intake, reconcile and the report follow them here.

/** What the rule needs of an agency: when it ceased (exclusive, ISO) and who took over its work. */
export interface DatedAgency {
  validTo: string | null;
  successor: string | null;
}

/**
 * The agency that answers for `code` on `date`: itself while valid (valid_to is exclusive), else its successor,
 * followed through several mergers (at most 10 links; a cycle stops there).
 * @param agencies by code
 */
export function findAgencyOnDate(agencies: ReadonlyMap<string, DatedAgency>, code: string, date: string): string {
  let current = code;
  for (let i = 0; i < 10; i++) {
    const a = agencies.get(current);
    if (!a || !a.validTo || a.validTo > date || !a.successor) return current;
    current = a.successor;
  }
  return current;
}
