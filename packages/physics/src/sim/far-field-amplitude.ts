import type { ComplexArray } from '@ptychojs/io';
import { farFieldAmplitudeBatch } from './far-field-amplitude-batch.js';

/**
 * Noise-free diffraction amplitude of one scan position, SPEC §3 "Forward model":
 * `Ψ = P·O_patch`, `I = |FFT2(Ψ)|² / N²`, `A = sqrt(fftshift(I))`, zero frequency at (N/2, N/2).
 * Float64 arithmetic (radix-2 FFT), float32 result; N a power of two.
 *
 * @shape probe (N, N) complex
 * @shape patch (N, N) complex, the object patch (see `objectPatch`)
 * @returns (N, N) float32 amplitude
 */
export function farFieldAmplitude(probe: ComplexArray, patch: ComplexArray): Float32Array {
  const n = probe.shape[0]!;
  if (patch.shape.length !== 2 || patch.shape[0] !== n || patch.shape[1] !== n) {
    throw new RangeError(`farFieldAmplitude: patch shape (${patch.shape.join(', ')}) does not match the probe's (${n}, ${n})`);
  }
  return farFieldAmplitudeBatch(probe, { shape: [1, n, n], re: patch.re, im: patch.im });
}
