/**
 * The optional probe mask of SPEC §3 ("optional N/4 disk mask"): 1 where
 * `(i − N/2)² + (j − N/2)² ≤ (N/4)²`, else 0. Centred on pixel (N/2, N/2), the same centre as the
 * patch convention (`patch_k(N/2, N/2) = O(y_k, x_k)`) and as `fftshift`.
 *
 * @returns (N, N) float32, row-major
 */
export function probeDiskMask(N: number): Float32Array {
  if (!Number.isInteger(N) || N < 1) throw new RangeError(`probeDiskMask: N must be a positive integer, got ${N}`);
  const m = new Float32Array(N * N);
  const c = N / 2;
  const r2 = (N / 4) ** 2;
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) m[i * N + j] = (i - c) ** 2 + (j - c) ** 2 <= r2 ? 1 : 0;
  return m;
}
