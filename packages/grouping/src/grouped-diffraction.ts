import { InputError } from '@ptychojs/io';
import { checkInteger } from './internal/check-positions.js';

/**
 * Gathers each group's diffraction patterns into channel-last form (workflow step 2:
 * `diffraction (B, N, N, C)`): `out[b, i, j, c] = diff3d[nnIndices[b, c], i, j]`.
 *
 * @shape diff3d (M, N, N) float32 amplitude
 * @shape nnIndices (B, C) int32
 * @returns (B, N, N, C) float32
 */
export function groupedDiffraction(diff3d: Float32Array, nnIndices: Int32Array, C: number, N: number): Float32Array {
  checkInteger(N, 1, 'N');
  checkInteger(C, 1, 'C');
  const NN = N * N;
  if (diff3d.length % NN !== 0) throw new InputError('diff3d size is not a multiple of N²', { key: 'diff3d', expected: `(M, ${N}, ${N})`, actual: `${diff3d.length} values` });
  if (nnIndices.length % C !== 0) throw new InputError('nnIndices size is not a multiple of C', { key: 'nn_indices', expected: `(B, ${C})`, actual: `${nnIndices.length} values` });
  const M = diff3d.length / NN, B = nnIndices.length / C;
  const out = new Float32Array(B * NN * C);
  for (let b = 0; b < B; b++) {
    for (let c = 0; c < C; c++) {
      const k = nnIndices[b * C + c]!;
      if (!(k >= 0 && k < M)) throw new InputError(`nn_indices[${b}, ${c}] is out of range`, { key: 'nn_indices', expected: `0 ≤ index < ${M}`, actual: String(k) });
      const src = k * NN, dst = b * NN * C + c;
      for (let p = 0; p < NN; p++) out[dst + p * C] = diff3d[src + p]!;
    }
  }
  return out;
}
