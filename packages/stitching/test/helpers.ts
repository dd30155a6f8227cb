/** Test helpers: seeded random data and complex inner products in float64. */
import { createRng, type ComplexArray } from '@ptychojs/io';

/** Seeded standard-normal complex array of the given shape. */
export function randomComplex(seed: number, shape: readonly number[]): ComplexArray {
  const rng = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  const re = new Float32Array(n), im = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    re[i] = rng.normal();
    im[i] = rng.normal();
  }
  return { shape, re, im };
}

/** Seeded uniform positions in [lo, hi); `integerFraction` of them rounded to whole pixels. */
export function randomPositions(seed: number, B: number, lo: number, hi: number, integerFraction = 0): { xs: Float64Array; ys: Float64Array } {
  const rng = createRng(seed);
  const xs = new Float64Array(B), ys = new Float64Array(B);
  for (let k = 0; k < B; k++) {
    xs[k] = lo + (hi - lo) * rng.next();
    ys[k] = lo + (hi - lo) * rng.next();
    if (rng.next() < integerFraction) {
      xs[k] = Math.round(xs[k]!);
      ys[k] = Math.round(ys[k]!);
    }
  }
  return { xs, ys };
}

/**
 * Complex inner product Σ conj(a)·b accumulated in float64, over planes given as any numeric
 * arrays, with the sum of |conj(a)·b| (the scale that rounding errors are measured against).
 */
export function complexDot(
  aRe: ArrayLike<number>,
  aIm: ArrayLike<number>,
  bRe: ArrayLike<number>,
  bIm: ArrayLike<number>,
): { re: number; im: number; abs: number } {
  let re = 0, im = 0, abs = 0;
  for (let i = 0; i < aRe.length; i++) {
    const pr = aRe[i]! * bRe[i]! + aIm[i]! * bIm[i]!;
    const pi = aRe[i]! * bIm[i]! - aIm[i]! * bRe[i]!;
    re += pr;
    im += pi;
    abs += Math.hypot(pr, pi);
  }
  return { re, im, abs };
}

/** The central M×M of patch k of a (B, N, N) stack, as separate planes. */
export function centralCrop(patches: ComplexArray, k: number, N: number, M: number): { re: Float32Array; im: Float32Array } {
  const s = (N - M) / 2, re = new Float32Array(M * M), im = new Float32Array(M * M);
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < M; j++) {
      re[i * M + j] = patches.re[k * N * N + (s + i) * N + s + j]!;
      im[i * M + j] = patches.im[k * N * N + (s + i) * N + s + j]!;
    }
  }
  return { re, im };
}

/** Largest |a_i − b_i| over two planes. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

/** The error `fn` throws (fails the test if it returns). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}
