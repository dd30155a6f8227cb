import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import {
  describeEachBackend,
  expectAdjoint,
  expectClose,
  expectGradientMatchesFiniteDifferences,
  maxAbs,
  padAndDiffractReference,
  dft2ShiftedReference,
  randomNormalArrays,
  readAndDispose,
} from '../testing.js';
import { dft2 } from './dft2.js';
import { dft2Adjoint } from './dft2-adjoint.js';
import { padAndDiffract } from './pad-and-diffract.js';

const pair = (re: Float32Array, im: Float32Array, shape: [number, number, number, number]) => ({ re: tf.tensor(re, shape) as tf.Tensor4D, im: tf.tensor(im, shape) as tf.Tensor4D });

describeEachBackend('padAndDiffract', () => {
  it('equals the float64 direct-DFT reference sqrt(fftshift(|FFT2 Ψ|²)/N²) (B=2, N=16, C=3 and B=1, N=64)', async () => {
    for (const [B, N, C, seed] of [[2, 16, 3, 11], [1, 64, 1, 12]] as const) {
      const n = B * N * N * C;
      const [re, im] = randomNormalArrays(seed, [n, n]);
      const f = pair(re!, im!, [B, N, N, C]);
      const got = await readAndDispose(padAndDiffract(f));
      tf.dispose([f.re, f.im]);
      const want = padAndDiffractReference(re!, im!, B, N, C);
      // float32 matmul DFT: error ≈ 1e−7·‖Ψ‖ per output, i.e. ~1e−7 of the largest amplitude
      // (lab: 3e−7). Elementwise 1e−5 relative, plus 1e−6 of the peak for near-zero amplitudes.
      expectClose(got, want, { rtol: 1e-5, atol: 1e-6 * maxAbs(want), label: `B=${B} N=${N} C=${C}`, shape: [B, N, N, C], input: { seed } });
    }
  });

  it('puts a plane wave exp(2πi(ky·r + kx·c)/N) at pixel (N/2 + ky, N/2 + kx) with amplitude N (fftshift and sign)', async () => {
    const N = 16, ky = 3, kx = -5;
    const re = new Float32Array(N * N), im = new Float32Array(N * N);
    for (let r = 0; r < N; r++) for (let c = 0; c < N; c++) {
      const a = (2 * Math.PI * (ky * r + kx * c)) / N;
      re[r * N + c] = Math.cos(a);
      im[r * N + c] = Math.sin(a);
    }
    const f = pair(re, im, [1, N, N, 1]);
    const got = await readAndDispose(padAndDiffract(f));
    tf.dispose([f.re, f.im]);
    const want = new Float64Array(N * N);
    want[(N / 2 + ky) * N + (N / 2 + kx)] = N; // |Y| = N², A = |Y|/N
    expectClose(got, want, { rtol: 0, atol: 2e-5, shape: [N, N], label: 'plane wave' });
  });

  it('conserves energy: Σ A² = Σ |Ψ|² per pattern (Parseval)', async () => {
    const [B, N, C] = [3, 32, 2];
    const n = B * N * N * C;
    const [re, im] = randomNormalArrays(21, [n, n]);
    const f = pair(re!, im!, [B, N, N, C]);
    const a = await readAndDispose(padAndDiffract(f));
    tf.dispose([f.re, f.im]);
    const energyIn = new Float64Array(B * C), energyOut = new Float64Array(B * C);
    for (let k = 0; k < n; k++) {
      const bc = Math.floor(k / (N * N * C)) * C + (k % C);
      energyIn[bc]! += re![k]! ** 2 + im![k]! ** 2;
      energyOut[bc]! += a[k]! ** 2;
    }
    // float32: relative error of a sum of N² squares ≈ 1e−7·√(N²) at worst ≈ 3e−6; allow 1e−5.
    expectClose(energyOut, energyIn, { rtol: 1e-5, label: 'Σ A² vs Σ |Ψ|²' });
  });

  it('gradient matches float64 central differences (B=1, N=8, C=2, loss Σ w·A)', async () => {
    const [B, N, C] = [1, 8, 2];
    const n = B * N * N * C;
    const [re, im, w] = randomNormalArrays(31, [n, n, n]);
    const wt = tf.tensor(w!, [B, N, N, C]);
    await expectGradientMatchesFiniteDifferences({
      label: 'padAndDiffract',
      f: (r, i) => tf.sum(tf.mul(padAndDiffract({ re: r as tf.Tensor4D, im: i as tf.Tensor4D }), wt)),
      f64: ([r, i]) => padAndDiffractReference(r!, i!, B, N, C).reduce((s, v, k) => s + v * w![k]!, 0),
      inputs: [{ shape: [B, N, N, C], values: re! }, { shape: [B, N, N, C], values: im! }],
      // float32 gradient through two 8-point DFTs: ~1e−6 of the largest entry; 1e−4 leaves margin.
      rtol: 1e-4,
    });
    wt.dispose();
  });

  it('has a finite (zero) gradient where the amplitude is zero (safe square root)', async () => {
    const [zr, zi] = [tf.zeros([1, 8, 8, 1]), tf.zeros([1, 8, 8, 1])];
    const [gr, gi] = tf.grads((r: tf.Tensor, i: tf.Tensor) => tf.sum(padAndDiffract({ re: r as tf.Tensor4D, im: i as tf.Tensor4D })))([zr, zi]);
    const values = [...(await readAndDispose(gr!)), ...(await readAndDispose(gi!))];
    tf.dispose([zr, zi]);
    expect(values).toHaveLength(128);
    expect(values.every((v) => v === 0)).toBe(true);
  });

  it('keeps its DFT matrices cached: repeated calls leak no tensors', async () => {
    const f = pair(new Float32Array(2 * 64 * 64), new Float32Array(2 * 64 * 64), [2, 64, 64, 1]);
    padAndDiffract(f).dispose(); // first call builds and caches the constants
    const before = tf.memory().numTensors;
    for (let k = 0; k < 3; k++) padAndDiffract(f).dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([f.re, f.im]);
  });
});

describeEachBackend('dft2', () => {
  it('equals the float64 direct fftshift(fft2(x)) on the last two axes', async () => {
    const N = 12;
    const [re, im] = randomNormalArrays(41, [2 * N * N, 2 * N * N]);
    const y = dft2({ re: tf.tensor(re!, [2, N, N]), im: tf.tensor(im!, [2, N, N]) });
    const [gr, gi] = [await readAndDispose(y.re), await readAndDispose(y.im)];
    for (let s = 0; s < 2; s++) {
      const want = dft2ShiftedReference(re!.subarray(s * N * N, (s + 1) * N * N), im!.subarray(s * N * N, (s + 1) * N * N), N);
      const tol = { rtol: 0, atol: 1e-6 * Math.max(maxAbs(want.re), maxAbs(want.im)), shape: [N, N] };
      expectClose(gr.subarray(s * N * N, (s + 1) * N * N), want.re, { ...tol, label: `re, slice ${s}` });
      expectClose(gi.subarray(s * N * N, (s + 1) * N * N), want.im, { ...tol, label: `im, slice ${s}` });
    }
  });

  it('dft2Adjoint is its adjoint: Re⟨F m, d⟩ = Re⟨m, F* d⟩', async () => {
    for (const [shape, seed] of [[[3, 16, 16], 1], [[2, 64, 64], 2]] as const) {
      await expectAdjoint(
        {
          forward: ([r, i]) => { const y = dft2({ re: r!, im: i! }); return [y.re, y.im]; },
          adjoint: ([r, i]) => { const x = dft2Adjoint({ re: r!, im: i! }); return [x.re, x.im]; },
          domain: [shape, shape],
          range: [shape, shape],
        },
        { seed, label: `dft2 ${JSON.stringify(shape)}` },
      );
    }
  });
});
