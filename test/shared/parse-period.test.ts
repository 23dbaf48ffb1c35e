import { describe, expect, it } from 'vitest';
import { isPeriodWithin, parsePeriod, previousSamePeriod } from '../../pipeline/shared/parse-period.ts';

describe('parsePeriod', () => {
  it.each([
    // id, kind, calendar start/end, ND 09/2019 cut-off window, label
    ['2024', 'year', '2024-01-01', '2024-12-31', '2023-12-15', '2024-12-14', 'năm 2024'],
    ['2024-H1', 'half', '2024-01-01', '2024-06-30', '2023-12-15', '2024-06-14', '6 tháng đầu năm 2024'],
    ['2024-H2', 'half', '2024-07-01', '2024-12-31', '2024-06-15', '2024-12-14', '6 tháng cuối năm 2024'],
    ['2024-Q1', 'quarter', '2024-01-01', '2024-03-31', '2023-12-15', '2024-03-14', 'quý I năm 2024'],
    ['2024-Q3', 'quarter', '2024-07-01', '2024-09-30', '2024-06-15', '2024-09-14', 'quý III năm 2024'],
    ['2021-2023', 'window', '2021-01-01', '2023-12-31', '2020-12-15', '2023-12-14', 'giai đoạn 2021-2023'],
    ['2024-h1', 'half', '2024-01-01', '2024-06-30', '2023-12-15', '2024-06-14', '6 tháng đầu năm 2024'],
  ])('reads %s as a %s period', (id, kind, start, end, cutoffStart, cutoffEnd, label) => {
    expect(parsePeriod(id)).toMatchObject({ kind, start, end, cutoffStart, cutoffEnd, label });
  });

  it.each(['2024-H3', '2024-Q5', '24', '2025-2021', 'năm 2024', '', '2024-M13'])('refuses "%s" with a usage error', (id) => {
    expect(() => parsePeriod(id)).toThrow(/kỳ báo cáo/i);
  });

  it.each([
    ['2024', '2023'],
    ['2024-H1', '2023-H1'],
    ['2024-Q2', '2023-Q2'],
    ['2024-2025', '2022-2023'],
  ])('gives the same period of the year before for %s', (id, previous) => {
    expect(previousSamePeriod(parsePeriod(id)).id).toBe(previous);
  });

  it('places a half inside its year and a year inside a window', () => {
    expect(isPeriodWithin(parsePeriod('2024-H1'), parsePeriod('2024'))).toBe(true);
    expect(isPeriodWithin(parsePeriod('2024'), parsePeriod('2021-2025'))).toBe(true);
    expect(isPeriodWithin(parsePeriod('2026'), parsePeriod('2021-2025'))).toBe(false);
  });
});
