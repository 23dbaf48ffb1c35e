// Report stage: a chart's SVG (the one the PDF prints) rendered to a PNG for the DOCX, where Word and LibreOffice
// show a picture but not an inline SVG. resvg (Rust, prebuilt for the platform in @resvg/resvg-js) draws it without
// a browser; the text uses Liberation Serif, the design Tinos is made from (Times New Roman metrics, Vietnamese).
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { PipelineError } from '../../shared/pipeline-error.ts';

/** Folders of Debian's fonts-liberation2 / fonts-liberation (Chromium, which the PDF writer runs, depends on them). */
const LIBERATION_DIRS = ['/usr/share/fonts/truetype/liberation2', '/usr/share/fonts/truetype/liberation', '/usr/share/fonts/liberation-serif'];
const FACES = ['Regular', 'Bold', 'Italic', 'BoldItalic'] as const;

let fontFiles: string[] | null = null;

/** The four Liberation Serif faces, or [] when none of the known folders has them (then system fonts are used). */
function liberationSerifFiles(): string[] {
  if (fontFiles) return fontFiles;
  for (const dir of LIBERATION_DIRS) {
    const files = FACES.map((face) => path.join(dir, `LiberationSerif-${face}.ttf`));
    if (files.every((f) => fs.existsSync(f))) return (fontFiles = files);
  }
  return (fontFiles = []);
}

/** Resolution of the picture: 300 dots per inch, as print. */
export const CHART_DPI = 300;

/**
 * Renders a chart's SVG to a PNG on a white background at `CHART_DPI` for a picture `widthMm` wide.
 * The SVG's own font list (Tinos, Times New Roman, serif) falls back to Liberation Serif, so the same metrics and
 * Vietnamese marks as in the PDF; the same SVG gives the same bytes (the DOCX stays reproducible).
 * @param svg a complete <svg> element with a viewBox, as the chart builders make it
 * @param widthMm printed width of the picture in millimetres
 * @returns the PNG bytes and their size in pixels
 * @throws PipelineError('report') when the SVG cannot be read (a chart builder bug)
 */
export function renderChartPng(svg: string, widthMm: number): { png: Buffer; width: number; height: number } {
  const files = liberationSerifFiles();
  try {
    const image = new Resvg(svg, {
      fitTo: { mode: 'width', value: Math.round((widthMm / 25.4) * CHART_DPI) },
      background: 'white',
      font: {
        loadSystemFonts: files.length === 0,
        fontFiles: files,
        defaultFontFamily: 'Liberation Serif',
        serifFamily: 'Liberation Serif',
      },
    }).render();
    return { png: image.asPng(), width: image.width, height: image.height };
  } catch (cause) {
    throw new PipelineError('report', `Không vẽ được biểu đồ cho DOCX: ${(cause as Error).message}`, { cause });
  }
}
