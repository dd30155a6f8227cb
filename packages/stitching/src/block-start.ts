/**
 * Canvas coordinate (row or column, possibly fractional) of the first pixel of the central M×M
 * crop of a patch at scan coordinate `v`, on a canvas whose origin is `v0` along that axis.
 * The crop's first pixel is the object point v − M/2 (SPEC §3 with N − M even), so it lands at
 * v − M/2 − v0. Every function computes this through here, so the canvas bounds and the
 * placement agree to the last bit.
 */
export function blockStart(v: number, M: number, v0: number): number {
  return v - M / 2 - v0;
}
