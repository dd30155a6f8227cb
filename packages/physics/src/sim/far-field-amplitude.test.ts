import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNpz, toComplexArray, toFloat32Array, toFloat64Array, type ComplexArray } from '@ptychojs/io';
import { farFieldAmplitude } from './far-field-amplitude.js';
import { farFieldAmplitudeBatch } from './far-field-amplitude-batch.js';
import { objectPatch } from './object-patch.js';
import { objectPatches } from './object-patches.js';
import { fft2 } from '@ptychojs/io';
import { maxRelErr, randomPlanes } from './__fixtures__/helpers.js';

const GOLDEN = path.resolve(import.meta.dirname, '../../../../../shared/data/golden/forward_cases.npz');

describe.skipIf(!fs.existsSync(GOLDEN))('forward model vs golden/forward_cases.npz (needs ../shared/data)', () => {
  const g = fs.existsSync(GOLDEN) ? parseNpz(new Uint8Array(fs.readFileSync(GOLDEN))) : {};
  const arr = (k: string) => { const a = g[k]; if (!a) throw new Error(`golden lacks ${k}`); return a; };
  const object = toComplexArray(arr('objectGuess'));
  const probe = toComplexArray(arr('probeGuess'));
  const xs = toFloat64Array(arr('xcoords')), ys = toFloat64Array(arr('ycoords'));
  const N = 64, M = xs.length;

  // SPEC §3 requires 1e-5 relative (max|a−b| / max|b| over the whole stack). Measured: patches
  // re 6.0e-8 / im 8.5e-8, amplitudes 6.0e-8 (float32 rounding of the golden), so a wrong convention
  // (shift, half-pixel offset, missing 1/N²) cannot pass.
  it('objectPatches equals the golden bilinear patches', () => {
    const want = toComplexArray(arr('patches'));
    const got = objectPatches(object, xs, ys, N);
    expect(got.shape).toEqual([M, N, N]);
    expect(maxRelErr(got.re, want.re)).toBeLessThan(1e-5);
    expect(maxRelErr(got.im, want.im)).toBeLessThan(1e-5);
    const k = 5, one = objectPatch(object, xs[k]!, ys[k]!, N);
    expect(maxRelErr(one.re, want.re.subarray(k * N * N, (k + 1) * N * N))).toBeLessThan(1e-5);
  });

  it('farFieldAmplitudeBatch equals the golden amplitudes sqrt(fftshift(|FFT2(P·patch)|²/N²))', () => {
    const want = toFloat32Array(arr('amplitude'));
    const got = farFieldAmplitudeBatch(probe, toComplexArray(arr('patches')));
    expect(maxRelErr(got, want)).toBeLessThan(1e-5);
    // From the object directly (patch extraction and diffraction chained).
    const chained = farFieldAmplitudeBatch(probe, objectPatches(object, xs, ys, N));
    expect(maxRelErr(chained, want)).toBeLessThan(1e-5);
    const k = 17, patches = toComplexArray(arr('patches'));
    const single: ComplexArray = { shape: [N, N], re: patches.re.subarray(k * N * N, (k + 1) * N * N), im: patches.im.subarray(k * N * N, (k + 1) * N * N) };
    expect(maxRelErr(farFieldAmplitude(probe, single), want.subarray(k * N * N, (k + 1) * N * N))).toBeLessThan(1e-5);
  });
});

describe('farFieldAmplitude', () => {
  it('of a unit plane wave is a single centred pixel of amplitude 1 (the DC term at (N/2, N/2))', () => {
    const n = 16, ones = new Float32Array(n * n).fill(1), zeros = new Float32Array(n * n);
    const a = farFieldAmplitude({ shape: [n, n], re: ones, im: zeros }, { shape: [n, n], re: ones, im: zeros });
    // |FFT2(1)|² / N² = N² at DC, so A = N there: sqrt(N⁴/N²) = N.
    expect(a[(n / 2) * n + n / 2]).toBeCloseTo(n, 5);
    expect(a.reduce((s, v) => s + v, 0)).toBeCloseTo(n, 5);
  });

  it('conserves energy: Σ A² = Σ |P·patch|² (Parseval with the 1/N² of SPEC §3)', () => {
    const n = 32, p = randomPlanes(n * n, 3), o = randomPlanes(n * n, 4);
    const probe = { shape: [n, n], re: Float32Array.from(p.re), im: Float32Array.from(p.im) };
    const patch = { shape: [n, n], re: Float32Array.from(o.re), im: Float32Array.from(o.im) };
    let e = 0;
    for (let i = 0; i < n * n; i++) e += (probe.re[i]! ** 2 + probe.im[i]! ** 2) * (patch.re[i]! ** 2 + patch.im[i]! ** 2);
    const a = farFieldAmplitude(probe, patch);
    // Float32 output: relative rounding 6e-8 per value, far below 1e-6.
    expect(Math.abs(a.reduce((s, v) => s + v * v, 0) - e) / e).toBeLessThan(1e-6);
  });

  it('equals |fft2| / N of the exit wave, fftshifted (checked pixel by pixel at N = 8)', () => {
    const n = 8, p = randomPlanes(n * n, 5), o = randomPlanes(n * n, 6);
    const probe = { shape: [n, n], re: Float32Array.from(p.re), im: Float32Array.from(p.im) };
    const patch = { shape: [n, n], re: Float32Array.from(o.re), im: Float32Array.from(o.im) };
    const wr = new Float64Array(n * n), wi = new Float64Array(n * n);
    for (let i = 0; i < n * n; i++) {
      wr[i] = probe.re[i]! * patch.re[i]! - probe.im[i]! * patch.im[i]!;
      wi[i] = probe.re[i]! * patch.im[i]! + probe.im[i]! * patch.re[i]!;
    }
    fft2(wr, wi, n);
    const a = farFieldAmplitude(probe, patch);
    for (let u = 0; u < n; u++) for (let v = 0; v < n; v++) {
      const k = u * n + v, s = ((u + n / 2) % n) * n + ((v + n / 2) % n);
      expect(a[s]).toBeCloseTo(Math.hypot(wr[k]!, wi[k]!) / n, 5);
    }
  });

  it('refuses a patch whose size differs from the probe', () => {
    const p = { shape: [8, 8], re: new Float32Array(64), im: new Float32Array(64) };
    const q = { shape: [4, 4], re: new Float32Array(16), im: new Float32Array(16) };
    expect(() => farFieldAmplitude(p, q)).toThrow(/patch shape \(4, 4\)/);
  });
});
