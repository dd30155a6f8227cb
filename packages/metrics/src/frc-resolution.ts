import { InputError } from '@ptychojs/io';
import { firstCrossing, frcRingSums } from './internal/frc-rings.js';
import { halfBitThreshold } from './half-bit-threshold.js';
import type { ImageLike } from './register-by-shift.js';

/** Options of {@link frcResolution}. */
export interface FrcResolutionOptions {
  /** 'half-bit' (default, {@link halfBitThreshold}) or a constant threshold such as 0.5 or 0.143. */
  readonly threshold?: 'half-bit' | number;
  /** Apodization as in `frc` (default 'hann'). */
  readonly window?: 'hann' | 'none';
  /** Translate `b` by (dx, dy) px before correlating (e.g. a sub-pixel registration), as a Fourier phase ramp. */
  readonly shift?: readonly [number, number];
  /** Object pixel size in metres, to report the resolution in nanometres too. */
  readonly pixelSize?: number;
}

/** Result of {@link frcResolution}. */
export interface FrcResolution {
  /** Ring radius as a fraction of Nyquist, r / (L/2), one entry per ring up to Nyquist. */
  readonly frequency: Float64Array;
  /** FRC per ring (ring 0 NaN with the Hann window; NaN where a ring has no power). */
  readonly value: Float64Array;
  /** Threshold per ring. */
  readonly threshold: Float64Array;
  readonly thresholdKind: 'half-bit' | 'constant';
  readonly ringPixels: Int32Array;
  /** Side L of the square crop. */
  readonly side: number;
  readonly window: 'hann' | 'none';
  /** Removed relative global phase of b (radians). */
  readonly globalPhase: number;
  /** First crossing below the threshold (rings ≥ 1, linearly interpolated), fraction of Nyquist; 1 when the curve stays above it. */
  readonly crossing: number;
  /** The curve never drops below the threshold up to Nyquist: the resolution is at most one pixel. */
  readonly reachesNyquist: boolean;
  /** Half-period resolution 1/crossing, in pixels (1 px at Nyquist). */
  readonly resolutionPixels: number;
  /** The same in nanometres, when `pixelSize` is given. */
  readonly resolutionNm?: number;
}

/**
 * Fourier ring correlation of two images of the same object — two reconstructions from
 * interleaved halves of one scan — with a threshold curve and the resolution where it is crossed
 * (issue 17). Real or complex images (the complex object of a ptychographic reconstruction):
 * `FRC(r) = Re(e^{−iφ} Σ_r F_a·F_b*) / √(Σ_r |F_a|² · Σ_r |F_b|²)`, integer rings as in `frc`
 * (centre crop to L×L, Hann apodization by default), where φ = arg Σ_{r≥1} Σ_r F_a·F_b* removes the
 * relative global phase of the two reconstructions (which ptychography cannot determine). The
 * default threshold is the ½-bit curve (van Heel & Schatz 2005), the criterion for two independent
 * half data sets; ptychodus computes the same curve with |Σ F_a·F_b*|, which noise biases upward.
 *
 * The crossing is reported as a half-period resolution `1/crossing` pixels (one pixel at Nyquist),
 * and in nm with `pixelSize`. Each half has half the dose and, on a scan of two interleaved halves,
 * half the overlap: the crossing bounds the resolution of the whole scan from below (a pessimistic
 * estimate).
 * @shape a (H, W) real or complex
 * @shape b (H, W) real or complex
 * @throws InputError on shapes that differ, non-finite values, a crop under 4×4 with the Hann window, a bad threshold or pixel size
 */
export function frcResolution(a: ImageLike, b: ImageLike, options: FrcResolutionOptions = {}): FrcResolution {
  const [H, W] = dims('a', a), [Hb, Wb] = dims('b', b);
  if (H !== Hb || W !== Wb) throw new InputError('frcResolution: images must have the same shape', { key: 'b', expected: `(${H}, ${W})`, actual: `(${Hb}, ${Wb})` });
  const window = options.window ?? 'hann', thr = options.threshold ?? 'half-bit';
  if (window !== 'hann' && window !== 'none') throw new InputError(`frcResolution: unknown window '${String(window)}'`, { key: 'window', expected: "'hann' | 'none'", actual: String(window) });
  if (thr !== 'half-bit' && !(typeof thr === 'number' && thr > 0 && thr < 1)) throw new InputError('frcResolution: threshold must be \'half-bit\' or a number in (0, 1)', { key: 'threshold', expected: "'half-bit' | 0 < t < 1", actual: String(thr) });
  if (window === 'hann' && Math.min(H, W) < 4) throw new InputError('frcResolution: the Hann window needs a crop of at least 4×4', { key: 'a', expected: 'min(H, W) ≥ 4', actual: `${H}×${W}` });
  const px = options.pixelSize;
  if (px !== undefined && !(px > 0 && Number.isFinite(px))) throw new InputError('frcResolution: pixel size must be finite and > 0 (metres)', { key: 'pixelSize', expected: '> 0 m', actual: String(px) });
  const s = frcRingSums(a.re, b.re, H, W, window, { ...(a.im ? { aIm: a.im } : {}), ...(b.im ? { bIm: b.im } : {}), ...(options.shift ? { shift: options.shift } : {}) });
  const L = s.side, n = Math.floor(L / 2) + 1, nyq = L / 2;
  let cr = 0, ci = 0;
  for (let r = 1; r < s.cross.length; r++) { cr += s.cross[r]!; ci += s.crossIm[r]!; }
  const phi = Math.atan2(ci, cr), cos = Math.cos(phi), sin = Math.sin(phi);
  const value = new Float64Array(n), frequency = new Float64Array(n), ringPixels = s.count.slice(0, n);
  for (let r = 0; r < n; r++) {
    const d = Math.sqrt(s.pa[r]! * s.pb[r]!);
    value[r] = d > 0 ? (s.cross[r]! * cos + s.crossIm[r]! * sin) / d : NaN;
    frequency[r] = nyq > 0 ? r / nyq : 0;
  }
  if (window === 'hann') value[0] = NaN;
  const threshold = thr === 'half-bit' ? halfBitThreshold(ringPixels) : new Float64Array(n).fill(thr);
  const x = firstCrossing(value.map((v, r) => v - threshold[r]!), 0, 1);
  const crossing = x === null || nyq === 0 ? 1 : Math.min(1, Math.max(x, 1e-9) / nyq);
  const resolutionPixels = 1 / crossing;
  return {
    frequency, value, threshold, thresholdKind: thr === 'half-bit' ? 'half-bit' : 'constant', ringPixels, side: L, window, globalPhase: phi,
    crossing, reachesNyquist: x === null, resolutionPixels,
    ...(px !== undefined ? { resolutionNm: resolutionPixels * px * 1e9 } : {}),
  };
}

function dims(name: string, img: ImageLike): [number, number] {
  const shape = img?.shape;
  if (!shape || shape.length !== 2) throw new InputError(`frcResolution: '${name}' must be 2-D`, { key: name, expected: '(H, W)', actual: shape ? `(${shape.join(', ')})` : String(img) });
  const [H, W] = shape as [number, number];
  if (img.re.length !== H * W || (img.im !== undefined && img.im.length !== H * W)) throw new InputError(`frcResolution: '${name}' planes do not match its shape`, { key: name, expected: `${H}·${W} values`, actual: `re ${img.re.length}` });
  for (let i = 0; i < H * W; i++) {
    if (!Number.isFinite(img.re[i]!) || (img.im !== undefined && !Number.isFinite(img.im[i]!))) throw new InputError(`frcResolution: '${name}' has a non-finite value at pixel (${Math.floor(i / W)}, ${i % W})`, { key: name, expected: 'finite values' });
  }
  return [H, W];
}
