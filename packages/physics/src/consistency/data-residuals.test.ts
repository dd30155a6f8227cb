import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng, InputError, parseNpz, toComplexArray, toFloat32Array, toFloat64Array, type ComplexArray } from '@ptychojs/io';
import { defaultProbe } from '../sim/default-probe.js';
import { grfObject } from '../sim/grf-object.js';
import { gridScan } from '../sim/grid-scan.js';
import { simulateDiffraction } from '../sim/simulate-diffraction.js';
import { dataResiduals } from './data-residuals.js';

const GOLDEN = path.resolve(import.meta.dirname, '../../../../../shared/data/golden/forward_cases.npz');
const N = 64;

/** A size² random-field object under the default probe on a 12 px grid (112²: 25 positions). */
function scene(nphotons: number, noise: 'poisson' | 'none', seed = 3, size = 112) {
  const object = grfObject({ height: size, width: size, rng: createRng(seed) });
  const probe = defaultProbe(N);
  const { xs, ys } = gridScan({ height: size, width: size, n: N, step: 12 });
  const sim = simulateDiffraction({ object, probe, xs, ys, nphotons, noise, rng: createRng(seed + 1) });
  return { object, probe, xs, ys, sim };
}

describe('dataResiduals', () => {
  it('scores 0 deviance and 0 R-factor at the true object on noise-free data', () => {
    const { object, probe, xs, ys, sim } = scene(1e6, 'none');
    const r = dataResiduals({ object, canvasOrigin: [0, 0], probe, xs, ys, diffraction: sim.diff3d });
    // Data are float32 sqrt of the rate: relative rounding ≈ 6e-8 per pixel, so D ≈ y·(1e-7)² — far below 1e-6 of E[D].
    expect(r.normalizedDevianceTotal).toBeLessThan(1e-6);
    expect(r.rFactorTotal).toBeLessThan(1e-6);
    // The fitted scale is the simulation's dose scale (to float32 rounding of the data).
    expect(Math.abs(r.scale / sim.doseScale - 1)).toBeLessThan(1e-6);
  });

  it('scores ≈ 1 per pixel at the true object on Poisson data, at high and at low dose', () => {
    for (const nphotons of [1e7, 1e3]) {
      const { object, probe, xs, ys, sim } = scene(nphotons, 'poisson');
      const r = dataResiduals({ object, canvasOrigin: [0, 0], probe, xs, ys, diffraction: sim.diff3d });
      // 25 × 4096 = 102 400 pixels, Var D ≤ 2 per pixel where μ is large (χ²₁) and less below: the mean's
      // standard error is ≤ √(2/102400) = 0.0044; 0.03 is > 6 of them. At 1e3 photons most pixels have
      // μ ≪ 1, where E[D] ≪ 1: dividing D by the pixel count instead gives 0.27 (measured).
      expect(Math.abs(r.normalizedDevianceTotal - 1), `nphotons ${nphotons}`).toBeLessThan(0.03);
      for (let k = 0; k < r.M; k++) expect(r.normalizedDeviance[k]!, `position ${k}`).toBeLessThan(1.25);
      expect(r.pixels[0]).toBe(N * N);
    }
  });

  it('does not depend on the amplitude scale of the reconstruction (the scale is fitted)', () => {
    const { object, probe, xs, ys, sim } = scene(1e5, 'poisson');
    const scaled: ComplexArray = { shape: object.shape, re: object.re.map((v) => 3 * v), im: object.im.map((v) => 3 * v) };
    const a = dataResiduals({ object, canvasOrigin: [0, 0], probe, xs, ys, diffraction: sim.diff3d });
    const b = dataResiduals({ object: scaled, canvasOrigin: [0, 0], probe, xs, ys, diffraction: sim.diff3d });
    expect(b.normalizedDevianceTotal).toBeCloseTo(a.normalizedDevianceTotal, 6);
    expect(b.scale * 9).toBeCloseTo(a.scale, 3);
  });

  it('lights up the positions whose probe sees a patch of the object replaced by noise', () => {
    const S = 160, { object, probe, xs, ys, sim } = scene(1e6, 'poisson', 3, S); // 81 positions
    const damaged: ComplexArray = { shape: object.shape, re: object.re.slice(), im: object.im.slice() };
    const rng = createRng(11);
    // A 10×10 patch centred at (x, y) = (56, 56), replaced by complex noise of the object's size.
    const [cx, cy] = [56, 56];
    for (let r = cy - 5; r < cy + 5; r++) for (let c = cx - 5; c < cx + 5; c++) { damaged.re[r * S + c] = rng.normal(); damaged.im[r * S + c] = rng.normal(); }
    const truth = dataResiduals({ object, canvasOrigin: [0, 0], probe, xs, ys, diffraction: sim.diff3d });
    const r = dataResiduals({ object: damaged, canvasOrigin: [0, 0], probe, xs, ys, diffraction: sim.diff3d });
    // Positions within 12 px of the patch centre have it inside the probe's core: they light up.
    // Positions ≥ 38 px away (≥ N/2 + 5 along x or y) do not see it at all in their N×N window:
    // they score as at the true object (the fitted scale is a median, which the damage does not move).
    let near = 0, far = 0;
    for (let k = 0; k < r.M; k++) {
      const d = Math.max(Math.abs(xs[k]! - cx), Math.abs(ys[k]! - cy));
      if (d <= 12) { near++; expect(r.normalizedDeviance[k]!, `position ${k} at distance ${d}`).toBeGreaterThan(10 * truth.normalizedDeviance[k]!); }
      if (d >= 38) { far++; expect(r.normalizedDeviance[k]!, `position ${k} at distance ${d}`).toBeLessThan(1.25); }
    }
    expect(near).toBeGreaterThanOrEqual(4);
    expect(far).toBeGreaterThanOrEqual(30);
    // The worst position is one of those next to the patch.
    const worst = r.normalizedDeviance.indexOf(Math.max(...r.normalizedDeviance));
    expect(Math.max(Math.abs(xs[worst]! - cx), Math.abs(ys[worst]! - cy))).toBeLessThanOrEqual(12);
  });

  it('excludes masked detector pixels (a hot pixel in every pattern, then masked)', () => {
    const { object, probe, xs, ys, sim } = scene(1e6, 'poisson');
    const hot = sim.diff3d.slice(), hotPixel = 5 * N + 7;
    for (let k = 0; k < xs.length; k++) hot[k * N * N + hotPixel] = 300; // 9e4 counts where the model expects ≈ 0
    const unmasked = dataResiduals({ object, canvasOrigin: [0, 0], probe, xs, ys, diffraction: hot });
    expect(unmasked.normalizedDevianceTotal).toBeGreaterThan(10);
    const mask = new Uint8Array(N * N).fill(1);
    mask[hotPixel] = 0;
    const masked = dataResiduals({ object, canvasOrigin: [0, 0], probe, xs, ys, diffraction: hot, validPixels: mask });
    const clean = dataResiduals({ object, canvasOrigin: [0, 0], probe, xs, ys, diffraction: sim.diff3d, validPixels: mask, scale: masked.scale });
    expect(masked.pixels[0]).toBe(N * N - 1);
    expect(masked.normalizedDevianceTotal).toBeCloseTo(clean.normalizedDevianceTotal, 12);
    expect(Math.abs(masked.normalizedDevianceTotal - 1)).toBeLessThan(0.03);
  });

  it('takes the canvas origin into account (the object on a shifted canvas scores the same)', () => {
    const { object, probe, xs, ys, sim } = scene(1e6, 'poisson');
    // Crop 8 columns and 4 rows off the top left: canvas origin [8, 4].
    const H = 108, W = 104, crop: ComplexArray = { shape: [H, W], re: new Float32Array(H * W), im: new Float32Array(H * W) };
    for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) { crop.re[r * W + c] = object.re[(r + 4) * 112 + c + 8]!; crop.im[r * W + c] = object.im[(r + 4) * 112 + c + 8]!; }
    const a = dataResiduals({ object, canvasOrigin: [0, 0], probe, xs, ys, diffraction: sim.diff3d });
    const b = dataResiduals({ object: crop, canvasOrigin: [8, 4], probe, xs, ys, diffraction: sim.diff3d, scale: a.scale });
    // Patches start at x − 32 ≥ 0, so those at the left and top reach past the crop: compare the others.
    for (let k = 0; k < a.M; k++) if (xs[k]! - 32 >= 8 && ys[k]! - 32 >= 4) expect(b.deviance[k]).toBeCloseTo(a.deviance[k]!, 6);
  });

  it('throws InputError on a mask of the wrong length and on mismatched shapes', () => {
    const { object, probe, xs, ys, sim } = scene(1e4, 'none');
    expect(() => dataResiduals({ object, canvasOrigin: [0, 0], probe, xs, ys, diffraction: sim.diff3d, validPixels: new Uint8Array(10) })).toThrow(InputError);
    expect(() => dataResiduals({ object, canvasOrigin: [0, 0], probe, xs, ys, diffraction: sim.diff3d.subarray(1) })).toThrow(/diffraction does not match/);
  });
});

describe.skipIf(!fs.existsSync(GOLDEN))('dataResiduals vs golden/forward_cases.npz (needs ../shared/data)', () => {
  it('scores ≈ 1 per pixel at the true object on the golden counts, drawn by numpy', () => {
    const g = parseNpz(new Uint8Array(fs.readFileSync(GOLDEN)));
    const object = toComplexArray(g.objectGuess!), probe = toComplexArray(g.probeGuess!);
    const xs = toFloat64Array(g.xcoords!), ys = toFloat64Array(g.ycoords!);
    const diffraction = toFloat32Array(g.counts!).map(Math.sqrt);
    const r = dataResiduals({ object, canvasOrigin: [0, 0], probe, xs, ys, diffraction, scale: toFloat64Array(g.dose_scale!)[0]! });
    // 48 × 4096 pixels at 1e6 counts per pattern: standard error ≤ √(2/196608) = 0.003.
    expect(Math.abs(r.normalizedDevianceTotal - 1)).toBeLessThan(0.02);
  });
});
