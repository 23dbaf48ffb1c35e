// Intake stage, collect phase: reads an arrival time as the văn thư writes it in the register (_received.csv):
// ISO 8601 ("2024-06-05", "2024-06-05T08:30:00Z", "2024-06-05 08:30") or the Vietnamese day-first form
// ("05/06/2024", "5/6/2024 8:30", "05-06-2024 08:30:15"). A time without a zone is Vietnam time (UTC+7).

const VIETNAM_OFFSET_MIN = 7 * 60;

function instant(y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMin: number): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const local = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(local);
  // 31/02 rolls over into March in Date.UTC: a day that does not exist is not a date.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return new Date(local - offsetMin * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The arrival time as an ISO instant in UTC (`2024-06-04T17:00:00Z` for "05/06/2024"), or null when the text is not
 * a date the register may hold. Day-first is the only slash form: Vietnamese registers never write month-first
 * (field case F2b: "05/06/2024" read month-first made the first file current instead of its correction).
 */
export function parseArrivalTime(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    let offset = VIETNAM_OFFSET_MIN;
    if (zone === 'Z') offset = 0;
    else if (zone) {
      const z = /([+-])(\d{2}):?(\d{2})/.exec(zone)!;
      offset = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
    }
    return instant(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), offset);
  }
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ ,]+(\d{1,2})[:hg](\d{2})(?::(\d{2}))?)?$/i.exec(t);
  if (vn) {
    const [, d, mo, y, h, mi, s] = vn;
    return instant(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), VIETNAM_OFFSET_MIN);
  }
  return null;
}
