import type { FrameReader, RawData, ScanData } from './types.js';

/**
 * A scan in memory (`RawData`) as the frame-reading {@link ScanData} that inference takes: frames
 * served from `diff3d`, and the per-pattern energies Σ amplitude² computed from it (float64).
 */
export function scanDataFromRaw(raw: RawData): ScanData {
  const { M, N, diff3d } = raw;
  const nn = N * N;
  const patternEnergy = new Float64Array(M);
  for (let m = 0; m < M; m++) {
    let e = 0;
    for (let p = m * nn, end = p + nn; p < end; p++) e += diff3d[p]! * diff3d[p]!;
    patternEnergy[m] = e;
  }
  const frames: FrameReader = {
    M, N, access: 'memory', bytes: 4 * M * nn,
    read(start, end, out) {
      const v = diff3d.subarray(start * nn, end * nn);
      if (!out) return v.slice();
      out.set(v);
      return out;
    },
  };
  return { ...raw, frames, patternEnergy };
}
