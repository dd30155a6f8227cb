/**
 * Float64 oracle of `fftshift(fft2(x))` for one n×n complex image, by direct row-column DFT sums
 * (O(n³)), with the shift applied as an index roll of the output — structured differently from
 * the matrix form under test. Row-major planes.
 */
export function dft2ShiftedReference(re: ArrayLike<number>, im: ArrayLike<number>, n: number): { re: Float64Array; im: Float64Array } {
  const cos = new Float64Array(n * n);
  const sin = new Float64Array(n * n);
  for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) {
    const a = (2 * Math.PI * ((k * j) % n)) / n;
    cos[k * n + j] = Math.cos(a);
    sin[k * n + j] = Math.sin(a);
  }
  // Along rows (last axis) then columns; e^{−iθ} = cos θ − i sin θ.
  const tr = new Float64Array(n * n);
  const ti = new Float64Array(n * n);
  for (let r = 0; r < n; r++) for (let k = 0; k < n; k++) {
    let sr = 0, si = 0;
    for (let j = 0; j < n; j++) {
      const xr = re[r * n + j]!, xi = im[r * n + j]!, c = cos[k * n + j]!, s = sin[k * n + j]!;
      sr += xr * c + xi * s;
      si += xi * c - xr * s;
    }
    tr[r * n + k] = sr;
    ti[r * n + k] = si;
  }
  const h = Math.floor(n / 2);
  const outRe = new Float64Array(n * n);
  const outIm = new Float64Array(n * n);
  for (let k = 0; k < n; k++) for (let c = 0; c < n; c++) {
    let sr = 0, si = 0;
    for (let r = 0; r < n; r++) {
      const xr = tr[r * n + c]!, xi = ti[r * n + c]!, co = cos[k * n + r]!, s = sin[k * n + r]!;
      sr += xr * co + xi * s;
      si += xi * co - xr * s;
    }
    // fftshift: unshifted (k, c) goes to ((k + h) mod n, (c + h) mod n)
    const o = ((k + h) % n) * n + ((c + h) % n);
    outRe[o] = sr;
    outIm[o] = si;
  }
  return { re: outRe, im: outIm };
}
