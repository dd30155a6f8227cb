import * as tf from '@tensorflow/tfjs-core';
import { InputError, type ComplexArray } from '@ptychojs/io';
import { inferObject } from './infer-object.js';
import type { InferenceModel } from './ptycho-model.js';

export interface PredictObjectOptions {
  /** Groups per forward pass; bounds memory. Default 32. */
  readonly batchSize?: number;
}

/**
 * Predict the object patch of every group (SPEC §3 "Model I/O", inference): runs
 * {@link inferObject} in batches on `X·s` and reads the results back (async, so it also works on
 * WebGPU). Memory is bounded by `batchSize`, not by the number of groups.
 *
 * @shape X (B, N, N, C) float32 — the normalized amplitude α·diffraction (this function applies s)
 * @shape coordsRelative (B, 1, 2, C) float, axis 2 = [x, y]
 * @returns @shape (B, N, N, 1) complex — the centre N×N object of each group
 */
export async function predictObject(
  model: InferenceModel, X: Float32Array, coordsRelative: ArrayLike<number>, options: PredictObjectOptions = {},
): Promise<ComplexArray> {
  const { N, C, intensityScale } = model;
  const per = N * N * C;
  const B = X.length / per;
  if (!Number.isInteger(B) || B < 1) {
    throw new InputError('X must hold whole (N, N, C) groups', { key: 'X', expected: `(B, ${N}, ${N}, ${C}) float32`, actual: `${X.length} values` });
  }
  if (coordsRelative.length !== B * 2 * C) {
    throw new InputError('coords_relative does not match X', { key: 'coordsRelative', expected: `(${B}, 1, 2, ${C})`, actual: `${coordsRelative.length} values` });
  }
  const batchSize = options.batchSize ?? 32;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new InputError('batchSize must be a positive integer', { key: 'batchSize', expected: 'integer ≥ 1', actual: String(batchSize) });
  }
  const re = new Float32Array(B * N * N);
  const im = new Float32Array(B * N * N);
  for (let b0 = 0; b0 < B; b0 += batchSize) {
    const nb = Math.min(batchSize, B - b0);
    const xs = X.subarray(b0 * per, (b0 + nb) * per);
    const coords = Array.prototype.slice.call(coordsRelative, b0 * 2 * C, (b0 + nb) * 2 * C) as number[];
    const out = tf.tidy(() => {
      const xScaled = tf.mul(tf.tensor4d(xs, [nb, N, N, C]), intensityScale) as tf.Tensor4D;
      const o = inferObject(model, { xScaled, coordsRelative: coords });
      return [o.re, o.im];
    });
    const [r, i] = await Promise.all(out.map((t) => t.data()));
    out.forEach((t) => t.dispose());
    re.set(r as Float32Array, b0 * N * N);
    im.set(i as Float32Array, b0 * N * N);
  }
  return { shape: [B, N, N, 1], re, im };
}
