import * as tf from '@tensorflow/tfjs-core';
import { describeValue } from './expect-close.js';
import { randomNormalArrays } from './random-arrays.js';

/** A linear operator given as a forward map and its claimed adjoint, on lists of tensors. */
export interface LinearOperatorPair {
  /** F: domain → range. Complex values are two entries (re, im). */
  readonly forward: (x: tf.Tensor[]) => tf.Tensor[];
  /** F*: range → domain. */
  readonly adjoint: (y: tf.Tensor[]) => tf.Tensor[];
  /** Shapes of the domain's tensors. */
  readonly domain: readonly (readonly number[])[];
  /** Shapes of the range's tensors. */
  readonly range: readonly (readonly number[])[];
}

/** Options of {@link expectAdjoint}. */
export interface AdjointOptions {
  readonly seed?: number;
  /** Tolerance relative to the Cauchy–Schwarz scale ‖Fm‖·‖d‖ (default 1e−5, float32). */
  readonly rtol?: number;
  readonly label?: string;
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/**
 * Dot-product test (STYLE §1, tike's `tests/operators/util.py`): with seeded standard-normal m in
 * the domain and d in the range, assert `⟨F m, d⟩ = ⟨m, F* d⟩` (real inner product over all
 * entries, which for re/im pairs is `Re⟨·,·⟩`), to `rtol·‖Fm‖·‖d‖`. Sums in float64; tensors are
 * read asynchronously, so it works on every backend. Returns both sides.
 */
export async function expectAdjoint(op: LinearOperatorPair, opts: AdjointOptions = {}): Promise<{ lhs: number; rhs: number }> {
  const seed = opts.seed ?? 1;
  const rtol = opts.rtol ?? 1e-5;
  const size = (s: readonly number[]) => s.reduce((p, q) => p * q, 1);
  const mArr = randomNormalArrays(seed, op.domain.map(size));
  const dArr = randomNormalArrays(seed + 7919, op.range.map(size));
  const m = mArr.map((v, i) => tf.tensor(v, [...op.domain[i]!], 'float32'));
  const d = dArr.map((v, i) => tf.tensor(v, [...op.range[i]!], 'float32'));
  try {
    const fm = tf.tidy(() => op.forward(m));
    const fd = tf.tidy(() => op.adjoint(d));
    const fmV = await Promise.all(fm.map((t) => t.data()));
    const fdV = await Promise.all(fd.map((t) => t.data()));
    tf.dispose([...fm, ...fd]);
    const bad = (got: tf.Tensor[], want: readonly (readonly number[])[], what: string) => {
      if (got.length !== want.length || got.some((t, i) => !tf.util.arraysEqual(t.shape, [...want[i]!]))) {
        throw new Error(`expectAdjoint${opts.label ? ` (${opts.label})` : ''}: ${what} returned shapes ${JSON.stringify(got.map((t) => t.shape))}, expected ${JSON.stringify(want)}`);
      }
    };
    bad(fm, op.range, 'forward');
    bad(fd, op.domain, 'adjoint');
    const lhs = fmV.reduce((s, v, i) => s + dot(v, dArr[i]!), 0);
    const rhs = fdV.reduce((s, v, i) => s + dot(mArr[i]!, v), 0);
    const norm = (vs: ArrayLike<number>[]) => Math.sqrt(vs.reduce((s, v) => s + dot(v, v), 0));
    const scale = norm(fmV) * norm(dArr);
    const tol = rtol * scale;
    if (!(Math.abs(lhs - rhs) <= tol)) {
      throw new Error(
        `expectAdjoint failed${opts.label ? `: ${opts.label}` : ''}\n` +
          `  input: seed ${seed}, domain ${JSON.stringify(op.domain)}, range ${JSON.stringify(op.range)}, m ${describeValue(mArr[0])}\n` +
          `  <F m, d> = ${lhs}\n  <m, F* d> = ${rhs}\n  delta ${Math.abs(lhs - rhs)}, tolerance ${tol} (rtol ${rtol} × ‖Fm‖‖d‖ ${scale})`,
      );
    }
    return { lhs, rhs };
  } finally {
    tf.dispose([...m, ...d]);
  }
}
