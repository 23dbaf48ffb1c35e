// Shared: the one home of dates and Vietnam time.
import { describe, expect, it } from 'vitest';
import { addDays, formatVietnamDate, formatVietnamTime, isCalendarDate, lastDayOfMonth, todayInVietnam, toTimestamp, toVietnamDate } from '../../pipeline/shared/vietnam-time.ts';

describe('vietnam-time', () => {
  it('counts today in Vietnam (UTC+7) whatever the machine zone: 18:30 UTC is already the next day', () => {
    expect(todayInVietnam(new Date('2025-06-14T18:30:00Z'))).toBe('2025-06-15');
    expect(todayInVietnam(new Date('2025-06-14T16:59:59Z'))).toBe('2025-06-14');
  });

  it('gives the Vietnam date of a timestamp and keeps a bare date as it is', () => {
    expect(toVietnamDate('2025-06-14T23:00:00+07:00')).toBe('2025-06-14');
    expect(toVietnamDate('2025-06-14')).toBe('2025-06-14');
    expect(toVietnamDate('không phải ngày')).toBeNull();
  });

  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-12-31', true],
    ['25-12-31', false],
  ])('knows whether %s is in the calendar', (text, ok) => {
    expect(isCalendarDate(text)).toBe(ok);
  });

  it('adds days across months and years, and knows month lengths', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(lastDayOfMonth(2024, 2)).toBe(29);
  });

  it('stores instants to the second in UTC', () => {
    expect(toTimestamp(new Date('2025-06-05T08:00:00.123Z'))).toBe('2025-06-05T08:00:00Z');
  });

  it('shows instants in Vietnam time, past midnight UTC+7 on the next day, and dates as dd/mm/yyyy', () => {
    expect(formatVietnamTime('2025-06-15T17:05:00Z')).toBe('00:05 ngày 16/06/2025');
    expect(formatVietnamTime('2025-06-16T07:05:00Z')).toBe('14:05 ngày 16/06/2025');
    expect(formatVietnamTime('không phải thời điểm')).toBe('không phải thời điểm');
    expect(formatVietnamTime(null)).toBe('');
    expect(formatVietnamDate('2025-06-16')).toBe('16/06/2025');
  });
});
