import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { NonFiniteError } from './errors.js';

/** Options of {@link poissonNll}. */
export interface PoissonNllOptions {
  /** s in `Y = (s·X)²`; default 1 (pass 1 when the target is already the model input `s·X`). */
  readonly scale?: number | tf.Scalar;
  /** Floor ε of Î inside the log (SPEC: 1e−12). */
  readonly epsilon?: number;
  /**
   * Throw {@link NonFiniteError} if Î holds NaN or ±Inf. Costs one `isFinite`+`all` reduction
   * and a synchronous 1-value read (`dataSync`), which stalls the pipeline and is unavailable on
   * WebGPU in Node — leave it off there. Without it, a NaN in Î still propagates to a NaN loss (the
   * clamp below never turns NaN into ε), so a caller that reads the loss sees it.
   */
  readonly checkFinite?: boolean;
  /**
   * Which detector pixels were measured: a 0/1 (or bool) tensor broadcastable to the input,
   * typically (1, N, N, 1), 0 at bad pixels (gaps, hot pixels). Those pixels are excluded — not
   * counted as zeros: the mean is over the measured pixels of each pattern, and neither Î nor Y
   * there changes the loss or its gradient (a `where`, so even NaN/Inf there cannot leak in).
   */
  readonly measured?: tf.Tensor;
}

/**
 * Poisson negative log-likelihood (SPEC §3 "Loss"), mean over all elements of
 * `Î − Y·log(max(Î, ε))` with `Y = (s·X)²`. The clamp is a `where(Î < ε, ε, Î)`, so a NaN in Î
 * stays NaN (a `max` would hide it on some backends). The constant `log Y!` is omitted.
 * The mean is taken per pattern first, then over patterns, to limit float32 summation error.
 *
 * @shape predIntensity Î (B, N, N, C) float32 (model output 3)
 * @shape targetAmplitude X (B, N, N, C) float32 (normalised amplitude, or s·X with scale 1)
 */
export function poissonNll(predIntensity: tf.Tensor, targetAmplitude: tf.Tensor, opts: PoissonNllOptions = {}): tf.Scalar {
  if (!tf.util.arraysEqual(predIntensity.shape, targetAmplitude.shape)) {
    throw new InputError('predicted intensity and target amplitude must have the same shape', {
      key: 'targetAmplitude',
      expected: JSON.stringify(predIntensity.shape),
      actual: JSON.stringify(targetAmplitude.shape),
    });
  }
  if (opts.checkFinite) {
    const ok = tf.tidy(() => tf.all(tf.isFinite(predIntensity)));
    const finite = ok.dataSync()[0] === 1;
    ok.dispose();
    if (!finite) throw new NonFiniteError('poissonNll: the predicted intensity contains NaN or Inf (SPEC §3: an error, not a silent zero)');
  }
  const eps = opts.epsilon ?? 1e-12;
  return tf.tidy(() => {
    // Unmeasured pixels enter as Î = 1, X = 0 (a finite, constant term with no gradient path back
    // to what they held), then leave the mean.
    const keep = opts.measured ? tf.greater(tf.broadcastTo(opts.measured, predIntensity.shape), 0) : undefined;
    const pred = keep ? tf.where(keep, predIntensity, tf.onesLike(predIntensity)) : predIntensity;
    const target = keep ? tf.where(keep, targetAmplitude, tf.zerosLike(targetAmplitude)) : targetAmplitude;
    const y = tf.square(opts.scale === undefined ? target : tf.mul(target, opts.scale));
    const clamped = clampBelow(pred, eps);
    const terms = tf.sub(pred, tf.mul(y, tf.log(clamped)));
    return opts.measured ? maskedMeanInTwoStages(terms, opts.measured) : meanInTwoStages(terms);
  });
}

function meanInTwoStages(t: tf.Tensor): tf.Scalar {
  if (t.rank < 2) return tf.mean(t);
  const axes = Array.from({ length: t.rank - 1 }, (_, i) => i + 1);
  return tf.mean(tf.mean(t, axes));
}

/**
 * The mean over the measured pixels of each pattern (axes 1…), then over patterns: unmeasured
 * terms are replaced by 0 with `where` (their gradient is 0, whatever they hold) and the per-pattern
 * sum is divided by the number of measured values in a pattern. @internal, also used by `mae`.
 */
export function maskedMeanInTwoStages(t: tf.Tensor, measured: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const keep = tf.greater(tf.broadcastTo(measured, t.shape), 0);
    const kept = tf.where(keep, t, tf.zerosLike(t));
    if (t.rank < 2) return tf.div(tf.sum(kept), tf.sum(tf.cast(keep, 'float32')));
    const axes = Array.from({ length: t.rank - 1 }, (_, i) => i + 1);
    const count = tf.sum(tf.cast(keep, 'float32'), axes);
    return tf.mean(tf.div(tf.sum(kept, axes), count));
  });
}

/**
 * `where(x < ε, ε, x)` with gradient `dy·[x ≥ ε or x is NaN]`. A custom gradient because tfjs has
 * no gradient for the comparison `Less` on the tape; NaN stays NaN (the comparison is false).
 */
function clampBelow(x: tf.Tensor, eps: number): tf.Tensor {
  const op = tf.customGrad((xi, save) => {
    const below = tf.less(xi as tf.Tensor, eps);
    (save as tf.GradSaveFunc)([below]);
    return {
      // ε as a filled tensor, not a scalar: `where` broadcasts a scalar with `Tile`, which
      // tfjs-backend-wasm 4.22 runs at ~250 ns per element (60 ms at f = 0.25's batch; issue 16).
      value: tf.where(below, tf.fill((xi as tf.Tensor).shape, eps), xi as tf.Tensor),
      gradFunc: (dy: tf.Tensor, [b]: tf.Tensor[]) => tf.where(b!, tf.zerosLike(dy), dy),
    };
  });
  return op(x);
}
