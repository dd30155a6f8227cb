import { InputError } from '@ptychojs/io';
import { defaultCentralSize } from './default-central-size.js';

/**
 * Validate the patch side N and the central crop side M (default {@link defaultCentralSize}).
 * M must be an integer in 1..N with N − M even, so the crop is centred on whole pixels and its
 * pixel (i', j') of the patch at (x, y) is the object point (y − M/2 + i', x − M/2 + j') (SPEC §3).
 */
export function resolveCentralSize(N: number, M?: number): number {
  if (!Number.isInteger(N) || N < 1) {
    throw new InputError('patch side N must be a positive integer', { key: 'N', expected: 'integer ≥ 1', actual: String(N) });
  }
  const m = M ?? defaultCentralSize(N);
  if (!Number.isInteger(m) || m < 1 || m > N || (N - m) % 2 !== 0) {
    throw new InputError('central crop side M must be an integer in 1..N with N − M even', {
      key: 'M',
      expected: `integer in 1..${N} with the parity of N = ${N}`,
      actual: String(m),
    });
  }
  return m;
}
