import { fromComplexArray } from './from-complex-array.js';
import { ndarray } from './ndarray.js';
import { stringArray } from './string-array.js';
import type { NdArray, RawData } from './types.js';

/**
 * The arrays of a raw NPZ for `RawData` (SPEC §3), ready for `encodeNpz`: coordinates `f8`,
 * `diff3d (M, N, N) f4`, `probeGuess`/`objectGuess` `c8`, `scan_index` `i8` (numpy's default int),
 * `_metadata` as a 0-d unicode JSON string (like `np.array(json.dumps(d))`). Numeric arrays share
 * the `RawData` buffers where the type already matches.
 */
export function rawDataToArrays(raw: RawData): Record<string, NdArray> {
  const { M, N } = raw;
  const out: Record<string, NdArray> = {
    xcoords: ndarray('f8', [M], raw.xcoords),
    ycoords: ndarray('f8', [M], raw.ycoords),
    xcoords_start: ndarray('f8', [M], raw.xcoordsStart),
    ycoords_start: ndarray('f8', [M], raw.ycoordsStart),
    diff3d: ndarray('f4', [M, N, N], raw.diff3d),
    probeGuess: fromComplexArray(raw.probeGuess),
  };
  if (raw.objectGuess) out.objectGuess = fromComplexArray(raw.objectGuess);
  out.scan_index = ndarray('i8', [M], BigInt64Array.from(raw.scanIndex, (v) => BigInt(v)));
  if (raw.metadata) out._metadata = stringArray(JSON.stringify(raw.metadata));
  return out;
}
