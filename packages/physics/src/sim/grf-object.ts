import { fft2, ifft2, InputError, type ComplexArray, type Rng } from '@ptychojs/io';
import { checkObjectSize } from './check-object-size.js';
import { erf } from './erf.js';

/** Options of {@link grfObject}. */
export interface GrfObjectOptions {
  /** Object rows H. */
  readonly height: number;
  /** Object columns W. */
  readonly width: number;
  /** Random source (`createRng(seed)`). */
  readonly rng: Rng;
  /**
   * Power spectrum of the field: `'gaussian'` S(f) ∝ exp(−2π²ℓ²|f|²) (covariance
   * exp(−r²/2ℓ²), smooth blobs of size ℓ), or `'power'` S(f) ∝ (|f|² + f₀²)^(−β/2) with
   * f₀ = 1/(2πℓ) (structure at every scale). Default `'gaussian'`.
   */
  readonly spectrum?: 'gaussian' | 'power';
  /** ℓ in pixels. Default 4 for `'gaussian'`, 8 for `'power'`. */
  readonly correlationLength?: number;
  /** β of the power law. Default 3. */
  readonly exponent?: number;
  /** Amplitude range `[min, max]`. Default `[0.5, 1]`. */
  readonly amplitudeRange?: readonly [number, number];
  /** Phase lies in (−phaseMax, phaseMax). Default π/2. */
  readonly phaseMax?: number;
}

/**
 * A Gaussian-random-field object: two independent stationary fields g_a, g_φ with the chosen
 * spectrum (white noise filtered by √S through the FFT on a power-of-two grid, cropped to H×W,
 * standardized to mean 0 and variance 1), mapped through the normal CDF Φ so both have uniform
 * marginals: `amplitude = min + (max − min)·Φ(g_a)`, `phase = phaseMax·(2Φ(g_φ) − 1)`.
 *
 * @returns (H, W) complex object, float32 planes
 */
export function grfObject(opts: GrfObjectOptions): ComplexArray {
  const { height: H, width: W, rng } = opts;
  checkObjectSize(H, W, 'grfObject');
  const spectrum = opts.spectrum ?? 'gaussian';
  const ell = opts.correlationLength ?? (spectrum === 'gaussian' ? 4 : 8);
  const beta = opts.exponent ?? 3;
  const [aMin, aMax] = opts.amplitudeRange ?? [0.5, 1];
  const phaseMax = opts.phaseMax ?? Math.PI / 2;
  if (spectrum !== 'gaussian' && spectrum !== 'power') throw new InputError(`grfObject: spectrum must be 'gaussian' or 'power', got '${String(spectrum)}'`);
  if (!(ell > 0) || !Number.isFinite(ell)) throw new InputError(`grfObject: correlationLength must be positive, got ${ell}`);
  if (!Number.isFinite(beta)) throw new InputError(`grfObject: exponent must be finite, got ${beta}`);
  if (!(aMin >= 0 && aMax >= aMin && Number.isFinite(aMax))) throw new InputError(`grfObject: amplitudeRange must be 0 ≤ min ≤ max, got [${aMin}, ${aMax}]`);
  if (!Number.isFinite(phaseMax)) throw new InputError(`grfObject: phaseMax must be finite, got ${phaseMax}`);

  const filter = (f2: number): number => spectrum === 'gaussian'
    ? Math.exp(-Math.PI * Math.PI * ell * ell * f2)
    : (f2 + 1 / (2 * Math.PI * ell) ** 2) ** (-beta / 4);
  const ga = field(H, W, filter, rng), gp = field(H, W, filter, rng);
  const re = new Float32Array(H * W), im = new Float32Array(H * W);
  for (let i = 0; i < H * W; i++) {
    const a = aMin + (aMax - aMin) * phi(ga[i]!), p = phaseMax * (2 * phi(gp[i]!) - 1);
    re[i] = a * Math.cos(p);
    im[i] = a * Math.sin(p);
  }
  return { shape: [H, W], re, im };
}

/** Standard normal CDF. */
function phi(x: number): number {
  return 0.5 * (1 + erf(x / Math.SQRT2));
}

function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** One standardized field: white noise on a power-of-two grid, filtered by `sqrtS(|f|²)`, cropped. */
function field(H: number, W: number, sqrtS: (f2: number) => number, rng: Rng): Float64Array {
  const R = nextPow2(H), C = nextPow2(W);
  const re = new Float64Array(R * C), im = new Float64Array(R * C);
  for (let i = 0; i < R * C; i++) re[i] = rng.normal();
  fft2(re, im, R, C);
  for (let u = 0; u < R; u++) {
    const fu = (u < R / 2 ? u : u - R) / R;
    for (let v = 0; v < C; v++) {
      const fv = (v < C / 2 ? v : v - C) / C;
      const s = u === 0 && v === 0 ? 0 : sqrtS(fu * fu + fv * fv), k = u * C + v;
      re[k] = re[k]! * s;
      im[k] = im[k]! * s;
    }
  }
  ifft2(re, im, R, C);
  const g = new Float64Array(H * W);
  let mean = 0;
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) { const v = re[r * C + c]!; g[r * W + c] = v; mean += v; }
  mean /= H * W;
  let v2 = 0;
  for (let i = 0; i < H * W; i++) { g[i] = g[i]! - mean; v2 += g[i]! ** 2; }
  const sd = Math.sqrt(v2 / (H * W));
  if (sd > 0) for (let i = 0; i < H * W; i++) g[i] = g[i]! / sd;
  return g;
}
