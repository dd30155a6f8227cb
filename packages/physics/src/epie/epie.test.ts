import { describe, expect, it } from 'vitest';
import { InputError, type ComplexArray } from '@ptychojs/io';
import { defaultProbe } from '../sim/default-probe.js';
import { simulateScan, type SimulatedScan } from '../sim/simulate-scan.js';
import { epie } from './epie.js';
import { epieCanvas } from './epie-canvas.js';
import type { EpieOptions, ObjectOnCanvas } from './types.js';

// A small noise-free scan: N = 32, the simulator's default probe (rms radius ≈ N/5 = 6.4 px), an
// 86×86 lines object, a jittered 3-px grid (256 sub-pixel positions) moved by (4.5, 3.25) px so
// that the flat-start canvas does not begin at the object's origin.
const N = 32;
const grid = simulateScan({ n: N, scan: { kind: 'jitter', step: 3 }, noise: 'none', seed: 3 }).positions;
const sim = simulateScan({
  n: N, object: { kind: 'lines', height: 86, width: 86 }, noise: 'none', seed: 3,
  scan: { kind: 'positions', xs: grid.xs.map((x) => x + 4.5), ys: grid.ys.map((y) => y + 3.25) },
});
const data = (s: SimulatedScan): Pick<EpieOptions, 'diffraction' | 'probe' | 'xs' | 'ys'> =>
  ({ diffraction: s.arrays.diff3d.data as Float32Array, probe: s.probe, xs: s.positions.xs, ys: s.positions.ys });

/**
 * Pearson correlation of amplitude and of phase between a reconstruction and the truth over the
 * box spanned by the scan positions (the truth frame), after removing the global phase (the angle
 * of the complex inner product), which ePIE with a flat start cannot know.
 */
function correlation(rec: ObjectOnCanvas, truth: ComplexArray, xs: Float64Array, ys: Float64Array) {
  const [x0, y0] = rec.canvasOrigin, [, Wr] = rec.object.shape as [number, number], [, Wt] = truth.shape as [number, number];
  const r0 = Math.ceil(Math.min(...ys)), r1 = Math.floor(Math.max(...ys)), c0 = Math.ceil(Math.min(...xs)), c1 = Math.floor(Math.max(...xs));
  const pairs: [number, number, number, number][] = [];
  let ir = 0, ii = 0;
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) {
    const p = (r - y0) * Wr + (c - x0), t = r * Wt + c;
    const a = [rec.object.re[p]!, rec.object.im[p]!, truth.re[t]!, truth.im[t]!] as [number, number, number, number];
    ir += a[2] * a[0] + a[3] * a[1]; ii += a[3] * a[0] - a[2] * a[1]; // Σ conj(rec)·truth
    pairs.push(a);
  }
  const g = Math.atan2(ii, ir);
  const pearson = (f: (q: [number, number, number, number]) => [number, number]) => {
    const v = pairs.map(f), n = v.length;
    const ma = v.reduce((s, q) => s + q[0], 0) / n, mb = v.reduce((s, q) => s + q[1], 0) / n;
    let sab = 0, saa = 0, sbb = 0;
    for (const [a, b] of v) { sab += (a - ma) * (b - mb); saa += (a - ma) ** 2; sbb += (b - mb) ** 2; }
    return sab / Math.sqrt(saa * sbb);
  };
  const wrap = (t: number) => Math.atan2(Math.sin(t), Math.cos(t));
  return {
    amplitude: pearson(([a, b, c, d]) => [Math.hypot(a, b), Math.hypot(c, d)]),
    phase: pearson(([a, b, c, d]) => [wrap(Math.atan2(b, a) + g), Math.atan2(d, c)]),
  };
}

describe('epie', () => {
  it('has the truth as a fixed point: the forward conventions (geometry, fftshift, N² normalisation) match the simulator', () => {
    // The truth, padded by 5 columns on the left and 4 rows on top: its canvas origin is (−5, −4).
    const [H, W] = sim.object.shape as [number, number], Wp = W + 5, Hp = H + 4;
    const padded = { shape: [Hp, Wp], re: new Float32Array(Hp * Wp).fill(0.3), im: new Float32Array(Hp * Wp) };
    for (let r = 0; r < H; r++) {
      padded.re.set(sim.object.re.subarray(r * W, (r + 1) * W), (r + 4) * Wp + 5);
      padded.im.set(sim.object.im.subarray(r * W, (r + 1) * W), (r + 4) * Wp + 5);
    }
    const r = epie({ ...data(sim), iterations: 2, initialObject: { object: padded, canvasOrigin: [-5, -4] } });
    // The data are the simulator's noise-free amplitudes of this very object: the misfit is float32
    // rounding of diff3d and the object (relative ~1e-7 per value, squared ~1e-14), so 1e-12 is
    // loose; a one-pixel shift, a missing fftshift or a wrong N factor gives 1e-2 or more.
    expect(r.cost[0]).toBeLessThan(1e-12);
    expect(r.cost[1]).toBeLessThan(1e-12);
    // s² = Σ A² / Σ |P·O|² is the dose the simulator applied (same sums, float64 vs float32 data).
    expect(Math.abs(r.probeScale ** 2 / sim.metadata.dose_scale - 1)).toBeLessThan(1e-6);
    expect(r.reconstruction.canvasOrigin).toEqual([-5, -4]);
    expect(r.reconstruction.object.shape).toEqual([Hp, Wp]);
  });

  it('reconstructs a noise-free scan from flat: cost falls every iteration, amplitude and phase correlate > 0.99 with the truth', () => {
    const seen: number[] = [];
    let at10: Float32Array | undefined;
    const r = epie({ ...data(sim), iterations: 40, onIteration: (p) => { seen.push(p.iteration); if (p.iteration === 10) at10 = p.current.object.re.slice(); } });
    expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(at10).toHaveLength(r.reconstruction.object.re.length);
    expect(Array.from(at10!)).not.toEqual(Array.from(r.reconstruction.object.re)); // a snapshot, then more iterations
    for (let i = 1; i < r.cost.length; i++) expect(r.cost[i], `cost[${i}] vs cost[${i - 1}]`).toBeLessThan(r.cost[i - 1]!);
    expect(r.cost[39]).toBeLessThan(r.cost[0]! / 100);
    const c = correlation(r.reconstruction, sim.object, sim.positions.xs, sim.positions.ys);
    expect(c.amplitude).toBeGreaterThan(0.99);
    expect(c.phase).toBeGreaterThan(0.99);
    // Flat start: the canvas is the smallest integer-origin box holding every patch.
    const { object, canvasOrigin } = epieCanvas(sim.positions.xs, sim.positions.ys, N);
    expect(r.reconstruction.canvasOrigin).toEqual(canvasOrigin);
    expect(canvasOrigin).toEqual([5, 4]); // min x − N/2 = 5.29, min y − N/2 = 4.02
    expect(r.reconstruction.object.shape).toEqual(object.shape);
    expect(r.reconstruction.amplitude[0]).toBeCloseTo(Math.hypot(r.reconstruction.object.re[0]!, r.reconstruction.object.im[0]!), 6);
  });

  it('rPIE (α = 0.3) converges faster than ePIE (α = 1) over the first iterations', () => {
    const a = epie({ ...data(sim), iterations: 8, rpieAlpha: 0.3 }), b = epie({ ...data(sim), iterations: 8, rpieAlpha: 1 });
    expect(a.cost[7]).toBeLessThan(b.cost[7]!);
  });

  it('repeats itself for a seed, and the seed changes the position order', () => {
    const a = epie({ ...data(sim), iterations: 2, seed: 5 }), b = epie({ ...data(sim), iterations: 2, seed: 5 }), c = epie({ ...data(sim), iterations: 2, seed: 6 });
    expect(Array.from(a.cost)).toEqual(Array.from(b.cost));
    expect(Array.from(a.reconstruction.object.re)).toEqual(Array.from(b.reconstruction.object.re));
    expect(a.cost[1]).not.toEqual(c.cost[1]);
  });

  it('with probeUpdate recovers from a wrong probe (another defocus) better than without', () => {
    const wrong = defaultProbe(N, { defocusPhase: 0.6 * (N / 4) });
    const fixed = epie({ ...data(sim), probe: wrong, iterations: 30 });
    const updated = epie({ ...data(sim), probe: wrong, iterations: 30, probeUpdate: true });
    expect(updated.cost[29]).toBeLessThan(fixed.cost[29]! / 3);
    expect(updated.probe.shape).toEqual([N, N]);
    expect(Array.from(updated.probe.re)).not.toEqual(Array.from(fixed.probe.re));
  });

  it('refuses shapes that disagree and bad options with an InputError naming the key', () => {
    const base = { ...data(sim), iterations: 1 };
    const cases: [Partial<EpieOptions>, string][] = [
      [{ diffraction: new Float32Array(10) }, 'diff3d'],
      [{ ys: sim.positions.ys.subarray(1) }, 'ycoords'],
      [{ iterations: 0 }, 'iterations'],
      [{ rpieAlpha: 0 }, 'rpieAlpha'],
      [{ rpieAlpha: 1.5 }, 'rpieAlpha'],
      [{ probeAlpha: -1 }, 'probeAlpha'],
      [{ probe: { shape: [N, N + 1], re: new Float32Array(N * (N + 1)), im: new Float32Array(N * (N + 1)) } }, 'probeGuess'],
    ];
    for (const [bad, key] of cases) {
      let err: unknown;
      try { epie({ ...base, ...bad }); } catch (e) { err = e; }
      expect(err, key).toBeInstanceOf(InputError);
      expect((err as InputError).key).toBe(key);
    }
    const negative = Float32Array.from(base.diffraction); negative[5] = -1;
    expect(() => epie({ ...base, diffraction: negative })).toThrow(/negative or not finite/);
  });
});

describe('epieCanvas', () => {
  it('holds every patch with its bilinear neighbour, on an integer origin, for a flat start', () => {
    // x − N/2 spans 10.5 … 20 (cols 10 … 20 + 7 + 0), y − N/2 spans 3 … 6.25 (rows 3 … 6 + 7 + 1).
    const c = epieCanvas([14.5, 24], [7, 10.25], 8);
    expect(c.canvasOrigin).toEqual([10, 3]);
    expect(c.object.shape).toEqual([12, 18]);
    expect(c.object.re.every((v) => v === 1) && c.object.im.every((v) => v === 0)).toBe(true);
  });

  it('keeps a given object on its (fractional) grid and grows the canvas where patches reach past it, with its mean amplitude and global phase', () => {
    const object = { shape: [4, 5], re: Float32Array.from({ length: 20 }, (_, i) => i + 2), im: new Float32Array(20).fill(-1) };
    const c = epieCanvas([10], [10], 4, { object, canvasOrigin: [8.5, 9.5] });
    // Patch at (10, 10): x − N/2 − 8.5 = −0.5 → grid cols −1 … 3; y − N/2 − 9.5 = −1.5 → rows −2 … 2.
    // With the given rows 0 … 3 and cols 0 … 4: rows −2 … 3, cols −1 … 4.
    expect(c.canvasOrigin).toEqual([7.5, 7.5]);
    expect(c.object.shape).toEqual([6, 6]);
    // Grown pixels: mean |O| · exp(i·arg ΣO) of the given object (float32 planes: 1e-6 relative).
    let sa = 0, sr = 0, si = 0;
    for (let i = 0; i < 20; i++) { sa += Math.hypot(i + 2, -1); sr += i + 2; si -= 1; }
    const t = Math.atan2(si, sr);
    expect(c.object.re[0]).toBeCloseTo((sa / 20) * Math.cos(t), 5);
    expect(c.object.im[0]).toBeCloseTo((sa / 20) * Math.sin(t), 5);
    expect(c.object.re[2 * 6 + 1]).toBe(2); // given (0, 0)
    expect(c.object.re[5 * 6 + 5]).toBe(21); // given (3, 4)
    expect(c.object.im[5 * 6 + 5]).toBe(-1);
  });
});

describe('epie with bad pixels', () => {
  // A dead column and a hot pixel inside the signal; their values are garbage in the data.
  const bad = new Uint8Array(N * N);
  for (let i = 0; i < N; i++) bad[i * N + 19] = 1;
  bad[10 * N + 12] = 1;
  const withGarbage = (v: number): Float32Array => {
    const d = Float32Array.from(sim.arrays.diff3d.data as Float32Array);
    for (let k = 0; k < d.length; k += N * N) for (let p = 0; p < N * N; p++) if (bad[p]) d[k + p] = v;
    return d;
  };

  it("never reads a masked pixel: the reconstruction, probe scale and cost are the same whatever values the mask covers", () => {
    const a = epie({ ...data(sim), diffraction: withGarbage(0), badPixels: bad, iterations: 3, seed: 2 });
    const b = epie({ ...data(sim), diffraction: withGarbage(65535), badPixels: bad, iterations: 3, seed: 2 });
    expect(b.reconstruction.object.re).toEqual(a.reconstruction.object.re);
    expect(b.probeScale).toBe(a.probeScale);
    expect(Array.from(b.cost)).toEqual(Array.from(a.cost));
  });

  it('keeps the truth as a fixed point with a mask: the probe scale is the simulated dose and the cost vanishes', () => {
    const res = epie({ ...data(sim), diffraction: withGarbage(-7), badPixels: bad, iterations: 1, seed: 2, initialObject: { object: sim.object, canvasOrigin: [0, 0] } });
    // Model and data agree pixel by pixel (noise-free), so the measured-pixel sums give the same dose
    // as the full ones: float32 data, float64 sums, as in the unmasked fixed-point test (1e-6).
    expect(Math.abs(res.probeScale ** 2 / sim.metadata.dose_scale - 1)).toBeLessThan(1e-6);
    expect(res.cost[0]!).toBeLessThan(1e-12);
  });
});
