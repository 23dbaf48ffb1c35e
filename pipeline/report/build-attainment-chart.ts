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

/**
 * Draws horizontal bars, one per verdict, with the count at the end of each bar. Every text is escaped before the
 * SVG is wrapped as a SafeString; the caller's strings are data.
 */
export function buildAttainmentChart(bars: AttainmentBar[], caption: string): ReportChart {
  const widthMm = 150;
  const rowH = 9;
  const labelW = 55;
  const barMax = widthMm - labelW - 18;
  const heightMm = bars.length * rowH + 4;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const parts = bars.map((b, i) => {
    const y = 2 + i * rowH;
    const w = Math.max(0.5, (b.count / max) * barMax);
    return (
      `<text x="${labelW - 2}" y="${y + 5.2}" text-anchor="end" font-size="4">${escapeXml(b.label)}</text>` +
      `<rect x="${labelW}" y="${y + 1}" width="${w.toFixed(2)}" height="${rowH - 3}" fill="${escapeXml(b.color)}"/>` +
      `<text x="${(labelW + w + 2).toFixed(2)}" y="${y + 5.2}" font-size="4">${escapeXml(formatNumber(b.count))}</text>`
    );
  });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${widthMm}mm" height="${heightMm}mm" viewBox="0 0 ${widthMm} ${heightMm}" ` +
    `font-family="Tinos, 'Times New Roman', serif" role="img" aria-label="${escapeXml(caption)}">` +
    `<line x1="${labelW}" y1="1" x2="${labelW}" y2="${heightMm - 1}" stroke="#000" stroke-width="0.3"/>` +
    parts.join('') +
    `</svg>`;
  const rows = bars.map((b) => ({ label: b.label, value: b.count, display: formatNumber(b.count), color: b.color }));
  return { svg: new Handlebars.SafeString(svg), caption, widthMm, heightMm, rows };
}
