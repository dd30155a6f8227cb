import { InputError } from '@ptychojs/io';

/** The InputError that `f` throws (a test fails when it throws something else or nothing). */
export function inputErrorOf(f: () => unknown): InputError {
  try { f(); } catch (e) { if (e instanceof InputError) return e; throw e; }
  throw new Error('expected an InputError');
}
