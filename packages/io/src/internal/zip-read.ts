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
  /** Length of the name in bytes as stored. */
  readonly nameLength: number;
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
    const z64 = zip64Extra(cv, p + 46 + nameLen, extraLen, name, [uncompressedSize, compressedSize, localHeaderOffset]);
    uncompressedSize = z64[0]!; compressedSize = z64[1]!; localHeaderOffset = z64[2]!;
    entries.push({ name, method, flags, crc, compressedSize, uncompressedSize, localHeaderOffset, nameLength: nameLen });
    p += 46 + nameLen + extraLen + commentLen;
  }
  for (const e of entries) {
    if (e.localHeaderOffset + 30 > n) throw new ZipFormatError(`local header of '${e.name}' at ${e.localHeaderOffset} lies beyond the end of the file (${n} bytes; truncated?)`);
  }
  checkNoOverlap(entries, cdOffset);
  return entries;
}

/**
 * Resolve the fields saturated at 0xffffffff from the ZIP64 extended-information extra field
 * (APPNOTE 4.5.3: present in order uncompressed, compressed, offset, only for saturated fields).
 * A saturated field without its ZIP64 value is a malformed header, not a 4 GiB size.
 */
function zip64Extra(dv: DataView, start: number, length: number, name: string, fields: readonly number[], local = false): number[] {
  const out = [...fields];
  const saturated = out.map((v) => v === 0xffffffff);
  let e = start;
  const end = start + length;
  let found = false;
  while (e + 4 <= end) {
    const id = dv.getUint16(e, true), len = dv.getUint16(e + 2, true);
    if (e + 4 + len > end) throw new ZipFormatError(`extra field of '${name}' overruns its header`);
    if (id === 0x0001 && !found) {
      found = true;
      let q = e + 4;
      // A local header's ZIP64 field holds both sizes whenever either is saturated (APPNOTE 4.5.3).
      const both = local && saturated.some(Boolean);
      for (let k = 0; k < out.length; k++) {
        if (both && len >= 16) { out[k] = u64(dv, q, name); q += 8; continue; }
        if (!saturated[k]) continue;
        if (q + 8 > e + 4 + len) throw new ZipFormatError(`ZIP64 extra field of '${name}' is too short for its saturated sizes`);
        out[k] = u64(dv, q, name);
        q += 8;
      }
    }
    e += 4 + len;
  }
  if (!found && saturated.some(Boolean)) throw new ZipFormatError(`'${name}' has a size or offset of 0xffffffff but no ZIP64 extra field (malformed header)`);
  return out;
}

/**
 * Members must not share bytes: each local header (30 bytes + name) and its data end before the
 * next member and the central directory begin. Overlapping members are how non-recursive zip
 * bombs reuse one compressed stream for thousands of entries.
 */
function checkNoOverlap(entries: readonly ZipEntry[], cdOffset: number): void {
  const order = entries.map((_, i) => i).sort((a, b) => entries[a]!.localHeaderOffset - entries[b]!.localHeaderOffset);
  for (let k = 0; k < order.length; k++) {
    const a = entries[order[k]!]!;
    const end = a.localHeaderOffset + 30 + a.nameLength + a.compressedSize;
    const next = k + 1 < order.length ? entries[order[k + 1]!]! : undefined;
    const limit = next ? next.localHeaderOffset : cdOffset;
    if (end > limit) {
      throw new ZipFormatError(next
        ? `members '${a.name}' and '${next.name}' overlap (bytes ${a.localHeaderOffset}..${end} and from ${next.localHeaderOffset}): entries sharing data are a zip-bomb construction`
        : `member '${a.name}' (bytes ${a.localHeaderOffset}..${end}) overlaps the central directory at ${cdOffset}`);
    }
  }
}

/**
 * Where the stored (possibly compressed) bytes of `entry` start, after checking its local header
 * against the central directory: signature, name, method and — unless sizes follow the data in a
 * data descriptor (flag bit 3) — both sizes (ZIP64 local extras resolved). Tools that trust the
 * local header (streaming unzippers) would read something else when these disagree, so a
 * disagreement is refused instead of silently resolved. Nothing is allocated from a size.
 */
export function memberDataStart(src: ByteSource, entry: ZipEntry): number {
  const o = entry.localHeaderOffset;
  if (o + 30 > src.length) throw new ZipFormatError(`local header of '${entry.name}' lies beyond the end of the file (truncated?)`);
  const h = src.read(o, 30);
  const dv = new DataView(h.buffer, h.byteOffset, 30);
  if (dv.getUint32(0, true) !== SIG_LOC) throw new ZipFormatError(`local header of '${entry.name}' missing`);
  const flags = dv.getUint16(6, true), method = dv.getUint16(8, true);
  const nameLen = dv.getUint16(26, true), extraLen = dv.getUint16(28, true);
  const start = o + 30 + nameLen + extraLen;
  if (start > src.length) throw new ZipFormatError(`local header of '${entry.name}' runs past the end of the file (truncated?)`);
  const tail = src.read(o + 30, nameLen + extraLen);
  const name = flags & 0x800 ? new TextDecoder().decode(tail.subarray(0, nameLen)) : String.fromCharCode(...tail.subarray(0, nameLen));
  if (name !== entry.name) throw new ZipFormatError(`local header names the member '${name}' but the central directory '${entry.name}' (ambiguous archive)`);
  if (method !== entry.method) throw new ZipFormatError(`'${entry.name}': local header says compression method ${method}, the central directory ${entry.method}`);
  if (!(flags & 0x8)) {
    const tv = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
    const [u, c] = zip64Extra(tv, nameLen, extraLen, entry.name, [dv.getUint32(22, true), dv.getUint32(18, true)], true);
    if (u !== entry.uncompressedSize || c !== entry.compressedSize) {
      throw new ZipFormatError(`'${entry.name}': local header declares ${c} compressed / ${u} uncompressed bytes, the central directory ${entry.compressedSize} / ${entry.uncompressedSize} (lying header)`);
    }
  }
  const stop = start + entry.compressedSize;
  if (stop > src.length) throw new ZipFormatError(`member '${entry.name}' needs bytes ${start}..${stop} but the file has ${src.length} (truncated?)`);
  return start;
}

function u64(dv: DataView, o: number, name?: string): number {
  const v = dv.getUint32(o, true) + dv.getUint32(o + 4, true) * 2 ** 32;
  if (!Number.isSafeInteger(v)) throw new ZipFormatError(`ZIP64 size or offset out of range${name === undefined ? '' : ` for '${name}'`} (${v})`);
  return v;
}
