import type { ComplexArray } from '@ptychojs/io';

/**
 * How well predicted object patches match ground-truth patches (SPEC §3 channel layout): Pearson
 * correlation of amplitude and of phase over each patch's central N/2×N/2 (where the model
 * predicts, SPEC §3 "U-Net"), averaged over patches. Phase is compared after removing each patch's
 * global phase offset (angle of Σ truth·conj(prediction)), the one ambiguity far-field data cannot
 * fix, with differences wrapped to (−π, π]. A constant patch correlates as 0.
 *
 * @shape pred (B, N, N, 1) complex
 * @shape truth (B, N, N, C) complex — channel `channel` is compared
 * @returns mean Pearson r of amplitude and of phase, each in [−1, 1]
 */
export function patchCorrelation(pred: ComplexArray, truth: ComplexArray, N: number, channel = 0): { amplitude: number; phase: number } {
  const B = pred.shape[0]!, C = truth.shape[3] ?? 1, lo = N / 4, hi = (3 * N) / 4, n = (hi - lo) ** 2;
  let ampSum = 0, phaseSum = 0;
  const pa = new Float64Array(n), ta = new Float64Array(n), pp = new Float64Array(n), tp = new Float64Array(n);
  for (let b = 0; b < B; b++) {
    let sr = 0, si = 0, k = 0;
    for (let i = lo; i < hi; i++) for (let j = lo; j < hi; j++) {
      const q = (b * N + i) * N + j, t = ((b * N + i) * N + j) * C + channel;
      const prr = pred.re[q]!, pim = pred.im[q]!, trr = truth.re[t]!, tim = truth.im[t]!;
      sr += trr * prr + tim * pim; si += tim * prr - trr * pim;
      pa[k] = Math.hypot(prr, pim); ta[k] = Math.hypot(trr, tim);
      pp[k] = Math.atan2(pim, prr); tp[k] = Math.atan2(tim, trr); k++;
    }
    const offset = Math.atan2(si, sr);
    for (let m = 0; m < n; m++) pp[m] = wrap(pp[m]! + offset - tp[m]!) + tp[m]!;
    ampSum += pearson(pa, ta);
    phaseSum += pearson(pp, tp);
  }
  return { amplitude: ampSum / B, phase: phaseSum / B };
}

function wrap(a: number): number {
  return a - 2 * Math.PI * Math.round(a / (2 * Math.PI));
}

function pearson(a: Float64Array, b: Float64Array): number {
  let ma = 0, mb = 0;
  for (let i = 0; i < a.length; i++) { ma += a[i]!; mb += b[i]!; }
  ma /= a.length; mb /= b.length;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < a.length; i++) { const x = a[i]! - ma, y = b[i]! - mb; sab += x * y; saa += x * x; sbb += y * y; }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}
