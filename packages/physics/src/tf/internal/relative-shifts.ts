import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';

/** Relative positions as a tensor, or its values on the host (row-major (B, 1, 2, C)). */
export type Coords = tf.Tensor | ArrayLike<number>;

/**
 * Split `coords_relative (B, 1, 2, C)` (axis 2 = [x, y], SPEC §3) into per-patch shifts
 * `rx, ry (B·C,)` on the host (C from the patches, or else from the coords), ordered b-major (index b·C + c). A tensor is read with
 * `dataSync()` (B·2·C numbers; on WebGPU in Node pass the host values instead).
 */
export function relativeShifts(coords: Coords, B: number, channels?: number): { rx: Float64Array; ry: Float64Array; C: number } {
  const isTensor = coords instanceof tf.Tensor;
  const shape = isTensor ? coords.shape : [coords.length];
  const C = channels ?? (isTensor ? (shape[3] ?? 0) : coords.length / (2 * B));
  const ok = isTensor ? shape.length === 4 && shape[0] === B && shape[1] === 1 && shape[2] === 2 && shape[3] === C : Number.isInteger(C) && C > 0 && coords.length === B * 2 * C;
  if (!ok) {
    throw new InputError('coords_relative must be (B, 1, 2, C) with axis 2 = [x, y]', { key: 'coordsRelative', expected: `(${B}, 1, 2, ${C})`, actual: JSON.stringify(shape) });
  }
  const v = isTensor ? coords.dataSync() : coords;
  const rx = new Float64Array(B * C);
  const ry = new Float64Array(B * C);
  for (let b = 0; b < B; b++) for (let c = 0; c < C; c++) {
    rx[b * C + c] = v[(b * 2 + 0) * C + c]!;
    ry[b * C + c] = v[(b * 2 + 1) * C + c]!;
    if (!Number.isFinite(rx[b * C + c]!) || !Number.isFinite(ry[b * C + c]!)) {
      throw new InputError('coords_relative must be finite', { key: 'coordsRelative', expected: 'finite numbers', actual: `${rx[b * C + c]}, ${ry[b * C + c]} at group ${b}, channel ${c}` });
    }
  }
  return { rx, ry, C };
}
