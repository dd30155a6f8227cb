import { InputError } from '../errors.js';

/**
 * `new Uint8Array(n)` for a size read from a file, after the caller checked it against the cap.
 * The runtime may still refuse (V8 caps one typed array at 2^32 bytes in Node 20; the machine may
 * lack the memory): that is the file being too large for this reader here, reported as an
 * `InputError` naming file and key, not an internal RangeError.
 */
export function allocateBytes(n: number, ctx: { readonly file?: string; readonly key?: string }): Uint8Array {
  try {
    return new Uint8Array(n);
  } catch (e) {
    if (e instanceof RangeError) {
      throw new InputError(`cannot hold this member in memory here (${e.message})`, { file: ctx.file, key: ctx.key, expected: 'an array this JavaScript runtime can allocate in one piece', actual: `${n} bytes` });
    }
    throw e;
  }
}
