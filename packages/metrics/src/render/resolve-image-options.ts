import { InputError } from '@ptychojs/io';
import type { Plane } from '../types.js';
import type { ColormapName } from './colormap-rgb.js';

/** How a plane is colour-mapped and magnified: the loose input of {@link resolveImageOptions}. */
export interface ImageOptions {
  /** 'gray' (default), 'viridis', or 'twilight' (cyclic; use it for phase). */
  readonly colormap?: ColormapName;
  /** Value mapped to the bottom of the colour map; default the finite minimum. */
  readonly vmin?: number;
  /** Value mapped to the top; default the finite maximum (vmin + 1 for a constant image). */
  readonly vmax?: number;
  /** Integer nearest-neighbour magnification; default round(256 / longer side), between 1 and 8. */
  readonly scale?: number;
}

/** {@link ImageOptions} with every default applied and checked. */
export interface ResolvedImageOptions {
  readonly colormap: ColormapName;
  /** Value at the bottom of the colour map (finite, < vmax). */
  readonly vmin: number;
  /** Value at the top of the colour map. */
  readonly vmax: number;
  /** Screen pixels per plane pixel along each axis (integer ≥ 1). */
  readonly scale: number;
}

/**
 * The colour map, value range and magnification an image of `plane` is drawn with: the one place
 * their defaults live (the range of the finite values; a magnification that brings the longer side
 * near 256 px), shared by `renderImagePng` and the labelled figures built around it.
 * @shape plane (H, W) float
 * @throws InputError when the plane's length is not height·width, the colour map is unknown,
 *   vmin < vmax does not hold, or the scale is not a positive integer.
 */
export function resolveImageOptions(plane: Plane, height: number, width: number, options: ImageOptions = {}): ResolvedImageOptions {
  if (!Number.isInteger(height) || !Number.isInteger(width) || height < 1 || width < 1 || plane.length !== height * width) {
    throw new InputError('renderImagePng: plane length must equal height·width', { key: 'plane', expected: `${height}·${width} values`, actual: `${plane.length}` });
  }
  const colormap = options.colormap ?? 'gray';
  if (colormap !== 'gray' && colormap !== 'viridis' && colormap !== 'twilight') throw new InputError(`renderImagePng: unknown colormap '${String(colormap)}'`, { key: 'colormap', expected: "'gray' | 'viridis' | 'twilight'", actual: String(colormap) });
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
  return { colormap, vmin, vmax, scale };
}
