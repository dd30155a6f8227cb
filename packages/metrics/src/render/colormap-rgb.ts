/** Colormaps for {@link renderImagePng}: 'gray', 'viridis', and the cyclic 'twilight' for phase. */
export type ColormapName = 'gray' | 'viridis' | 'twilight';

/**
 * Anchor points [t, r, g, b] (r, g, b in 0…1) with linear interpolation between them.
 * viridis: matplotlib's `_viridis_data` (van der Walt & Smith, CC0) at t = k/8 — the nine colours
 * of R viridisLite `viridis(9)`, #440154 … #FDE725.
 * twilight: matplotlib's `_twilight_data` (Bastian Bechtold; 510 entries) at rows
 * 0, 32, …, 509 plus the dark turn-around rows 240, 255, 270; t = row/509. Cyclic: t = 0 and t = 1
 * are (nearly) the same colour.
 */
const ANCHORS: Record<Exclude<ColormapName, 'gray'>, readonly (readonly [number, number, number, number])[]> = {
  viridis: [
    [0 / 8, 0x44 / 255, 0x01 / 255, 0x54 / 255],
    [1 / 8, 0x47 / 255, 0x2d / 255, 0x7b / 255],
    [2 / 8, 0x3b / 255, 0x52 / 255, 0x8b / 255],
    [3 / 8, 0x2c / 255, 0x72 / 255, 0x8e / 255],
    [4 / 8, 0x21 / 255, 0x90 / 255, 0x8c / 255],
    [5 / 8, 0x27 / 255, 0xad / 255, 0x81 / 255],
    [6 / 8, 0x5d / 255, 0xc8 / 255, 0x63 / 255],
    [7 / 8, 0xaa / 255, 0xdc / 255, 0x32 / 255],
    [8 / 8, 0xfd / 255, 0xe7 / 255, 0x25 / 255],
  ],
  twilight: [
    [0 / 509, 0.88575, 0.85001, 0.88797],
    [32 / 509, 0.76187, 0.80712, 0.83027],
    [64 / 509, 0.57781, 0.70613, 0.77825],
    [96 / 509, 0.44493, 0.58851, 0.75513],
    [128 / 509, 0.38312, 0.45706, 0.72985],
    [160 / 509, 0.36966, 0.31166, 0.67457],
    [192 / 509, 0.34925, 0.16161, 0.55635],
    [224 / 509, 0.26673, 0.07434, 0.35420],
    [240 / 509, 0.21738, 0.06586, 0.26634],
    [255 / 509, 0.18488, 0.07943, 0.21308],
    [270 / 509, 0.22575, 0.06738, 0.22729],
    [287 / 509, 0.29600, 0.07575, 0.25967],
    [319 / 509, 0.45887, 0.11815, 0.31044],
    [351 / 509, 0.60036, 0.21089, 0.31245],
    [383 / 509, 0.70063, 0.34273, 0.32305],
    [415 / 509, 0.76403, 0.49201, 0.39008],
    [447 / 509, 0.80144, 0.64567, 0.54333],
    [479 / 509, 0.85073, 0.78366, 0.75310],
    [509 / 509, 0.88571, 0.85002, 0.88573],
  ],
};

/**
 * Colour of `t` ∈ [0, 1] (clamped; NaN → magenta, the conventional "bad" colour) as 8-bit
 * [r, g, b], rounded from the anchors' linear interpolation.
 */
export function colormapRgb(name: ColormapName, t: number): [number, number, number] {
  if (Number.isNaN(t)) return [255, 0, 255];
  const u = t < 0 ? 0 : t > 1 ? 1 : t;
  if (name === 'gray') { const v = Math.round(u * 255); return [v, v, v]; }
  const a = ANCHORS[name];
  let i = 1;
  while (i < a.length - 1 && a[i]![0] < u) i++;
  const [t0, r0, g0, b0] = a[i - 1]!, [t1, r1, g1, b1] = a[i]!;
  const f = t1 > t0 ? (u - t0) / (t1 - t0) : 0;
  return [Math.round(255 * (r0 + f * (r1 - r0))), Math.round(255 * (g0 + f * (g1 - g0))), Math.round(255 * (b0 + f * (b1 - b0)))];
}
