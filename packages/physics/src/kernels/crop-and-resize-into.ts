/** Geometry of a {@link cropAndResizeInto} call. */
export interface CropAndResizeArgs {
  /** Image stack shape [B, H, W, C]. */
  readonly imageShape: readonly [number, number, number, number];
  /** Boxes (numBoxes, 4) as normalised [y1, x1, y2, x2], row-major. */
  readonly boxes: ArrayLike<number>;
  /** Image index of each box (numBoxes,); boxes whose index is outside [0, B) give zeros. */
  readonly boxInd: ArrayLike<number>;
  /** Output size [cropHeight, cropWidth]. */
  readonly cropSize: readonly [number, number];
  readonly method: 'bilinear' | 'nearest';
  /** Value of samples outside the image. */
  readonly extrapolationValue: number;
}

/**
 * TensorFlow's `CropAndResize` on typed arrays (the reference semantics of
 * `tensorflow/core/kernels/crop_and_resize_op.cc`, as tfjs-backend-cpu implements them): for box b
 * and output sample (y, x),
 *
 *   y_in = y1·(H − 1) + y·(y2 − y1)(H − 1)/(h − 1),   x_in likewise (box centre when h or w is 1),
 *
 * bilinear (or nearest) between the four neighbouring pixels, `extrapolationValue` where y_in or
 * x_in lies outside [0, H − 1] / [0, W − 1]. Arithmetic in float64, results rounded to float32 on
 * store — the same as the cpu backend, so the two agree exactly. Offsets are exact integers for
 * any image up to 2^53 elements.
 *
 * @shape image (B, H, W, C) float32, channel-last
 * @shape out (numBoxes, h, w, C) float32 — written entirely
 */
export function cropAndResizeInto(image: ArrayLike<number>, args: CropAndResizeArgs, out: Float32Array): void {
  const [B, H, W, C] = args.imageShape;
  const [h, w] = args.cropSize;
  const { boxes, boxInd, extrapolationValue: fillValue } = args;
  const nearest = args.method === 'nearest';
  const rowStride = W * C, imageStride = H * W * C, boxStride = h * w * C;
  const numBoxes = boxInd.length;
  if (out.length !== numBoxes * boxStride) throw new Error(`cropAndResizeInto: out has ${out.length} values, expected ${numBoxes * boxStride}`);
  const xIn = new Float64Array(w);
  for (let b = 0; b < numBoxes; b++) {
    const y1 = boxes[4 * b]!, x1 = boxes[4 * b + 1]!, y2 = boxes[4 * b + 2]!, x2 = boxes[4 * b + 3]!;
    const img = boxInd[b]!;
    let o = b * boxStride;
    if (!(img >= 0 && img < B)) {
      out.fill(0, o, o + boxStride);
      continue;
    }
    const base = img * imageStride;
    const hScale = h > 1 ? ((y2 - y1) * (H - 1)) / (h - 1) : 0;
    const wScale = w > 1 ? ((x2 - x1) * (W - 1)) / (w - 1) : 0;
    for (let x = 0; x < w; x++) xIn[x] = w > 1 ? x1 * (W - 1) + x * wScale : 0.5 * (x1 + x2) * (W - 1);
    for (let y = 0; y < h; y++) {
      const yIn = h > 1 ? y1 * (H - 1) + y * hScale : 0.5 * (y1 + y2) * (H - 1);
      if (yIn < 0 || yIn > H - 1) {
        out.fill(fillValue, o, o + w * C);
        o += w * C;
        continue;
      }
      if (nearest) {
        const row = base + Math.round(yIn) * rowStride;
        for (let x = 0; x < w; x++) {
          const xi = xIn[x]!;
          if (xi < 0 || xi > W - 1) {
            for (let c = 0; c < C; c++) out[o++] = fillValue;
            continue;
          }
          const p = row + Math.round(xi) * C;
          for (let c = 0; c < C; c++) out[o++] = image[p + c]!;
        }
        continue;
      }
      const top = Math.floor(yIn), yLerp = yIn - top;
      const rowTop = base + top * rowStride, rowBottom = base + Math.ceil(yIn) * rowStride;
      for (let x = 0; x < w; x++) {
        const xi = xIn[x]!;
        if (xi < 0 || xi > W - 1) {
          for (let c = 0; c < C; c++) out[o++] = fillValue;
          continue;
        }
        const left = Math.floor(xi), xLerp = xi - left;
        const l = left * C, r = Math.ceil(xi) * C;
        for (let c = 0; c < C; c++) {
          const tl = image[rowTop + l + c]!, tr = image[rowTop + r + c]!;
          const bl = image[rowBottom + l + c]!, br = image[rowBottom + r + c]!;
          const t = tl + (tr - tl) * xLerp;
          const bt = bl + (br - bl) * xLerp;
          out[o++] = t + (bt - t) * yLerp;
        }
      }
    }
  }
}
