import * as tf from '@tensorflow/tfjs-core';
import { InputError, type ComplexArray } from '@ptychojs/io';
import { trim } from '@ptychojs/physics';
import { amplitudeRange } from '../unet/unet-layers.js';
import { objectPatches, placePatches } from './object-canvas.js';
import type { InferenceModel } from './ptycho-model.js';

export interface PredictObjectOptions {
  /** Groups per forward pass; bounds memory. Default 32. */
  readonly batchSize?: number;
}

/**
 * The model produced values it cannot produce: a non-finite amplitude or one outside its activation's range, or an object
 * larger than the amplitudes it was assembled from. A backend or kernel computed wrong values (an
 * internal failure, CLI exit 1), never bad input.
 */
export class ReconstructionBoundsError extends Error {
  override readonly name = 'ReconstructionBoundsError';
}

/**
 * Relative slack of the bound |object| ≤ max amplitude: the overlap-normalized mean is a convex
 * combination of patch values, so only float32 rounding of the weights (~1e−7) can exceed it.
 */
const BOUND_SLACK = 1e-5;

/**
 * Predict the object patch of every group (SPEC §3 "Model I/O", inference): the U-Net's patches,
 * placed on the canvas (object.big) and trimmed to the centre N×N, in batches on `X·s`, read back
 * with async reads (so it also works on WebGPU). Memory is bounded by `batchSize`, not by the
 * number of groups.
 *
 * Every batch is checked before it is returned: the U-Net's amplitudes finite and within their
 * activation's range ({@link amplitudeRange}), and |object| ≤ (1 + 1e−5)·max |amplitude| of the
 * batch (reassembly averages patches, so it cannot exceed them). A violation throws {@link ReconstructionBoundsError} naming the batch and groups.
 *
 * @shape X (B, N, N, C) float32 — the normalized amplitude α·diffraction (this function applies s)
 * @shape coordsRelative (B, 1, 2, C) float, axis 2 = [x, y]
 * @returns @shape (B, N, N, 1) complex — the centre N×N object of each group
 * @throws InputError for inconsistent shapes; ReconstructionBoundsError as above
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
  for (let b0 = 0, batch = 0; b0 < B; b0 += batchSize, batch++) {
    const nb = Math.min(batchSize, B - b0);
    const xs = X.subarray(b0 * per, (b0 + nb) * per);
    const coords = Array.prototype.slice.call(coordsRelative, b0 * 2 * C, (b0 + nb) * 2 * C) as number[];
    const out = tf.tidy(() => {
      const xScaled = tf.mul(tf.tensor4d(xs, [nb, N, N, C]), intensityScale) as tf.Tensor4D;
      const { amplitude, patches } = objectPatches(model, xScaled, coords);
      const o = trim(placePatches(model, patches, coords), N);
      return [o.re, o.im, tf.stack([tf.min(amplitude), tf.max(amplitude)])];
    });
    const [r, i, range] = (await Promise.all(out.map((t) => t.data()))) as Float32Array[];
    out.forEach((t) => t.dispose());
    checkBatch(r!, i!, range![0]!, range![1]!, amplitudeRange(model.heads), batch, b0, nb);
    re.set(r!, b0 * N * N);
    im.set(i!, b0 * N * N);
  }
  return { shape: [B, N, N, 1], re, im };
}

function checkBatch(re: Float32Array, im: Float32Array, ampMin: number, ampMax: number, allowed: readonly [number, number], batch: number, first: number, count: number): void {
  const where = `batch ${batch} (groups ${first}–${first + count - 1})`;
  const fail = (what: string) =>
    new ReconstructionBoundsError(`${where}: ${what}. The backend computed values the model cannot produce; rerun with --backend cpu to confirm, and report it with the input file.`);
  // float32 activations can round to their bounds, never beyond by more than an ulp.
  const [lo, hi] = allowed;
  if (!Number.isFinite(ampMin) || !Number.isFinite(ampMax) || ampMin < lo - 1e-6 || ampMax > hi * (1 + 1e-6)) {
    throw fail(`the U-Net's amplitude spans [${ampMin}, ${ampMax}], outside its activation's range [${lo}, ${hi}]`);
  }
  let peak = 0;
  for (let k = 0; k < re.length; k++) {
    const a = Math.hypot(re[k]!, im[k]!);
    if (!(a <= peak)) {
      if (!Number.isFinite(a)) throw fail(`the object holds a non-finite value (${re[k]} + ${im[k]}i) at group ${first + Math.floor(k / (re.length / count))}`);
      peak = a;
    }
  }
  const limit = Math.max(Math.abs(ampMin), Math.abs(ampMax)) * (1 + BOUND_SLACK) + 1e-30;
  if (peak > limit) {
    throw fail(`the reconstructed object reaches |O| = ${peak.toPrecision(6)}, above the largest predicted patch amplitude ${ampMax.toPrecision(6)} it is averaged from`);
  }
}
