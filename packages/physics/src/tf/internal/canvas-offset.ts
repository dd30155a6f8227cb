import { InputError } from '@ptychojs/io';

/** `(S − N)/2`, the integer offset of a centred N×N window in an S×S canvas; S ≥ N, S − N even. */
export function canvasOffset(S: number, N: number, key: string): number {
  if (!Number.isInteger(S) || !Number.isInteger(N) || N < 1 || S < N || (S - N) % 2 !== 0) {
    throw new InputError('canvas side S and patch side N must satisfy S ≥ N ≥ 1 with S − N even', {
      key,
      expected: 'S ≥ N, S − N even',
      actual: `S=${S}, N=${N}`,
    });
  }
  return (S - N) / 2;
}
