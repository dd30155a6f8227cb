import { InputError, isPowerOfTwo, type ComplexArray, type Rng } from '@ptychojs/io';
import { assertComplexImage } from './assert-complex-image.js';
import { checkPositive } from './check-positive.js';
import { farFieldIntensityInto } from './far-field-intensity-into.js';
import { objectPatchInto } from './object-patch-into.js';

/** Options of {@link simulateDiffraction}. */
export interface SimulateDiffractionOptions {
  /** @shape (H, W) complex */
  readonly object: ComplexArray;
  /** @shape (N, N) complex, N a power of two */
  readonly probe: ComplexArray;
  /** @shape (M,) patch-centre columns, pixels */
  readonly xs: ArrayLike<number>;
  /** @shape (M,) patch-centre rows, pixels */
  readonly ys: ArrayLike<number>;
  /** Mean total counts per pattern (> 0). */
  readonly nphotons: number;
  /** `'poisson'` (default) draws counts; `'none'` keeps the expected counts. */
  readonly noise?: 'poisson' | 'none';
  /** Random source for the Poisson draws (required with `noise: 'poisson'`). */
  readonly rng?: Rng;
  /** Called after each pattern with (patterns done, M), for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Result of {@link simulateDiffraction}. */
export interface SimulatedDiffraction {
  /** @shape (M, N, N) float32 amplitude `sqrt(counts)`, zero frequency at (N/2, N/2) */
  readonly diff3d: Float32Array;
  /** Factor on A² (SPEC §3 amplitudes) giving the expected counts: nphotons / mean_k Σ A_k². */
  readonly doseScale: number;
  /** Measured mean over patterns of Σ counts (≈ nphotons; exactly it up to rounding without noise). */
  readonly meanCounts: number;
  readonly M: number;
  readonly N: number;
}

/**
 * Simulated diffraction data, SPEC §3: for each position k the noise-free amplitude
 * `A_k = sqrt(fftshift(|FFT2(P·O_patch,k)|² / N²))`, the dose
 * `doseScale = nphotons / mean_k Σ_ij A_k²` (so the expected counts per pattern average nphotons;
 * Σ A_k² = Σ|P·O_patch,k|² by Parseval, computed in a cheap first pass), then
 * `counts ~ Poisson(doseScale·A²)` and `diff3d = sqrt(counts)`; with `noise: 'none'`,
 * `diff3d = sqrt(doseScale·A²)`. Float64 arithmetic; one pattern in flight at a time.
 * Note `sqrt(doseScale)` is the SPEC §3 intensity scale s when the object is known.
 *
 * @throws InputError on a malformed object or probe, mismatched or non-finite positions, a
 *   non-positive nphotons, a missing rng, or a scan that the probe never sees any object through.
 */
export function simulateDiffraction(opts: SimulateDiffractionOptions): SimulatedDiffraction {
  const { object, probe, xs, ys, nphotons, onProgress } = opts;
  const noise = opts.noise ?? 'poisson';
  assertComplexImage(object, { key: 'object' });
  assertComplexImage(probe, { key: 'probe' }, { square: true });
  const n = probe.shape[0]!, nn = n * n, M = xs.length;
  if (!isPowerOfTwo(n) || n < 2) throw new InputError('probe side is not a power of two', { key: 'probe', expected: '(N, N) with N = 64, 128, 256, …', actual: `(${n}, ${n})` });
  if (ys.length !== M) throw new InputError('xs and ys differ in length', { key: 'ycoords', expected: `(${M},)`, actual: `(${ys.length},)` });
  if (M === 0) throw new InputError('no scan positions', { key: 'xcoords', expected: 'M ≥ 1', actual: '0' });
  for (let k = 0; k < M; k++) {
    if (!Number.isFinite(xs[k]!) || !Number.isFinite(ys[k]!)) throw new InputError('non-finite scan position', { key: 'xcoords', expected: 'finite', actual: `(${xs[k]}, ${ys[k]}) at index ${k}` });
  }
  checkPositive(nphotons, 'nphotons');
  if (noise !== 'poisson' && noise !== 'none') throw new InputError('unknown noise model', { key: 'noise', expected: "'poisson' or 'none'", actual: String(noise) });
  const rng = opts.rng;
  if (noise === 'poisson' && !rng) throw new InputError('Poisson noise needs a random source', { key: 'rng', expected: 'an Rng (createRng(seed))', actual: 'undefined' });

  const pr = Float64Array.from(probe.re), pi = Float64Array.from(probe.im);
  const wr = new Float64Array(nn), wi = new Float64Array(nn);
  // Pass 1: Σ|P·O_patch|² per pattern (= Σ A² by Parseval) for the dose.
  let total = 0;
  for (let k = 0; k < M; k++) {
    objectPatchInto(object, xs[k]!, ys[k]!, n, wr, wi);
    for (let i = 0; i < nn; i++) {
      total += (pr[i]! * pr[i]! + pi[i]! * pi[i]!) * (wr[i]! * wr[i]! + wi[i]! * wi[i]!);
    }
  }
  const meanIntensity = total / M;
  if (!(meanIntensity > 0) || !Number.isFinite(meanIntensity)) {
    throw new InputError('the probe sees no object at any scan position (zero diffracted intensity)', { key: 'xcoords', expected: 'positions over the object', actual: `mean Σ|P·O|² = ${meanIntensity}` });
  }
  const doseScale = nphotons / meanIntensity;

  // Pass 2: diffract, scale, draw counts, store sqrt(counts).
  const diff3d = new Float32Array(M * nn), I = new Float64Array(nn);
  let counts = 0;
  for (let k = 0; k < M; k++) {
    objectPatchInto(object, xs[k]!, ys[k]!, n, wr, wi);
    farFieldIntensityInto(pr, pi, wr, wi, n, I);
    const o = k * nn;
    for (let i = 0; i < nn; i++) {
      const rate = doseScale * I[i]!;
      const c = noise === 'poisson' ? rng!.poisson(rate) : rate;
      counts += c;
      diff3d[o + i] = Math.sqrt(c);
    }
    onProgress?.(k + 1, M);
  }
  return { diff3d, doseScale, meanCounts: counts / M, M, N: n };
}
