import { InputError, type ComplexArray } from '@ptychojs/io';
import { assertComplexImage } from '../sim/assert-complex-image.js';
import { farFieldIntensityInto } from '../sim/far-field-intensity-into.js';
import { objectPatchInto } from '../sim/object-patch-into.js';
import { expectedPoissonDeviance } from './expected-poisson-deviance.js';
import { poissonDeviance } from './poisson-deviance.js';

/** Floor of the model rate μ inside the deviance (SPEC §3's ε of the Poisson NLL). */
const EPS = 1e-12;

/** Options of {@link dataResiduals}. */
export interface DataResidualsOptions {
  /** @shape (H, W) complex, the reconstructed object on its canvas */
  readonly object: ComplexArray;
  /** [x0, y0]: canvas pixel (r, c) is the object point (c + x0, r + y0) (SPEC §3). */
  readonly canvasOrigin: readonly [number, number];
  /** @shape (N, N) complex, the probe the reconstruction goes with */
  readonly probe: ComplexArray;
  /** @shape (M,) scan positions, columns, in the scan's pixel frame */
  readonly xs: ArrayLike<number>;
  /** @shape (M,) scan positions, rows */
  readonly ys: ArrayLike<number>;
  /** @shape (M, N, N) float32 measured amplitudes sqrt(counts), zero frequency at (N/2, N/2) (SPEC §3 `diff3d`) */
  readonly diffraction: Float32Array;
  /**
   * Detector pixels that count: nonzero = measured, 0 = masked (a dead pixel, the beamstop, a
   * gap), excluded from every sum. `(N, N)` for one detector mask, or `(M, N, N)` per pattern.
   * Default: every pixel counts.
   */
  readonly validPixels?: Uint8Array;
  /**
   * Counts per unit of model intensity, c in `μ = c·|FFT2(P·O_patch)|²/N²`. Default: fitted, the
   * median over patterns of `Σ_i y_i / Σ_i I_i` (one number: reconstructions from any tool carry
   * their own amplitude scale).
   */
  readonly scale?: number;
}

/** Result of {@link dataResiduals}: one entry per scan position, and the whole scan. */
export interface DataResiduals {
  readonly M: number;
  readonly N: number;
  /** c used (fitted unless given). */
  readonly scale: number;
  /** Pixels counted per pattern (N² less the masked ones). @shape (M,) */
  readonly pixels: Int32Array;
  /** Σ_i D(y_i, μ_i) per pattern. @shape (M,) */
  readonly deviance: Float64Array;
  /** Σ_i E[D | μ_i] per pattern: what a perfect model would score on average. @shape (M,) */
  readonly expectedDeviance: Float64Array;
  /** deviance / expectedDeviance: ≈ 1 when the model explains the pattern to the counting noise. @shape (M,) */
  readonly normalizedDeviance: Float64Array;
  /** Σ_i |√y_i − √μ_i| / Σ_i √y_i per pattern (NaN for a pattern without counts). @shape (M,) */
  readonly rFactor: Float64Array;
  /** Σ_i y_i per pattern. @shape (M,) */
  readonly counts: Float64Array;
  /** Σ_k deviance / Σ_k expectedDeviance over the scan. */
  readonly normalizedDevianceTotal: number;
  /** Σ_k Σ_i |√y − √μ| / Σ_k Σ_i √y over the scan. */
  readonly rFactorTotal: number;
}

/**
 * Data residuals of a reconstruction (issue 17): push the object and probe through the SPEC §3
 * forward model at every scan position, `μ_k = c·fftshift(|FFT2(P·O_patch,k)|²)/N²` (bilinear
 * patches of the canvas, positions shifted by `canvasOrigin`), and compare with the measured
 * counts `y_k = diff3d_k²`, pixel by pixel, over the valid pixels:
 *
 * - Poisson deviance `D_k = Σ_i D(y_i, μ_i)` ({@link poissonDeviance}, McCullagh & Nelder 1989
 *   §2.3), normalized by its expectation under the model itself,
 *   `D_k / Σ_i E[D | μ_i]` ({@link expectedPoissonDeviance}): ≈ 1 (within a few
 *   `√(2/pixels)`) when the data are Poisson draws of the model — the true object and probe on
 *   simulated data —, ≫ 1 where the reconstruction fails to explain the pattern, ≪ 1 when the data
 *   are smoother than counting noise (simulated without noise, or not in counts);
 * - the amplitude R-factor `R_k = Σ_i |√y_i − √μ_i| / Σ_i √y_i` (the crystallographic
 *   R = Σ| |F_obs| − |F_calc| | / Σ|F_obs|), 0 for a perfect fit, for comparison with tools that
 *   report it.
 *
 * The scale c is one global number, fitted unless given, so the result does not depend on the
 * amplitude normalization of the tool that made the reconstruction: the median over patterns of
 * the per-pattern maximum-likelihood scale `Σ_i y_i / Σ_i I_i` (the zero of ∂/∂c Σ_i(cI_i − y_i ln cI_i)).
 * The median, not the scan-wide ratio, so that a badly reconstructed minority of positions does not
 * pull the scale and with it the residuals of the good ones. μ is floored at 1e−12.
 * Float64 sums; two passes of M FFTs (the fit, then the residuals). Browser-safe.
 *
 * @throws InputError on malformed inputs: shapes that disagree, non-finite or negative data, a
 *   mask of the wrong length, a model with no intensity on the valid pixels
 */
export function dataResiduals(opts: DataResidualsOptions): DataResiduals {
  const { object, probe, xs, ys, diffraction, validPixels } = opts;
  assertComplexImage(object, { key: 'object' });
  assertComplexImage(probe, { key: 'probeGuess' }, { square: true });
  const n = probe.shape[0]!, nn = n * n, M = xs.length;
  if (ys.length !== M) throw new InputError('xcoords and ycoords differ in length', { key: 'ycoords', expected: `(${M},)`, actual: `(${ys.length},)` });
  if (M === 0) throw new InputError('no scan positions', { key: 'xcoords', expected: 'M ≥ 1', actual: '0' });
  if (diffraction.length !== M * nn) throw new InputError('diffraction does not match the positions and the probe', { key: 'diff3d', expected: `(${M}, ${n}, ${n}) = ${M * nn} values`, actual: `${diffraction.length} values` });
  if (validPixels && validPixels.length !== nn && validPixels.length !== M * nn) {
    throw new InputError('the detector mask matches neither one pattern nor the stack', { key: 'validPixels', expected: `(${n}, ${n}) or (${M}, ${n}, ${n})`, actual: `${validPixels.length} values` });
  }
  const [x0, y0] = opts.canvasOrigin;
  if (!Number.isFinite(x0) || !Number.isFinite(y0)) throw new InputError('canvasOrigin must be finite', { key: 'canvasOrigin', expected: '[x0, y0] finite', actual: `[${x0}, ${y0}]` });
  for (let k = 0; k < M; k++) {
    if (!Number.isFinite(xs[k]!) || !Number.isFinite(ys[k]!)) throw new InputError('non-finite scan position', { key: 'xcoords', expected: 'finite', actual: `(${xs[k]}, ${ys[k]}) at index ${k}` });
  }
  for (let i = 0; i < M * nn; i++) {
    const a = diffraction[i]!;
    if (!(a >= 0) || !Number.isFinite(a)) throw new InputError('diffraction amplitude is negative or not finite', { key: 'diff3d', expected: 'finite values ≥ 0', actual: `${a} in pattern ${Math.floor(i / nn)}` });
  }
  const maskOffset = (k: number) => (validPixels && validPixels.length === M * nn ? k * nn : 0);
  const valid = (k: number, i: number) => !validPixels || validPixels[maskOffset(k) + i] !== 0;

  const pr = Float64Array.from(probe.re), pi = Float64Array.from(probe.im);
  const wr = new Float64Array(nn), wi = new Float64Array(nn), I = new Float64Array(nn);
  const model = (k: number) => {
    objectPatchInto(object, xs[k]! - x0, ys[k]! - y0, n, wr, wi);
    farFieldIntensityInto(pr, pi, wr, wi, n, I);
  };

  let scale = opts.scale;
  if (scale === undefined) {
    const ratios: number[] = [];
    for (let k = 0; k < M; k++) {
      model(k);
      const o = k * nn;
      let sy = 0, sI = 0;
      for (let i = 0; i < nn; i++) if (valid(k, i)) { sy += diffraction[o + i]! ** 2; sI += I[i]!; }
      if (sI > 0 && Number.isFinite(sI)) ratios.push(sy / sI);
    }
    if (ratios.length === 0) throw new InputError('the model diffracts no intensity onto the valid detector pixels', { key: 'object', expected: 'Σ|FFT2(P·O_patch)|² > 0 at some position', actual: '0 at every position' });
    ratios.sort((a, b) => a - b);
    const h = ratios.length >>> 1;
    scale = ratios.length % 2 ? ratios[h]! : (ratios[h - 1]! + ratios[h]!) / 2;
    if (!(scale > 0)) throw new InputError('the data have no counts on the valid detector pixels', { key: 'diff3d', expected: 'counts > 0', actual: 'median Σ y = 0' });
  } else if (!(scale > 0) || !Number.isFinite(scale)) {
    throw new InputError('scale must be finite and > 0', { key: 'scale', expected: 'c > 0', actual: String(scale) });
  }

  const pixels = new Int32Array(M), deviance = new Float64Array(M), expectedDeviance = new Float64Array(M);
  const normalizedDeviance = new Float64Array(M), rFactor = new Float64Array(M), counts = new Float64Array(M);
  let dTot = 0, eTot = 0, rNum = 0, rDen = 0;
  for (let k = 0; k < M; k++) {
    model(k);
    const o = k * nn;
    let np = 0, d = 0, e = 0, num = 0, den = 0, ysum = 0;
    for (let i = 0; i < nn; i++) {
      if (!valid(k, i)) continue;
      const a = diffraction[o + i]!, y = a * a, mu = Math.max(scale * I[i]!, EPS);
      np++;
      d += poissonDeviance(y, mu);
      e += expectedPoissonDeviance(mu);
      num += Math.abs(a - Math.sqrt(mu));
      den += a;
      ysum += y;
    }
    pixels[k] = np; deviance[k] = d; expectedDeviance[k] = e; counts[k] = ysum;
    normalizedDeviance[k] = e > 0 ? d / e : d > 0 ? Infinity : NaN;
    rFactor[k] = den > 0 ? num / den : NaN;
    dTot += d; eTot += e; rNum += num; rDen += den;
  }
  return {
    M, N: n, scale, pixels, deviance, expectedDeviance, normalizedDeviance, rFactor, counts,
    normalizedDevianceTotal: eTot > 0 ? dTot / eTot : NaN,
    rFactorTotal: rDen > 0 ? rNum / rDen : NaN,
  };
}
