import { InputError } from '@ptychojs/io';

/** Throws an InputError unless H and W are positive safe integers. */
export function checkObjectSize(H: number, W: number, who: string): void {
  if (!Number.isSafeInteger(H) || !Number.isSafeInteger(W) || H < 1 || W < 1) {
    throw new InputError(`${who}: height and width must be positive integers, got ${H}×${W}`);
  }
}
