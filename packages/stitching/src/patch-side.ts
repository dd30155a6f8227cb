import { InputError, type ComplexArray } from '@ptychojs/io';

/**
 * Patch side N of a patch stack shaped (B, N, N) or (B, N, N, 1), checked against B positions.
 * Internal helper of the one-shot functions.
 */
export function patchSide(patches: ComplexArray, B: number): number {
  const s = patches.shape;
  const ok = (s.length === 3 || (s.length === 4 && s[3] === 1)) && s[1] === s[2] && s[0] === B;
  const n = ok ? s[0]! * s[1]! * s[2]! : -1;
  if (!ok || patches.re.length !== n || patches.im.length !== n) {
    throw new InputError('patches must be (B, N, N) or (B, N, N, 1) with one scan position per patch', {
      key: 'patches',
      expected: `(${B}, N, N) complex with ${B} = number of positions`,
      actual: `(${s.join(', ')}) with re ${patches.re.length}, im ${patches.im.length} values`,
    });
  }
  return s[1]!;
}
