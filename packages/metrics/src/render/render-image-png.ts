import { encode } from 'fast-png';
import { InputError } from '@ptychojs/io';
import type { Plane } from '../types.js';
import { colormapRgb } from './colormap-rgb.js';
import { resolveImageOptions, type ImageOptions } from './resolve-image-options.js';

/** Options of {@link renderImagePng}: the colour mapping ({@link ImageOptions}) and what is drawn over it. */
export interface RenderImageOptions extends ImageOptions {
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

/**
 * An image plane as a PNG of its pixels only (browser-safe; fast-png): each value through the
 * colour map over [vmin, vmax] ({@link resolveImageOptions}), row 0 at the top, magnified `scale`
 * times by nearest neighbour, with the markers drawn over it. No text, frame or colour bar: the
 * labelled figure (title, colour bar with its ticks) is an SVG around this picture, drawn by
 * `@ptychojs/pipeline`'s chart renderer.
 * @shape plane (H, W) float
 * @returns PNG bytes (RGB, 8 bit), exactly `width·scale` × `height·scale`
 * @throws InputError on a size mismatch, bad vmin/vmax/scale, or markers whose xs and ys differ in length.
 */
export function renderImagePng(plane: Plane, height: number, width: number, options: RenderImageOptions = {}): Uint8Array {
  const { colormap, vmin, vmax, scale } = resolveImageOptions(plane, height, width, options);
  const iw = width * scale, ih = height * scale, data = new Uint8Array(iw * ih * 3);
  const fill = (x: number, y: number, w: number, h: number, rgb: readonly number[]): void => {
    for (let j = y; j < y + h; j++) for (let i = x; i < x + w; i++) data.set(rgb, 3 * (j * iw + i));
  };
  const span = vmax - vmin;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const v = plane[r * width + c]!;
      fill(c * scale, r * scale, scale, scale, !Number.isFinite(v) && options.nanColor ? options.nanColor : colormapRgb(colormap, Number.isFinite(v) ? (v - vmin) / span : NaN));
    }
  }
  const sets = options.markers === undefined ? [] : Array.isArray(options.markers) ? options.markers as readonly MarkerSet[] : [options.markers as MarkerSet];
  for (const mk of sets) {
    if (mk.xs.length !== mk.ys.length) throw new InputError('renderImagePng: markers.xs and markers.ys differ in length', { key: 'markers', expected: `${mk.xs.length} ys`, actual: `${mk.ys.length}` });
    const size = mk.size !== undefined ? Math.max(1, Math.round(mk.size * scale)) : Math.max(2, scale), color = mk.color ?? [230, 30, 30];
    for (let k = 0; k < mk.xs.length; k++) {
      const x = mk.xs[k]!, y = mk.ys[k]!;
      if (!(x >= -0.5 && x < width - 0.5 && y >= -0.5 && y < height - 0.5)) continue;
      const px = Math.round((x + 0.5) * scale - size / 2), py = Math.round((y + 0.5) * scale - size / 2);
      const x0 = Math.max(0, px), y0 = Math.max(0, py);
      fill(x0, y0, Math.min(px + size, iw) - x0, Math.min(py + size, ih) - y0, color);
    }
  }
  return encode({ width: iw, height: ih, data, channels: 3, depth: 8 });
}
