/**
 * A minimal ZIP reader for NPZ files: central directory (with ZIP64), stored and deflated members.
 * Sizes come from the central directory; nothing here allocates from a declared size.
 */

/** One member as described by the central directory. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** Raised on a malformed archive; the caller converts it to an InputError naming the file. */
export class ZipFormatError extends Error {}

/**
 * Random access to the archive's bytes: an in-memory buffer (views) or a file (positional reads
 * into fresh, aligned buffers). `read` returns exactly `length` bytes or throws ZipFormatError.
 */
export interface ByteSource {
  readonly length: number;
  read(offset: number, length: number): Uint8Array;
}

/** A ByteSource over bytes in memory (subarray views, no copies). */
export function memorySource(b: Uint8Array): ByteSource {
  return {
    length: b.length,
    read(offset, length) {
      if (offset < 0 || offset + length > b.length) throw new ZipFormatError(`needs bytes ${offset}..${offset + length} but the file has ${b.length} (truncated?)`);
      return b.subarray(offset, offset + length);
    },
  };
}

const SIG_EOCD = 0x06054b50, SIG_Z64_LOC = 0x07064b50, SIG_Z64_EOCD = 0x06064b50;
const SIG_CEN = 0x02014b50, SIG_LOC = 0x04034b50;

/** List the members of the archive in `b`. */
export function readZipDirectory(src: ByteSource): ZipEntry[] {
  const n = src.length;
  if (n < 22) throw new ZipFormatError(`too short for a zip archive (${n} bytes; truncated?)`);
  // The tail holds the end record (≤ 65 535-byte comment) and, before it, the ZIP64 locator and record.
  const tailStart = Math.max(0, n - (22 + 65535 + 20 + 56));
  const tail = src.read(tailStart, n - tailStart);
  const tv = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tv.getUint32(i, true) === SIG_EOCD && i + 22 + tv.getUint16(i + 20, true) === tail.length) { eocd = i; break; }
  }
  if (eocd < 0 || eocd + tailStart < Math.max(0, n - 22 - 65535)) {
    const isZip = src.read(0, 4).every((v, i) => v === [0x50, 0x4b, 0x03, 0x04][i]);
    throw new ZipFormatError(isZip ? 'zip end-of-central-directory record not found (file truncated?)' : 'not a zip archive (no NPZ signature)');
  }
  const dv = tv;
  let count: number = dv.getUint16(eocd + 10, true);
  let cdSize: number = dv.getUint32(eocd + 12, true);
  let cdOffset: number = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || dv.getUint32(loc, true) !== SIG_Z64_LOC) throw new ZipFormatError('ZIP64 locator missing');
    const zAbs = u64(dv, loc + 8);
    if (zAbs + 56 > n) throw new ZipFormatError('ZIP64 end-of-central-directory record missing (file truncated?)');
    const zb = src.read(zAbs, 56);
    const zv = new DataView(zb.buffer, zb.byteOffset, 56);
    if (zv.getUint32(0, true) !== SIG_Z64_EOCD) throw new ZipFormatError('ZIP64 end-of-central-directory record missing (file truncated?)');
    count = u64(zv, 32);
    cdSize = u64(zv, 40);
    cdOffset = u64(zv, 48);
  }
  if (cdOffset + cdSize > n) throw new ZipFormatError(`central directory (offset ${cdOffset}, ${cdSize} bytes) lies beyond the end of the file (${n} bytes; truncated?)`);
  const b = src.read(cdOffset, cdSize);
  const cv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const entries: ZipEntry[] = [];
  let p = 0;
  const end = cdSize;
  for (let k = 0; k < count; k++) {
    if (p + 46 > end || cv.getUint32(p, true) !== SIG_CEN) throw new ZipFormatError(`bad central directory entry ${k}`);
    const flags = cv.getUint16(p + 8, true), method = cv.getUint16(p + 10, true), crc = cv.getUint32(p + 16, true);
    let compressedSize: number = cv.getUint32(p + 20, true), uncompressedSize: number = cv.getUint32(p + 24, true);
    const nameLen = cv.getUint16(p + 28, true), extraLen = cv.getUint16(p + 30, true), commentLen = cv.getUint16(p + 32, true);
    let localHeaderOffset: number = cv.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen + commentLen > end) throw new ZipFormatError(`central directory entry ${k} overruns the directory`);
    const nameBytes = b.subarray(p + 46, p + 46 + nameLen);
    const name = flags & 0x800 ? new TextDecoder().decode(nameBytes) : String.fromCharCode(...nameBytes);
    // ZIP64 extended information: only the fields saturated in the fixed record are present, in order.
    let e = p + 46 + nameLen;
    const eEnd = e + extraLen;
    while (e + 4 <= eEnd) {
      const id = cv.getUint16(e, true), len = cv.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        const take = (): number => { if (q + 8 > e + 4 + len) throw new ZipFormatError(`bad ZIP64 extra field for '${name}'`); const v = u64(cv, q); q += 8; return v; };
        if (uncompressedSize === 0xffffffff) uncompressedSize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
      }
      e += 4 + len;
    }
    entries.push({ name, method, flags, crc, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The stored (possibly compressed) bytes of `entry`, read from `src`. */
export function memberBytes(src: ByteSource, entry: ZipEntry): Uint8Array {
  const o = entry.localHeaderOffset;
  if (o + 30 > src.length) throw new ZipFormatError(`local header of '${entry.name}' lies beyond the end of the file (truncated?)`);
  const h = src.read(o, 30);
  const dv = new DataView(h.buffer, h.byteOffset, 30);
  if (dv.getUint32(0, true) !== SIG_LOC) throw new ZipFormatError(`local header of '${entry.name}' missing`);
  const start = o + 30 + dv.getUint16(26, true) + dv.getUint16(28, true);
  const stop = start + entry.compressedSize;
  if (stop > src.length) throw new ZipFormatError(`member '${entry.name}' needs bytes ${start}..${stop} but the file has ${src.length} (truncated?)`);
  return src.read(start, entry.compressedSize);
}

function u64(dv: DataView, o: number): number {
  const v = dv.getUint32(o, true) + dv.getUint32(o + 4, true) * 2 ** 32;
  if (!Number.isSafeInteger(v)) throw new ZipFormatError('ZIP64 size or offset out of range');
  return v;
}
