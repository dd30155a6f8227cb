import { isPowerOfTwo, type ComplexArray } from '@ptychojs/io';
import { assertComplexImage } from './assert-complex-image.js';
import { farFieldIntensityInto } from './far-field-intensity-into.js';

/**
 * {@link farFieldAmplitude} for a stack of patches: `A_k = sqrt(fftshift(|FFT2(P·patch_k)|² / N²))`
 * (SPEC §3). Float64 arithmetic, float32 result.
 *
 * @shape probe (N, N) complex
 * @shape patches (M, N, N) complex
 * @returns (M, N, N) float32 amplitudes
 */
export function farFieldAmplitudeBatch(probe: ComplexArray, patches: ComplexArray): Float32Array {
  assertComplexImage(probe, { key: 'probe' }, { square: true, values: false });
  const n = probe.shape[0]!, nn = n * n;
  if (!isPowerOfTwo(n)) throw new RangeError(`farFieldAmplitude: N must be a power of two, got ${n}`);
  const [M, a, b] = patches.shape;
  if (patches.shape.length !== 3 || a !== n || b !== n || patches.re.length !== M! * nn || patches.im.length !== M! * nn) {
    throw new RangeError(`farFieldAmplitude: patches of shape (${patches.shape.join(', ')}) do not match (M, ${n}, ${n})`);
  }
  const pr = Float64Array.from(probe.re), pi = Float64Array.from(probe.im);
  const wr = new Float64Array(nn), wi = new Float64Array(nn), I = new Float64Array(nn);
  const out = new Float32Array(M! * nn);
  for (let k = 0; k < M!; k++) {
    for (let i = 0; i < nn; i++) { wr[i] = patches.re[k * nn + i]!; wi[i] = patches.im[k * nn + i]!; }
    farFieldIntensityInto(pr, pi, wr, wi, n, I);
    for (let i = 0; i < nn; i++) out[k * nn + i] = Math.sqrt(I[i]!);
  }
  return out;
}
