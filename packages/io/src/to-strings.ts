import { InputError } from './errors.js';
import { describeArray, type ArrayContext } from './describe-array.js';
import type { NdArray } from './types.js';

/**
 * The elements of a string array (`'U'` or `'S'`, see `StringDType`) in C order, with numpy's
 * trailing NUL padding removed. `'U'` holds code points; `'S'` bytes are decoded as UTF-8.
 * A 0-d array (how numpy stores `np.array(json.dumps(d))`) gives one string.
 *
 * @throws InputError for numeric arrays or invalid code points.
 */
export function toStrings(a: NdArray, ctx: ArrayContext = {}): string[] {
  if (a.dtype !== 'U' && a.dtype !== 'S') {
    throw new InputError('expected a string array', { ...ctx, expected: "a '<U' or '|S' string dtype", actual: describeArray(a) });
  }
  const size = a.shape.reduce((p, d) => p * d, 1);
  if (size === 0) return [];
  const w = a.data.length / size;
  const out: string[] = [];
  if (a.dtype === 'U') {
    const d = a.data as Uint32Array;
    for (let k = 0; k < size; k++) {
      let end = (k + 1) * w;
      while (end > k * w && d[end - 1] === 0) end--;
      let s = '';
      for (let i = k * w; i < end; i++) {
        const cp = d[i]!;
        if (cp > 0x10ffff) throw new InputError('invalid unicode code point in string array', { ...ctx, actual: `0x${cp.toString(16)}` });
        s += String.fromCodePoint(cp);
      }
      out.push(s);
    }
  } else {
    const d = a.data as Uint8Array;
    const dec = new TextDecoder('utf-8');
    for (let k = 0; k < size; k++) {
      let end = (k + 1) * w;
      while (end > k * w && d[end - 1] === 0) end--;
      out.push(dec.decode(d.subarray(k * w, end)));
    }
  }
  return out;
}
