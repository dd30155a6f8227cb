import { InputError } from '@ptychojs/io';
import type { Plane } from '../types.js';
import { colormapRgb, type ColormapName } from './colormap-rgb.js';
import { GLYPH_H, textWidth } from './font-5x7.js';
import { Raster } from './raster.js';
import { formatTick, niceStep, niceTicks, piLabel } from './ticks.js';

/** Options of {@link renderImagePng}. */
export interface RenderImageOptions {
  /** 'gray' (default), 'viridis', or 'twilight' (cyclic; use it for phase). */
  readonly colormap?: ColormapName;
  /** Value mapped to the bottom of the colour map; default the finite minimum. */
  readonly vmin?: number;
  /** Value mapped to the top; default the finite maximum (vmin + 1 for a constant image). */
  readonly vmax?: number;
  /** Title drawn above the image (5×7 font, upper case). */
  readonly title?: string;
  /** Draw a colour bar with tick labels (default true). */
  readonly colorbar?: boolean;
  /** Integer nearest-neighbour magnification; default round(256 / longer side), between 1 and 8. */
  readonly scale?: number;
  /** Colour of NaN pixels, RGB 0…255 (default magenta, 255 0 255): e.g. white for "not measured". */
  readonly nanColor?: readonly [number, number, number];
  /**
   * Points drawn over the image (e.g. scan positions), one set or several drawn in order, in pixel
   * coordinates of the plane: x the column, y the row, pixel centres at integers; each a dot of
   * `size` screen pixels × the magnification (default max(2, scale) screen pixels) in `color`
   * (default red, 230 30 30). Points off the image are skipped.
   */
  readonly markers?: MarkerSet | readonly MarkerSet[];
}

/** Points drawn over an image by {@link renderImagePng}, in one colour and size. */
export interface MarkerSet {
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
  readonly color?: readonly [number, number, number];
  readonly size?: number;
}

const BLACK = [0, 0, 0] as const;
const MARGIN = 10, BAR_GAP = 12, BAR_W = 16, TICK = 4;

/**
 * Render an image plane as a PNG with a colour bar (browser-safe; fast-png). Layout: optional title
 * on top; the image (row 0 at the top), magnified by `scale`; to its right a vertical colour bar,
 * vmax at its top row and vmin at its bottom row exactly, with ticks and labels (multiples of π/2
 * labelled in π when the colour map is 'twilight' and [vmin, vmax] = [−π, π]). NaN pixels are magenta.
 * @shape plane (H, W) float
 * @returns PNG bytes (RGB, 8 bit)
 * @throws InputError on a size mismatch or bad vmin/vmax/scale.
 */
export function renderImagePng(plane: Plane, height: number, width: number, options: RenderImageOptions = {}): Uint8Array {
  if (!Number.isInteger(height) || !Number.isInteger(width) || height < 1 || width < 1 || plane.length !== height * width) {
    throw new InputError('renderImagePng: plane length must equal height·width', { key: 'plane', expected: `${height}·${width} values`, actual: `${plane.length}` });
  }
  const cmap = options.colormap ?? 'gray';
  if (cmap !== 'gray' && cmap !== 'viridis' && cmap !== 'twilight') throw new InputError(`renderImagePng: unknown colormap '${String(cmap)}'`, { key: 'colormap', expected: "'gray' | 'viridis' | 'twilight'", actual: String(cmap) });
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < plane.length; i++) { const v = plane[i]!; if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; } }
  if (lo > hi) { lo = 0; hi = 1; }
  const vmin = options.vmin ?? lo;
  let vmax = options.vmax ?? hi;
  if (options.vmax === undefined && vmax <= vmin) vmax = vmin + 1;
  if (!Number.isFinite(vmin) || !Number.isFinite(vmax) || !(vmax > vmin)) {
    throw new InputError('renderImagePng: need finite vmin < vmax', { key: 'vmax', expected: 'vmin < vmax', actual: `vmin=${vmin}, vmax=${vmax}` });
  }
  const scale = options.scale ?? Math.max(1, Math.min(8, Math.round(256 / Math.max(height, width))));
  if (!Number.isInteger(scale) || scale < 1) throw new InputError('renderImagePng: scale must be a positive integer', { key: 'scale', expected: 'integer ≥ 1', actual: String(scale) });
  const iw = width * scale, ih = height * scale;
  const fs = ih >= 200 ? 2 : 1;
  const colorbar = options.colorbar ?? true;

  const usePi = cmap === 'twilight' && Math.abs(vmin + Math.PI) < 1e-6 && Math.abs(vmax - Math.PI) < 1e-6;
  const ticks: { v: number; label: string }[] = [];
  if (colorbar) {
    if (usePi) for (const v of [-Math.PI, -Math.PI / 2, 0, Math.PI / 2, Math.PI]) ticks.push({ v, label: piLabel(v)! });
    else {
      const step = niceStep(vmin, vmax, 5);
      for (const v of niceTicks(vmin, vmax, 5)) ticks.push({ v, label: formatTick(v, step) });
    }
  }
  const labelW = Math.max(0, ...ticks.map((t) => textWidth(t.label, fs)));
  const titleH = options.title ? GLYPH_H * 2 + 8 : 0;
  const barX = MARGIN + iw + BAR_GAP;
  const W = colorbar ? barX + BAR_W + TICK + 3 + labelW + MARGIN : MARGIN + iw + MARGIN;
  const topPad = Math.ceil((GLYPH_H * fs) / 2) + 2; // room for the top tick label
  const y0 = MARGIN + titleH + (colorbar ? topPad : 0);
  const H = y0 + ih + (colorbar ? topPad : 0) + MARGIN;
  const titleW = options.title ? textWidth(options.title, 2) : 0;
  const canvas = new Raster(Math.max(W, titleW + 2 * MARGIN), H);

  if (options.title) canvas.text(options.title, Math.floor((canvas.width - titleW) / 2), MARGIN, BLACK, 2);
  const span = vmax - vmin;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const v = plane[r * width + c]!;
      const rgb = !Number.isFinite(v) && options.nanColor ? options.nanColor : colormapRgb(cmap, Number.isFinite(v) ? (v - vmin) / span : NaN);
      canvas.fillRect(MARGIN + c * scale, y0 + r * scale, scale, scale, rgb);
    }
  }
  const sets = options.markers === undefined ? [] : Array.isArray(options.markers) ? options.markers as readonly MarkerSet[] : [options.markers as MarkerSet];
  for (const mk of sets) {
    if (mk.xs.length !== mk.ys.length) throw new InputError('renderImagePng: markers.xs and markers.ys differ in length', { key: 'markers', expected: `${mk.xs.length} ys`, actual: `${mk.ys.length}` });
    const size = mk.size !== undefined ? Math.max(1, Math.round(mk.size * scale)) : Math.max(2, scale), color = mk.color ?? [230, 30, 30];
    for (let k = 0; k < mk.xs.length; k++) {
      const x = mk.xs[k]!, y = mk.ys[k]!;
      if (!(x >= -0.5 && x < width - 0.5 && y >= -0.5 && y < height - 0.5)) continue;
      const px = Math.round(MARGIN + (x + 0.5) * scale - size / 2), py = Math.round(y0 + (y + 0.5) * scale - size / 2);
      canvas.fillRect(Math.max(MARGIN, px), Math.max(y0, py), Math.min(size, MARGIN + iw - px), Math.min(size, y0 + ih - py), color);
    }
  }
  canvas.frame(MARGIN, y0, iw, ih, BLACK);
  if (colorbar) {
    for (let y = 0; y < ih; y++) {
      const t = ih === 1 ? 1 : 1 - y / (ih - 1); // top row = vmax, bottom row = vmin, exactly
      canvas.fillRect(barX, y0 + y, BAR_W, 1, colormapRgb(cmap, t));
    }
    canvas.frame(barX, y0, BAR_W, ih, BLACK);
    for (const { v, label } of ticks) {
      const y = Math.round(y0 + (1 - (v - vmin) / span) * (ih - 1));
      canvas.fillRect(barX + BAR_W, y, TICK, 1, BLACK);
      canvas.text(label, barX + BAR_W + TICK + 3, y - Math.floor((GLYPH_H * fs) / 2), BLACK, fs);
    }
  }
  return canvas.png();
}
