import fs from 'node:fs';
import { InputError } from '../errors.js';
import { ndarray } from '../ndarray.js';
import { parseNpy } from '../parse-npy.js';
import { toFloat64Array } from '../to-float64-array.js';
import type { NdArray } from '../types.js';
import { fsInputError } from './fs-input-error.js';
import { openContainerFile } from './open-container-file.js';

/** Where masks are found in containers, in order; the CXI one is a bit field (0x1 = invalid). */
const MASK_PATHS = ['bad_pixels', '/bad_pixels', 'mask', '/mask', '/entry_1/instrument_1/detector_1/mask'];

/**
 * A bad-pixel mask from a file (`--mask FILE`): an NPY array, an NPZ or HDF5 file's `bad_pixels`
 * or `mask` (or its only 2-D array), or a CXI detector mask (bit 0x1 = invalid). Nonzero / true =
 * the pixel is not measured (ptychodus's `bad_pixels` convention).
 *
 * @returns the mask (H, W) as `b1`, and where in the file it was found
 * @throws InputError naming the file when no 2-D mask is found
 */
export async function readMaskFile(file: string): Promise<{ mask: NdArray; from: string }> {
  let head: Buffer;
  try {
    head = Buffer.alloc(6);
    const fd = fs.openSync(file, 'r');
    try { fs.readSync(fd, head, 0, 6, 0); } finally { fs.closeSync(fd); }
  } catch (e) {
    throw fsInputError(e, file);
  }
  if (head[0] === 0x93 && head.subarray(1, 6).toString('latin1') === 'NUMPY') {
    return { mask: asBool(parseNpy(new Uint8Array(fs.readFileSync(file)), { file }), file, file), from: file };
  }
  const c = await openContainerFile(file);
  try {
    const path = MASK_PATHS.find((p) => c.entry(p)?.shape.length === 2) ?? (() => { const two = c.list().filter((e) => e.shape.length === 2); return two.length === 1 ? two[0]!.path : undefined; })();
    if (!path) throw new InputError('no bad-pixel mask in the file', { file, expected: `a 2-D array named ${MASK_PATHS.join(', ')} (or the only 2-D array)`, actual: c.list().map((e) => `${e.path} (${e.shape.join(', ')})`).join(', ') || 'no arrays' });
    const a = c.read(path);
    if (path.endsWith('detector_1/mask')) {
      const v = toFloat64Array(a);
      return { mask: ndarray('b1', a.shape, Uint8Array.from(v, (x) => ((x & 1) !== 0 ? 1 : 0))), from: `${file}:${path} (bit 0x1)` };
    }
    return { mask: asBool(a, file, path), from: `${file}:${path}` };
  } finally {
    c.close();
  }
}

function asBool(a: NdArray, file: string, key: string): NdArray {
  if (a.shape.length !== 2 || a.dtype === 'U' || a.dtype === 'S' || a.dtype === 'c8' || a.dtype === 'c16') {
    throw new InputError('not a 2-D mask', { file, key, expected: '(H, W) bool or integers, nonzero = not measured', actual: `(${a.shape.join(', ')}) ${a.dtype}` });
  }
  const v = toFloat64Array(a);
  return ndarray('b1', a.shape, Uint8Array.from(v, (x) => (x !== 0 ? 1 : 0)));
}
