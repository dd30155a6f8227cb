import { InputError } from '@ptychojs/io';

/**
 * Throws unless X and the ground-truth patches Y have the same (B, N, N, C) shape (SPEC §3:
 * "Mismatched channel counts between X and ground-truth patches SHALL raise").
 *
 * @shape xShape (B, N, N, C)
 * @shape yShape (B, N, N, C)
 */
export function assertSameChannels(xShape: readonly number[], yShape: readonly number[]): void {
  const fmt = (s: readonly number[]): string => `(${s.join(', ')})`;
  if (xShape.length !== 4 || yShape.length !== 4) {
    throw new InputError('X and Y must both be channel-last (B, N, N, C)', { key: 'Y', expected: `rank 4 like X ${fmt(xShape)}`, actual: fmt(yShape) });
  }
  if (xShape[3] !== yShape[3]) {
    throw new InputError(`X has ${xShape[3]} channels but the ground-truth patches have ${yShape[3]}`, { key: 'Y', expected: `C = ${xShape[3]}, shape ${fmt(xShape)}`, actual: fmt(yShape) });
  }
  if (xShape.some((d, i) => d !== yShape[i])) {
    throw new InputError('X and the ground-truth patches Y differ in shape', { key: 'Y', expected: fmt(xShape), actual: fmt(yShape) });
  }
}
