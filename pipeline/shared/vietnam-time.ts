// Shared (all stages): calendar dates and Vietnam time, the one home of every date rule. Vietnam keeps UTC+7 all
// year (no daylight saving since 1975), so "today" and "the day a file arrived" are computed at that offset
// whatever the machine's zone is; dates travel as ISO strings (YYYY-MM-DD), instants as ISO UTC timestamps.

/** Offset of Asia/Ho_Chi_Minh from UTC, in hours (constant: no daylight saving). */
export const VIETNAM_UTC_OFFSET_HOURS = 7;

const DAY_MS = 86_400_000;
const OFFSET_MS = VIETNAM_UTC_OFFSET_HOURS * 3_600_000;

/** ISO date (YYYY-MM-DD) of year, month (1-12) and day. */
export function toIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Number of days in a month (1-12) of a year, leap years included. */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * True when the text is an ISO date (YYYY-MM-DD) that exists in the calendar: 2024-02-29 yes, 2025-02-30 and
 * 2025-13-01 no.
 */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month);
}

/**
 * The calendar date in Vietnam at an instant.
 * @param instant a Date, epoch ms, or an ISO timestamp; a bare ISO date is returned as it is
 * @returns YYYY-MM-DD, or null when the text is not a date or timestamp
 */
export function toVietnamDate(instant: Date | number | string): string | null {
  if (typeof instant === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(instant)) return instant;
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (Number.isNaN(ms)) return null;
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Today's date in Vietnam (Asia/Ho_Chi_Minh), which is what a report is dated and deadlines are counted by.
 * @param now the clock @default new Date()
 */
export function todayInVietnam(now: Date = new Date()): string {
  return toVietnamDate(now)!;
}

/** Adds whole days to an ISO date (negative goes back): addDays('2024-12-31', 1) is '2025-01-01'. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** An instant as an ISO UTC timestamp without milliseconds ("2025-06-20T01:02:03Z"), how the database stores times. */
export function toTimestamp(now: Date = new Date()): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * An ISO timestamp as the office reads it, in Vietnam time: "14:05 ngày 16/06/2025"; text that is not a timestamp
 * comes back as it is, nothing gives ''.
 */
export function formatVietnamTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())} ngày ${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** An ISO date (YYYY-MM-DD) as dd/mm/yyyy; other text comes back as it is, nothing gives ''. */
export function formatVietnamDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
