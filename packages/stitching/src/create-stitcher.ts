import { InputError } from '@ptychojs/io';
import { blockStart } from './block-start.js';
import { canvasFrame } from './canvas-frame.js';
import { createBlockPlacer, type BlockAccumulators } from './create-block-placer.js';
import { stitchingMemoryBytes } from './stitching-memory-bytes.js';
import type { AccumulatorPrecision, CanvasFrame, StitchResult } from './types.js';

/** Options of {@link createStitcher}. */
export interface StitcherOptions {
  /** @shape xs (P,) scan x (column) of every patch that may be added, pixels of the object frame */
  readonly xs: ArrayLike<number>;
  /** @shape ys (P,) scan y (row) */
  readonly ys: ArrayLike<number>;
  /** Patch side N. */
  readonly N: number;
  /** Central crop side M; default {@link defaultCentralSize}(N) (20 for N = 64). */
  readonly M?: number;
  /** Precision of the running sums; default `'float64'`. */
  readonly accumulator?: AccumulatorPrecision;
}

/** A streaming, memory-bounded stitcher (SPEC §4). Memory depends on the canvas, not on the patch count. */
export interface Stitcher {
  /** Canvas size and origin, fixed from all positions up front. */
  readonly frame: CanvasFrame;
  /** Peak bytes of the canvas planes, see {@link stitchingMemoryBytes}. */
  readonly memoryBytes: number;
  /** Number of patches added so far. */
  readonly added: number;
  /**
   * Add a batch of b predicted patches (only their central M×M is used).
   * @shape re (b, N, N) or (b, N, N, 1) float32
   * @shape im (b, N, N) or (b, N, N, 1) float32
   * @param at indices into the positions given at creation, one per patch; or a number: the index
   *   of the first patch of a consecutive run `at .. at + b − 1`.
   */
  add(re: Float32Array, im: Float32Array, at: number | ArrayLike<number>): void;
  /**
   * Add a batch at explicit positions, which must fit the canvas fixed at creation (InputError if not).
   * @shape xs (b,) @shape ys (b,)
   */
  addAt(re: Float32Array, im: Float32Array, xs: ArrayLike<number>, ys: ArrayLike<number>): void;
  /**
   * Divide the sums by the weights (0 where the weight is 0) and return the canvas. Ends the
   * stitcher: later calls throw. With `'float32'` sums the returned planes are the sums themselves.
   */
  finish(): StitchResult;
}

/**
 * Create a stitcher for patches at the given scan positions (SPEC §4 "Stitching for inference").
 * It places the central M×M of each patch at its position with bilinear weights (the adjoint of
 * SPEC §3 extraction), and at `finish()` divides by the summed weights: stitching is the adjoint of
 * extraction divided by the overlap count. The canvas is the smallest that holds every patch
 * ({@link canvasFrame}); canvas pixel (r, c) is the object point (x = c + x0, y = r + y0).
 *
 * Complex values are averaged as complex numbers (real and imaginary parts separately). Patches
 * whose phases disagree by a constant or wrap (a global phase per patch) average to a smaller
 * amplitude; aligning phases before stitching is the caller's concern.
 *
 * @example
 * const st = createStitcher({ xs, ys, N: 64 });
 * for (let k = 0; k < B; k += 256) st.add(re.subarray(k * 4096, (k + 256) * 4096), im.subarray(…), k);
 * const { object, weights, canvasOrigin } = st.finish();
 */
export function createStitcher(options: StitcherOptions): Stitcher {
  const { N } = options;
  const accumulator = options.accumulator ?? 'float64';
  if (accumulator !== 'float64' && accumulator !== 'float32') {
    throw new InputError('unknown accumulator precision', { key: 'accumulator', expected: "'float64' or 'float32'", actual: String(accumulator) });
  }
  const frame = canvasFrame(options.xs, options.ys, N, options.M);
  const { M, height: H, width: W } = frame;
  const [x0, y0] = frame.canvasOrigin;
  const xs = Float64Array.from(options.xs), ys = Float64Array.from(options.ys);
  const P = xs.length, NN = N * N;
  const Plane = accumulator === 'float64' ? Float64Array : Float32Array;
  let acc: BlockAccumulators | undefined = { re: new Plane(H * W), im: new Plane(H * W), weights: new Plane(H * W), width: W };
  const place = createBlockPlacer(M);
  let added = 0;

  const live = (): BlockAccumulators => {
    if (acc === undefined) throw new Error('stitcher already finished: create a new one');
    return acc;
  };

  const batchSize = (re: Float32Array, im: Float32Array): number => {
    if (re.length !== im.length || re.length % NN !== 0) {
      throw new InputError('patch batch must be (b, N, N) float32 real and imaginary planes of equal length', {
        key: 'patches',
        expected: `length b·${NN} (N = ${N}) for both planes`,
        actual: `re ${re.length}, im ${im.length}`,
      });
    }
    return re.length / NN;
  };

  return {
    frame,
    memoryBytes: stitchingMemoryBytes(H, W, accumulator),
    get added() {
      return added;
    },
    add(re, im, at) {
      const a = live();
      const b = batchSize(re, im);
      if (typeof at === 'number') {
        if (!Number.isInteger(at) || at < 0 || at + b > P) {
          throw new InputError('batch start index out of range', { key: 'at', expected: `integer in 0..${P - b} for a batch of ${b}`, actual: String(at) });
        }
      } else if (at.length !== b) {
        throw new InputError('one index per patch is needed', { key: 'indices', expected: `(${b},)`, actual: `(${at.length},)` });
      }
      if (typeof at !== 'number') {
        for (let k = 0; k < b; k++) {
          const idx = at[k]!;
          if (!Number.isInteger(idx) || idx < 0 || idx >= P) {
            throw new InputError(`patch index out of range at batch item ${k}`, { key: 'indices', expected: `integer in 0..${P - 1}`, actual: String(idx) });
          }
        }
      }
      for (let k = 0; k < b; k++) {
        const idx = typeof at === 'number' ? at + k : at[k]!;
        place(a, re, im, k * NN, N, blockStart(ys[idx]!, M, y0), blockStart(xs[idx]!, M, x0));
      }
      added += b;
    },
    addAt(re, im, bx, by) {
      const a = live();
      const b = batchSize(re, im);
      if (bx.length !== b || by.length !== b) {
        throw new InputError('one position per patch is needed', { key: 'xs/ys', expected: `(${b},)`, actual: `(${bx.length},), (${by.length},)` });
      }
      for (let k = 0; k < b; k++) {
        const r = blockStart(by[k]!, M, y0), c = blockStart(bx[k]!, M, x0);
        if (!(fits(r, M, H) && fits(c, M, W))) {
          throw new InputError(`patch ${k} at (x, y) = (${bx[k]}, ${by[k]}) falls outside the canvas fixed at creation`, {
            key: 'xs/ys',
            expected: `central ${M}×${M} inside x ${x0}..${x0 + W - 1}, y ${y0}..${y0 + H - 1}`,
            actual: `(${bx[k]}, ${by[k]})`,
          });
        }
      }
      for (let k = 0; k < b; k++) {
        place(a, re, im, k * NN, N, blockStart(by[k]!, M, y0), blockStart(bx[k]!, M, x0));
      }
      added += b;
    },
    finish() {
      const a = live();
      acc = undefined;
      const n = H * W;
      const outRe = a.re instanceof Float32Array ? a.re : new Float32Array(n);
      const outIm = a.im instanceof Float32Array ? a.im : new Float32Array(n);
      const outW = a.weights instanceof Float32Array ? a.weights : new Float32Array(n);
      const sRe = a.re, sIm = a.im, sW = a.weights;
      for (let p = 0; p < n; p++) {
        const w = sW[p]!;
        if (w > 0) {
          outRe[p] = sRe[p]! / w;
          outIm[p] = sIm[p]! / w;
        } else {
          outRe[p] = 0;
          outIm[p] = 0;
        }
        outW[p] = w;
      }
      return { object: { shape: [H, W], re: outRe, im: outIm }, weights: outW, canvasOrigin: [x0, y0] };
    },
  };
}

/** Whether a crop starting at canvas coordinate `s` (side M) lies on an axis of length `L`. */
function fits(s: number, M: number, L: number): boolean {
  if (!Number.isFinite(s)) return false;
  const s0 = Math.floor(s);
  return s0 >= 0 && s0 + M + (s > s0 ? 1 : 0) <= L;
}
