import { describe, expect, it } from 'vitest';
import { colormapRgb } from '@ptychojs/metrics';
import { colorizeInto, colormapLut, finiteRange } from './colorize.js';

describe('colorizeInto', () => {
  it('maps vmin, vmax and the middle to the colour map ends and middle, NaN to magenta, within a sub-rectangle', () => {
    const W = 4, plane = Float32Array.from([0, 1, 2, 3, 4, 5, 6, 7, Number.NaN, 9, 10, 11]); // 3×4
    const out = new Uint8ClampedArray(2 * 2 * 4);
    colorizeInto(plane, W, 0, 1, 2, 2, colormapLut('viridis'), 4, 8, out); // rows 1–2, cols 0–1: 4, 5, NaN, 9
    expect(Array.from(out.subarray(0, 4))).toEqual([...colormapRgb('viridis', 0), 255]);
    expect(Array.from(out.subarray(4, 8))).toEqual([...colormapRgb('viridis', 64 / 255), 255]); // (5−4)/4·255 = 63.75 → 64
    expect(Array.from(out.subarray(8, 12))).toEqual([255, 0, 255, 255]);
    expect(Array.from(out.subarray(12, 16))).toEqual([...colormapRgb('viridis', 1), 255]); // 9 > vmax clamps
  });

  it('finiteRange ignores non-finite values and never returns an empty range', () => {
    expect(finiteRange([Number.NaN, 2, -1, Infinity])).toEqual([-1, 2]);
    expect(finiteRange([3, 3])).toEqual([3, 4]);
    expect(finiteRange([Number.NaN])).toEqual([0, 1]);
  });
});
