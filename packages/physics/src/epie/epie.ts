import { createRng, fftRows, InputError, isPowerOfTwo } from '@ptychojs/io';
import { assertComplexImage } from '../sim/assert-complex-image.js';
import { objectPatchAdjointAdd } from '../sim/object-patch-adjoint-add.js';
import { objectPatchInto } from '../sim/object-patch-into.js';
import { EPIE_DEFAULTS } from './epie-defaults.js';
import { epieCanvas } from './epie-canvas.js';
import type { EpieOptions, EpieResult } from './types.js';

/**
 * Classical iterative reconstruction with a known probe: ePIE (Maiden & Rodenburg 2009,
 * Ultramicroscopy 109, 1256) with rPIE's regularized step (Maiden, Johnson & Li 2017, Optica 4,
 * 736), optionally updating the probe. Same conventions as the forward model (SPEC §3): positions
 * in object pixels, x the column, y the row, `patch_k(i,j) = O(y_k − N/2 + i, x_k − N/2 + j)` with
 * bilinear sub-pixel shifts, and `A_k = sqrt(fftshift(|FFT2(P·O_patch,k)|² / N²))`.
 *
 * Each iteration visits every position once, in a fresh random order drawn from
 * `createRng(seed)`. At position k, with ψ = P·O_k and Ψ = FFT2(ψ):
 * - Fourier constraint: Ψ' = Ψ · N·A_k/|Ψ| (the measured amplitude, the model's phase);
 *   Δψ = IFFT2(Ψ' − Ψ);
 * - object: O += E_k*( conj(P)·Δψ / ((1 − α)|P|² + α·max|P|²) ), E_k* the adjoint of the bilinear
 *   patch extraction (`objectPatchAdjointAdd`);
 * - probe (if `probeUpdate`): P += conj(O_k)·Δψ / ((1 − β)|O_k|² + β·max|O_k|²), β = `probeAlpha`,
 *   with the O_k from before the object step.
 * The probe is first scaled by `probeScale` so that the starting model has the data's energy.
 * Float64 arithmetic on the patches, float32 object canvas; browser-safe (no I/O). Cost and
 * scale: see {@link EpieResult}.
 *
 * @shape options.diffraction (M, N, N) float32; options.probe (N, N) complex; options.xs, ys (M,)
 * @returns the object on its canvas (`Reconstruction`), the probe, the cost per iteration
 * @throws InputError on shapes that disagree, non-finite or negative data, bad options
 */
export function epie(options: EpieOptions): EpieResult {
  const t0 = performance.now();
  const { diffraction, xs, ys, onIteration } = options;
  const alpha = options.rpieAlpha ?? EPIE_DEFAULTS.rpieAlpha, beta = options.probeAlpha ?? EPIE_DEFAULTS.probeAlpha;
  const iterations = options.iterations, seed = options.seed ?? EPIE_DEFAULTS.seed, updateProbe = options.probeUpdate ?? EPIE_DEFAULTS.probeUpdate;
  assertComplexImage(options.probe, { key: 'probeGuess' }, { square: true });
  const n = options.probe.shape[0]!, nn = n * n, M = xs.length;
  if (!isPowerOfTwo(n) || n < 2) throw new InputError('probe side is not a power of two', { key: 'probeGuess', expected: '(N, N) with N = 64, 128, 256', actual: `(${n}, ${n})` });
  if (ys.length !== M) throw new InputError('xcoords and ycoords differ in length', { key: 'ycoords', expected: `(${M},)`, actual: `(${ys.length},)` });
  if (M === 0) throw new InputError('no scan positions', { key: 'xcoords', expected: 'M ≥ 1', actual: '0' });
  if (diffraction.length !== M * nn) throw new InputError('diffraction does not match the positions and the probe', { key: 'diff3d', expected: `(${M}, ${n}, ${n}) = ${M * nn} values`, actual: `${diffraction.length} values` });
  if (!Number.isSafeInteger(iterations) || iterations < 1) throw new InputError('iterations must be a positive integer', { key: 'iterations', expected: '≥ 1', actual: String(iterations) });
  if (!(alpha > 0 && alpha <= 1)) throw new InputError('rPIE alpha must lie in (0, 1]', { key: 'rpieAlpha', expected: '0 < α ≤ 1', actual: String(alpha) });
  if (!(beta > 0 && beta <= 1)) throw new InputError('probe alpha must lie in (0, 1]', { key: 'probeAlpha', expected: '0 < β ≤ 1', actual: String(beta) });
  if (!Number.isSafeInteger(seed)) throw new InputError('seed must be an integer', { key: 'seed', expected: 'a safe integer', actual: String(seed) });
  const bad = options.badPixels;
  if (bad !== undefined && bad.length !== nn) throw new InputError('bad-pixel mask does not match the probe', { key: 'bad_pixels', expected: `(${n}, ${n})`, actual: `${bad.length} values` });

  // Measured amplitudes times N (so they compare with |FFT2(ψ)|), unshifted and transposed:
  // meas[k, v, u] = N·A_k[(u + N/2) mod N, (v + N/2) mod N], the layout the spectrum has below.
  // Bad pixels are marked −1 there (no measurement: the constraint leaves Ψ as it is).
  const meas = new Float32Array(M * nn), h = n >>> 1;
  let dataEnergy = 0;
  for (let k = 0; k < M; k++) {
    const o = k * nn;
    for (let u = 0; u < n; u++) {
      const src = o + ((u + h) % n) * n;
      for (let v = 0; v < n; v++) {
        if (bad && bad[((u + h) % n) * n + ((v + h) % n)]) { meas[o + v * n + u] = -1; continue; }
        const a = diffraction[src + ((v + h) % n)]!;
        if (!(a >= 0) || !Number.isFinite(a)) throw new InputError('diffraction amplitude is negative or not finite', { key: 'diff3d', expected: 'finite values ≥ 0', actual: `${a} in pattern ${k}` });
        meas[o + v * n + u] = n * a;
        dataEnergy += a * a;
      }
    }
  }
  if (!(dataEnergy > 0)) throw new InputError('every diffraction pattern is zero', { key: 'diff3d', expected: 'some counts', actual: 'all zero' });

  const { object, canvasOrigin } = epieCanvas(xs, ys, n, options.initialObject);
  // Positions in the canvas frame: canvas pixel (r, c) is the object point (c + x0, r + y0).
  const cx = Float64Array.from(xs, (x) => x - canvasOrigin[0]), cy = Float64Array.from(ys, (y) => y - canvasOrigin[1]);
  const oRe = new Float64Array(nn), oIm = new Float64Array(nn);
  const pRe = Float64Array.from(options.probe.re), pIm = Float64Array.from(options.probe.im);

  // Two interleaved (N, N) complex work buffers; the 2-D FFT is row FFTs, a transpose, row FFTs,
  // so the spectrum comes out transposed (index v·N + u), which is how `meas` is stored.
  const A = new Float64Array(2 * nn), B = new Float64Array(2 * nn);

  // Probe scale: the starting model carries the data's energy (Parseval: Σ A² = Σ |P·O|²). With
  // bad pixels, both sides over the measured pixels only: the model's spectrum there (one FFT per position).
  let modelEnergy = 0;
  for (let k = 0; k < M; k++) {
    objectPatchInto(object, cx[k]!, cy[k]!, n, oRe, oIm);
    if (!bad) {
      for (let i = 0; i < nn; i++) modelEnergy += (pRe[i]! ** 2 + pIm[i]! ** 2) * (oRe[i]! ** 2 + oIm[i]! ** 2);
      continue;
    }
    for (let i = 0; i < nn; i++) {
      A[2 * i] = pRe[i]! * oRe[i]! - pIm[i]! * oIm[i]!;
      A[2 * i + 1] = pRe[i]! * oIm[i]! + pIm[i]! * oRe[i]!;
    }
    fftRows(B, A, n, n);
    transposeInterleaved(B, A, n);
    fftRows(B, A, n, n);
    const mo = k * nn;
    for (let i = 0; i < nn; i++) if (meas[mo + i]! >= 0) modelEnergy += (B[2 * i]! ** 2 + B[2 * i + 1]! ** 2) / nn;
  }
  if (!(modelEnergy > 0) || !Number.isFinite(modelEnergy)) throw new InputError('the probe sees no object at any scan position', { key: 'probeGuess', expected: 'Σ|P·O_patch|² > 0', actual: String(modelEnergy) });
  const probeScale = Math.sqrt(dataEnergy / modelEnergy);
  for (let i = 0; i < nn; i++) { pRe[i] = pRe[i]! * probeScale; pIm[i] = pIm[i]! * probeScale; }

  const dRe = new Float64Array(nn), dIm = new Float64Array(nn); // object step in patch space
  const p2 = new Float64Array(nn); // |P|²
  const rng = createRng(seed);
  const order = new Int32Array(M);
  for (let k = 0; k < M; k++) order[k] = k;
  const cost = new Float64Array(iterations);
  const invN = 1 / n, invNN = 1 / nn;

  for (let it = 0; it < iterations; it++) {
    rng.shuffle(order);
    let misfit = 0;
    let p2max = probePower(pRe, pIm, p2);
    for (let q = 0; q < M; q++) {
      const k = order[q]!, x = cx[k]!, y = cy[k]!, mo = k * nn;
      objectPatchInto(object, x, y, n, oRe, oIm);
      for (let i = 0; i < nn; i++) {
        const pr = pRe[i]!, pi = pIm[i]!, or = oRe[i]!, oi = oIm[i]!;
        A[2 * i] = pr * or - pi * oi;
        A[2 * i + 1] = pr * oi + pi * or;
      }
      fftRows(B, A, n, n);
      transposeInterleaved(B, A, n);
      fftRows(B, A, n, n); // B = Ψ, transposed
      // Fourier constraint as a change ΔΨ = Ψ·(N·A/|Ψ| − 1), written conjugated and divided by
      // N², so that the forward transform below gives conj(IFFT2(ΔΨ)) = conj(Δψ).
      for (let i = 0; i < nn; i++) {
        const r = B[2 * i]!, m = B[2 * i + 1]!, mag = Math.sqrt(r * r + m * m), a = meas[mo + i]!;
        if (a < 0) { A[2 * i] = 0; A[2 * i + 1] = 0; continue; } // not measured: ΔΨ = 0
        const d = (mag - a) * invN;
        misfit += d * d;
        if (mag > 0) {
          const f = (a / mag - 1) * invNN;
          A[2 * i] = r * f; A[2 * i + 1] = -m * f;
        } else {
          A[2 * i] = a * invNN; A[2 * i + 1] = 0;
        }
      }
      fftRows(B, A, n, n);
      transposeInterleaved(B, A, n);
      fftRows(B, A, n, n); // B = conj(Δψ), in patch layout
      // Object step (from the old probe) in patch space; then the probe step (from the old patch).
      const denomMax = alpha * p2max, keep = 1 - alpha;
      for (let i = 0; i < nn; i++) {
        const pr = pRe[i]!, pi = pIm[i]!, dr = B[2 * i]!, di = -B[2 * i + 1]!;
        const s = 1 / (keep * p2[i]! + denomMax);
        dRe[i] = (pr * dr + pi * di) * s;
        dIm[i] = (pr * di - pi * dr) * s;
      }
      if (updateProbe) {
        let o2max = 0;
        for (let i = 0; i < nn; i++) { const v = oRe[i]! * oRe[i]! + oIm[i]! * oIm[i]!; if (v > o2max) o2max = v; }
        if (o2max > 0) {
          const dm = beta * o2max, kb = 1 - beta;
          for (let i = 0; i < nn; i++) {
            const or = oRe[i]!, oi = oIm[i]!, dr = B[2 * i]!, di = -B[2 * i + 1]!;
            const s = 1 / (kb * (or * or + oi * oi) + dm);
            pRe[i] = pRe[i]! + (or * dr + oi * di) * s;
            pIm[i] = pIm[i]! + (or * di - oi * dr) * s;
          }
          p2max = probePower(pRe, pIm, p2);
        }
      }
      objectPatchAdjointAdd(object, x, y, n, dRe, dIm);
    }
    cost[it] = misfit / dataEnergy;
    onIteration?.({ iteration: it + 1, iterations, cost: cost[it]!, seconds: (performance.now() - t0) / 1000, current: { object, canvasOrigin } });
  }

  const len = object.re.length;
  const amplitude = new Float32Array(len), phase = new Float32Array(len);
  for (let i = 0; i < len; i++) { amplitude[i] = Math.hypot(object.re[i]!, object.im[i]!); phase[i] = Math.atan2(object.im[i]!, object.re[i]!); }
  return {
    reconstruction: { object, canvasOrigin: [canvasOrigin[0], canvasOrigin[1]], amplitude, phase },
    probe: { shape: [n, n], re: Float32Array.from(pRe), im: Float32Array.from(pIm) },
    cost,
    probeScale,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** out[j, i] = src[i, j] for an interleaved (n, n) complex square. */
function transposeInterleaved(src: Float64Array, out: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0, s = 2 * i * n, d = 2 * i; j < n; j++, s += 2, d += 2 * n) { out[d] = src[s]!; out[d + 1] = src[s + 1]!; }
  }
}

/** |P|² into `out`; returns its maximum. */
function probePower(re: Float64Array, im: Float64Array, out: Float64Array): number {
  let mx = 0;
  for (let i = 0; i < out.length; i++) { const v = re[i]! * re[i]! + im[i]! * im[i]!; out[i] = v; if (v > mx) mx = v; }
  return mx;
}
