// Report stage tests: reading a PNG's pixels back. resvg decodes it: an SVG holding only the picture is rendered at
// the picture's own size, and its RGBA pixels are counted.
import { Resvg } from '@resvg/resvg-js';

/**
 * Share of the picture's pixels (0-1) that are clearly not white (any channel below 200): ink of lines, bars and text.
 * A blank (all white or all transparent-on-white) picture gives 0.
 */
export function pngInkShare(png: Uint8Array, width: number, height: number): number {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${Buffer.from(png).toString('base64')}"/></svg>`;
  const pixels = new Resvg(svg, { background: 'white' }).render().pixels;
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 200 || pixels[i + 1]! < 200 || pixels[i + 2]! < 200) ink++;
  return ink / (pixels.length / 4);
}

/** Width and height of a PNG from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(png);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
