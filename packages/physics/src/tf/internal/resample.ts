import * as tf from '@tensorflow/tfjs-core';

/**
 * Bilinear resampling with one fractional shift per output image — the one primitive behind
 * {@link translate}, {@link extractPatches} and {@link reassemble}.
 *
 * Along each axis, output sample i of an image with shift r and integer offset o is
 *   out[i] = Σ_p hat(p − i − o + r)·in[p],   hat(d) = max(0, 1 − |d|),
 * the linear interpolation of `in` at position `i + o − r`, zero outside `[0, L_in)`; both axes
 * together give the separable bilinear operator.
 *
 * It runs as one `tf.image.cropAndResize` (a native kernel on wasm, ~15 ns per sample) on the
 * input zero-padded so that every sample lies inside it: then cropAndResize's bilinear reads are
 * exactly zero-fill bilinear interpolation. The padded side is made `2^m + 1` and each window start
 * is rounded (on the host, by < 4e−6 px at 64 px) so that `start + n − 1` is exact in float32:
 * then the normalised boxes `start/2^m` and cropAndResize's scale `(y2 − y1)(H − 1)/(n − 1) = 1`
 * are exact, and sample i sits at `start + i` to float32 precision (checked: a linear ramp comes
 * back exactly on cpu and wasm).
 *
 * Measured alternatives (wasm, B=16, C=4, N=64, 80² canvas, complex, extract + reassemble,
 * forward): per-image interpolation matrices with batched matmuls ~200 ms (wasm's batched matmul
 * runs at ~1.6 GFLOP/s); `tf.gather` of rows ~270 ms (≈ 30 ns per float); one `tf.slice` per
 * window ~220 ms (wasm's Slice copies its whole input on every call). This version: ~55 ms
 * forward, ~120 ms forward+backward (`scripts/bench-physics.mjs`); 30% of it is the padding.
 *
 * The adjoint is the same operator with (o, r) → (−o, −r) (hat is even) and the K outputs of an
 * input summed, so each direction's `tf.customGrad` backward is the other direction's forward.
 * Shifts are host numbers: nothing is differentiated w.r.t. them.
 */

/** Geometry of a resampling: integer offset, fan-out K (outputs per input image), sizes. */
export interface ResampleGeometry {
  /** Integer offset o (same on both axes). */
  readonly offset: number;
  /** Output images per input image; shift g·K + k belongs to output k of input g. */
  readonly fanout: number;
  /** Input image size [H, W]. */
  readonly inSize: readonly [number, number];
  /** Output image size [H, W]. */
  readonly outSize: readonly [number, number];
}

/** Window starts `o − sign·r` along one axis, and the padding that puts every sample inside. */
function axisWindows(shifts: ArrayLike<number>, sign: 1 | -1, offset: number, lin: number, lout: number) {
  const n = shifts.length;
  const f32 = Math.fround;
  let lo = Infinity, hi = -Infinity;
  const start = new Float64Array(n);
  for (let g = 0; g < n; g++) {
    start[g] = offset - sign * shifts[g]!;
    lo = Math.min(lo, start[g]!);
    hi = Math.max(hi, start[g]!);
  }
  // ≥ 1 pixel of padding before every window: tfjs-backend-wasm 4.22's CropAndResize ignores x1
  // when y1 = 0 with unit scale and an integer x1 (a fast path; measured), so no box starts at 0.
  const before = Math.max(0, Math.ceil(-lo)) + 1;
  const needed = before + Math.max(lin, Math.ceil(hi) + lout); // last sample hi + lout − 1 must be ≤ side − 1
  const m = Math.max(1, Math.ceil(Math.log2(Math.max(needed - 1, 1))));
  const side = 2 ** m + 1;
  const scale = 2 ** m;
  const lo1 = new Float32Array(n);
  const hi1 = new Float32Array(n);
  for (let g = 0; g < n; g++) {
    // Round the start so that start + (lout − 1) is exact in float32 (then y2 − y1 is exact).
    const s = f32(f32(start[g]! + before + (lout - 1)) - (lout - 1));
    lo1[g] = s / scale;
    hi1[g] = (s + (lout - 1)) / scale;
  }
  return { before, after: side - before - lin, lo: lo1, hi: hi1 };
}

/**
 * Raw resampling of channel-last stacks: x (G, Hin, Win, Ch) → (G·K, Hout, Wout, Ch), shifts read
 * with `sign` (−1 for the adjoint). Channels share the windows.
 */
function resampleRaw(x: tf.Tensor4D, ry: ArrayLike<number>, rx: ArrayLike<number>, sign: 1 | -1, offset: number, K: number, out: readonly [number, number]): tf.Tensor4D {
  const [, Hin, Win] = x.shape;
  const [Hout, Wout] = out;
  const GK = ry.length;
  const wy = axisWindows(ry, sign, offset, Hin, Hout);
  const wx = axisWindows(rx, sign, offset, Win, Wout);
  const xp = tf.pad(x, [[0, 0], [wy.before, wy.after], [wx.before, wx.after], [0, 0]]);
  const boxes = new Float32Array(4 * GK);
  const index = new Int32Array(GK);
  for (let g = 0; g < GK; g++) {
    boxes.set([wy.lo[g]!, wx.lo[g]!, wy.hi[g]!, wx.hi[g]!], 4 * g);
    index[g] = Math.floor(g / K);
  }
  const b = tf.tensor2d(boxes, [GK, 4], 'float32');
  const i = tf.tensor1d(index, 'int32');
  return tf.image.cropAndResize(xp, b, i, [Hout, Wout], 'bilinear', 0);
}

function forwardRaw(x: tf.Tensor4D, ry: ArrayLike<number>, rx: ArrayLike<number>, g: ResampleGeometry): tf.Tensor4D {
  return resampleRaw(x, ry, rx, 1, g.offset, g.fanout, g.outSize);
}

function adjointRaw(y: tf.Tensor4D, ry: ArrayLike<number>, rx: ArrayLike<number>, g: ResampleGeometry): tf.Tensor4D {
  const [GK, , , Ch] = y.shape;
  const K = g.fanout;
  const [Hin, Win] = g.inSize;
  const back = resampleRaw(y, ry, rx, -1, -g.offset, 1, g.inSize); // (GK, Hin, Win, Ch)
  return K === 1 ? back : (tf.reshape(tf.sum(tf.reshape(back, [GK / K, K, Hin * Win * Ch]), 1), [GK / K, Hin, Win, Ch]) as tf.Tensor4D);
}

/**
 * `out[g·K + k] = resample(x[g]; ry[g·K + k], rx[g·K + k])`, every channel alike.
 *
 * @shape x (G, Hin, Win, Ch) float32; ry, rx (G·K,) host numbers → (G·K, Hout, Wout, Ch)
 */
export function resample(x: tf.Tensor4D, ry: ArrayLike<number>, rx: ArrayLike<number>, g: ResampleGeometry): tf.Tensor4D {
  const op = tf.customGrad((xi) => ({
    value: forwardRaw(xi as tf.Tensor4D, ry, rx, g),
    gradFunc: (dy: tf.Tensor) => [adjointRaw(dy as tf.Tensor4D, ry, rx, g)],
  }));
  return op(x) as tf.Tensor4D;
}

/**
 * The adjoint of {@link resample}: resamples each output image back and sums each group of K.
 *
 * @shape y (G·K, Hout, Wout, Ch) float32; ry, rx (G·K,) host numbers → (G, Hin, Win, Ch)
 */
export function resampleAdjoint(y: tf.Tensor4D, ry: ArrayLike<number>, rx: ArrayLike<number>, g: ResampleGeometry): tf.Tensor4D {
  const op = tf.customGrad((yi) => ({
    value: adjointRaw(yi as tf.Tensor4D, ry, rx, g),
    gradFunc: (dx: tf.Tensor) => [forwardRaw(dx as tf.Tensor4D, ry, rx, g)],
  }));
  return op(y) as tf.Tensor4D;
}

/**
 * Stack P tensors of one shape `(A, M, Q)` along a new last axis: `(A, M, Q, P)`. Uses a rank-4
 * transpose (native on wasm; rank-5 transposes and last-axis concats are slow JS loops there).
 */
export function stackLast(parts: readonly tf.Tensor3D[]): tf.Tensor4D {
  if (parts.length === 1) return tf.expandDims(parts[0]!, 3);
  return tf.transpose(tf.stack(parts as tf.Tensor3D[]), [1, 2, 3, 0]) as tf.Tensor4D;
}

/** Inverse of {@link stackLast}: `(A, M, Q, P)` → P tensors `(A, M, Q)`. */
export function unstackLast(x: tf.Tensor4D): tf.Tensor3D[] {
  const [A, M, Q, P] = x.shape;
  if (P === 1) return [tf.reshape(x, [A, M, Q])];
  const t = tf.transpose(x, [3, 0, 1, 2]);
  return Array.from({ length: P }, (_, k) => tf.reshape(tf.slice(t, [k, 0, 0, 0], [1, A, M, Q]), [A, M, Q]) as tf.Tensor3D);
}
