/**
 * Private separable filters: the SSIM windows (valid filtering, Wang et al. 2004). The Gaussian
 * smoothing of PtychoPINN's evaluation (scipy's `gaussian_filter`) is `gaussianFilter2d` of
 * `@ptychojs/io`.
 */

/** Normalized Gaussian window of odd `size`, centred, `exp(−x²/(2σ²))` (MATLAB `fspecial`). */
export function gaussianWindow(size: number, sigma: number): Float64Array {
  const w = new Float64Array(size), h = (size - 1) / 2;
  let s = 0;
  for (let i = 0; i < size; i++) { w[i] = Math.exp(-((i - h) ** 2) / (2 * sigma * sigma)); s += w[i]!; }
  for (let i = 0; i < size; i++) w[i] = w[i]! / s;
  return w;
}

/** Box window of `size`, entries 1/size (so its outer product is the uniform 2-D mean). */
export function uniformWindow(size: number): Float64Array {
  return new Float64Array(size).fill(1 / size);
}

/**
 * 2-D correlation with the separable window `k ⊗ k`, 'valid' region only: output
 * (H−K+1, W−K+1), `out[r,c] = Σ_ij k[i] k[j] x[r+i, c+j]`.
 * @shape x (H, W) float64
 */
export function correlateValid(x: Float64Array, H: number, W: number, k: Float64Array): Float64Array {
  const K = k.length, h = H - K + 1, w = W - K + 1;
  const tmp = new Float64Array(H * w);
  for (let r = 0; r < H; r++) {
    const o = r * W, t = r * w;
    for (let c = 0; c < w; c++) {
      let s = 0;
      for (let j = 0; j < K; j++) s += k[j]! * x[o + c + j]!;
      tmp[t + c] = s;
    }
  }
  const out = new Float64Array(h * w);
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      let s = 0;
      for (let i = 0; i < K; i++) s += k[i]! * tmp[(r + i) * w + c]!;
      out[r * w + c] = s;
    }
  }
  return out;
}
