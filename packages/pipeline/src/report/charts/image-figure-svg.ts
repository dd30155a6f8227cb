import { scaleLinear } from 'd3-scale';
import { renderImagePng, resolveImageOptions, type Plane, type RenderImageOptions } from '@ptychojs/metrics';
import { base64 } from '../../internal/base64.js';
import { escapeMarkup as esc } from '../escape-markup.js';
import { CHART_FONT_FAMILY } from './chart-svg.js';

/** Options of {@link imageFigureSvg}: the picture's ({@link RenderImageOptions}) and its labels. */
export interface ImageFigureOptions extends RenderImageOptions {
  /** Title above the image. */
  readonly title?: string;
  /** Draw a colour bar with tick labels (default true). */
  readonly colorbar?: boolean;
}

const MARGIN = 10, TITLE_H = 26, BAR_GAP = 12, BAR_W = 16, TICK = 4, LABEL_GAP = 3;
/** Room above and below the image for the half of the end ticks' labels that sticks out. */
const LABEL_PAD = 8;
/**
 * Widths of text, estimated (an SVG string cannot measure it): DejaVu Sans digits are 0.636 em,
 * so 7.7 px per character of a 12-px tick label; 9 px per character of the 14-px bold title.
 */
const TICK_CHAR_W = 7.7, TITLE_CHAR_W = 9;

/**
 * An image plane as a labelled figure, a standalone SVG element (a string) in the style of
 * {@link chartSvg}: an optional title on top; the picture of `@ptychojs/metrics`'
 * `renderImagePng` (colour map, magnification, NaN colour and markers), embedded as a PNG and
 * framed; to its right a colour bar (the same colour map, vmax at its top row and vmin at its
 * bottom row exactly) with ticks and labels (d3-scale's nice ticks; multiples of π/2 labelled in π
 * when the colour map is 'twilight' and [vmin, vmax] = [−π, π]). Pure; `svgToPng` of
 * `@ptychojs/pipeline/node` rasterizes it.
 *
 * Layout, in pixels: a 10-px margin; the title's band is 26 px; with a colour bar the image starts
 * 8 px lower (room for the top label); image at (10, y0) magnified `scale` times; the bar 12 px to
 * its right, 16 px wide; a 1-px black frame just outside both.
 * @shape plane (H, W) float
 * @throws InputError as `renderImagePng` does (size mismatch, bad vmin/vmax/scale, markers).
 */
export function imageFigureSvg(plane: Plane, height: number, width: number, options: ImageFigureOptions = {}): string {
  const { colormap, vmin, vmax, scale } = resolveImageOptions(plane, height, width, options);
  const image = renderImagePng(plane, height, width, { ...options, colormap, vmin, vmax, scale });
  const iw = width * scale, ih = height * scale, colorbar = options.colorbar ?? true, title = options.title ?? '';
  const ticks = colorbar ? barTicks(colormap, vmin, vmax) : [];
  const labelW = Math.ceil(TICK_CHAR_W * Math.max(0, ...ticks.map((t) => t.label.length)));
  const y0 = MARGIN + (title ? TITLE_H : 0) + (colorbar ? LABEL_PAD : 0);
  const barX = MARGIN + iw + BAR_GAP;
  const W = Math.max(colorbar ? barX + BAR_W + 1 + TICK + LABEL_GAP + labelW + MARGIN : MARGIN + iw + MARGIN, Math.ceil(TITLE_CHAR_W * title.length) + 2 * MARGIN);
  const H = y0 + ih + (colorbar ? LABEL_PAD : 0) + MARGIN;
  const frame = (x: number, w: number) => `<rect x="${x - 0.5}" y="${y0 - 0.5}" width="${w + 1}" height="${ih + 1}" fill="none" stroke="#000" stroke-width="1"/>`;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="image-figure" role="img" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" data-title="${esc(title)}" font-family="${CHART_FONT_FAMILY}" font-size="12">`);
  if (title) out.push(`<title>${esc(title)}</title>`);
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#fff"/>`);
  if (title) out.push(`<text x="${W / 2}" y="${MARGIN + 16}" text-anchor="middle" font-size="14" font-weight="600" fill="#222">${esc(title)}</text>`);
  out.push(`<image x="${MARGIN}" y="${y0}" width="${iw}" height="${ih}" preserveAspectRatio="none" href="data:image/png;base64,${base64(image)}"/>`);
  out.push(frame(MARGIN, iw));
  if (colorbar) {
    // One column of the colour map per row of the bar: top row = vmax, bottom row = vmin, exactly.
    const ramp = new Float64Array(ih * BAR_W);
    for (let r = 0; r < ih; r++) ramp.fill(ih === 1 ? 1 : 1 - r / (ih - 1), r * BAR_W, (r + 1) * BAR_W);
    const bar = renderImagePng(ramp, ih, BAR_W, { colormap, vmin: 0, vmax: 1, scale: 1 });
    out.push(`<g class="colorbar" fill="#222"><image x="${barX}" y="${y0}" width="${BAR_W}" height="${ih}" preserveAspectRatio="none" href="data:image/png;base64,${base64(bar)}"/>`);
    out.push(frame(barX, BAR_W));
    for (const { v, label } of ticks) {
      const ty = Math.round(y0 + (1 - (v - vmin) / (vmax - vmin)) * (ih - 1)); // the bar row of value v
      out.push(`<line x1="${barX + BAR_W + 1}" x2="${barX + BAR_W + 1 + TICK}" y1="${ty + 0.5}" y2="${ty + 0.5}" stroke="#000" stroke-width="1"/><text x="${barX + BAR_W + 1 + TICK + LABEL_GAP}" y="${ty + 4.5}">${esc(label)}</text>`);
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('');
}

/** Colour-bar ticks: multiples of π/2 in π for a [−π, π] twilight (phase), else about five nice values. */
function barTicks(colormap: string, vmin: number, vmax: number): { v: number; label: string }[] {
  if (colormap === 'twilight' && Math.abs(vmin + Math.PI) < 1e-6 && Math.abs(vmax - Math.PI) < 1e-6) {
    return [[-2, '-π'], [-1, '-π/2'], [0, '0'], [1, 'π/2'], [2, 'π']].map(([k, label]) => ({ v: (Number(k) * Math.PI) / 2, label: String(label) }));
  }
  const s = scaleLinear().domain([vmin, vmax]), big = Math.max(Math.abs(vmin), Math.abs(vmax));
  const f = s.tickFormat(5, big >= 1e5 || big < 1e-3 ? '~e' : undefined);
  return s.ticks(5).map((v) => ({ v, label: f(v).replace('−', '-').replace('e+', 'e') }));
}
