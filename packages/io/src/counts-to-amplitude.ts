import { InputError } from './errors.js';
import type { ArrayContext } from './describe-array.js';

/**
 * Diffraction amplitude from detector counts: `amplitude = sqrt(counts)` (SPEC §3: `diff3d` is
 * the square root of the counts). Pure; the input is not modified.
 *
 * @shape counts (M, N, N) any real — photon counts (integers on a counting detector)
 * @returns (M, N, N) float32 amplitude
 * @throws InputError at the first negative or non-finite count (naming `ctx.file`/`ctx.key` and the flat index).
 */
export function countsToAmplitude(counts: ArrayLike<number>, ctx: ArrayContext = {}): Float32Array {
  const out = new Float32Array(counts.length);
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (!(c >= 0) || c === Infinity) {
      throw new InputError(`counts must be finite and ≥ 0 to take their square root (flat index ${i})`, { ...ctx, expected: 'counts ≥ 0', actual: String(c) });
    }
    out[i] = Math.sqrt(c);
  }
  return out;
}
