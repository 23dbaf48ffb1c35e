// Report stage: the trend of a key indicator over the years of a review, with its target, as an inline SVG with
// labelled axes. Only years with a figure are drawn: no projection is drawn as if it were a year's figure.
import Handlebars from 'handlebars';
import { formatNumber } from '../shared/format-number.ts';
import { lowerFirst } from './format/lower-first.ts';
import { escapeXml } from './writers/escape-xml.ts';
import type { ReportChart } from './report-model.ts';

/** What the trend chart shows. */
export interface TrendChartInput {
  /** Yearly figures, oldest first (real years only). */
  points: { year: number; value: number }[];
  /** Target level, or null. */
  target: number | null;
  /**
   * The years the target is set for ([2021, 2025]); the line is drawn over those of them that have a figure, and the
   * axis never runs past the last real year for it. Null: all.
   */
  targetYears: [number, number] | null;
  /** Years whose figure is an estimate (ước thực hiện), labelled "(ước)". @default none */
  estimateYears?: readonly number[];
  /** Legend of the target line ("Mục tiêu 2021-2025: bình quân 9-10%/năm"). */
  targetLabel: string;
  unit: string;
  caption: string;
}

/** A "nice" tick step (1, 2, 2,5 or 5 times a power of ten) giving about five ticks over the range. */
function tickStep(range: number): number {
  const raw = range / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
}

/** The key under the chart, right-aligned at (x, y): reported figure, estimate, target line (those present). */
function legend(xRight: number, y: number, hasTarget: boolean, hasEstimate: boolean): string {
  const items: { mark: (x: number) => string; label: string; width: number }[] = [
    { mark: (x) => `<line x1="${x}" y1="${y - 1.2}" x2="${x + 5}" y2="${y - 1.2}" stroke="#124" stroke-width="0.6"/><circle cx="${x + 2.5}" cy="${y - 1.2}" r="0.9" fill="#124"/>`, label: 'Thực hiện', width: 22 },
  ];
  if (hasEstimate) items.push({ mark: (x) => `<circle cx="${x + 2.5}" cy="${y - 1.2}" r="1.0" fill="#fff" stroke="#124" stroke-width="0.45"/>`, label: 'Ước thực hiện', width: 27 });
  if (hasTarget) items.push({ mark: (x) => `<line x1="${x}" y1="${y - 1.2}" x2="${x + 5}" y2="${y - 1.2}" stroke="#b00" stroke-width="0.45" stroke-dasharray="2 1.5"/>`, label: 'Mục tiêu', width: 20 });
  let x = xRight - items.reduce((a, i) => a + i.width, 0);
  const out: string[] = [];
  for (const item of items) {
    out.push(`${item.mark(x)}<text x="${x + 6.5}" y="${y}" font-size="3.2">${item.label}</text>`);
    x += item.width;
  }
  return out.join('');
}

/**
 * Draws the yearly figures as a line with labelled points, the target as a dashed line over its own years, a
 * y axis with ticks and the unit, and an x axis of years. Every text is escaped before wrapping as a SafeString.
 */
export function buildTrendChart(input: TrendChartInput): ReportChart {
  const widthMm = 150;
  const heightMm = 78;
  const left = 22;
  const right = widthMm - 6;
  const top = 10;
  const bottom = heightMm - 16;
  const years = input.points.map((p) => p.year);
  // Real years only: a target set to 2030 does not stretch the axis over years without figures (review 10, finding 9).
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years);
  const estimate = new Set(input.estimateYears ?? []);
  const shown = (p: { year: number; value: number }) => `${formatNumber(p.value)}${estimate.has(p.year) ? ' (ước)' : ''}`;
  const values = input.points.map((p) => p.value);
  if (input.target !== null) values.push(input.target);
  const step = tickStep(Math.max(...values, 0) - Math.min(0, ...values) || 1);
  const lo = Math.floor(Math.min(0, ...values) / step) * step;
  const hi = Math.ceil((Math.max(...values) * 1.08) / step) * step || step;
  const span = Math.max(1, lastYear - firstYear);
  const x = (year: number) => left + 6 + ((year - firstYear) / span) * (right - left - 12);
  const y = (v: number) => bottom - ((v - lo) / (hi - lo)) * (bottom - top);
  const out: string[] = [];
  const f = (n: number) => n.toFixed(2);
  // Axes, ticks and their labels.
  out.push(`<line x1="${left}" y1="${top - 2}" x2="${left}" y2="${bottom}" stroke="#000" stroke-width="0.3"/>`);
  out.push(`<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#000" stroke-width="0.3"/>`);
  for (let v = lo; v <= hi + step / 1000; v += step) {
    out.push(`<line x1="${left - 1}" y1="${f(y(v))}" x2="${right}" y2="${f(y(v))}" stroke="#ddd" stroke-width="0.2"/>`);
    out.push(`<text x="${left - 2}" y="${f(y(v) + 1.2)}" text-anchor="end" font-size="3.4">${escapeXml(formatNumber(v))}</text>`);
  }
  out.push(`<text x="${left - 2}" y="${top - 4}" text-anchor="end" font-size="3.4" font-style="italic">${escapeXml(`(${input.unit})`)}</text>`);
  for (let yr = firstYear; yr <= lastYear; yr++) {
    out.push(`<line x1="${f(x(yr))}" y1="${bottom}" x2="${f(x(yr))}" y2="${bottom + 1}" stroke="#000" stroke-width="0.3"/>`);
    out.push(`<text x="${f(x(yr))}" y="${bottom + 5}" text-anchor="middle" font-size="3.6">${yr}</text>`);
  }
  out.push(`<text x="${f((left + right) / 2)}" y="${bottom + 10.5}" text-anchor="middle" font-size="3.6" font-style="italic">Năm</text>`);
  if (input.target !== null) {
    const ty = f(y(input.target));
    const [from, to] = [Math.max(firstYear, input.targetYears?.[0] ?? firstYear), Math.min(lastYear, input.targetYears?.[1] ?? lastYear)];
    out.push(`<line x1="${f(x(from) - 3)}" y1="${ty}" x2="${f(x(to) + 3)}" y2="${ty}" stroke="#b00" stroke-width="0.45" stroke-dasharray="2 1.5"/>`);
    out.push(`<text x="${f(x(from) - 3)}" y="${f(Number(ty) - 1.5)}" font-size="3.4" fill="#b00">${escapeXml(input.targetLabel)}</text>`);
  }
  // The line: solid between reported years, dotted into an estimate (ước thực hiện), whose point is hollow.
  input.points.slice(1).forEach((p, i) => {
    const prev = input.points[i]!;
    const dash = estimate.has(p.year) || estimate.has(prev.year) ? ' stroke-dasharray="1.2 0.9"' : '';
    out.push(`<line x1="${f(x(prev.year))}" y1="${f(y(prev.value))}" x2="${f(x(p.year))}" y2="${f(y(p.value))}" stroke="#124" stroke-width="0.6"${dash}/>`);
  });
  for (const p of input.points) {
    const hollow = estimate.has(p.year);
    out.push(`<circle cx="${f(x(p.year))}" cy="${f(y(p.value))}" r="${hollow ? '1.0' : '0.9'}" fill="${hollow ? '#fff' : '#124'}" stroke="#124" stroke-width="${hollow ? '0.45' : '0'}"/>`);
    out.push(`<text x="${f(x(p.year))}" y="${f(y(p.value) - 2.2)}" text-anchor="middle" font-size="3.4">${escapeXml(shown(p))}</text>`);
  }
  out.push(legend(right, top - 4, input.target !== null, estimate.size > 0));
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${widthMm}mm" height="${heightMm}mm" viewBox="0 0 ${widthMm} ${heightMm}" ` +
    `font-family="Tinos, 'Times New Roman', serif" role="img" aria-label="${escapeXml(input.caption)}">${out.join('')}</svg>`;
  // The figures behind the chart, one per year (never the target among them): the DOCX picture's description.
  const rows = input.points.map((p) => ({ label: `Năm ${p.year}${estimate.has(p.year) ? ' (ước)' : ''}`, value: p.value, display: formatNumber(p.value), color: '#112244' }));
  const caption = input.target !== null ? `${input.caption}; đường nét đứt: ${lowerFirst(input.targetLabel)}` : input.caption;
  return { svg: new Handlebars.SafeString(svg), caption, widthMm, heightMm, rows };
}
