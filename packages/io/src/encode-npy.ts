import { dtypeInfo } from './dtype-info.js';
import { byteswapInPlace, fortranToC } from './internal/byte-ops.js';
import { HOST_LITTLE_ENDIAN, NPY_MAGIC, shapeRepr } from './internal/npy-format.js';
import type { NdArray } from './types.js';
import { ndarray } from './ndarray.js';

/** Options of {@link encodeNpy}. */
export interface EncodeNpyOptions {
  /** NPY format version; default 1.0, or 2.0 when the header does not fit 1.0. */
  readonly version?: 1 | 2 | 3;
  /** Write the payload in Fortran (column-major) order (default false: C order). */
  readonly fortranOrder?: boolean;
  /** Write big-endian (default false: little-endian, as numpy does on x86/ARM). */
  readonly bigEndian?: boolean;
}

/**
 * Encode an `NdArray` as an NPY file that `numpy.load` reads back exactly (SPEC §2–§3).
 * The header is padded so the payload starts at a multiple of 64 bytes, as numpy does.
 */
export function encodeNpy(a: NdArray, opts: EncodeNpyOptions = {}): Uint8Array {
  if (!HOST_LITTLE_ENDIAN) throw new Error('encodeNpy: big-endian hosts are not supported');
  const { header, payloadBytes } = npyHeader(a, opts);
  const out = new Uint8Array(header.length + payloadBytes);
  out.set(header, 0);
  writeNpyPayload(a, opts, out.subarray(header.length));
  return out;
}

/** @internal The header bytes (magic … '\n') and payload size for `a`; validates `a`. */
export function npyHeader(a: NdArray, opts: EncodeNpyOptions = {}): { header: Uint8Array; payloadBytes: number } {
  ndarray(a.dtype, a.shape, a.data); // validation
  const info = dtypeInfo(a.dtype);
  const size = a.shape.reduce((p, d) => p * d, 1);
  const width = info.kind === 'string' ? (size > 0 ? a.data.length / size : 1) : 1;
  return { header: encodeNpyHeader(a.dtype, a.shape, { ...opts, width }), payloadBytes: size * info.itemSize * width };
}

/**
 * The NPY header (magic … '\n', padded so the payload starts at a multiple of 64 bytes) of an
 * array of `dtype` and `shape`, without the array: for writers that stream the payload after it
 * (a file larger than memory). `width` is the string width of `U`/`S` dtypes.
 */
export function encodeNpyHeader(dtype: NdArray['dtype'], shape: readonly number[], opts: EncodeNpyOptions & { readonly width?: number } = {}): Uint8Array {
  const info = dtypeInfo(dtype);
  const order = info.itemSize === 1 && info.kind !== 'string' ? '|' : dtype === 'S' ? '|' : opts.bigEndian ? '>' : '<';
  const descr = dtype === 'U' || dtype === 'S' ? `${order}${dtype}${opts.width ?? 1}` : `${order}${dtype}`;
  const dict = `{'descr': '${descr}', 'fortran_order': ${opts.fortranOrder ? 'True' : 'False'}, 'shape': ${shapeRepr(shape)}, }`;
  const version = opts.version ?? (dict.length + 11 > 65535 ? 2 : 1);
  const pre = version === 1 ? 10 : 12;
  const total = Math.ceil((pre + dict.length + 1) / 64) * 64;
  const text = dict + ' '.repeat(total - pre - dict.length - 1) + '\n';
  const header = new Uint8Array(total);
  header.set(NPY_MAGIC, 0);
  header[6] = version; header[7] = 0;
  const dv = new DataView(header.buffer);
  if (version === 1) {
    if (text.length > 65535) throw new RangeError('encodeNpy: header too long for NPY version 1.0');
    dv.setUint16(8, text.length, true);
  } else dv.setUint32(8, text.length, true);
  for (let i = 0; i < text.length; i++) header[pre + i] = text.charCodeAt(i); // ASCII only
  return header;
}

/** @internal Write the payload of `a` into `out` (exactly its byte size) in the requested layout. */
function writeNpyPayload(a: NdArray, opts: EncodeNpyOptions, out: Uint8Array): void {
  const info = dtypeInfo(a.dtype);
  let src = new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength);
  const size = a.shape.reduce((p, d) => p * d, 1);
  if (opts.fortranOrder && a.shape.filter((d) => d > 1).length > 1) {
    src = fortranToC(src, [...a.shape].reverse(), size > 0 ? src.length / size : 1);
  }
  out.set(src);
  if (opts.bigEndian && a.dtype !== 'S') byteswapInPlace(out, info.laneBytes);
}
