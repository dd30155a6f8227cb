import * as tf from '@tensorflow/tfjs-core';
import { expectClose, maxAbs } from './expect-close.js';

/** A scalar function in tfjs (float32) and its float64 reference on the same inputs. */
export interface GradientCheck {
  /** The function under test. */
  readonly f: (...xs: tf.Tensor[]) => tf.Scalar;
  /** Float64 reference of the same function on flat row-major arrays. */
  readonly f64: (xs: Float64Array[]) => number;
  /** Input shapes and values (rounded to float32 before use by both sides). */
  readonly inputs: readonly { readonly shape: readonly number[]; readonly values: ArrayLike<number> }[];
  /** Central-difference step for the float64 reference. Default 1e−6. */
  readonly h?: number;
  /** Tolerance of each gradient entry relative to the largest reference entry. Default 1e−4. */
  readonly rtol?: number;
  readonly label?: string;
}

/**
 * Check `tf.grads(f)` against central finite differences of the float64 reference, entry by
 * entry: `(f64(x + h·e_k) − f64(x − h·e_k)) / 2h` (truncation O(h²) ≈ 1e−12, rounding ≈ 1e−10
 * in float64 for h = 1e−6, so the reference gradient is exact to far below float32), to
 * `rtol·max|∇ref|` per entry. Also checks the value `f` against `f64` to the same relative
 * tolerance. Keep inputs small: this costs 2 reference evaluations per input entry.
 */
export async function expectGradientMatchesFiniteDifferences(check: GradientCheck): Promise<void> {
  const h = check.h ?? 1e-6;
  const rtol = check.rtol ?? 1e-4;
  const xs64 = check.inputs.map((x) => Float64Array.from(Float32Array.from(x.values)));
  const xs = check.inputs.map((x, i) => tf.tensor(Float32Array.from(xs64[i]!), [...x.shape], 'float32'));
  try {
    const value = tf.tidy(() => check.f(...xs));
    const v = (await value.data())[0]!;
    value.dispose();
    const v64 = check.f64(xs64);
    expectClose(v, v64, { rtol, atol: rtol * 1e-6, label: `${check.label ?? 'gradient check'}: value`, input: check.inputs });
    const grads = tf.grads((...a: tf.Tensor[]) => check.f(...a))(xs);
    const got = await Promise.all(grads.map((g) => g.data()));
    tf.dispose(grads);
    for (let k = 0; k < xs64.length; k++) {
      const x = xs64[k]!;
      const fd = new Float64Array(x.length);
      for (let e = 0; e < x.length; e++) {
        const keep = x[e]!;
        x[e] = keep + h;
        const up = check.f64(xs64);
        x[e] = keep - h;
        const down = check.f64(xs64);
        x[e] = keep;
        fd[e] = (up - down) / (2 * h);
      }
      expectClose(got[k]!, fd, { rtol: 0, atol: rtol * maxAbs(fd), label: `${check.label ?? 'gradient check'}: ∂f/∂input${k} vs float64 central differences`, shape: check.inputs[k]!.shape, input: check.inputs[k]!.values });
    }
  } finally {
    tf.dispose(xs);
  }
}
