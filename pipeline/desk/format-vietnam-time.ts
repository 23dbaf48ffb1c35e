// Desk: times as the office reads them: Vietnam time (UTC+7, no daylight saving), "14:05 ngày 16/06/2025".
import { VIETNAM_UTC_OFFSET_HOURS } from '../shared/vietnam-time.ts';

/** Formats an ISO timestamp in Vietnam time; text that is not a timestamp comes back as it is. */
export function formatVietnamTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + VIETNAM_UTC_OFFSET_HOURS * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())} ngày ${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** Formats an ISO date (yyyy-mm-dd) as dd/mm/yyyy. */
export function formatVietnamDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
