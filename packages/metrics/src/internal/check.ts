import { InputError } from '@ptychojs/io';
import type { Plane } from '../types.js';

/** Throws `InputError` unless H, W are positive integers and `data` holds H·W finite values. */
export function checkPlane(fn: string, name: string, data: Plane, H: number, W: number): void {
  if (!Number.isInteger(H) || !Number.isInteger(W) || H < 1 || W < 1) {
    throw new InputError(`${fn}: image size must be positive integers`, { key: name, expected: 'H ≥ 1, W ≥ 1 integers', actual: `H=${H}, W=${W}` });
  }
  if (!(data instanceof Float32Array || data instanceof Float64Array)) {
    throw new InputError(`${fn}: '${name}' must be a Float32Array or Float64Array`, { key: name, expected: 'Float32Array | Float64Array', actual: Object.prototype.toString.call(data) });
  }
  if (data.length !== H * W) {
    throw new InputError(`${fn}: '${name}' has the wrong length`, { key: name, expected: `${H}·${W} = ${H * W} values`, actual: `${data.length}` });
  }
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i]!)) {
      throw new InputError(`${fn}: '${name}' contains a non-finite value at pixel (${Math.floor(i / W)}, ${i % W})`, { key: name, expected: 'finite values', actual: String(data[i]) });
    }
  }
}

/** Copy to float64. */
export function toFloat64(x: Plane): Float64Array {
  return x instanceof Float64Array ? x : Float64Array.from(x);
}

/** max − min of a plane. */
export function valueRange(x: ArrayLike<number>): number {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < x.length; i++) { const v = x[i]!; if (v < lo) lo = v; if (v > hi) hi = v; }
  return hi - lo;
}

/** Resolve the data range L: the option if given, else the reference's max − min; must be finite and > 0. */
export function resolveDataRange(fn: string, reference: ArrayLike<number>, given: number | undefined): number {
  const L = given ?? valueRange(reference);
  if (!(L > 0) || !Number.isFinite(L)) {
    throw new InputError(
      given === undefined
        ? `${fn}: the reference image is constant (max − min = 0), so the data range L is undefined; pass options.dataRange`
        : `${fn}: options.dataRange must be finite and > 0`,
      { key: 'dataRange', expected: 'finite L > 0', actual: String(L) },
    );
  }
  return L;
}
