import { InputError } from '@ptychojs/io';
import { GLYPH_H, textWidth } from './font-5x7.js';
import { Raster, type Rgb } from './raster.js';
import { formatTick, niceStep, niceTicks } from './ticks.js';

/** One line of a {@link renderCurvesPng} plot. */
export interface CurveSeries {
  readonly name: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
}

/** Options of {@link renderCurvesPng}. */
export interface RenderCurvesOptions {
  readonly series: readonly CurveSeries[];
  readonly xLabel?: string;
  readonly yLabel?: string;
  readonly title?: string;
  /** Logarithmic y axis; points with y ≤ 0 or non-finite are left out (the line breaks there). */
  readonly logY?: boolean;
  /** Default 640. */
  readonly width?: number;
  /** Default 400. */
  readonly height?: number;
}

/** matplotlib's 'tab10' cycle, used in series order. */
export const SERIES_COLORS: readonly Rgb[] = [
  [0x1f, 0x77, 0xb4], [0xff, 0x7f, 0x0e], [0x2c, 0xa0, 0x2c], [0xd6, 0x27, 0x28], [0x94, 0x67, 0xbd],
  [0x8c, 0x56, 0x4b], [0xe3, 0x77, 0xc2], [0x7f, 0x7f, 0x7f], [0xbc, 0xbd, 0x22], [0x17, 0xbe, 0xcf],
];
const BLACK: Rgb = [0, 0, 0], GRID: Rgb = [225, 225, 225], FS = 1;

/**
 * Line plot as a PNG (browser-safe; fast-png) for loss histories and FRC curves: framed axes,
 * light grid, ticks with numbers (5×7 font), x/y labels (y label vertical), title, and a legend in
 * the top-right corner of the plot area with each series' colour ({@link SERIES_COLORS}) and name.
 * Series with ≤ 30 points also get 3×3 markers. Non-finite points break the line.
 * @returns PNG bytes (RGB, 8 bit), exactly `width` × `height`
 * @throws InputError when there are no series, x/y lengths differ, the size is too small, or no point is plottable.
 */
export function renderCurvesPng(options: RenderCurvesOptions): Uint8Array {
  const { series, logY = false } = options;
  const width = options.width ?? 640, height = options.height ?? 400;
  if (!Array.isArray(series) || series.length === 0) throw new InputError('renderCurvesPng: need at least one series', { key: 'series', expected: '≥ 1 series', actual: '0' });
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 160 || height < 120) {
    throw new InputError('renderCurvesPng: width and height must be integers ≥ 160 × 120', { key: 'width', expected: '≥ 160 × 120', actual: `${width} × ${height}` });
  }
  for (const s of series) {
    if (s.x.length !== s.y.length) throw new InputError(`renderCurvesPng: series '${s.name}' has ${s.x.length} x and ${s.y.length} y values`, { key: 'series', expected: 'equal lengths', actual: `${s.x.length} vs ${s.y.length}` });
  }
  const ok = (x: number, y: number): boolean => Number.isFinite(x) && Number.isFinite(y) && (!logY || y > 0);
  const ty = (y: number): number => (logY ? Math.log10(y) : y);
  let xlo = Infinity, xhi = -Infinity, ylo = Infinity, yhi = -Infinity;
  for (const s of series) for (let i = 0; i < s.x.length; i++) {
    const x = s.x[i]!, y = s.y[i]!;
    if (!ok(x, y)) continue;
    xlo = Math.min(xlo, x); xhi = Math.max(xhi, x); ylo = Math.min(ylo, ty(y)); yhi = Math.max(yhi, ty(y));
  }
  if (xlo > xhi) throw new InputError(`renderCurvesPng: no plottable point${logY ? ' (log scale needs y > 0)' : ''}`, { key: 'series', expected: 'finite points', actual: 'none' });
  if (xhi === xlo) { xlo -= 0.5; xhi += 0.5; }
  if (yhi === ylo) { const d = logY ? 0.5 : Math.abs(ylo) * 0.1 || 0.5; ylo -= d; yhi += d; } else {
    const pad = 0.05 * (yhi - ylo); ylo -= pad; yhi += pad;
  }

  // y ticks: decades on a log axis spanning ≥ 1 decade, else nice values
  const yTicks: { v: number; label: string }[] = [];
  if (logY && yhi - ylo >= 1) {
    // decades; with fewer than 3 decades also 2× and 5×
    const step = Math.max(1, Math.ceil((yhi - ylo) / 6)), mult = yhi - ylo < 3 ? [1, 2, 5] : [1];
    for (let k = Math.floor(ylo); k <= Math.ceil(yhi); k += step) {
      for (const m of mult) {
        const v = k + Math.log10(m);
        if (v >= ylo && v <= yhi) yTicks.push({ v, label: `${m}e${k}` });
      }
    }
  } else {
    const lo = logY ? 10 ** ylo : ylo, hi = logY ? 10 ** yhi : yhi, st = niceStep(lo, hi, 5);
    for (const v of niceTicks(lo, hi, 5)) if (!logY || v > 0) yTicks.push({ v: ty(v), label: formatTick(v, st) });
  }
  const xStep = niceStep(xlo, xhi, 6);
  const xTicks = niceTicks(xlo, xhi, 6).map((v) => ({ v, label: formatTick(v, xStep) }));

  const gh = GLYPH_H * FS;
  const left = 8 + (options.yLabel ? gh + 6 : 0) + Math.max(...yTicks.map((t) => textWidth(t.label, FS)), 0) + 6;
  const top = options.title ? 12 + GLYPH_H * 2 + 8 : 14;
  const bottom = 6 + gh + 6 + (options.xLabel ? gh + 8 : 0) + 4;
  const plot = { x: left, y: top, w: width - left - 16, h: height - top - bottom };
  if (plot.w < 40 || plot.h < 40) throw new InputError('renderCurvesPng: too small for the labels', { key: 'width', expected: 'a larger width/height', actual: `${width} × ${height}` });
  const px = (x: number): number => plot.x + ((x - xlo) / (xhi - xlo)) * (plot.w - 1);
  const py = (v: number): number => plot.y + (1 - (v - ylo) / (yhi - ylo)) * (plot.h - 1);
  const canvas = new Raster(width, height);

  for (const t of yTicks) {
    const y = Math.round(py(t.v));
    canvas.fillRect(plot.x, y, plot.w, 1, GRID);
    canvas.fillRect(plot.x - 4, y, 4, 1, BLACK);
    canvas.text(t.label, plot.x - 6 - textWidth(t.label, FS), y - Math.floor(gh / 2), BLACK, FS);
  }
  for (const t of xTicks) {
    const x = Math.round(px(t.v));
    canvas.fillRect(x, plot.y, 1, plot.h, GRID);
    canvas.fillRect(x, plot.y + plot.h, 1, 4, BLACK);
    canvas.text(t.label, x - Math.floor(textWidth(t.label, FS) / 2), plot.y + plot.h + 6, BLACK, FS);
  }
  canvas.frame(plot.x, plot.y, plot.w, plot.h, BLACK);
  if (options.title) canvas.text(options.title, Math.floor((width - textWidth(options.title, 2)) / 2), 12, BLACK, 2);
  if (options.xLabel) canvas.text(options.xLabel, plot.x + Math.floor((plot.w - textWidth(options.xLabel, FS)) / 2), plot.y + plot.h + 6 + gh + 8, BLACK, FS);
  if (options.yLabel) canvas.text(options.yLabel, 8, plot.y + Math.floor((plot.h + textWidth(options.yLabel, FS)) / 2), BLACK, FS, true);

  series.forEach((s, k) => {
    const c = SERIES_COLORS[k % SERIES_COLORS.length]!;
    let prev: [number, number] | null = null;
    for (let i = 0; i < s.x.length; i++) {
      const x = s.x[i]!, y = s.y[i]!;
      if (!ok(x, y)) { prev = null; continue; }
      const p: [number, number] = [px(x), py(ty(y))];
      if (prev) canvas.line(prev[0], prev[1], p[0], p[1], c, 2, plot);
      if (s.x.length <= 30) canvas.fillRect(Math.round(p[0]) - 1, Math.round(p[1]) - 1, 3, 3, c);
      prev = p;
    }
  });

  // legend: top-right inside the plot area
  const rowH = gh + 6, lw = Math.max(...series.map((s) => textWidth(s.name, FS))) + 34;
  const lx = plot.x + plot.w - lw - 8, ly = plot.y + 8;
  canvas.fillRect(lx, ly, lw, series.length * rowH + 4, [255, 255, 255]);
  canvas.frame(lx, ly, lw, series.length * rowH + 4, [160, 160, 160]);
  series.forEach((s, k) => {
    const c = SERIES_COLORS[k % SERIES_COLORS.length]!, y = ly + 5 + k * rowH;
    canvas.fillRect(lx + 6, y + Math.floor(gh / 2) - 1, 20, 3, c);
    canvas.text(s.name, lx + 30, y, BLACK, FS);
  });
  return canvas.png();
}
