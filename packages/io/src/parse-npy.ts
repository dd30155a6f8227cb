import { InputError } from './errors.js';
import { dtypeInfo } from './dtype-info.js';
import { byteswapInPlace, copyBytes, fortranToC, halfToFloat32 } from './internal/byte-ops.js';
import { DescrError, HOST_LITTLE_ENDIAN, MAX_HEADER_BYTES, NPY_MAGIC, parseHeaderDict, shapeRepr, type NpyHeader } from './internal/npy-format.js';
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

  if (bytes.length < 10 || NPY_MAGIC.some((m, i) => bytes[i] !== m)) {
    throw bad('not an NPY file (bad magic)', "bytes starting '\\x93NUMPY'", `${bytes.length} bytes starting ${hex(bytes.subarray(0, 6))}`);
  }
  const major = bytes[6]!, minor = bytes[7]!;
  if (major < 1 || major > 3 || minor !== 0) throw bad('unsupported NPY format version', '1.0, 2.0 or 3.0', `${major}.${minor}`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let headerStart: number, headerLen: number;
  if (major === 1) { headerStart = 10; headerLen = dv.getUint16(8, true); }
  else {
    if (bytes.length < 12) throw bad('truncated NPY header', '≥ 12 bytes', `${bytes.length} bytes`);
    headerStart = 12; headerLen = dv.getUint32(8, true);
  }
  if (headerLen > MAX_HEADER_BYTES) throw bad('NPY header too long', `≤ ${MAX_HEADER_BYTES} bytes`, `${headerLen} bytes`);
  const dataOffset = headerStart + headerLen;
  if (dataOffset > bytes.length) throw bad('truncated NPY header', `${dataOffset} header bytes`, `${bytes.length} bytes in all`);
  const headerBytes = bytes.subarray(headerStart, dataOffset);
  const text = major === 3 ? new TextDecoder('utf-8', { fatal: false }).decode(headerBytes) : latin1(headerBytes);

  let h: NpyHeader;
  try {
    h = parseHeaderDict(text.trimEnd());
  } catch (e) {
    if (e instanceof DescrError) throw bad(e.message);
    throw bad(`malformed NPY header: ${(e as Error).message}`);
  }
  const { descr, shape } = h;
  const size = shape.reduce((p, d) => p * d, 1);
  const declared = size * descr.storedItemSize;
  const what = `shape ${shapeRepr(shape)} '${h.descrText}'${h.fortranOrder ? ' (Fortran order)' : ''}`;
  if (!(declared <= maxBytes)) throw bad(`array too large: ${what} declares ${declared} bytes`, `at most maxBytes = ${maxBytes} bytes`, `${declared} bytes`);
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
  return { dtype: descr.dtype, shape, data };
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');
}
