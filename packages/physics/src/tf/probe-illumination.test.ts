import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { expect, it } from 'vitest';
import { describeEachBackend, expectClose, expectGradientMatchesFiniteDifferences, randomNormalArrays, readAndDispose } from '../testing.js';
import { gaussianSmoothingMatrix } from './gaussian-smoothing-matrix.js';
import { probeDiskMask } from './probe-disk-mask.js';
import { probeIllumination } from './probe-illumination.js';

/** Float64 3×3 Gaussian smoothing with mirrored borders (x[−1] = x[1]), written directly. */
function smooth3x3(p: ArrayLike<number>, N: number, sigma: number): Float64Array {
  const w = [-1, 0, 1].map((k) => Math.exp(-(k * k) / (2 * sigma * sigma)));
  const total = w.reduce((a, b) => a + b, 0) ** 2;
  const m = (i: number) => (i < 0 ? -i : i >= N ? 2 * N - 2 - i : i);
  const out = new Float64Array(N * N);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) {
    let s = 0;
    for (let a = -1; a <= 1; a++) for (let b = -1; b <= 1; b++) s += w[a + 1]! * w[b + 1]! * p[m(i + a) * N + m(j + b)]!;
    out[i * N + j] = s / total;
  }
  return out;
}

/** Float64 Ψ = P·O for channel-last patches and an (N, N) probe. */
function illuminate(or: ArrayLike<number>, oi: ArrayLike<number>, pr: ArrayLike<number>, pi: ArrayLike<number>, B: number, N: number, C: number) {
  const re = new Float64Array(B * N * N * C), im = new Float64Array(B * N * N * C);
  for (let k = 0; k < re.length; k++) {
    const p = Math.floor(k / C) % (N * N);
    re[k] = or[k]! * pr[p]! - oi[k]! * pi[p]!;
    im[k] = or[k]! * pi[p]! + oi[k]! * pr[p]!;
  }
  return { re, im };
}

describeEachBackend('probeIllumination', () => {
  const [B, N, C] = [2, 12, 3];
  const [or, oi, pr, pi] = randomNormalArrays(51, [B * N * N * C, B * N * N * C, N * N, N * N]);
  const run = (opts: Parameters<typeof probeIllumination>[2]) => {
    const out = probeIllumination(
      { re: tf.tensor4d(or!, [B, N, N, C]), im: tf.tensor4d(oi!, [B, N, N, C]) },
      { re: tf.tensor2d(pr!, [N, N]), im: tf.tensor2d(pi!, [N, N]) },
      opts,
    );
    return Promise.all([readAndDispose(out.re), readAndDispose(out.im)]);
  };

  it('multiplies every channel of every patch by the probe (complex product)', async () => {
    const [re, im] = await run({});
    const want = illuminate(or!, oi!, pr!, pi!, B, N, C);
    // one float32 complex product: ≤ 2 ulp of |O||P| ≲ 3e−6 for these normal values
    expectClose(re, want.re, { rtol: 1e-6, atol: 3e-6, label: 're' });
    expectClose(im, want.im, { rtol: 1e-6, atol: 3e-6, label: 'im' });
  });

  it('smooths the probe with the normalised 3×3 Gaussian (mirrored borders) and masks it with the N/4 disk', async () => {
    const sigma = 0.8;
    const mask = probeDiskMask(N);
    const sr = smooth3x3(pr!, N, sigma).map((v, k) => v * mask[k]!);
    const si = smooth3x3(pi!, N, sigma).map((v, k) => v * mask[k]!);
    const [re, im] = await run({ smoothingSigma: sigma, mask: true });
    const want = illuminate(or!, oi!, sr, si, B, N, C);
    // two small float32 matmuls and a product: a few ulp of the largest term
    expectClose(re, want.re, { rtol: 1e-5, atol: 1e-5, label: 're' });
    expectClose(im, want.im, { rtol: 1e-5, atol: 1e-5, label: 'im' });
  });

  it('gradient w.r.t. the patches and the probe matches float64 central differences (σ = 1, masked)', async () => {
    const [b, n, c] = [1, 8, 2];
    const [a1, a2, p1, p2, w] = randomNormalArrays(52, [b * n * n * c, b * n * n * c, n * n, n * n, b * n * n * c]);
    const wt = tf.tensor4d(w!, [b, n, n, c]);
    const mask = probeDiskMask(n);
    await expectGradientMatchesFiniteDifferences({
      label: 'probeIllumination',
      f: (xr, xi, qr, qi) => {
        const y = probeIllumination({ re: xr as tf.Tensor4D, im: xi as tf.Tensor4D }, { re: qr as tf.Tensor2D, im: qi as tf.Tensor2D }, { smoothingSigma: 1, mask: true });
        return tf.sum(tf.mul(tf.add(tf.square(y.re), tf.square(y.im)), wt));
      },
      f64: ([xr, xi, qr, qi]) => {
        const sr = smooth3x3(qr!, n, 1).map((v, k) => v * mask[k]!);
        const si = smooth3x3(qi!, n, 1).map((v, k) => v * mask[k]!);
        const y = illuminate(xr!, xi!, sr, si, b, n, c);
        return y.re.reduce((s, v, k) => s + (v * v + y.im[k]! ** 2) * w![k]!, 0);
      },
      inputs: [a1!, a2!].map((v) => ({ shape: [b, n, n, c], values: v })).concat([p1!, p2!].map((v) => ({ shape: [n, n], values: v }))),
    });
    wt.dispose();
  });

  it('rejects a probe whose side is not the patch side', () => {
    const z = tf.zeros([1, 8, 8, 1]) as tf.Tensor4D;
    const p = tf.zeros([6, 6]) as tf.Tensor2D;
    expect(() => probeIllumination({ re: z, im: z }, { re: p, im: p })).toThrow(InputError);
    tf.dispose([z, p]);
  });
});

it('probeDiskMask is the closed N/4 disk around pixel (N/2, N/2)', () => {
  const m = probeDiskMask(64);
  expect(m[32 * 64 + 32]).toBe(1);
  expect(m[(32 + 16) * 64 + 32]).toBe(1); // radius exactly N/4: inside
  expect(m[(32 + 17) * 64 + 32]).toBe(0);
  expect(m[32 * 64 + 32 - 16]).toBe(1);
  expect(m[0]).toBe(0);
  // area ≈ π(N/4)² (lattice points in a disk of radius 16: 797)
  expect(m.reduce((a, b) => a + b, 0)).toBe(797);
});

it('gaussianSmoothingMatrix has rows summing to 1 and the 1-D weights inside', () => {
  const g = gaussianSmoothingMatrix(6, 1);
  const e = Math.exp(-0.5);
  for (let i = 0; i < 6; i++) expectClose(g.subarray(i * 6, i * 6 + 6).reduce((a, b) => a + b, 0), 1, { rtol: 1e-6, label: `row ${i}` });
  expectClose([g[2 * 6 + 1]!, g[2 * 6 + 2]!, g[2 * 6 + 3]!], [e / (1 + 2 * e), 1 / (1 + 2 * e), e / (1 + 2 * e)], { rtol: 1e-6 });
  expectClose(g[0 * 6 + 1]!, (2 * e) / (1 + 2 * e), { rtol: 1e-6, label: 'mirrored border: x[−1] = x[1]' });
});
