// Report stage: the review's trend chart draws real years only, each target over its own years, estimates marked.
import { describe, expect, it } from 'vitest';
import { buildTrendChart } from '../../pipeline/report/build-trend-chart.ts';

const points = [2021, 2022, 2023, 2024, 2025].map((year, i) => ({ year, value: 6 + i * 0.6 }));

describe('buildTrendChart', () => {
  it('ends the axis at the last real year even when the target runs to 2030, and marks the estimate', () => {
    const chart = buildTrendChart({ points, target: 9.5, targetYears: [2021, 2030], estimateYears: [2025], targetLabel: 'Mục tiêu 2021-2030: trên 9,5%/năm', unit: '%', caption: 'Biểu đồ 2. Tăng trưởng GRDP qua các năm (%)' });
    const svg = chart.svg.toString();
    expect(svg).toContain('>2025<');
    expect(svg).not.toMatch(/>20(2[6-9]|30)</);
    expect(svg).toContain('8,4 (ước)');
    // The DOCX bars: one per year, never the target among them; the target is told in the caption.
    expect(chart.rows.map((r) => r.label)).toEqual(['Năm 2021', 'Năm 2022', 'Năm 2023', 'Năm 2024', 'Năm 2025 (ước)']);
    expect(chart.caption).toBe('Biểu đồ 2. Tăng trưởng GRDP qua các năm (%); đường nét đứt: mục tiêu 2021-2030: trên 9,5%/năm');
  });

  it('draws the target line over the years of its own period only', () => {
    const chart = buildTrendChart({ points, target: 10, targetYears: [2023, 2025], targetLabel: 'Mục tiêu 2023-2025: trên 10%', unit: '%', caption: 'Biểu đồ 2' });
    const all = buildTrendChart({ points, target: 10, targetYears: [2021, 2025], targetLabel: 'Mục tiêu 2021-2025: trên 10%', unit: '%', caption: 'Biểu đồ 2' });
    const start = (svg: string) => Number(/<line x1="([\d.]+)" y1="[\d.]+" x2="[\d.]+" y2="[\d.]+" stroke="#b00"/.exec(svg)![1]);
    expect(start(chart.svg.toString())).toBeGreaterThan(start(all.svg.toString()) + 20);
  });

  it('draws an estimate as a hollow point reached by a dotted segment, and keys the marks in a legend', () => {
    const chart = buildTrendChart({ points, target: 10, targetYears: [2021, 2025], estimateYears: [2025], targetLabel: 'Mục tiêu 2021-2025: trên 10%', unit: '%', caption: 'Biểu đồ 2' });
    const svg = chart.svg.toString();
    const segments = [...svg.matchAll(/<line x1="[\d.]+" y1="[\d.]+" x2="[\d.]+" y2="[\d.]+" stroke="#124" stroke-width="0.6"( stroke-dasharray="[^"]+")?\/>/g)];
    // Four segments between five years (plus the legend's own sample line); only the one into 2025 is dotted.
    expect(segments.slice(0, 4).map((m) => m[1] !== undefined)).toEqual([false, false, false, true]);
    expect(svg.match(/<circle [^>]*fill="#fff"/g)).toHaveLength(2); // the 2025 point and its legend sample
    for (const key of ['>Thực hiện<', '>Ước thực hiện<', '>Mục tiêu<']) expect(svg).toContain(key);
    const plain = buildTrendChart({ points, target: null, targetYears: null, targetLabel: '', unit: '%', caption: 'Biểu đồ 2' }).svg.toString();
    expect(plain).not.toContain('>Ước thực hiện<');
    expect(plain).not.toContain('>Mục tiêu<');
  });
});
