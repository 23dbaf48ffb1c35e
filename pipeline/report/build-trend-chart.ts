// Report stage: the trend of a key indicator over the years of a review, with the target, as an inline SVG.
import Handlebars from 'handlebars';
import { escapeXml } from './writers/escape-xml.ts';
import { formatNumber } from '../shared/format-number.ts';
import type { ReportChart } from './report-model.ts';

/** What the trend chart shows. */
export interface TrendChartInput {
  points: { year: number; value: number }[];
  /** Target level, drawn as a dashed line, or null. */
  target: number | null;
  /** Value projected at `targetYear` at the observed pace, or null. */
  projected: number | null;
  targetYear: number | null;
  unit: string;
  caption: string;
}

/**
 * Draws a line of yearly values, a dashed projection to the target year and a dashed target line, with each value
 * labelled in Vietnamese number format. Texts are escaped before wrapping the SVG as a SafeString.
 */
export function buildTrendChart(input: TrendChartInput): ReportChart {
  const widthMm = 150;
  const heightMm = 70;
  const left = 14;
  const right = widthMm - 8;
  const top = 8;
  const bottom = heightMm - 12;
  const years = input.points.map((p) => p.year);
  const lastYear = Math.max(...years, input.targetYear ?? -Infinity);
  const firstYear = Math.min(...years);
  const values = input.points.map((p) => p.value);
  if (input.target !== null) values.push(input.target);
  if (input.projected !== null) values.push(input.projected);
  let lo = Math.min(0, ...values);
  let hi = Math.max(...values);
  if (hi === lo) hi = lo + 1;
  hi += (hi - lo) * 0.1;
  lo = lo < 0 ? lo - (hi - lo) * 0.05 : lo;
  const x = (year: number) => left + ((year - firstYear) / Math.max(1, lastYear - firstYear)) * (right - left);
  const y = (v: number) => bottom - ((v - lo) / (hi - lo)) * (bottom - top);
  const out: string[] = [];
  out.push(`<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#000" stroke-width="0.3"/>`);
  for (let yr = firstYear; yr <= lastYear; yr++) {
    out.push(`<text x="${x(yr).toFixed(2)}" y="${bottom + 6}" text-anchor="middle" font-size="3.6">${yr}</text>`);
  }
  if (input.target !== null) {
    const ty = y(input.target).toFixed(2);
    out.push(`<line x1="${left}" y1="${ty}" x2="${right}" y2="${ty}" stroke="#b00" stroke-width="0.4" stroke-dasharray="2 1.5"/>`);
    out.push(`<text x="${left + 1}" y="${(Number(ty) - 1.5).toFixed(2)}" font-size="3.4" fill="#b00">${escapeXml(`Mục tiêu: ${formatNumber(input.target)}${input.unit === '%' || input.unit === '‰' ? input.unit : ` ${input.unit}`}`)}</text>`);
  }
  const pts = input.points.map((p) => `${x(p.year).toFixed(2)},${y(p.value).toFixed(2)}`);
  out.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="#124" stroke-width="0.6"/>`);
  for (const p of input.points) {
    out.push(`<circle cx="${x(p.year).toFixed(2)}" cy="${y(p.value).toFixed(2)}" r="0.9" fill="#124"/>`);
    out.push(`<text x="${x(p.year).toFixed(2)}" y="${(y(p.value) - 2.2).toFixed(2)}" text-anchor="middle" font-size="3.4">${escapeXml(formatNumber(p.value))}</text>`);
  }
  const last = input.points[input.points.length - 1];
  if (input.projected !== null && input.targetYear !== null && last) {
    out.push(`<line x1="${x(last.year).toFixed(2)}" y1="${y(last.value).toFixed(2)}" x2="${x(input.targetYear).toFixed(2)}" y2="${y(input.projected).toFixed(2)}" stroke="#124" stroke-width="0.4" stroke-dasharray="1.2 1.2"/>`);
    out.push(`<text x="${x(input.targetYear).toFixed(2)}" y="${(y(input.projected) - 2.2).toFixed(2)}" text-anchor="end" font-size="3.4">${escapeXml(`Dự báo: ${formatNumber(input.projected)}`)}</text>`);
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${widthMm}mm" height="${heightMm}mm" viewBox="0 0 ${widthMm} ${heightMm}" ` +
    `font-family="Tinos, 'Times New Roman', serif" role="img" aria-label="${escapeXml(input.caption)}">${out.join('')}</svg>`;
  const rows = input.points.map((p) => ({ label: String(p.year), value: p.value, display: formatNumber(p.value), color: '#112244' }));
  if (input.projected !== null && input.targetYear !== null) {
    rows.push({ label: `${input.targetYear} (dự báo)`, value: input.projected, display: formatNumber(input.projected), color: '#7a8aa8' });
  }
  if (input.target !== null) rows.push({ label: 'Mục tiêu', value: input.target, display: formatNumber(input.target), color: '#bb0000' });
  return { svg: new Handlebars.SafeString(svg), caption: input.caption, widthMm, heightMm, rows };
}
