import { describe, expect, it } from 'vitest';
import { isInputError } from '@ptychojs/io';
import { randomPositions, thrown } from '../test/helpers.js';
import { canvasFrame } from './canvas-frame.js';

describe('canvasFrame', () => {
  it('gives exactly the central M×M at an integer position (SPEC §3 example: N=64 at (100, 80))', () => {
    // Central 20×20 of the patch at (x, y) = (100, 80): rows 70..89, columns 90..109.
    expect(canvasFrame([100], [80], 64)).toEqual({ canvasOrigin: [90, 70], height: 20, width: 20, N: 64, M: 20 });
  });

  it('adds one row or column for the bilinear spread only along a fractional axis', () => {
    // x fractional (crop starts at column 90.25 → touches 90..110), y whole.
    expect(canvasFrame([100.25], [80], 64)).toMatchObject({ canvasOrigin: [90, 70], height: 20, width: 21 });
    // Negative fractional y: crop starts at row −3.5 − 10 = −13.5 → rows −14..6.
    expect(canvasFrame([100], [-3.5], 64)).toMatchObject({ canvasOrigin: [90, -14], height: 21, width: 20 });
  });

  it('contains every patch footprint, and is tight: each border row and column is touched', () => {
    const M = 6;
    const { xs, ys } = randomPositions(7, 50, -40, 25, 0.3);
    for (let k = 0; k < 20; k++) ys[k] = ys[k]! * 2; // a wider spread in y than in x
    const f = canvasFrame(xs, ys, 16, M);
    const [x0, y0] = f.canvasOrigin;
    expect(Number.isInteger(x0) && Number.isInteger(y0)).toBe(true);
    let top = false, bottom = false, left = false, right = false;
    for (let k = 0; k < xs.length; k++) {
      // Independent statement of the footprint: object rows y − M/2 .. y + M/2 − 1 (+1 row when
      // fractional, for the bilinear spread), in canvas rows after subtracting y0.
      const ry = ys[k]! - M / 2 - y0, rx = xs[k]! - M / 2 - x0;
      const firstRow = Math.floor(ry), lastRow = Math.ceil(ry) + M - 1;
      const firstCol = Math.floor(rx), lastCol = Math.ceil(rx) + M - 1;
      expect(firstRow).toBeGreaterThanOrEqual(0);
      expect(firstCol).toBeGreaterThanOrEqual(0);
      expect(lastRow).toBeLessThan(f.height);
      expect(lastCol).toBeLessThan(f.width);
      top ||= firstRow === 0;
      left ||= firstCol === 0;
      bottom ||= lastRow === f.height - 1;
      right ||= lastCol === f.width - 1;
    }
    expect([top, bottom, left, right]).toEqual([true, true, true, true]);
  });

  it('rejects mismatched, empty or non-finite positions with InputError', () => {
    const bad: Array<[number[], number[]]> = [[[1, 2], [1]], [[], []], [[1, NaN], [2, 3]], [[Infinity], [0]]];
    for (const [xs, ys] of bad) {
      expect(isInputError(thrown(() => canvasFrame(xs, ys, 16))), `${xs} / ${ys}`).toBe(true);
    }
    expect(() => canvasFrame([0], [0], 0)).toThrow(/patch side N/);
  });
});
