import fs from 'node:fs';
import zlib from 'node:zlib';
import { InputError } from '../errors.js';
import { npyPreambleLength, readNpyPreamble, type NpyPreamble } from '../internal/read-npy-header.js';
import { ZipFormatError, memberDataStart, readZipDirectory, type ZipEntry } from '../internal/zip-read.js';
import { DEFAULT_MAX_BYTES, parseNpy } from '../parse-npy.js';
import type { NdArray } from '../types.js';
import { fileByteSource } from './file-byte-source.js';
import { fsInputError } from './fs-input-error.js';

/** What {@link uniformNpzMember} found. */
export interface UniformMember {
  readonly key: string;
  /** Every member of the archive, by key (names only; nothing else was read). */
  readonly keys: readonly string[];
  /** Shape and numpy descr as the member's NPY header declares them. */
  readonly shape: readonly number[];
  readonly storedDescr: string;
  /** The member is deflated (streamed through zlib) rather than stored (read by ranges). */
  readonly deflated: boolean;
  /** Payload bytes the header declares, and how many were compared before the scan stopped. */
  readonly payloadBytes: number;
  readonly scannedBytes: number;
  /**
   * The one value every element holds (bit for bit), as a one-element array of the stored dtype,
   * when the whole payload is that value repeated; undefined when the scan stopped at a different
   * value (at `scannedBytes`).
   */
  readonly uniform?: NdArray;
}

/** Options of {@link uniformNpzMember}. */
export interface UniformNpzMemberOptions {
  /** Members whose payload is smaller are not scanned (the result is undefined). Default 0. */
  readonly minBytes?: number;
  /** Bytes compared per step (stored members: one positional read). Default 4 MiB. */
  readonly chunkBytes?: number;
}

/**
 * Whether one member of an NPZ holds a single value throughout (an all-zero or constant array),
 * found without reading it into memory: a stored member is read by ranges, a deflated one streamed
 * through zlib, each compared chunk by chunk (native memcmp) with its first element repeated, and
 * the scan stops at the first element that differs — for real data, within the first chunk.
 * Memory stays at a few chunks whatever the member's size; a uniform member is read to its end
 * (for a 4 GiB deflated member, a few seconds of inflation).
 *
 * Used before a full read so that a degenerate array of any size is refused in seconds
 * (issue 19). The zip and NPY headers are checked as `readNpzFile` checks them.
 *
 * @returns undefined when the member is absent or smaller than `minBytes`
 * @throws InputError naming the path for unreadable files, bad archives and lying headers
 */
export async function uniformNpzMember(path: string, key: string, opts: UniformNpzMemberOptions = {}): Promise<UniformMember | undefined> {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch (e) {
    throw fsInputError(e, path);
  }
  let entry: ZipEntry | undefined, keys: string[] = [], start = 0;
  let scanning = false;
  try {
    const src = fileByteSource(fd, fs.fstatSync(fd).size);
    const entries = readZipDirectory(src);
    keys = entries.filter((e) => e.name.endsWith('.npy')).map((e) => e.name.slice(0, -4));
    entry = entries.find((e) => e.name === `${key}.npy`);
    // Absent, small, or a method readNpzFile will report: nothing to scan here.
    scanning = entry !== undefined && entry.uncompressedSize >= (opts.minBytes ?? 0) && (entry.method === 0 || entry.method === 8);
    if (scanning) start = memberDataStart(src, entry!);
  } catch (e) {
    scanning = false;
    if (e instanceof ZipFormatError) throw new InputError(`not a readable NPZ archive: ${e.message}`, { file: path, ...(entry ? { key } : {}) });
    throw e instanceof InputError ? e : fsInputError(e, path);
  } finally {
    if (!scanning) fs.closeSync(fd);
  }
  if (!scanning || entry === undefined) return undefined;
  const scan = new UniformScan(path, key, entry.uncompressedSize, opts.chunkBytes ?? 4 << 20);
  try {
    if (entry.method === 0) {
      const buf = Buffer.allocUnsafeSlow(scan.chunkBytes);
      for (let off = 0; off < entry.compressedSize && !scan.done;) {
        const n = fs.readSync(fd, buf, 0, Math.min(buf.length, entry.compressedSize - off), start + off);
        if (n === 0) throw new InputError(`file ended at byte ${start + off} while reading member '${key}' (truncated?)`, { file: path, key });
        scan.push(buf.subarray(0, n));
        off += n;
      }
    } else {
      await inflateInto(path, start, entry.compressedSize, scan);
    }
  } finally {
    fs.closeSync(fd);
  }
  return scan.result(keys, entry.method === 8);
}

/** Stream a deflated member through zlib into `scan`, stopping as soon as it is done. */
function inflateInto(path: string, start: number, length: number, scan: UniformScan): Promise<void> {
  return new Promise((resolve, reject) => {
    const input = fs.createReadStream(path, { start, end: start + length - 1, highWaterMark: 1 << 20 });
    const inflate = zlib.createInflateRaw({ chunkSize: 1 << 20 });
    let settled = false;
    const finish = (e?: unknown) => {
      if (settled) return;
      settled = true;
      input.unpipe(inflate);
      input.destroy();
      inflate.destroy();
      if (e === undefined) resolve();
      else reject(e instanceof InputError ? e : new InputError(`corrupt deflate stream: ${(e as Error).message}`, { file: scan.file, key: scan.key }));
    };
    inflate.on('data', (chunk: Buffer) => {
      try {
        scan.push(chunk);
      } catch (e) {
        finish(e);
        return;
      }
      if (scan.done) finish();
    });
    inflate.on('end', () => finish());
    inflate.on('error', finish);
    input.on('error', finish);
    input.pipe(inflate);
  });
}

/** The comparison, fed the member's bytes in order: NPY preamble first, then the payload. */
class UniformScan {
  done = false;
  private head: Buffer[] = [];
  private headBytes = 0;
  private preamble?: NpyPreamble;
  private item?: Buffer;
  private tile?: Buffer;
  private seen = 0;
  private payloadSeen = 0;
  private differs = false;

  constructor(readonly file: string, readonly key: string, private readonly declared: number, readonly chunkBytes: number) {}

  push(chunk: Buffer): void {
    this.seen += chunk.length;
    if (this.seen > this.declared) {
      throw new InputError('member inflates to more than its declared size (lying header or zip bomb)', { file: this.file, key: this.key, expected: `at most ${this.declared} bytes`, actual: `more than ${this.seen - 1} bytes` });
    }
    if (this.preamble === undefined) {
      this.head.push(chunk);
      this.headBytes += chunk.length;
      const all = Buffer.concat(this.head, this.headBytes);
      const need = npyPreambleLength(all);
      if (all.length < need) return;
      this.preamble = readNpyPreamble(all.subarray(0, need), { file: this.file, key: this.key, maxBytes: DEFAULT_MAX_BYTES });
      if (this.preamble.dataOffset + this.preamble.payloadBytes !== this.declared) {
        throw new InputError("the zip header and the NPY header disagree about the member's size (lying header or truncated member)", {
          file: this.file, key: this.key, expected: `${this.preamble.dataOffset + this.preamble.payloadBytes} bytes (NPY header)`, actual: `${this.declared} bytes (zip header)`,
        });
      }
      this.head = [];
      chunk = all.subarray(need);
    }
    this.compare(chunk);
  }

  private compare(chunk: Buffer): void {
    const size = this.preamble!.header.descr.storedItemSize;
    let c = chunk;
    if (this.item === undefined) {
      // Gather the first element, then tile it (Buffer.fill repeats a pattern natively).
      const have = Math.min(size, c.length);
      this.item = Buffer.concat([this.item ?? Buffer.alloc(0), c.subarray(0, have)]);
      if (this.item.length < size) { this.payloadSeen += c.length; return; }
      this.tile = Buffer.allocUnsafe(Math.max(this.chunkBytes, c.length) + 2 * size).fill(this.item);
    }
    // The tile holds the element at every multiple of `size`; start it at this chunk's phase.
    let phase = this.payloadSeen % size;
    while (c.length > 0 && !this.differs) {
      const n = Math.min(c.length, this.tile!.length - size);
      if (Buffer.compare(c.subarray(0, n), this.tile!.subarray(phase, phase + n)) !== 0) this.differs = true;
      this.payloadSeen += n;
      c = c.subarray(n);
      phase = this.payloadSeen % size;
    }
    if (this.differs) this.done = true;
  }

  result(keys: readonly string[], deflated: boolean): UniformMember {
    const p = this.preamble;
    if (p === undefined) throw new InputError('member ended inside its NPY header (truncated?)', { file: this.file, key: this.key });
    const base = {
      key: this.key, keys, shape: p.header.shape, storedDescr: p.header.descrText, deflated,
      payloadBytes: p.payloadBytes, scannedBytes: this.payloadSeen,
    };
    const complete = !this.differs && this.payloadSeen === p.payloadBytes && p.payloadBytes > 0;
    if (!complete) {
      if (!this.differs && this.payloadSeen < p.payloadBytes) {
        throw new InputError('member inflates to fewer bytes than declared (truncated or lying header)', { file: this.file, key: this.key, expected: `${p.payloadBytes} payload bytes`, actual: `${this.payloadSeen} bytes` });
      }
      return base;
    }
    return { ...base, uniform: parseNpy(npyOfOne(p.header.descrText, this.item!), { file: this.file, key: this.key }) };
  }
}

/** An NPY (format 1.0) holding one element of `descr`, to decode it as parseNpy does. */
function npyOfOne(descr: string, item: Uint8Array): Uint8Array {
  let dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': (1,), }`;
  dict += ' '.repeat(63 - ((10 + dict.length) % 64)) + '\n';
  const out = new Uint8Array(10 + dict.length + item.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, dict.length & 0xff, dict.length >> 8]);
  for (let i = 0; i < dict.length; i++) out[10 + i] = dict.charCodeAt(i);
  out.set(item, 10 + dict.length);
  return out;
}
