/**
 * Default side M of the central crop that stitching keeps from each N×N predicted patch
 * (SPEC §4): 20 for N = 64, scaled with N — the integer nearest 20·N/64 that has the parity of N
 * (so the crop is centred exactly), clamped to [1 or 2, N]. N = 64, 128, 256 → 20, 40, 80.
 */
export function defaultCentralSize(N: number): number {
  const t = (20 * N) / 64;
  const even = N % 2 === 0;
  const m = even ? 2 * Math.round(t / 2) : 2 * Math.round((t - 1) / 2) + 1;
  return Math.min(N, Math.max(even ? 2 : 1, m));
}
