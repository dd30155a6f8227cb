/** How a diffraction array is laid out (checkRawData's `layout` option): `auto` finds it from the shape. */
export type DiffractionLayout = 'auto' | 'mnn' | 'nnm';

/**
 * How a rank-3 diffraction array of `shape` is read (`checkRawData`'s rule, SPEC §3 "Aliases and
 * layouts"): `'mnn'` (M, N, N) or `'nnm'` (N, N, M) as asked; with `'auto'`, square patterns on the
 * last two axes are (M, N, N), else square patterns on the first two are (N, N, M) (an (N, N, N)
 * cube reads as (M, N, N)). Undefined when the shape fits no reading (not rank 3, patterns not square).
 */
export function diffractionLayout(shape: readonly number[], asked: DiffractionLayout = 'auto'): { layout: 'mnn' | 'nnm'; M: number; N: number } | undefined {
  if (shape.length !== 3) return undefined;
  const [s0, s1, s2] = shape as [number, number, number];
  const mnn = s1 === s2, nnm = s0 === s1;
  const layout = asked === 'mnn' ? (mnn ? 'mnn' : undefined) : asked === 'nnm' ? (nnm ? 'nnm' : undefined) : mnn ? 'mnn' : nnm ? 'nnm' : undefined;
  if (layout === undefined) return undefined;
  return { layout, M: layout === 'nnm' ? s2 : s0, N: s1 };
}
