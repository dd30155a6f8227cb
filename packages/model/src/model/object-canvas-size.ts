import { InputError } from '@ptychojs/io';

/**
 * Side of the object.big canvas (SPEC §3 "Model I/O"): `N + 2·⌈max |coords_relative|⌉` over the
 * dataset, rounded up to even, so every group's C patches fit whole (unlike PtychoPINN's fixed
 * `N + (g−1)·4 + 10`). The one canvas-size rule: the pipeline sizes the training canvas with it
 * and stores the result in the run directory.
 *
 * @shape coordsRelative (B, 1, 2, C) float, any layout: only the maximum magnitude matters
 * @throws InputError when N is not a positive integer or a coordinate is not finite
 */
export function objectCanvasSize(N: number, coordsRelative: ArrayLike<number>): number {
  if (!Number.isInteger(N) || N < 1) throw new InputError('N must be a positive integer', { key: 'N', expected: 'integer ≥ 1', actual: String(N) });
  let m = 0;
  for (let i = 0; i < coordsRelative.length; i++) {
    const a = Math.abs(coordsRelative[i]!);
    if (!Number.isFinite(a)) {
      throw new InputError('coords_relative must be finite', { key: 'coordsRelative', expected: 'finite numbers', actual: `${coordsRelative[i]} at index ${i}` });
    }
    if (a > m) m = a;
  }
  const side = N + 2 * Math.ceil(m);
  return side % 2 === 0 ? side : side + 1;
}
