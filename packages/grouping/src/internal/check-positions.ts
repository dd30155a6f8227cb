import { InputError } from '@ptychojs/io';

/**
 * Checks that `xs` and `ys` are equally long and finite; returns their length M.
 * @shape xs (M,) float
 * @shape ys (M,) float
 */
export function checkPositions(xs: ArrayLike<number>, ys: ArrayLike<number>, what = 'positions'): number {
  if (xs.length !== ys.length) {
    throw new InputError(`${what}: x and y coordinates differ in length`, { key: 'ycoords', expected: `(${xs.length},)`, actual: `(${ys.length},)` });
  }
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i]!) || !Number.isFinite(ys[i]!)) {
      throw new InputError(`${what}: coordinate ${i} is not finite`, { key: Number.isFinite(xs[i]!) ? 'ycoords' : 'xcoords', expected: 'finite numbers', actual: `(${xs[i]}, ${ys[i]})` });
    }
  }
  return xs.length;
}

/** Throws an `InputError` unless `value` is an integer ≥ `min`. */
export function checkInteger(value: number, min: number, key: string): void {
  if (!Number.isInteger(value) || value < min) {
    throw new InputError(`${key} must be an integer ≥ ${min}`, { key, expected: `integer ≥ ${min}`, actual: String(value) });
  }
}
