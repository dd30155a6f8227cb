import { fft2, ifft2, InputError, nextPowerOfTwo } from '@ptychojs/io';
import type { Plane } from './types.js';

/** A real (`im` omitted) or complex (H, W) image; a `ComplexArray` from @ptychojs/io fits. */
export interface ImageLike {
  readonly shape: readonly number[];
  readonly re: Plane;
  readonly im?: Plane;
}

/** Options of {@link registerByShift}. */
export interface RegisterByShiftOptions {
  /** Largest |dx|, |dy| searched (default: H−1, W−1, i.e. every overlap). */
  readonly maxShift?: number;
  /** Subtract each image's (complex) mean first (default true), so flat offsets don't dominate. */
  readonly removeMean?: boolean;
  /**
   * Sub-pixel precision 1/U (default 1: integer shifts). With U > 1 the correlation is then
   * evaluated on a grid of step 1/U within ±1 px of the integer peak by a matrix-multiply DFT of the
   * cross-power spectrum (Guizar-Sicairos, Thurman & Fienup 2008, Opt. Lett. 33, 156), and the
   * best point of that grid is returned.
   */
  readonly upsample?: number;
}

/** Best translation of `moving` onto `reference` (integer unless `upsample` > 1). */
export interface ShiftRegistration {
  /** Translation to apply to `moving` (SPEC §3 convention: out(x, y) = in(x − dx, y − dy)). */
  readonly dx: number;
  readonly dy: number;
  /** |c(dx, dy)| / √(Σ|ref|² Σ|mov|²) ∈ [0, 1] after mean removal: 1 for a pure translation without loss. */
  readonly peak: number;
}

function planes(fn: string, name: string, img: ImageLike): [number, number] {
  const shape = img?.shape;
  if (!shape || shape.length !== 2) throw new InputError(`${fn}: '${name}' must be 2-D`, { key: name, expected: '(H, W)', actual: shape ? `(${shape.join(', ')})` : String(img) });
  const [H, W] = shape as [number, number];
  if (img.re.length !== H * W || (img.im !== undefined && img.im.length !== H * W)) {
    throw new InputError(`${fn}: '${name}' planes do not match its shape`, { key: name, expected: `${H}·${W} values`, actual: `re ${img.re.length}${img.im ? `, im ${img.im.length}` : ''}` });
  }
  for (let i = 0; i < H * W; i++) {
    if (!Number.isFinite(img.re[i]!) || (img.im !== undefined && !Number.isFinite(img.im[i]!))) {
      throw new InputError(`${fn}: '${name}' has a non-finite value at pixel (${Math.floor(i / W)}, ${i % W})`, { key: name, expected: 'finite values' });
    }
  }
  return [H, W];
}

/**
 * Best integer-shift registration by cross-correlation: the (dx, dy) maximizing
 * `|c(s)| = |Σ_q ref(q + s) · conj(mov(q))|` (linear, not circular: both images are zero-padded
 * to ≥ H + maxShift, W + maxShift before the FFT), i.e. translating `moving` by (dx, dy) best
 * matches `reference`. The magnitude makes it insensitive to a global phase of complex images.
 *
 * Use for the canvas-origin check: with `t`, `r` the complex crops of truth and reconstruction
 * at origin o (see {@link registerCanvasOrigin}), the registered origin is `o + [dx, dy]`.
 * @shape reference (H, W) real or complex
 * @shape moving (H, W) real or complex
 * @throws InputError on shape mismatch, non-finite values or a bad maxShift.
 */
export function registerByShift(reference: ImageLike, moving: ImageLike, options: RegisterByShiftOptions = {}): ShiftRegistration {
  const [H, W] = planes('registerByShift', 'reference', reference);
  const [Hm, Wm] = planes('registerByShift', 'moving', moving);
  if (H !== Hm || W !== Wm) throw new InputError('registerByShift: images must have the same shape', { key: 'moving', expected: `(${H}, ${W})`, actual: `(${Hm}, ${Wm})` });
  const S = options.maxShift, U = options.upsample ?? 1;
  if (!(Number.isInteger(U) && U >= 1 && U <= 1000)) throw new InputError('registerByShift: upsample must be an integer in 1 … 1000', { key: 'upsample', expected: 'integer 1 … 1000', actual: String(U) });
  if (S !== undefined && !(Number.isInteger(S) && S >= 0)) throw new InputError('registerByShift: maxShift must be an integer ≥ 0', { key: 'maxShift', expected: 'integer ≥ 0', actual: String(S) });
  const Sy = Math.min(S ?? H - 1, H - 1), Sx = Math.min(S ?? W - 1, W - 1);
  const Ph = nextPowerOfTwo(H + Sy), Pw = nextPowerOfTwo(W + Sx);
  const load = (img: ImageLike): [Float64Array, Float64Array, number] => {
    const re = new Float64Array(Ph * Pw), im = new Float64Array(Ph * Pw);
    let mr = 0, mi = 0;
    if (options.removeMean ?? true) {
      for (let i = 0; i < H * W; i++) { mr += img.re[i]!; mi += img.im ? img.im[i]! : 0; }
      mr /= H * W; mi /= H * W;
    }
    let e = 0;
    for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
      const a = img.re[r * W + c]! - mr, b = (img.im ? img.im[r * W + c]! : 0) - mi;
      re[r * Pw + c] = a; im[r * Pw + c] = b; e += a * a + b * b;
    }
    return [re, im, e];
  };
  const [ar, ai, ea] = load(reference), [br, bi, eb] = load(moving);
  fft2(ar, ai, Ph, Pw);
  fft2(br, bi, Ph, Pw);
  for (let i = 0; i < Ph * Pw; i++) {
    // A · conj(B)
    const xr = ar[i]! * br[i]! + ai[i]! * bi[i]!, xi = ai[i]! * br[i]! - ar[i]! * bi[i]!;
    ar[i] = xr; ai[i] = xi;
  }
  const spectrum = U > 1 ? { re: ar.slice(), im: ai.slice() } : undefined;
  ifft2(ar, ai, Ph, Pw); // normalized by 1/(Ph·Pw)
  let best = -1, dx = 0, dy = 0;
  for (let sy = -Sy; sy <= Sy; sy++) {
    for (let sx = -Sx; sx <= Sx; sx++) {
      const i = ((sy + Ph) % Ph) * Pw + ((sx + Pw) % Pw);
      const m = ar[i]! * ar[i]! + ai[i]! * ai[i]!;
      if (m > best || (m === best && sx * sx + sy * sy < dx * dx + dy * dy)) { best = m; dx = sx; dy = sy; }
    }
  }
  const norm = Math.sqrt(ea * eb);
  if (spectrum && norm > 0) {
    const fine = upsampledPeak(spectrum.re, spectrum.im, Ph, Pw, dx, dy, U);
    if (fine.m > best) return { dx: fine.dx, dy: fine.dy, peak: Math.sqrt(fine.m) / norm };
  }
  return { dx, dy, peak: norm > 0 ? Math.sqrt(best) / norm : 0 };
}

/**
 * |c(s)|² at s = (dx + i/U, dy + j/U), i, j = −U … U, from the cross-power spectrum X (Ph×Pw):
 * `c(s) = (1/(Ph·Pw)) Σ_k X(k)·e^{+2πi(ky·sy/Ph + kx·sx/Pw)}` with signed integer frequencies k,
 * as two matrix products (rows, then columns); returns the largest and where it is.
 */
function upsampledPeak(xr: Float64Array, xi: Float64Array, Ph: number, Pw: number, dx: number, dy: number, U: number): { dx: number; dy: number; m: number } {
  const n = 2 * U + 1, signed = (k: number, P: number) => (k < P / 2 ? k : k - P);
  const kernel = (P: number, centre: number) => {
    const re = new Float64Array(n * P), im = new Float64Array(n * P);
    for (let j = 0; j < n; j++) {
      const s = centre + (j - U) / U;
      for (let k = 0; k < P; k++) { const a = (2 * Math.PI * signed(k, P) * s) / P; re[j * P + k] = Math.cos(a); im[j * P + k] = Math.sin(a); }
    }
    return { re, im };
  };
  const ky = kernel(Ph, dy), kx = kernel(Pw, dx);
  // T(j, kx) = Σ_ky e^{2πi ky sy_j/Ph} X(ky, kx)
  const tr = new Float64Array(n * Pw), ti = new Float64Array(n * Pw);
  for (let j = 0; j < n; j++) for (let u = 0; u < Ph; u++) {
    const er = ky.re[j * Ph + u]!, ei = ky.im[j * Ph + u]!, o = u * Pw, t = j * Pw;
    for (let v = 0; v < Pw; v++) {
      const a = xr[o + v]!, b = xi[o + v]!;
      tr[t + v] = tr[t + v]! + er * a - ei * b;
      ti[t + v] = ti[t + v]! + er * b + ei * a;
    }
  }
  let m = -1, bx = dx, by = dy;
  const P2 = (Ph * Pw) ** 2;
  for (let j = 0; j < n; j++) for (let l = 0; l < n; l++) {
    let cr = 0, ci = 0;
    for (let v = 0; v < Pw; v++) {
      const a = tr[j * Pw + v]!, b = ti[j * Pw + v]!, er = kx.re[l * Pw + v]!, ei = kx.im[l * Pw + v]!;
      cr += er * a - ei * b; ci += er * b + ei * a;
    }
    const mag = (cr * cr + ci * ci) / P2;
    if (mag > m) { m = mag; bx = dx + (l - U) / U; by = dy + (j - U) / U; }
  }
  return { dx: bx, dy: by, m };
}
