import { describe, expect, it } from 'vitest';
import { createRng, InputError } from '@ptychojs/io';
import { gridScan } from './grid-scan.js';
import { jitterScan } from './jitter-scan.js';
import { objectPatches } from './object-patches.js';
import { randomScan } from './random-scan.js';
import { scanBounds } from './scan-bounds.js';
import { spiralScan } from './spiral-scan.js';
import type { ScanPositions } from './types.js';

const area = { height: 160, width: 200, n: 64 };

/** Every patch of the scan lies inside the object: patches of an all-ones object are all ones. */
function allPatchesInside({ xs, ys }: ScanPositions, { height, width, n }: typeof area): boolean {
  const ones = { shape: [height, width], re: new Float32Array(height * width).fill(1), im: new Float32Array(height * width) };
  const p = objectPatches(ones, xs, ys, n);
  // Bilinear weights sum to 1 in float64 before rounding: ≤ 1 ulp of float32 off.
  return p.re.every((v) => Math.abs(v - 1) < 1e-6);
}

function minSpacing({ xs, ys }: ScanPositions): number {
  let m = Infinity;
  for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) m = Math.min(m, Math.hypot(xs[i]! - xs[j]!, ys[i]! - ys[j]!));
  return m;
}

describe('scanBounds', () => {
  it('allows centres in [N/2, W − N/2] × [N/2, H − N/2] and refuses objects smaller than a patch', () => {
    expect(scanBounds(area)).toEqual({ x0: 32, x1: 168, y0: 32, y1: 128 });
    expect(() => scanBounds({ height: 63, width: 100, n: 64 })).toThrow(InputError);
  });
});

describe('gridScan', () => {
  it('lays a raster of the requested step, centred, with the expected count', () => {
    // x: [32, 168] → 136/8 + 1 = 18 columns; y: [32, 128] → 96/8 + 1 = 13 rows.
    const s = gridScan({ ...area, step: 8 });
    expect(s.xs.length).toBe(18 * 13);
    expect(Array.from(s.xs.subarray(0, 3))).toEqual([32, 40, 48]);
    expect(s.ys[18]).toBe(40);
    expect(Math.max(...s.xs)).toBe(168);
    expect(allPatchesInside(s, area)).toBe(true);
  });

  it('centres a grid whose step does not divide the range', () => {
    // y: 96/10 → 10 rows spanning 90, starting at 32 + 3 = 35.
    const s = gridScan({ ...area, step: 10 });
    expect(s.ys[0]).toBe(35);
    expect(Math.max(...s.ys)).toBe(125);
  });

  it('refuses a non-positive step', () => {
    expect(() => gridScan({ ...area, step: 0 })).toThrow(/step/);
  });
});

describe('jitterScan', () => {
  it('moves each grid position by at most the jitter, stays inside, and is repeatable per seed', () => {
    const s = jitterScan({ ...area, step: 4, jitter: 1.5, rng: createRng(1) });
    const g = gridScan({ ...area, height: area.height - 3, width: area.width - 3, step: 4 });
    expect(s.xs.length).toBe(g.xs.length);
    for (let k = 0; k < s.xs.length; k++) {
      // The underlying grid is the one of the box shrunk by 1.5 on each side.
      expect(Math.abs(s.xs[k]! - (g.xs[k]! + 1.5))).toBeLessThanOrEqual(1.5);
      expect(Math.abs(s.ys[k]! - (g.ys[k]! + 1.5))).toBeLessThanOrEqual(1.5);
    }
    expect(allPatchesInside(s, area)).toBe(true);
    expect(jitterScan({ ...area, step: 4, jitter: 1.5, rng: createRng(1) })).toEqual(s);
    expect(jitterScan({ ...area, step: 4, jitter: 1.5, rng: createRng(2) }).xs).not.toEqual(s.xs);
  });

  it('draws offsets uniform in [−jitter, jitter] (mean 0, variance jitter²/3)', () => {
    const j = 1, s = jitterScan({ ...area, step: 2, jitter: j, rng: createRng(3) });
    const g = gridScan({ ...area, height: area.height - 2, width: area.width - 2, step: 2 });
    const d = Array.from(s.xs, (x, k) => x - g.xs[k]! - 1);
    const mean = d.reduce((a, b) => a + b, 0) / d.length, v = d.reduce((a, b) => a + b * b, 0) / d.length;
    // n = 3400: SE of the mean sqrt(1/3/n) ≈ 0.01, of the variance ≈ 0.005; bounds are ~5 SE.
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(v - 1 / 3)).toBeLessThan(0.03);
  });
});

describe('randomScan', () => {
  it('draws the requested count, inside, repeatable per seed', () => {
    const s = randomScan({ ...area, count: 500, rng: createRng(4) });
    expect(s.xs.length).toBe(500);
    expect(allPatchesInside(s, area)).toBe(true);
    expect(randomScan({ ...area, count: 500, rng: createRng(4) })).toEqual(s);
    // Uniform over [32, 168]: mean 100, SE 136/sqrt(12·500) ≈ 1.8; 8 is > 4 SE.
    expect(Math.abs(s.xs.reduce((a, b) => a + b, 0) / 500 - 100)).toBeLessThan(8);
  });

  it('refuses a count that is not a positive integer', () => {
    expect(() => randomScan({ ...area, count: 0, rng: createRng(0) })).toThrow(/count/);
    expect(() => randomScan({ ...area, count: 2.5, rng: createRng(0) })).toThrow(InputError);
  });
});

describe('spiralScan', () => {
  it('fills the box at one position per step² of area, evenly spaced, inside', () => {
    const step = 6, s = spiralScan({ ...area, step });
    // Box 136 × 96 = 13056 px² → ≈ 363 positions; boundary effects of a spiral cut by a box ±5%.
    expect(Math.abs(s.xs.length / ((136 * 96) / step ** 2) - 1)).toBeLessThan(0.05);
    expect(allPatchesInside(s, area)).toBe(true);
    // Fermat spiral with the ½ offset: nearest neighbours ≥ 0.872·step (scripts/sim-reference-values.py).
    expect(minSpacing(s)).toBeGreaterThan(0.85 * step);
    // Starts next to the centre of the box (100, 80), at radius (step/√π)·√½.
    expect(Math.hypot(s.xs[0]! - 100, s.ys[0]! - 80)).toBeCloseTo((step / Math.sqrt(Math.PI)) * Math.SQRT1_2, 10);
  });

  it('takes the innermost count positions when asked, and refuses more than fit', () => {
    const all = spiralScan({ ...area, step: 6 }), some = spiralScan({ ...area, step: 6, count: 50 });
    expect(some.xs.length).toBe(50);
    expect(Array.from(some.xs)).toEqual(Array.from(all.xs.subarray(0, 50)));
    expect(() => spiralScan({ ...area, step: 6, count: 10_000 })).toThrow(/too many positions/);
  });
});
