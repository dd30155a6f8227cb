import { InputError } from './errors.js';
import { dtypeInfo } from './dtype-info.js';
import { byteswapInPlace, copyBytes, fortranToC, halfToFloat32 } from './internal/byte-ops.js';
import { HOST_LITTLE_ENDIAN } from './internal/npy-format.js';
import { readNpyPreamble } from './internal/read-npy-header.js';
import type { NdArray, NdData } from './types.js';

/** Default cap on the bytes an array may declare: 8 GiB. */
export const DEFAULT_MAX_BYTES = 8 * 1024 ** 3;

/** Options of {@link parseNpy}. */
export interface ParseNpyOptions {
  /** Refuse arrays whose header declares more than this many payload bytes (default 8 GiB). */
  readonly maxBytes?: number;
  /** File name for error messages only. */
  readonly file?: string;
  /** Array key (NPZ member) for error messages only. */
  readonly key?: string;
  /**
   * Always copy the payload. By default a native little-endian, C-ordered payload whose offset is
   * aligned to the element size is returned as a typed-array view on `bytes.buffer` (no copy), so
   * writes to either are shared.
   */
  readonly copy?: boolean;
}

/**
 * Parse one NPY file (format 1.0, 2.0 or 3.0) into a C-ordered, little-endian `NdArray` (SPEC §2–§3).
 *
 * - dtypes `f4 f8 c8 c16 i1 i2 i4 i8 u1 u2 u4 u8 b1` in either byte order (big-endian is swapped),
 *   `f2` (converted to `f4`), and `U`/`S` strings (see `StringDType`).
 * - Fortran-ordered arrays are transposed to C order; 0-d scalars get shape `[]`.
 * - Object, structured and other dtypes are refused with an `InputError`; the header is read by a
 *   strict literal parser, never evaluated.
 * - The payload must be exactly `product(shape) × itemsize` bytes, and at most `maxBytes`.
 *
 * @throws InputError naming `file`/`key`, expected and actual sizes.
 */
export function parseNpy(bytes: Uint8Array, opts: ParseNpyOptions = {}): NdArray {
  const { file, key } = opts;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const bad = (msg: string, expected?: string, actual?: string): InputError =>
    new InputError(msg, { file, key, expected, actual });
  if (!HOST_LITTLE_ENDIAN) throw new Error('parseNpy: big-endian hosts are not supported');

  const { header: h, dataOffset, payloadBytes: declared, what } = readNpyPreamble(bytes, { file, key, maxBytes });
  const { descr, shape } = h;
  const size = shape.reduce((p, d) => p * d, 1);
  const payloadLen = bytes.length - dataOffset;
  if (payloadLen !== declared) {
    throw bad(`payload length does not match the header (${what})`, `${declared} bytes of data`, `${payloadLen} bytes`);
  }

  const info = dtypeInfo(descr.dtype);
  const lanes = size * info.lanes * descr.width;
  const transpose = h.fortranOrder && shape.filter((d) => d > 1).length > 1;
  const offset = bytes.byteOffset + dataOffset;
  let payload = bytes.subarray(dataOffset);
  let data: NdData;
  if (!descr.bigEndian && !descr.half && !transpose && !opts.copy && offset % info.laneBytes === 0) {
    data = info.create(bytes.buffer, offset, lanes); // zero-copy view
  } else {
    if (transpose) payload = fortranToC(payload, shape, descr.storedItemSize);
    else payload = copyBytes(payload);
    if (descr.bigEndian) byteswapInPlace(payload, descr.swapUnit);
    data = descr.half
      ? halfToFloat32(new Uint16Array(payload.buffer, payload.byteOffset, size))
      : info.create(payload.buffer, payload.byteOffset, lanes);
  }
  return { dtype: descr.dtype, shape, data, storedDescr: h.descrText };
}
