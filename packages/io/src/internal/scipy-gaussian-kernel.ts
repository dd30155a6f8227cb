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
