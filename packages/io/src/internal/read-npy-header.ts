import { InputError } from '../errors.js';
import { DescrError, MAX_HEADER_BYTES, NPY_MAGIC, parseHeaderDict, shapeRepr, type NpyHeader } from './npy-format.js';

/** Where an NPY's bytes came from, for messages, and the size cap (SPEC §2 "Safety"). */
export interface NpyHeaderContext {
  readonly file?: string;
  readonly key?: string;
  readonly maxBytes: number;
}

/** A decoded NPY preamble: the header dict, where the payload starts and how long it must be. */
export interface NpyPreamble {
  readonly header: NpyHeader;
  /** Byte offset of the payload (magic + length field + header text). */
  readonly dataOffset: number;
  /** `product(shape) × itemsize`, as the header declares it (checked ≤ maxBytes). */
  readonly payloadBytes: number;
  /** `shape (3, 4) '<f8'` text for messages. */
  readonly what: string;
}

/**
 * Bytes needed before {@link readNpyPreamble} can decide: the length of the preamble when `prefix`
 * holds the magic and the header-length field, else the bytes needed to read them (10 or 12).
 * Lets a streaming reader (an inflating NPZ member) check the header before allocating the payload.
 */
export function npyPreambleLength(prefix: Uint8Array): number {
  if (prefix.length < 8) return 10;
  const major = prefix[6]!;
  const fixed = major === 1 ? 10 : 12;
  if (prefix.length < fixed) return fixed;
  const dv = new DataView(prefix.buffer, prefix.byteOffset, fixed);
  const len = major === 1 ? dv.getUint16(8, true) : dv.getUint32(8, true);
  return fixed + Math.min(len, MAX_HEADER_BYTES + 1);
}

/**
 * Decode and check an NPY preamble (NEP 1: magic, version, header length, header dict) from the
 * first bytes of a file, without touching the payload: the declared payload `product(shape) ×
 * itemsize` is checked against `ctx.maxBytes` here, before anyone allocates it.
 *
 * @throws InputError (naming file and key) for bad magic, unsupported version, an over-long or
 *   truncated header, a malformed dict, a refused dtype, or a declared size above the cap.
 */
export function readNpyPreamble(bytes: Uint8Array, ctx: NpyHeaderContext): NpyPreamble {
  const { file, key, maxBytes } = ctx;
  const bad = (msg: string, expected?: string, actual?: string): InputError => new InputError(msg, { file, key, expected, actual });
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
  let header: NpyHeader;
  try {
    header = parseHeaderDict(text.trimEnd());
  } catch (e) {
    if (e instanceof DescrError) throw bad(e.message);
    if (e instanceof SyntaxError) throw bad(`malformed NPY header: ${e.message}`);
    throw e;
  }
  const size = header.shape.reduce((p, d) => p * d, 1);
  const payloadBytes = size * header.descr.storedItemSize;
  const what = `shape ${shapeRepr(header.shape)} '${header.descrText}'${header.fortranOrder ? ' (Fortran order)' : ''}`;
  if (!(payloadBytes <= maxBytes)) {
    throw bad(`array too large: ${what} declares ${payloadBytes} bytes`, `at most maxBytes = ${maxBytes} bytes`, `${payloadBytes} bytes`);
  }
  return { header, dataOffset, payloadBytes, what };
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');
}
