import { InputError } from '@ptychojs/io';
import { defaultProbe, type DefaultProbeOptions } from './default-probe.js';
import { probeRmsRadius } from './probe-rms-radius.js';

/**
 * The `defocusPhase` (radians at the pupil edge) at which `defaultProbe(n, opts)` has the given
 * rms radius (`probeRmsRadius`, pixels): a probe specified by its size, as a scientist would. The
 * rms radius grows monotonically with the defocus from its in-focus value (≈ 2 px at N = 64) until
 * the spreading probe wraps around the N × N window (≈ 26 px at N = 64, 53 at N = 128, at a defocus
 * of ≈ 2R); within that range the defocus is found by bisection on a 0.05·R grid, to 1e-9 rad.
 * Examples at N = 64 (R = 16): 12.8 px ← 0.9·R (the default), 15.5 px ← 1.1·R.
 *
 * @param n probe side N (a power of two)
 * @param rmsRadius wanted rms radius, pixels
 * @param opts the other probe options (pupil radius R, edge smoothing, energy); `defocusPhase` is ignored
 * @throws InputError when no defocus in the monotone range gives that radius (the message gives the range)
 */
export function defocusForRmsRadius(n: number, rmsRadius: number, opts: Omit<DefaultProbeOptions, 'defocusPhase'> = {}): number {
  const R = opts.pupilRadius ?? n / 4;
  const rms = (d: number) => probeRmsRadius(defaultProbe(n, { ...opts, defocusPhase: d }));
  // Walk up the 0.05·R grid while the radius still grows.
  const step = 0.05 * R;
  let lo = 0, rLo = rms(0);
  let hi = step, rHi = rms(hi);
  while (rHi < rmsRadius) {
    const next = rms(hi + step);
    if (!(next > rHi) || hi > 8 * R) break;
    lo = hi; rLo = rHi; hi += step; rHi = next;
  }
  if (!(rmsRadius >= rLo && rmsRadius <= rHi) || !Number.isFinite(rmsRadius)) {
    const min = rms(0);
    throw new InputError('no defocus gives this probe rms radius', { key: 'probe rms radius', expected: `${min.toFixed(2)} … ${Math.max(rHi, rLo).toFixed(2)} px at N = ${n}, pupil radius ${R}`, actual: String(rmsRadius) });
  }
  while (hi - lo > 1e-9) {
    const mid = (lo + hi) / 2;
    if (rms(mid) < rmsRadius) lo = mid; else hi = mid;
  }
  return (lo + hi) / 2;
}
