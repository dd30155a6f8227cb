import { describe, expect, it } from 'vitest';
import { groupedDiffraction } from './grouped-diffraction.js';

describe('groupedDiffraction', () => {
  it('gathers pattern nnIndices[b, c] into channel c of group b, channel-last', () => {
    const M = 5, N = 3, NN = N * N;
    const diff3d = Float32Array.from({ length: M * NN }, (_, t) => 100 * Math.floor(t / NN) + (t % NN)); // value = 100·k + pixel
    const nn = Int32Array.from([4, 0, 2, 2, 1, 3]); // B = 3, C = 2
    const out = groupedDiffraction(diff3d, nn, 2, N);
    expect(out.length).toBe(3 * NN * 2);
    for (let b = 0; b < 3; b++) for (let p = 0; p < NN; p++) for (let c = 0; c < 2; c++) {
      expect(out[(b * NN + p) * 2 + c]).toBe(100 * nn[b * 2 + c]! + p);
    }
  });

  it('raises on an index outside the scan and on sizes that do not fit N or C', () => {
    const diff3d = new Float32Array(2 * 4);
    expect(() => groupedDiffraction(diff3d, Int32Array.from([0, 2]), 2, 2)).toThrow(/nn_indices\[0, 1\] is out of range/);
    expect(() => groupedDiffraction(diff3d, Int32Array.from([0, -1]), 1, 2)).toThrow(/out of range/);
    expect(() => groupedDiffraction(new Float32Array(7), Int32Array.from([0]), 1, 2)).toThrow(/multiple of N²/);
    expect(() => groupedDiffraction(diff3d, Int32Array.from([0, 1, 1]), 2, 2)).toThrow(/multiple of C/);
  });
});
