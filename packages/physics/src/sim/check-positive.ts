import { InputError } from '@ptychojs/io';

/** Throws an InputError naming `key` unless `v` is finite and > 0 (or ≥ 0 with `allowZero`). */
export function checkPositive(v: number, key: string, allowZero = false): void {
  if (!Number.isFinite(v) || v < 0 || (!allowZero && v === 0)) {
    throw new InputError(`${key} must be finite and ${allowZero ? '≥ 0' : '> 0'}`, { key, expected: allowZero ? '≥ 0' : '> 0', actual: String(v) });
  }
}
