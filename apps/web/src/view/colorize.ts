import { colormapRgb, type ColormapName } from '@ptychojs/metrics';

/** A 256-entry RGB lookup table of a colour map (the maps of `@ptychojs/metrics`, as in the PNGs the CLI writes). */
export function colormapLut(name: ColormapName): Uint8Array {
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) lut.set(colormapRgb(name, i / 255), 3 * i);
  return lut;
}

/**
 * Colour a rectangle of an image plane into RGBA pixels: value v ↦ LUT entry
 * round(255·(v − vmin)/(vmax − vmin)), clamped; non-finite values magenta (as the PNGs).
 *
 * @shape plane (H, W) row-major, of which the rectangle (x0, y0, w, h) is coloured
 * @shape out (h, w, 4) uint8 RGBA
 */
export function colorizeInto(plane: ArrayLike<number>, W: number, x0: number, y0: number, w: number, h: number, lut: Uint8Array, vmin: number, vmax: number, out: Uint8ClampedArray): void {
  const k = vmax > vmin ? 255 / (vmax - vmin) : 0;
  for (let r = 0; r < h; r++) {
    let src = (y0 + r) * W + x0, dst = r * w * 4;
    for (let c = 0; c < w; c++, src++, dst += 4) {
      const v = plane[src]!;
      if (Number.isFinite(v)) {
        const i = 3 * Math.max(0, Math.min(255, Math.round((v - vmin) * k)));
        out[dst] = lut[i]!; out[dst + 1] = lut[i + 1]!; out[dst + 2] = lut[i + 2]!;
      } else {
        out[dst] = 255; out[dst + 1] = 0; out[dst + 2] = 255;
      }
      out[dst + 3] = 255;
    }
  }
}

/** Finite minimum and maximum of a plane ([0, 1] when it has no finite value; max > min always). */
export function finiteRange(plane: ArrayLike<number>): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < plane.length; i++) { const v = plane[i]!; if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; } }
  if (!(lo <= hi)) return [0, 1];
  return hi > lo ? [lo, hi] : [lo, lo + 1];
}
