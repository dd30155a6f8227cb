import { fft2, ifft2, InputError } from '@ptychojs/io';
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
}

/** Best integer translation of `moving` onto `reference`. */
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
  const S = options.maxShift;
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
  return { dx, dy, peak: norm > 0 ? Math.sqrt(best) / norm : 0 };
}

/** Smallest power of two ≥ n (the padded size: the FFT is fastest there). */
function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
