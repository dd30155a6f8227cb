/** Byte-level array operations used by NPY reading and writing (layout only, no arithmetic). */

/** Reverse the bytes of every `unit`-byte group of `b`, in place. */
export function byteswapInPlace(b: Uint8Array, unit: number): void {
  if (unit <= 1) return;
  const n = b.length - (b.length % unit);
  if (unit === 2) {
    for (let i = 0; i < n; i += 2) { const t = b[i]!; b[i] = b[i + 1]!; b[i + 1] = t; }
  } else if (unit === 4) {
    for (let i = 0; i < n; i += 4) {
      const t0 = b[i]!, t1 = b[i + 1]!;
      b[i] = b[i + 3]!; b[i + 1] = b[i + 2]!; b[i + 2] = t1; b[i + 3] = t0;
    }
  } else {
    for (let i = 0; i < n; i += unit) {
      for (let a = i, z = i + unit - 1; a < z; a++, z--) { const t = b[a]!; b[a] = b[z]!; b[z] = t; }
    }
  }
}

/**
 * Reorder elements stored in Fortran (column-major) order for `shape` into C (row-major) order.
 * `src` and the result hold `product(shape)` elements of `elemBytes` bytes each.
 * (Called with the reversed shape it turns C order into Fortran order.)
 */
export function fortranToC(src: Uint8Array, shape: readonly number[], elemBytes: number): Uint8Array {
  const out = new Uint8Array(src.length);
  const size = shape.reduce((p, d) => p * d, 1);
  if (size === 0) return out;
  // Work in the widest unit that divides the element size; src must be aligned to it.
  const unit = elemBytes % 4 === 0 ? 4 : elemBytes % 2 === 0 ? 2 : 1;
  const aligned: Uint8Array = src.byteOffset % unit === 0 ? src : copyBytes(src);
  const view = (b: ArrayBufferLike, o: number, n: number): Uint8Array | Uint16Array | Uint32Array =>
    unit === 4 ? new Uint32Array(b, o, n) : unit === 2 ? new Uint16Array(b, o, n) : new Uint8Array(b, o, n);
  const s = view(aligned.buffer, aligned.byteOffset, aligned.length / unit);
  const d = view(out.buffer, 0, out.length / unit);
  const eu = elemBytes / unit;
  const k = shape.length;
  const fs = new Array<number>(k);
  for (let j = 0, st = 1; j < k; j++) { fs[j] = st; st *= shape[j]!; }
  if (k === 2 && eu === 1) {
    const rows = shape[0]!, cols = shape[1]!;
    for (let r = 0, o = 0; r < rows; r++) for (let c = 0; c < cols; c++) d[o++] = s[r + c * rows]!;
    return out;
  }
  const idx = new Array<number>(k).fill(0);
  let so = 0;
  for (let o = 0; o < size; o++) {
    const ob = o * eu, sb = so * eu;
    for (let e = 0; e < eu; e++) d[ob + e] = s[sb + e]!;
    for (let j = k - 1; j >= 0; j--) {
      idx[j]!++;
      so += fs[j]!;
      if (idx[j]! < shape[j]!) break;
      so -= fs[j]! * shape[j]!;
      idx[j] = 0;
    }
  }
  return out;
}

/** Convert IEEE 754 half-precision values (as uint16 bit patterns) to float32. */
export function halfToFloat32(h: Uint16Array): Float32Array {
  const out = new Float32Array(h.length);
  for (let i = 0; i < h.length; i++) {
    const x = h[i]!;
    const sign = x & 0x8000 ? -1 : 1, exp = (x >> 10) & 0x1f, frac = x & 0x3ff;
    out[i] = exp === 0 ? sign * frac * 2 ** -24
      : exp === 31 ? (frac === 0 ? sign * Infinity : NaN)
        : sign * (1 + frac / 1024) * 2 ** (exp - 15);
  }
  return out;
}

/**
 * A fresh copy of `b` in its own buffer (offset 0). Not `b.slice()`: on a Node Buffer that
 * returns a view, not a copy.
 */
export function copyBytes(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  out.set(b);
  return out;
}

/** The first `n` bytes of the chunks `parts` joined in order (fewer if they hold fewer). */
export function concatBytes(parts: readonly Uint8Array[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    if (o >= n) break;
    const take = Math.min(p.length, n - o);
    out.set(p.subarray(0, take), o);
    o += take;
  }
  return out;
}
