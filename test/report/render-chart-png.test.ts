// Report stage: the chart the PDF prints becomes a PNG for the DOCX, drawn whole (axes, line, labels), not blank.
import { describe, expect, it } from 'vitest';
import { buildTrendChart } from '../../pipeline/report/build-trend-chart.ts';
import { CHART_DPI, renderChartPng } from '../../pipeline/report/writers/render-chart-png.ts';
import { pngInkShare, pngSize } from './read-png.ts';

const points = [6.52, 7.01, 7.33, 8.12, 8.5].map((value, i) => ({ year: 2021 + i, value }));
const chart = buildTrendChart({ points, target: 10, targetYears: [2021, 2025], estimateYears: [2025], targetLabel: 'Mục tiêu 2021-2025: trên 10%', unit: '%', caption: 'Biểu đồ 2. Tăng trưởng GRDP qua các năm (%)' });

describe('renderChartPng', () => {
  it('renders the trend chart at print resolution, with ink and mostly white paper', () => {
    const { png, width, height } = renderChartPng(chart.svg.toString(), chart.widthMm);
    expect(width).toBe(Math.round((chart.widthMm / 25.4) * CHART_DPI));
    expect(height).toBe(Math.round((width * chart.heightMm) / chart.widthMm));
    expect(pngSize(png)).toEqual({ width, height });
    const ink = pngInkShare(png, width, height);
    expect(ink).toBeGreaterThan(0.01);
    expect(ink).toBeLessThan(0.3);
  });

  it('draws the text (Vietnamese labels add ink beside the lines)', () => {
    const bare = chart.svg.toString().replace(/<text[^>]*>[^<]*<\/text>/g, '');
    const withText = renderChartPng(chart.svg.toString(), chart.widthMm);
    const withoutText = renderChartPng(bare, chart.widthMm);
    expect(pngInkShare(withText.png, withText.width, withText.height)).toBeGreaterThan(pngInkShare(withoutText.png, withoutText.width, withoutText.height) * 1.3);
  });

  it('gives the same bytes for the same chart (the DOCX stays reproducible)', () => {
    expect(Buffer.compare(renderChartPng(chart.svg.toString(), 150).png, renderChartPng(chart.svg.toString(), 150).png)).toBe(0);
  });

  it('refuses an SVG it cannot read, in Vietnamese', () => {
    expect(() => renderChartPng('<svg', 150)).toThrow(/Không vẽ được biểu đồ/);
  });
});
