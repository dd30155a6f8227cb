/**
 * MS-SSIM's low-pass-and-subsample step (Wang et al. 2003; their MATLAB reference and
 * TensorFlow's `ssim_multiscale`): 2×2 average pooling with stride 2; an odd last row/column is
 * paired with its symmetric mirror (itself), so the output is ceil(H/2) × ceil(W/2).
 * @shape x (H, W) float64
 */
export function averagePool2(x: Float64Array, H: number, W: number): { data: Float64Array; H: number; W: number } {
  const h = Math.ceil(H / 2), w = Math.ceil(W / 2);
  const out = new Float64Array(h * w);
  for (let r = 0; r < h; r++) {
    const r0 = 2 * r, r1 = Math.min(2 * r + 1, H - 1);
    for (let c = 0; c < w; c++) {
      const c0 = 2 * c, c1 = Math.min(2 * c + 1, W - 1);
      out[r * w + c] = (x[r0 * W + c0]! + x[r0 * W + c1]! + x[r1 * W + c0]! + x[r1 * W + c1]!) / 4;
    }
  }
  return { data: out, H: h, W: w };
}

/** Plain decimation `x[::2, ::2]` (PtychoPINN's MS-SSIM): ceil(H/2) × ceil(W/2). */
export function decimate2(x: Float64Array, H: number, W: number): { data: Float64Array; H: number; W: number } {
  const h = Math.ceil(H / 2), w = Math.ceil(W / 2);
  const out = new Float64Array(h * w);
  for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) out[r * w + c] = x[2 * r * W + 2 * c]!;
  return { data: out, H: h, W: w };
}
