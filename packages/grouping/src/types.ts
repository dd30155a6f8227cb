/**
 * Data contracts of the grouping stage (SPEC §3 "Grouping"). Arrays are C-ordered typed arrays with
 * the letters of SPEC §3: B groups, C = gridsize² channels, N the pattern side, M scan positions.
 */
import type { ComplexArray } from '@ptychojs/io';

/** How seed positions are drawn (SPEC §3 "Grouping"). */
export type Sampling = 'random' | 'sequential';

/**
 * Groups of neighbouring scan positions (SPEC §3 "Grouping"). Channel 0 of each group is its seed;
 * channel c sits at (row ⌊c / gridsize⌋, col c mod gridsize) of the solution region.
 *
 * Coordinate arrays follow PtychoPINN's `(B, 1, 2, C)` layout: axis 2 is [x, y], so for group b and
 * channel c, x is at `b·2C + c` and y at `b·2C + C + c`.
 */
export interface Groups {
  /** Number of groups. */
  readonly B: number;
  /** Channels per group, gridsize². */
  readonly C: number;
  readonly gridsize: number;
  /** @shape (B, C) int32 — scan-position index of each member; channel 0 is the seed. */
  readonly nnIndices: Int32Array;
  /** @shape (B, 1, 2, C) float64 — absolute member positions [x, y] (pixels, object frame). */
  readonly coordsNn: Float64Array;
  /** @shape (B, 1, 2, 1) float64 — mean of the C member positions, [x, y]. */
  readonly coordsOffsets: Float64Array;
  /** @shape (B, 1, 2, C) float64 — −(position − offset) (local_offset_sign = −1). */
  readonly coordsRelative: Float64Array;
}

/** Groups with their model inputs (SPEC §3 "Normalization", workflow step 4). */
export interface GroupedData extends Groups {
  /** Pattern side. */
  readonly N: number;
  /** Normalization factor α applied to the diffraction amplitudes. */
  readonly alpha: number;
  /** @shape (B, N, N, C) float32 — normalized amplitude X = α·diffraction, channel-last. */
  readonly X: Float32Array;
  /** @shape (B, N, N, C) complex — ground-truth object patches at the members' true positions. */
  readonly Y?: ComplexArray;
}
