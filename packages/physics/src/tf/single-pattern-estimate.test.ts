import { expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { createRng, type ComplexArray } from '@ptychojs/io';
import { defaultProbe } from '../sim/default-probe.js';
import { defocusForRmsRadius } from '../sim/defocus-for-rms-radius.js';
import { farFieldIntensityInto } from '../sim/far-field-intensity-into.js';
import { modelProbe } from '../sim/model-probe.js';
import { describeEachBackend } from '../testing/describe-each-backend.js';
import { singlePatternEstimateReference } from '../testing/reference/single-pattern-estimate-reference.js';
import { singlePatternEstimate } from './single-pattern-estimate.js';

const N = 64;
const probe = modelProbe(defaultProbe(N, { defocusPhase: defocusForRmsRadius(N, 15.5) }), N).probe;

/** A smooth weak random object (amplitude 0.4–0.6, phase ±0.5 rad) and its noise-free normalized amplitude. */
function pattern(seed: number): { object: ComplexArray; x: Float32Array } {
  const rng = createRng(seed);
  const n = N * N, re = new Float32Array(n), im = new Float32Array(n);
  const k = Array.from({ length: 6 }, () => [rng.next() * 0.3, rng.next() * 0.3, rng.next() * 6]);
  for (let r = 0; r < N; r++) for (let c = 0; c < N; c++) {
    let a = 0, p = 0;
    for (const [u, v, ph] of k) { a += Math.cos(u! * r + v! * c + ph!); p += Math.sin(v! * r - u! * c + ph!); }
    const amp = 0.5 + 0.1 * a / 6, phase = 0.5 * p / 6;
    re[r * N + c] = amp * Math.cos(phase);
    im[r * N + c] = amp * Math.sin(phase);
  }
  const I = new Float64Array(n);
  farFieldIntensityInto(Float64Array.from(probe.re), Float64Array.from(probe.im), Float64Array.from(re), Float64Array.from(im), N, I);
  return { object: { shape: [N, N], re, im }, x: Float32Array.from(I, Math.sqrt) };
}

/** Relative misfit of an estimate's far-field amplitude to the pattern: ‖|FFT(P·O)|/N − X‖ / ‖X‖. */
function fourierMisfit(est: { re: ArrayLike<number>; im: ArrayLike<number> }, x: Float32Array): number {
  const I = new Float64Array(N * N);
  farFieldIntensityInto(Float64Array.from(probe.re), Float64Array.from(probe.im), Float64Array.from(est.re), Float64Array.from(est.im), N, I);
  let e = 0, t = 0;
  for (let i = 0; i < N * N; i++) { e += (Math.sqrt(I[i]!) - x[i]!) ** 2; t += x[i]! ** 2; }
  return Math.sqrt(e / t);
}

describeEachBackend('singlePatternEstimate', () => {
  it('equals the float64 FFT reference (two patterns, two channels, 3 iterations)', async () => {
    const a = pattern(1), b = pattern(2);
    // (1, N, N, 2): channel c holds pattern c.
    const x = new Float32Array(N * N * 2);
    for (let i = 0; i < N * N; i++) { x[2 * i] = a.x[i]!; x[2 * i + 1] = b.x[i]!; }
    const P = { re: tf.tensor2d(probe.re, [N, N]), im: tf.tensor2d(probe.im, [N, N]) };
    const est = singlePatternEstimate(tf.tensor4d(x, [1, N, N, 2]), P, 3);
    const [re, im] = await Promise.all([est.re.data(), est.im.data()]);
    for (const [c, p] of [[0, a], [1, b]] as const) {
      const ref = singlePatternEstimateReference(p.x, probe, 3);
      let e = 0, t = 0;
      for (let i = 0; i < N * N; i++) { e += (re[2 * i + c]! - ref.re[i]!) ** 2 + (im[2 * i + c]! - ref.im[i]!) ** 2; t += ref.re[i]! ** 2 + ref.im[i]! ** 2; }
      // float32 DFT matrices against a float64 FFT over three iterations: measured 8.5e-4 (cpu) and
      // 1.0e-3 (wasm). The modulus replacement divides by |Ψ|, whose phase is ill-conditioned where
      // the pattern is dark, so float32 rounding there grows; a wrong step (a transposed DFT, a
      // missing shift or scale) gives errors of order 1.
      expect(Math.sqrt(e / t)).toBeLessThan(3e-3);
    }
    tf.dispose([P.re, P.im, est.re, est.im]);
  });

  it('explains its pattern better with every iteration (ePIE with α = 1 is an alternating projection)', async () => {
    const p = pattern(3);
    const P = { re: tf.tensor2d(probe.re, [N, N]), im: tf.tensor2d(probe.im, [N, N]) };
    const errors: number[] = [];
    for (const T of [0, 1, 8]) {
      const est = singlePatternEstimate(tf.tensor4d(p.x, [1, N, N, 1]), P, T);
      errors.push(fourierMisfit({ re: await est.re.data(), im: await est.im.data() }, p.x));
      tf.dispose([est.re, est.im]);
    }
    // The flat start already has the pattern's energy (Parseval); each projection lowers the misfit.
    expect(errors[1]!).toBeLessThan(errors[0]!);
    expect(errors[2]!).toBeLessThan(0.8 * errors[1]!);
    tf.dispose([P.re, P.im]);
  });
}, ['cpu', 'wasm']);

it('singlePatternEstimateReference keeps a flat object that explains its pattern (a fixed point)', () => {
  const c = 0.7;
  const I = new Float64Array(N * N);
  farFieldIntensityInto(Float64Array.from(probe.re), Float64Array.from(probe.im), new Float64Array(N * N).fill(c), new Float64Array(N * N), N, I);
  const est = singlePatternEstimateReference(Float64Array.from(I, Math.sqrt), probe, 5);
  for (let i = 0; i < N * N; i += 97) { expect(est.re[i]!).toBeCloseTo(c, 8); expect(est.im[i]!).toBeCloseTo(0, 8); }
});
