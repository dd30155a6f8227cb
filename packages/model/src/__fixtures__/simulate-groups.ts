/**
 * A tiny simulated training set made with the physics ops themselves (test fixture): a smooth
 * random complex object per group on its canvas, the C patches cut at jittered 2×2-grid positions
 * (`extractPatches`), a Gaussian probe (`probeIllumination`), far-field amplitudes
 * (`padAndDiffract`), normalized as SPEC §3 "Normalization" (X = α·A, Σ X² = (N/2)² on average).
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng, type ComplexArray } from '@ptychojs/io';
import { extractPatches, padAndDiffract, probeIllumination } from '@ptychojs/physics';
import type { TrainingData } from '../train/types.js';
import { objectCanvasSize } from '../model/object-canvas-size.js';

export interface SimulatedGroups extends TrainingData {
  readonly B: number;
  readonly C: number;
  readonly Y: ComplexArray;
  /** @shape (B, S, S, 1) complex — the true object canvas of each group. */
  readonly canvas: ComplexArray;
}

/** Gaussian probe with σ = N/8, scaled so that Σ|P|²·0.5 ≈ (N/2)² (α ≈ 1 for |O|² ≈ 0.5). */
export function gaussianProbe(N: number): ComplexArray {
  const sigma = N / 8;
  const re = new Float32Array(N * N);
  let e = 0;
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) {
    const r2 = (i - N / 2) ** 2 + (j - N / 2) ** 2;
    const v = Math.exp(-r2 / (2 * sigma * sigma));
    re[i * N + j] = v;
    e += v * v;
  }
  const k = Math.sqrt((N / 2) ** 2 / (0.5 * e));
  for (let i = 0; i < re.length; i++) re[i]! *= k;
  return { shape: [N, N], re, im: new Float32Array(N * N) };
}

export function simulateGroups(opts: { N?: number; gridsize?: number; B: number; seed?: number; spacing?: number; nphotons?: number }): SimulatedGroups {
  const N = opts.N ?? 64;
  const g = opts.gridsize ?? 2;
  const C = g * g;
  const { B } = opts;
  const rng = createRng(opts.seed ?? 1);
  const spacing = opts.spacing ?? 6;
  // Positions on a g×g grid with ±1 px jitter; coords_relative = −(position − mean).
  const coordsRelative = new Float64Array(B * 2 * C);
  for (let b = 0; b < B; b++) {
    const px: number[] = [], py: number[] = [];
    for (let c = 0; c < C; c++) {
      px.push((c % g) * spacing + (rng.next() * 2 - 1));
      py.push(Math.floor(c / g) * spacing + (rng.next() * 2 - 1));
    }
    const mx = px.reduce((a, v) => a + v, 0) / C, my = py.reduce((a, v) => a + v, 0) / C;
    for (let c = 0; c < C; c++) {
      coordsRelative[(b * 2 + 0) * C + c] = -(px[c]! - mx);
      coordsRelative[(b * 2 + 1) * C + c] = -(py[c]! - my);
    }
  }
  const S = objectCanvasSize(N, coordsRelative);
  const probe = gaussianProbe(N);
  const coarse = 8;
  const noise = Float32Array.from({ length: B * coarse * coarse * 2 }, () => rng.normal());
  const [canvasRe, canvasIm, yre, yim, amp] = tf.tidy(() => {
    // Smooth fields: coarse noise upsampled bilinearly to S×S.
    const n = tf.tensor4d(noise, [B, coarse, coarse, 2]);
    const smooth = tf.image.resizeBilinear(n, [S, S], true);
    const [a, p] = tf.split(smooth, 2, 3);
    const ampl = tf.add(0.7, tf.mul(0.15, a!));
    const phase = tf.mul(0.5, p!);
    const canvas = { re: tf.mul(ampl, tf.cos(phase)) as tf.Tensor4D, im: tf.mul(ampl, tf.sin(phase)) as tf.Tensor4D };
    const patches = extractPatches(canvas, coordsRelative, N);
    const pr = { re: tf.tensor2d(probe.re, [N, N]), im: tf.tensor2d(probe.im, [N, N]) };
    const A = padAndDiffract(probeIllumination(patches, pr));
    return [canvas.re, canvas.im, patches.re, patches.im, A];
  });
  const read = (t: tf.Tensor) => { const d = t.dataSync() as Float32Array; t.dispose(); return Float32Array.from(d); };
  const X = read(amp);
  // SPEC §3: α = sqrt((N/2)² / mean_b Σ_ij A²) over the set (per pattern).
  let e = 0;
  for (const v of X) e += v * v;
  const alpha = Math.sqrt(((N / 2) ** 2) / (e / (B * C)));
  for (let i = 0; i < X.length; i++) X[i]! *= alpha;
  const nphotons = opts.nphotons ?? 1e6;
  return {
    N, B, C, X, coordsRelative, probe, intensityScale: Math.sqrt(nphotons) / (N / 2), canvasSize: S,
    Y: { shape: [B, N, N, C], re: read(yre), im: read(yim) },
    canvas: { shape: [B, S, S, 1], re: read(canvasRe), im: read(canvasIm) },
  };
}
