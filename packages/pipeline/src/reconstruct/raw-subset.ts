import { InputError, type RawData } from '@ptychojs/io';

/**
 * The scan restricted to some of its positions (a half of the half-scan FRC, issue 17): positions,
 * start positions, scan index and diffraction patterns of `indices`, in that order; the probe,
 * objectGuess and metadata as they are. `source` names the subset.
 *
 * @throws InputError for an empty list or an index outside 0 … M − 1
 */
export function rawSubset(raw: RawData, indices: ArrayLike<number>, label = `${indices.length} of ${raw.M} positions`): RawData {
  const m = indices.length, nn = raw.N * raw.N;
  if (m === 0) throw new InputError('a scan subset needs at least one position', { file: raw.source, key: 'xcoords', expected: '≥ 1 index', actual: '0' });
  const pick = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
    const out = make(m);
    for (let i = 0; i < m; i++) out[i] = a[indices[i]!]!;
    return out;
  };
  const diff3d = new Float32Array(m * nn);
  for (let i = 0; i < m; i++) {
    const k = indices[i]!;
    if (!Number.isInteger(k) || k < 0 || k >= raw.M) throw new InputError('scan subset index out of range', { file: raw.source, key: 'xcoords', expected: `0 … ${raw.M - 1}`, actual: String(k) });
    diff3d.set(raw.diff3d.subarray(k * nn, (k + 1) * nn), i * nn);
  }
  const f64 = (n: number) => new Float64Array(n);
  return {
    ...raw, source: `${raw.source} (${label})`, M: m, diff3d,
    xcoords: pick(raw.xcoords, f64), ycoords: pick(raw.ycoords, f64), xcoordsStart: pick(raw.xcoordsStart, f64), ycoordsStart: pick(raw.ycoordsStart, f64),
    scanIndex: pick(raw.scanIndex, (n) => new Int32Array(n)),
  };
}
