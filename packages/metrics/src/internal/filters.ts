/**
 * Private separable filters: the SSIM windows (valid filtering, Wang et al. 2004) and a Gaussian
 * smoothing that reproduces `scipy.ndimage.gaussian_filter` / `gaussian_filter1d` (mode 'reflect',
 * truncate 4), which PtychoPINN's evaluation uses.
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

/** scipy's 'reflect' boundary (half-sample symmetric: d c b a | a b c d | d c b a), any offset. */
export function reflectIndex(i: number, n: number): number {
  if (n === 1) return 0;
  const p = 2 * n;
  let m = i % p;
  if (m < 0) m += p;
  return m < n ? m : p - 1 - m;
}

/** scipy `_gaussian_kernel1d` (order 0): radius `int(truncate·σ + 0.5)`, normalized. */
export function scipyGaussianKernel(sigma: number, truncate = 4): Float64Array {
  const radius = Math.floor(truncate * sigma + 0.5);
  const k = new Float64Array(2 * radius + 1);
  let s = 0;
  for (let i = -radius; i <= radius; i++) { k[i + radius] = Math.exp((-0.5 / (sigma * sigma)) * i * i); s += k[i + radius]!; }
  for (let i = 0; i < k.length; i++) k[i] = k[i]! / s;
  return k;
}

/** `scipy.ndimage.gaussian_filter1d(x, σ)` with mode 'reflect'. */
export function gaussianFilter1d(x: ArrayLike<number>, sigma: number): Float64Array {
  const n = x.length, out = new Float64Array(n);
  if (!(sigma > 0)) { for (let i = 0; i < n; i++) out[i] = x[i]!; return out; }
  const k = scipyGaussianKernel(sigma), r = (k.length - 1) / 2;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = -r; j <= r; j++) s += k[j + r]! * x[reflectIndex(i + j, n)]!;
    out[i] = s;
  }
  return out;
}

/**
 * `scipy.ndimage.gaussian_filter(x, σ)` on an (H, W) plane: the 1-D filter along rows (axis 0)
 * then columns (axis 1), mode 'reflect', truncate 4.
 * @shape x (H, W)
 */
export function gaussianFilter2d(x: ArrayLike<number>, H: number, W: number, sigma: number): Float64Array {
  const out = Float64Array.from({ length: H * W }, (_, i) => x[i]!);
  if (!(sigma > 0)) return out;
  const k = scipyGaussianKernel(sigma), r = (k.length - 1) / 2;
  const col = new Float64Array(H);
  for (let c = 0; c < W; c++) {
    for (let i = 0; i < H; i++) col[i] = out[i * W + c]!;
    for (let i = 0; i < H; i++) {
      let s = 0;
      for (let j = -r; j <= r; j++) s += k[j + r]! * col[reflectIndex(i + j, H)]!;
      out[i * W + c] = s;
    }
  }
  const row = new Float64Array(W);
  for (let i = 0; i < H; i++) {
    for (let c = 0; c < W; c++) row[c] = out[i * W + c]!;
    for (let c = 0; c < W; c++) {
      let s = 0;
      for (let j = -r; j <= r; j++) s += k[j + r]! * row[reflectIndex(c + j, W)]!;
      out[i * W + c] = s;
    }
  }
  return out;
}
