import { InputError, type ComplexArray, type Rng } from '@ptychojs/io';
import { checkObjectSize } from './check-object-size.js';

/** Options of {@link linesObject}. */
export interface LinesObjectOptions {
  /** Object rows H. */
  readonly height: number;
  /** Object columns W. */
  readonly width: number;
  /** Random source (`createRng(seed)`); the object is a pure function of its stream. */
  readonly rng: Rng;
  /** Lines per map (amplitude and phase each get their own set). Default `round((H + W) / 10)`. */
  readonly lines?: number;
  /** Gaussian σ of a line's cross-section in pixels (anti-aliasing and blur). Default 1. */
  readonly lineWidth?: number;
  /** Amplitude of the background and on a line: `[min, max]`. Default `[0.5, 1]`. */
  readonly amplitudeRange?: readonly [number, number];
  /** Phase on a line, in radians; the background has phase 0. Default π/2. */
  readonly phaseMax?: number;
}

/**
 * A synthetic "lines" object like PtychoPINN's `lines` data source: thin random straight lines,
 * anti-aliased with a Gaussian cross-section, on a uniform background. Two independent line maps
 * L ∈ [0, 1] (each pixel the maximum over lines of `exp(−d²/2σ²)`, d its distance to the segment)
 * give `amplitude = min + (max − min)·L_a` and `phase = phaseMax·L_φ`. Endpoints are uniform over
 * the object enlarged by a quarter of its size on each side, so lines cross the edges and the
 * density is even.
 *
 * @returns (H, W) complex object, float32 planes
 */
export function linesObject(opts: LinesObjectOptions): ComplexArray {
  const { height: H, width: W, rng } = opts;
  checkObjectSize(H, W, 'linesObject');
  const count = opts.lines ?? Math.round((H + W) / 10);
  const sigma = opts.lineWidth ?? 1;
  const [aMin, aMax] = opts.amplitudeRange ?? [0.5, 1];
  const phaseMax = opts.phaseMax ?? Math.PI / 2;
  if (!Number.isSafeInteger(count) || count < 0) throw new InputError(`linesObject: lines must be a non-negative integer, got ${count}`);
  if (!(sigma > 0) || !Number.isFinite(sigma)) throw new InputError(`linesObject: lineWidth must be positive, got ${sigma}`);
  if (!(aMin >= 0 && aMax >= aMin && Number.isFinite(aMax))) throw new InputError(`linesObject: amplitudeRange must be 0 ≤ min ≤ max, got [${aMin}, ${aMax}]`);
  if (!Number.isFinite(phaseMax)) throw new InputError(`linesObject: phaseMax must be finite, got ${phaseMax}`);
  const La = lineMap(H, W, count, sigma, rng);
  const Lp = lineMap(H, W, count, sigma, rng);
  const re = new Float32Array(H * W), im = new Float32Array(H * W);
  for (let i = 0; i < H * W; i++) {
    const a = aMin + (aMax - aMin) * La[i]!, p = phaseMax * Lp[i]!;
    re[i] = a * Math.cos(p);
    im[i] = a * Math.sin(p);
  }
  return { shape: [H, W], re, im };
}

/** Maximum over `count` random segments of a Gaussian profile of the distance to each. */
function lineMap(H: number, W: number, count: number, sigma: number, rng: Rng): Float64Array {
  const L = new Float64Array(H * W);
  const reach = 4 * sigma, inv2s2 = 1 / (2 * sigma * sigma);
  for (let k = 0; k < count; k++) {
    // Endpoints in (row, col), uniform over [−H/4, 5H/4) × [−W/4, 5W/4).
    const r0 = (rng.next() * 1.5 - 0.25) * H, c0 = (rng.next() * 1.5 - 0.25) * W;
    const r1 = (rng.next() * 1.5 - 0.25) * H, c1 = (rng.next() * 1.5 - 0.25) * W;
    const dr = r1 - r0, dc = c1 - c0, len2 = dr * dr + dc * dc;
    const rLo = Math.max(0, Math.floor(Math.min(r0, r1) - reach)), rHi = Math.min(H - 1, Math.ceil(Math.max(r0, r1) + reach));
    const cLo = Math.max(0, Math.floor(Math.min(c0, c1) - reach)), cHi = Math.min(W - 1, Math.ceil(Math.max(c0, c1) + reach));
    for (let r = rLo; r <= rHi; r++) {
      for (let c = cLo; c <= cHi; c++) {
        // Distance from the pixel centre (r, c) to the segment.
        const t = len2 > 0 ? Math.min(1, Math.max(0, ((r - r0) * dr + (c - c0) * dc) / len2)) : 0;
        const er = r - (r0 + t * dr), ec = c - (c0 + t * dc), d2 = er * er + ec * ec;
        if (d2 > reach * reach) continue;
        const v = Math.exp(-d2 * inv2s2), i = r * W + c;
        if (v > L[i]!) L[i] = v;
      }
    }
  }
  return L;
}
