// Report stage: the attainment overview as an inline SVG bar chart (how many targets per verdict).
import Handlebars from 'handlebars';
import { escapeXml } from './writers/escape-xml.ts';
import { formatNumber } from '../shared/format-number.ts';
import type { ReportChart } from './report-model.ts';

/** One bar: a verdict label and how many targets have it. */
export interface AttainmentBar {
  label: string;
  count: number;
  /** Fill colour (our constant, never data). */
  color: string;
}

/** Whole-number ticks from 0 to at least `max`: steps of 1, 2, 5, 10, … so there are at most 6 of them. */
export function countTicks(max: number): number[] {
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000];
  const step = steps.find((s) => Math.ceil(max / s) <= 5) ?? Math.ceil(max / 5);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return ticks;
}

/**
 * Draws horizontal bars, one per verdict, with the count at the end of each bar, over a count axis with whole-number
 * ticks and its title "Số chỉ tiêu" (review finding 19). Every text is escaped before the SVG is wrapped as a
 * SafeString; the caller's strings are data.
 */
export function buildAttainmentChart(bars: AttainmentBar[], caption: string): ReportChart {
  const widthMm = 150;
  const rowH = 9;
  const labelW = 55;
  const barMax = widthMm - labelW - 18;
  const plotH = bars.length * rowH + 2;
  const heightMm = plotH + 13;
  const ticks = countTicks(Math.max(1, ...bars.map((b) => b.count)));
  const scale = barMax / ticks[ticks.length - 1]!;
  const parts = bars.map((b, i) => {
    const y = 2 + i * rowH;
    const w = Math.max(0.5, b.count * scale);
    return (
      `<text x="${labelW - 2}" y="${y + 5.2}" text-anchor="end" font-size="4">${escapeXml(b.label)}</text>` +
      `<rect x="${labelW}" y="${y + 1}" width="${w.toFixed(2)}" height="${rowH - 3}" fill="${escapeXml(b.color)}"/>` +
      `<text x="${(labelW + w + 2).toFixed(2)}" y="${y + 5.2}" font-size="4">${escapeXml(formatNumber(b.count))}</text>`
    );
  });
  const axis = ticks.map((t) => {
    const x = (labelW + t * scale).toFixed(2);
    return `<line x1="${x}" y1="${plotH}" x2="${x}" y2="${plotH + 1.5}" stroke="#000" stroke-width="0.3"/><text x="${x}" y="${plotH + 5}" text-anchor="middle" font-size="3.5">${escapeXml(formatNumber(t))}</text>`;
  });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${widthMm}mm" height="${heightMm}mm" viewBox="0 0 ${widthMm} ${heightMm}" ` +
    `font-family="Tinos, 'Times New Roman', serif" role="img" aria-label="${escapeXml(caption)}">` +
    `<line x1="${labelW}" y1="1" x2="${labelW}" y2="${plotH}" stroke="#000" stroke-width="0.3"/>` +
    `<line x1="${labelW}" y1="${plotH}" x2="${(labelW + barMax).toFixed(2)}" y2="${plotH}" stroke="#000" stroke-width="0.3"/>` +
    axis.join('') +
    `<text x="${(labelW + barMax / 2).toFixed(2)}" y="${plotH + 10}" text-anchor="middle" font-size="3.8">Số chỉ tiêu</text>` +
    parts.join('') +
    `</svg>`;
  const rows = bars.map((b) => ({ label: b.label, value: b.count, display: formatNumber(b.count), color: b.color }));
  return { svg: new Handlebars.SafeString(svg), caption, widthMm, heightMm, rows };
}
