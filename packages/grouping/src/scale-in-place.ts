import { InputError } from '@ptychojs/io';

/**
 * `data ← α·data` (SPEC §3 "Normalization": X = α·diffraction); returns `data`.
 *
 * @shape data any, float32
 */
export function scaleInPlace(data: Float32Array, alpha: number): Float32Array {
  if (!Number.isFinite(alpha) || !(alpha > 0)) throw new InputError('normalization factor must be finite and > 0', { key: 'alpha', expected: 'α > 0', actual: String(alpha) });
  for (let i = 0; i < data.length; i++) data[i] = alpha * data[i]!;
  return data;
}
