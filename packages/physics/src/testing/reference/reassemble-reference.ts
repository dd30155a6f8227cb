/**
 * Float64 oracle of overlap-normalised reassembly by *splatting*: every patch pixel (i, j) of
 * channel c is spread bilinearly onto the four canvas pixels around its place
 * `(S/2 − rel_y − N/2 + i, S/2 − rel_x − N/2 + j)`, and so is a mask of ones; the result is
 * `sum / max(count, epsilon)` (or the plain sum). Scatter-based, unlike the gather form under test.
 *
 * @shape patches (B, N, N, C) row-major; coords (B, 1, 2, C) → (B, S, S)
 */
export function reassembleReference(
  patches: ArrayLike<number>, B: number, N: number, C: number, coords: ArrayLike<number>, S: number,
  opts: { normalize?: boolean; epsilon?: number } = {},
): Float64Array {
  const sum = new Float64Array(B * S * S);
  const count = new Float64Array(B * S * S);
  for (let b = 0; b < B; b++) for (let c = 0; c < C; c++) {
    const relX = coords[(b * 2 + 0) * C + c]!, relY = coords[(b * 2 + 1) * C + c]!;
    for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) {
      const v = patches[((b * N + i) * N + j) * C + c]!;
      const y = S / 2 - relY - N / 2 + i, x = S / 2 - relX - N / 2 + j;
      const y0 = Math.floor(y), x0 = Math.floor(x), fy = y - y0, fx = x - x0;
      for (const [yy, wy] of [[y0, 1 - fy], [y0 + 1, fy]] as const) for (const [xx, wx] of [[x0, 1 - fx], [x0 + 1, fx]] as const) {
        if (yy < 0 || yy >= S || xx < 0 || xx >= S) continue;
        sum[(b * S + yy) * S + xx]! += wy * wx * v;
        count[(b * S + yy) * S + xx]! += wy * wx;
      }
    }
  }
  if (opts.normalize === false) return sum;
  const eps = opts.epsilon ?? 1e-3;
  return sum.map((s, k) => s / Math.max(count[k]!, eps));
}
