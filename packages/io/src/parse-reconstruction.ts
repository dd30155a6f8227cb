import { InputError, formatInputError } from './errors.js';
import { describeArray } from './describe-array.js';
import { toComplexArray } from './to-complex-array.js';
import { toFloat32Array } from './to-float32-array.js';
import { toFloat64Array } from './to-float64-array.js';
import type { NdArray, Reconstruction } from './types.js';

/**
 * Validate the arrays of a reconstruction NPZ (SPEC §3): `object (H, W)` complex, optional
 * `amplitude`/`phase (H, W)` real (computed from the object when absent), `canvasOrigin (2,)`
 * finite. NaN/Inf in the object is reported (count and first index).
 *
 * @throws InputError listing every problem, each naming `file`, key, expected and actual.
 */
export function parseReconstruction(arrays: Readonly<Record<string, NdArray>>, file: string): Reconstruction {
  const problems: string[] = [];
  const problem = (key: string, message: string, expected: string, actual: string): void => {
    problems.push(formatInputError(message, { file, key, expected, actual }));
  };
  const get = (key: string): NdArray | undefined => (Object.prototype.hasOwnProperty.call(arrays, key) ? arrays[key] : undefined);

  const o = get('object');
  let H = 0, W = 0;
  let ok = false;
  if (o === undefined) problem('object', 'missing required key', 'object (H, W) complex64', 'absent');
  else if (o.dtype !== 'c8' && o.dtype !== 'c16') problem('object', 'wrong dtype', '(H, W) complex64', describeArray(o));
  else if (o.shape.length !== 2) problem('object', 'wrong rank', '(H, W) complex64', describeArray(o));
  else {
    [H, W] = o.shape as [number, number];
    const d = o.data as Float32Array | Float64Array;
    let count = 0, first = -1;
    for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i]!)) { if (count === 0) first = i; count++; }
    if (count > 0) {
      const k = first >> 1;
      problem('object', `${count} NaN/Inf values, first at index (${Math.floor(k / W)}, ${k % W})`, 'finite values', `${count} non-finite`);
    }
    ok = true;
  }
  const plane = (key: 'amplitude' | 'phase'): Float32Array | undefined => {
    const a = get(key);
    if (a === undefined) return undefined;
    const want = ok ? `(${H}, ${W}) float32 like object` : '(H, W) float32';
    if (a.dtype !== 'f4' && a.dtype !== 'f8') { problem(key, 'wrong dtype', want, describeArray(a)); return undefined; }
    if (a.shape.length !== 2 || (ok && (a.shape[0] !== H || a.shape[1] !== W))) { problem(key, 'shape differs from object', want, describeArray(a)); return undefined; }
    return toFloat32Array(a);
  };
  const amplitude = plane('amplitude'), phase = plane('phase');
  const c = get('canvasOrigin');
  let origin: [number, number] | undefined;
  if (c === undefined) problem('canvasOrigin', 'missing required key', 'canvasOrigin (2,) float64 = [x0, y0]', 'absent');
  else if (c.dtype === 'c8' || c.dtype === 'c16' || c.dtype === 'U' || c.dtype === 'S' || c.shape.length !== 1 || c.shape[0] !== 2) {
    problem('canvasOrigin', 'wrong shape or dtype', '(2,) float64 = [x0, y0]', describeArray(c));
  } else {
    const v = toFloat64Array(c);
    if (!Number.isFinite(v[0]!) || !Number.isFinite(v[1]!)) problem('canvasOrigin', 'non-finite origin', 'finite [x0, y0]', `[${v[0]}, ${v[1]}]`);
    else origin = [v[0]!, v[1]!];
  }
  if (problems.length > 0 || !ok || !origin) {
    throw new InputError(`${problems.length} problem${problems.length === 1 ? '' : 's'} in reconstruction:\n  ${problems.join('\n  ')}`, { file }, problems);
  }
  const object = toComplexArray(o!);
  const n = H * W;
  let amp = amplitude, ph = phase;
  if (!amp || !ph) {
    amp ??= new Float32Array(n);
    ph ??= new Float32Array(n);
    const fillAmp = !amplitude, fillPh = !phase;
    for (let i = 0; i < n; i++) {
      if (fillAmp) amp[i] = Math.hypot(object.re[i]!, object.im[i]!);
      if (fillPh) ph[i] = Math.atan2(object.im[i]!, object.re[i]!);
    }
  }
  return { object, canvasOrigin: origin, amplitude: amp, phase: ph };
}
