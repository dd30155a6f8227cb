import { InputError } from '../errors.js';
import { toFloat64Array } from '../to-float64-array.js';
import { toStrings } from '../to-strings.js';
import type { NdArray } from '../types.js';
import type { ScanContainer } from './scan-container.js';

/** Typed look-ups in a container with messages naming file and path ({@link containerFields}). */
export interface ContainerFields {
  /** The array at `path`, or undefined when absent. */
  array(path: string): NdArray | undefined;
  /** A number stored as a scalar dataset (or 1-element array) or, with `attr`, as an attribute of `path`. */
  number(path: string, attr?: string): number | undefined;
  /** Like `number`, but required. */
  requireNumber(path: string, attr?: string, expected?: string): number;
  /** A real vector (any real dtype) as float64. */
  vector(path: string): Float64Array | undefined;
  /** A string dataset or attribute. */
  string(path: string, attr?: string): string | undefined;
}

/** Look-ups of numbers, vectors and strings in `c` that refuse what is not one (InputError naming file and path). */
export function containerFields(c: ScanContainer): ContainerFields {
  const where = (path: string, attr?: string): string => (attr ? `${path}@${attr}` : path);
  const raw = (path: string, attr?: string): NdArray | undefined => (attr ? c.attr(path, attr) : c.entry(path) ? c.read(path) : undefined);
  const number = (path: string, attr?: string): number | undefined => {
    const a = raw(path, attr);
    if (a === undefined) return undefined;
    if (a.dtype === 'U' || a.dtype === 'S' || a.dtype === 'c8' || a.dtype === 'c16' || a.shape.reduce((p, d) => p * d, 1) !== 1) {
      throw new InputError('expected one real number', { file: c.file, key: where(path, attr), expected: 'a scalar', actual: `shape (${a.shape.join(', ')}) ${a.dtype}` });
    }
    return toFloat64Array(a)[0]!;
  };
  return {
    array: (path) => (c.entry(path) ? c.read(path) : undefined),
    number,
    requireNumber(path, attr, expected = 'a number') {
      const v = number(path, attr);
      if (v === undefined) throw new InputError('missing required field', { file: c.file, key: where(path, attr), expected, actual: 'absent' });
      return v;
    },
    vector(path) {
      const a = c.entry(path) ? c.read(path) : undefined;
      if (a === undefined) return undefined;
      if (a.dtype === 'U' || a.dtype === 'S' || a.dtype === 'c8' || a.dtype === 'c16') {
        throw new InputError('expected real numbers', { file: c.file, key: path, expected: 'a real vector', actual: a.dtype });
      }
      return toFloat64Array(a);
    },
    string(path, attr) {
      const a = raw(path, attr);
      if (a === undefined) return undefined;
      if (a.dtype !== 'U' && a.dtype !== 'S') return undefined;
      return toStrings(a)[0];
    },
  };
}
