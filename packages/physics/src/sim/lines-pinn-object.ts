import { gaussianFilter2d, InputError, type ComplexArray, type Rng } from '@ptychojs/io';
import { checkObjectSize } from './check-object-size.js';

/** A segment `[r0, c0, r1, c1]`: integer pixel endpoints (row, column) on the 2H × 2W canvas. */
export type CanvasSegment = readonly [number, number, number, number];

/** Options of {@link linesPinnObject}. */
export interface LinesPinnObjectOptions {
  /** Object rows H. */
  readonly height: number;
  /** Object columns W. */
  readonly width: number;
  /** Random source (`createRng(seed)`) of the segment endpoints. */
  readonly rng: Rng;
  /**
   * Segments drawn on the 2H × 2W canvas. Default `round(400·2√(HW)/784)`: PtychoPINN's density,
   * 400 lines on the 784² canvas of its default object size 392, scaled with the canvas side as
   * its own dose-response study does (line pixels per area stay constant): 131 at 128², 400 at 392².
   * 400 on a small object gives a nearly uniform, low-contrast object.
   */
  readonly lines?: number;
  /** Fixed segments instead of random ones (then `rng` and `lines` are unused), e.g. for tests. */
  readonly segments?: ReadonlyArray<CanvasSegment>;
}

/** The blur of PtychoPINN's `mk_lines_img`: Σ weight·G_σ over these (σ px, weight) pairs. */
const BLURS: ReadonlyArray<readonly [number, number]> = [[1, 1], [5, 2], [10, 5]];

/**
 * PtychoPINN's `lines` object (hoidn/PtychoPINN `ptycho/diffsim.py`: `sim_object_image`,
 * `mk_lines_img`, `dummy_phi`), restated:
 * 1. `lines` segments (default: PtychoPINN's density, see {@link LinesPinnObjectOptions.lines}) with endpoints `(⌊2H·u⌋, ⌊2W·u⌋)` (u uniform, drawn r0, c0, r1, c1) are
 *    rasterised as 1-pixel lines (value 1) on a zero 2H × 2W canvas: along the longer axis every
 *    pixel from end to end, the other coordinate rounded (ties away from the start), as
 *    Bresenham's algorithm (skimage `draw.line`);
 * 2. the canvas is blurred, `I = G₁ + 2·G₅ + 5·G₁₀` with G_σ scipy's `gaussian_filter` (mode
 *    'reflect', truncate 4; `gaussianFilter2d`), and cropped to its centre H × W (rows ⌊H/2⌋ …
 *    ⌊H/2⌋ + H − 1, likewise columns);
 * 3. `phase = π·tanh((I − max I / 2) / (3·mean I))` over the crop (`dummy_phi`; unchanged by any
 *    scale of I), so bright lines sit near +π and the background near −π·tanh(…);
 * 4. `amplitude = I / max I`: unlike PtychoPINN, whose raw amplitude is I itself (≈ 1–5), the
 *    amplitude is normalised to a maximum of 1, like the other objects of the simulator.
 * The random stream differs from PtychoPINN's (numpy's), so objects resemble theirs, not equal them.
 *
 * @returns (H, W) complex object, float32 planes
 * @throws InputError on bad sizes or counts, or when no line reaches the cropped object
 */
export function linesPinnObject(opts: LinesPinnObjectOptions): ComplexArray {
  const { height: H, width: W, rng } = opts;
  checkObjectSize(H, W, 'linesPinnObject');
  const CH = 2 * H, CW = 2 * W;
  let segments = opts.segments;
  if (segments === undefined) {
    const count = opts.lines ?? Math.round((400 * 2 * Math.sqrt(H * W)) / 784);
    if (!Number.isSafeInteger(count) || count < 1) throw new InputError(`linesPinnObject: lines must be a positive integer, got ${count}`);
    segments = Array.from({ length: count }, () => [Math.floor(CH * rng.next()), Math.floor(CW * rng.next()), Math.floor(CH * rng.next()), Math.floor(CW * rng.next())] as const);
  }
  const canvas = new Float64Array(CH * CW);
  for (const s of segments) drawSegment(canvas, CH, CW, s);

  const I = new Float64Array(CH * CW);
  for (const [sigma, weight] of BLURS) {
    const g = gaussianFilter2d(canvas, CH, CW, sigma);
    for (let i = 0; i < I.length; i++) I[i] = I[i]! + weight * g[i]!;
  }
  const r0 = Math.floor(H / 2), c0 = Math.floor(W / 2);
  const crop = new Float64Array(H * W);
  let max = 0, sum = 0;
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
    const v = I[(r + r0) * CW + c + c0]!;
    crop[r * W + c] = v;
    if (v > max) max = v;
    sum += v;
  }
  const mean = sum / (H * W);
  if (!(max > 0)) throw new InputError(`linesPinnObject: no line reaches the ${H}×${W} object; draw more lines`);
  const re = new Float32Array(H * W), im = new Float32Array(H * W);
  for (let i = 0; i < H * W; i++) {
    const a = crop[i]! / max, p = Math.PI * Math.tanh((crop[i]! - max / 2) / (3 * mean));
    re[i] = a * Math.cos(p);
    im[i] = a * Math.sin(p);
  }
  return { shape: [H, W], re, im };
}

/** Sets the pixels of one segment to 1 (integer endpoints inside the canvas). */
function drawSegment(canvas: Float64Array, H: number, W: number, s: CanvasSegment): void {
  const [r0, c0, r1, c1] = s;
  for (const [v, lim, name] of [[r0, H, 'r0'], [c0, W, 'c0'], [r1, H, 'r1'], [c1, W, 'c1']] as const) {
    if (!Number.isSafeInteger(v) || v < 0 || v >= lim) throw new InputError(`linesPinnObject: segment endpoint ${name} must be an integer in [0, ${lim}), got ${v}`);
  }
  const dr = r1 - r0, dc = c1 - c0, D = Math.max(Math.abs(dr), Math.abs(dc));
  if (D === 0) { canvas[r0 * W + c0] = 1; return; }
  for (let t = 0; t <= D; t++) {
    // Exact integer rounding of t·d/D to the nearest, ties away from the start.
    const r = r0 + Math.sign(dr) * Math.floor((2 * t * Math.abs(dr) + D) / (2 * D));
    const c = c0 + Math.sign(dc) * Math.floor((2 * t * Math.abs(dc) + D) / (2 * D));
    canvas[r * W + c] = 1;
  }
}
