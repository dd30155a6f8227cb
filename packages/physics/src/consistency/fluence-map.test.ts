import { describe, expect, it } from 'vitest';
import { InputError, type ComplexArray } from '@ptychojs/io';
import { defaultProbe } from '../sim/default-probe.js';
import { gridScan } from '../sim/grid-scan.js';
import { fluenceMap } from './fluence-map.js';
import { reliableRegion } from './reliable-region.js';

describe('fluenceMap', () => {
  it('places Φ photons per exposure: Σ F = M·Φ when every patch lies on the canvas', () => {
    const probe = defaultProbe(64);
    const { xs, ys } = gridScan({ height: 128, width: 128, n: 64, step: 8 });
    const F = fluenceMap({ probe, xs, ys, height: 128, width: 128, canvasOrigin: [0, 0], photonsPerExposure: 1e6 });
    let s = 0;
    for (const v of F) s += v;
    // float32 accumulation of 81 × 4096 terms: relative rounding ≈ 1e-6.
    expect(Math.abs(s / (xs.length * 1e6) - 1)).toBeLessThan(1e-5);
  });

  it('is the probe intensity itself for one integer position, in the canvas frame', () => {
    const n = 8, re = new Float32Array(n * n), im = new Float32Array(n * n);
    re[3 * n + 5] = 2; im[3 * n + 5] = 1; re[0] = 1; // |P|² = 5 at (3, 5), 1 at (0, 0): Σ = 6
    const probe: ComplexArray = { shape: [n, n], re, im };
    // Position (x, y) = (20, 14) on a canvas with origin (10, 6): patch rows 14 − 6 − 4 = 4…, columns 20 − 10 − 4 = 6….
    const F = fluenceMap({ probe, xs: [20], ys: [14], height: 16, width: 16, canvasOrigin: [10, 6], photonsPerExposure: 6 });
    expect(F[(4 + 3) * 16 + 6 + 5]).toBeCloseTo(5, 6);
    expect(F[4 * 16 + 6]).toBeCloseTo(1, 6);
    expect(F.reduce((a, b) => a + b, 0)).toBeCloseTo(6, 5);
  });

  it('throws InputError for a probe without energy', () => {
    const probe: ComplexArray = { shape: [4, 4], re: new Float32Array(16), im: new Float32Array(16) };
    expect(() => fluenceMap({ probe, xs: [2], ys: [2], height: 8, width: 8, canvasOrigin: [0, 0] })).toThrow(InputError);
  });
});

describe('reliableRegion', () => {
  it('keeps the pixels at ≥ ½ of the 90th-percentile fluence and reports their box', () => {
    // 10×10 canvas: 0 on the border ring, 1 on the next ring, 10 inside (6×6 = 36 pixels).
    const H = 10, W = 10, F = new Float32Array(H * W);
    for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
      const d = Math.min(r, c, H - 1 - r, W - 1 - c);
      F[r * W + c] = d === 0 ? 0 : d === 1 ? 1 : 10;
    }
    const reg = reliableRegion(F, H, W);
    // 64 non-zero values, sorted: 28 ones then 36 tens; the 90th percentile (index 57) is 10.
    expect(reg.reference).toBe(10);
    expect(reg.threshold).toBe(5);
    expect(reg.pixels).toBe(36);
    expect(reg.box).toEqual({ row0: 2, col0: 2, height: 6, width: 6 });
    expect(reliableRegion(F, H, W, { fraction: 0.05 }).pixels).toBe(64);
  });

  it('on a dense grid scan covers the scanned area and drops the rim only the probe tails reach', () => {
    const probe = defaultProbe(64);
    const { xs, ys } = gridScan({ height: 192, width: 192, n: 64, step: 8 }); // centres 32…160
    const F = fluenceMap({ probe, xs, ys, height: 192, width: 192, canvasOrigin: [0, 0] });
    const reg = reliableRegion(F, 192, 192);
    expect(reg.mask[96 * 192 + 96]).toBe(1);
    expect(reg.mask[96 * 192 + 2]).toBe(0);
    // The box spans the positions (32…160) to within the probe's half width at half fluence (≈ 10 px here).
    expect(reg.box!.col0).toBeGreaterThan(14);
    expect(reg.box!.col0).toBeLessThan(40);
    expect(reg.box!.col0 + reg.box!.width - 1).toBeGreaterThan(152);
  });

  it('throws InputError for a fluence that is zero everywhere or a fraction outside (0, 1]', () => {
    expect(() => reliableRegion(new Float32Array(4), 2, 2)).toThrow(/zero everywhere/);
    expect(() => reliableRegion(new Float32Array(4).fill(1), 2, 2, { fraction: 0 })).toThrow(InputError);
  });
});
