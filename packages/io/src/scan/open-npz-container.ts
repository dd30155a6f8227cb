import { Inflate } from 'fflate';
import { InputError } from '../errors.js';
import { numpyDtypeName } from '../numpy-dtype-name.js';
import { DEFAULT_MAX_BYTES, parseNpy } from '../parse-npy.js';
import type { FrameSource, NdArray, NumericDType } from '../types.js';
import { crc32 } from '../internal/crc32.js';
import { decodeFloat32 } from '../internal/decode-float32.js';
import { checkNpzEntry, checkPreamble, readNpzMemberBytes } from '../internal/parse-npz-source.js';
import { npyPreambleLength, readNpyPreamble, type NpyPreamble } from '../internal/read-npy-header.js';
import { ZipFormatError, memberDataStart, type ByteSource, type ZipEntry } from '../internal/zip-read.js';
import { readNpzDirectory } from '../internal/read-npz-directory.js';
import { arrayFrameSource } from './array-frame-source.js';
import type { ContainerEntry, ScanContainer } from './scan-container.js';
import { concatBytes } from '../internal/byte-ops.js';

/** Options of {@link openNpzContainer}. */
export interface OpenNpzOptions {
  /** File path or label for messages. */
  readonly file: string;
  /** Cap on any one member's declared size (default 8 GiB, as `parseNpz`). Frames read lazily are not held whole, so they are not counted against it. */
  readonly maxBytes?: number;
  /** Called by `close()` (the file descriptor of a Node ByteSource). */
  readonly onClose?: () => void;
}

interface Member {
  readonly key: string;
  readonly entry: ZipEntry;
  /** Offset of the member's bytes (the NPY file) in the archive. */
  readonly start: number;
  readonly preamble: NpyPreamble;
}

/** Compressed bytes pushed into the inflater per step while streaming a deflated member: at most ~16 MiB of output (deflate expands ≤ 1032:1), whatever the member. */
const STEP = 1 << 14;

/**
 * Open an NPZ archive as a {@link ScanContainer}: the zip directory and every member's NPY header
 * are read (a deflated member's first bytes are inflated for it), nothing else. Small arrays are
 * read whole on demand (`read`, with `parseNpz`'s checks); `frames` reads a member by range:
 * a stored member by byte offset (one positional read per range, nothing else touched), a
 * deflated one by streaming its inflater forwards (CRC-32 checked when the stream ends; a range
 * before the current position restarts it), a Fortran-ordered one whole.
 *
 * @throws InputError naming the file (and key): not a zip archive, malformed headers, duplicate
 *   members, unsupported compression, sizes beyond the cap
 */
export function openNpzContainer(src: ByteSource, opts: OpenNpzOptions): ScanContainer {
  const { file } = opts;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const entries = readNpzDirectory(src, file);
  const members = new Map<string, Member>();
  for (const entry of entries) {
    if (!entry.name.endsWith('.npy')) continue;
    const key = entry.name.slice(0, -4);
    if (members.has(key)) throw new InputError('duplicate member in archive', { file, key });
    const ctx = { file, key, maxBytes };
    checkNpzEntry(entry, ctx);
    try {
      const start = memberDataStart(src, entry);
      const head = entry.method === 0 ? storedHead(src, start, entry) : inflatedHead(src, start, entry, ctx);
      checkPreamble(head, entry.uncompressedSize, ctx);
      members.set(key, { key, entry, start, preamble: readNpyPreamble(head, ctx) });
    } catch (e) {
      if (e instanceof ZipFormatError) throw new InputError(e.message, { file, key });
      throw e;
    }
  }
  const describe = (m: Member): ContainerEntry => {
    const { header } = m.preamble;
    return { path: m.key, shape: header.shape, dtype: numpyDtypeName({ dtype: header.descr.dtype, storedDescr: header.descrText }) };
  };
  const need = (key: string): Member => {
    const m = members.get(key);
    if (!m) throw new InputError('no such array in the archive', { file, key, expected: `one of ${[...members.keys()].map((k) => `'${k}'`).join(', ')}`, actual: 'absent' });
    return m;
  };
  const read = (key: string): NdArray => {
    const m = need(key);
    const npy = readNpzMemberBytes(src, m.entry, { file, key, maxBytes }, false);
    return parseNpy(npy, { file, key, maxBytes });
  };
  let closed = false;
  return {
    kind: 'npz',
    file,
    list: () => [...members.values()].map(describe),
    entry: (key) => { const m = members.get(key); return m ? describe(m) : undefined; },
    read,
    frames(key) {
      const m = need(key);
      const { header, dataOffset, payloadBytes } = m.preamble;
      const { descr } = header;
      const ctx = { file, key };
      if (descr.dtype === 'U' || descr.dtype === 'S' || descr.dtype === 'c8' || descr.dtype === 'c16' || header.shape.length === 0) {
        return arrayFrameSource(read(key), ctx);
      }
      if (header.fortranOrder && header.shape.filter((d) => d > 1).length > 1) return arrayFrameSource(read(key), ctx);
      const rowElems = header.shape.slice(1).reduce((p, d) => p * d, 1);
      const rowBytes = rowElems * descr.storedItemSize;
      const base = {
        dtype: descr.dtype as NumericDType,
        shape: header.shape,
        storedDescr: header.descrText,
        path: key,
        bytes: payloadBytes,
      };
      const checkRange = (s: number, e: number): void => {
        if (!(Number.isSafeInteger(s) && Number.isSafeInteger(e) && s >= 0 && e >= s && e <= header.shape[0]!)) {
          throw new RangeError(`rows ${s}..${e} outside 0..${header.shape[0]} of '${key}'`);
        }
      };
      if (m.entry.method === 0) {
        return {
          ...base,
          access: 'ranged',
          readRows(s, e, out) {
            checkRange(s, e);
            const n = (e - s) * rowElems;
            const o = out ?? new Float32Array(n);
            if (n === 0) return o;
            let bytes: Uint8Array;
            try {
              bytes = src.read(m.start + dataOffset + s * rowBytes, (e - s) * rowBytes);
            } catch (err) {
              if (err instanceof ZipFormatError) throw new InputError(`cannot read rows ${s}..${e}: ${err.message}`, ctx);
              throw err;
            }
            decodeFloat32(bytes, descr, n, o);
            return o;
          },
        } satisfies FrameSource;
      }
      const cursor = inflateCursor(src, m, dataOffset, ctx);
      return {
        ...base,
        access: 'sequential',
        readRows(s, e, out) {
          checkRange(s, e);
          const n = (e - s) * rowElems;
          const o = out ?? new Float32Array(n);
          if (n === 0) return o;
          decodeFloat32(cursor.bytes(s * rowBytes, e * rowBytes), descr, n, o);
          return o;
        },
      } satisfies FrameSource;
    },
    attrNames: () => [],
    attr: () => undefined,
    isGroup: () => false,
    close() {
      if (closed) return;
      closed = true;
      opts.onClose?.();
    },
  };
}

/** The first bytes of a stored member: its NPY preamble. */
function storedHead(src: ByteSource, start: number, entry: ZipEntry): Uint8Array {
  const first = src.read(start, Math.min(entry.compressedSize, 12));
  return src.read(start, Math.min(entry.compressedSize, npyPreambleLength(first)));
}

/** Inflate only as much of a deflated member as its NPY preamble needs (a few kB, whatever the member's size). */
function inflatedHead(src: ByteSource, start: number, entry: ZipEntry, ctx: { file: string; key: string }): Uint8Array {
  const parts: Uint8Array[] = [];
  let have = 0, need = 12, done = false;
  const inf = new Inflate((chunk, final) => {
    parts.push(chunk.slice());
    have += chunk.length;
    if (final) done = true;
  });
  let p = 0;
  try {
    while (!done && p < entry.compressedSize) {
      // Small input steps: deflate expands up to 1032:1, so 64 kB of a zero-filled member would
      // inflate to 64 MB at once (an all-zero 4 GiB member peaked at 310 MB just to read its header).
      const q = Math.min(entry.compressedSize, p + 1024);
      inf.push(src.read(start + p, q - p), q === entry.compressedSize);
      p = q;
      if (have >= need) {
        need = npyPreambleLength(concatBytes(parts, Math.min(have, 12)));
        if (have >= need) break;
      }
    }
  } catch (e) {
    if (e instanceof ZipFormatError) throw e;
    throw new InputError(`corrupt deflate stream: ${(e as Error).message}`, ctx);
  }
  return concatBytes(parts, Math.min(have, need));
}

/**
 * Forward streaming over a deflated member's payload: `bytes(a, b)` returns payload bytes
 * `[a, b)`, inflating from where the last call stopped (or from the start when `a` lies before
 * it). Output past the declared size aborts (zip bombs); a stream that ends short is truncated;
 * the CRC-32 of the whole member is checked when the stream ends.
 */
function inflateCursor(src: ByteSource, m: Member, dataOffset: number, ctx: { file: string; key: string }) {
  const declared = m.entry.uncompressedSize;
  const bad = (msg: string, expected?: string, actual?: string): InputError => new InputError(msg, { ...ctx, expected, actual });
  let inf!: Inflate;
  /** Member bytes produced so far (NPY header included), the compressed bytes consumed, the running CRC. */
  let produced = 0, consumed = 0, crc = 0, ended = false;
  /** Output not yet handed out: member bytes [carryAt, carryAt + carry.length). */
  let carry: Uint8Array[] = [];
  let carryAt = 0;
  const restart = (): void => {
    produced = 0; consumed = 0; crc = 0; ended = false; carry = []; carryAt = 0;
    inf = new Inflate((chunk, final) => {
      if (produced + chunk.length > declared) throw bad('member inflates to more than its declared size (lying header or zip bomb)', `at most ${declared} bytes`, `more than ${produced + chunk.length - 1} bytes`);
      crc = crc32(chunk, crc);
      carry.push(chunk.slice());
      produced += chunk.length;
      if (final) ended = true;
    });
  };
  restart();
  const pump = (): void => {
    if (consumed >= m.entry.compressedSize) {
      if (produced !== declared) throw bad('member inflates to fewer bytes than declared (truncated or lying header)', `${declared} bytes`, `${produced} bytes`);
      return;
    }
    const q = Math.min(m.entry.compressedSize, consumed + STEP);
    let chunk: Uint8Array;
    try {
      chunk = src.read(m.start + consumed, q - consumed);
    } catch (e) {
      if (e instanceof ZipFormatError) throw bad(e.message);
      throw e;
    }
    try {
      inf.push(chunk, q === m.entry.compressedSize);
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw bad(`corrupt deflate stream: ${(e as Error).message}`);
    }
    consumed = q;
    if (ended || consumed === m.entry.compressedSize) {
      if (produced !== declared) throw bad('member inflates to fewer bytes than declared (truncated or lying header)', `${declared} bytes`, `${produced} bytes`);
      if (crc !== m.entry.crc) throw bad('CRC-32 mismatch (corrupt member)');
    }
  };
  return {
    bytes(a: number, b: number): Uint8Array {
      const from = dataOffset + a, to = dataOffset + b;
      if (from < carryAt) restart();
      const out = new Uint8Array(to - from);
      let filled = 0;
      while (filled < out.length) {
        // Hand out what the carry holds of [from + filled, to), dropping what lies before.
        while (carry.length > 0) {
          const c = carry[0]!;
          const cEnd = carryAt + c.length;
          const want = from + filled;
          if (cEnd <= want) { carry.shift(); carryAt = cEnd; continue; }
          const off = want - carryAt;
          const take = Math.min(c.length - off, out.length - filled);
          out.set(c.subarray(off, off + take), filled);
          filled += take;
          if (off + take === c.length) { carry.shift(); carryAt = cEnd; }
          if (filled === out.length) break;
        }
        if (filled < out.length) {
          if (consumed >= m.entry.compressedSize) throw bad('member inflates to fewer bytes than declared (truncated or lying header)', `${declared} bytes`, `${produced} bytes`);
          pump();
        }
      }
      return out;
    },
  };
}
