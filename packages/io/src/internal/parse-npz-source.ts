import { Inflate } from 'fflate';
import { InputError } from '../errors.js';
import { DEFAULT_MAX_BYTES, parseNpy } from '../parse-npy.js';
import type { NdArray, ParseNpzOptions } from '../types.js';
import { crc32 } from './crc32.js';
import { allocateBytes } from './allocate-bytes.js';
import { npyPreambleLength, readNpyPreamble, type NpyHeaderContext } from './read-npy-header.js';
import { ZipFormatError, memberDataStart, type ByteSource, type ZipEntry } from './zip-read.js';
import { readNpzDirectory } from './read-npz-directory.js';
import { concatBytes } from './byte-ops.js';

/** deflate cannot expand by more than 1032:1; a larger declared ratio is a lie. */
const MAX_DEFLATE_RATIO = 1032;
/**
 * First output buffer of an inflating member: the declared size when the compressed bytes are at
 * least 1/16 of it (typical of diffraction data), else 16 × compressed (≥ 1 MiB), grown ×2 after.
 */
const INITIAL_RATIO = 16;
const INITIAL_BYTES = 1 << 20;

/** @internal `parseNpz` over any byte source (memory or file). */
export function parseNpzSource(src: ByteSource, opts: ParseNpzOptions = {}): Record<string, NdArray> {
  const file = opts.file ?? '<npz>';
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const entries = readNpzDirectory(src, file);
  const wanted = opts.keys ? new Set(opts.keys) : undefined;
  const out: Record<string, NdArray> = {};
  const seen = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    if (!entry.name.endsWith('.npy')) continue;
    const key = entry.name.slice(0, -4);
    if (seen.has(key)) throw new InputError('duplicate member in archive', { file, key });
    seen.add(key);
    if (wanted && !wanted.has(key)) continue;
    const npy = readNpzMemberBytes(src, entry, { file, key, maxBytes: maxBytes - total }, Boolean(opts.verifyCrc), total, maxBytes);
    total += npy.length;
    // defineProperty: a member named '__proto__.npy' must not reach the prototype.
    Object.defineProperty(out, key, { value: parseNpy(npy, { file, key, maxBytes, copy: opts.copy }), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * The bytes of one NPY member (stored: read; deflated: inflated with the checks of
 * {@link inflateChecked}, CRC-32 verified), after checking the entry (not encrypted, stored or
 * deflated, declared size within `ctx.maxBytes`, the bytes still allowed) and that its NPY preamble
 * declares the member's size. `total`/`capAll` word the message when earlier members used the cap.
 *
 * @throws InputError naming file and key
 */
export function readNpzMemberBytes(src: ByteSource, entry: ZipEntry, ctx: NpyHeaderContext, verifyCrc: boolean, total = 0, capAll = ctx.maxBytes): Uint8Array {
  const { file, key } = ctx;
  const bad = (msg: string, expected?: string, actual?: string): InputError => new InputError(msg, { file, key, expected, actual });
  checkNpzEntry(entry, ctx, total, capAll);
  try {
    const start = memberDataStart(src, entry);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) throw bad('stored member sizes disagree (lying header)', `${entry.compressedSize} bytes`, `${entry.uncompressedSize} bytes declared`);
      const head = src.read(start, Math.min(entry.compressedSize, npyPreambleLength(src.read(start, Math.min(entry.compressedSize, 12)))));
      checkPreamble(head, entry.uncompressedSize, ctx);
      const npy = src.read(start, entry.compressedSize);
      if (verifyCrc && crc32(npy) !== entry.crc) throw bad('CRC-32 mismatch (corrupt member)');
      return npy;
    }
    const npy = inflateChecked(src.read(start, entry.compressedSize), entry, ctx, bad);
    if (crc32(npy) !== entry.crc) throw bad('CRC-32 mismatch (corrupt member)');
    return npy;
  } catch (e) {
    if (e instanceof ZipFormatError) throw bad(e.message);
    throw e;
  }
}

/**
 * Refuse what no member may be, before anything is read: encrypted, compressed other than stored
 * or deflated, or declaring more bytes than the cap leaves (`ctx.maxBytes`; `total` already used
 * of `capAll`).
 *
 * @throws InputError naming file and key
 */
export function checkNpzEntry(entry: ZipEntry, ctx: NpyHeaderContext, total = 0, capAll = ctx.maxBytes): void {
  const bad = (msg: string, expected?: string, actual?: string): InputError => new InputError(msg, { file: ctx.file, key: ctx.key, expected, actual });
  if (entry.flags & 1) throw bad('encrypted members are not supported');
  if (entry.method !== 0 && entry.method !== 8) throw bad('unsupported compression method', '0 (stored) or 8 (deflate)', String(entry.method));
  const budget = ctx.maxBytes;
  // Every declared size is checked before anything is allocated from it.
  if (entry.uncompressedSize > budget) {
    throw bad(total > 0 ? 'archive expands past the size cap' : 'member declares more bytes than the size cap allows', `at most ${budget} bytes${total > 0 ? ` (maxBytes = ${capAll} in all)` : ''}`, `${entry.uncompressedSize} bytes declared`);
  }
}

/**
 * The NPY preamble at the start of a member must declare exactly the member's size
 * (preamble + product(shape) × itemsize): checked on the first bytes, before the payload is read
 * or inflated, so neither header can make us allocate what the other does not promise.
 */
export function checkPreamble(head: Uint8Array, memberSize: number, ctx: NpyHeaderContext): void {
  const p = readNpyPreamble(head, ctx);
  if (p.dataOffset + p.payloadBytes !== memberSize) {
    throw new InputError(`the zip header and the NPY header disagree about the member's size (${p.what}; lying header or truncated member)`, {
      file: ctx.file, key: ctx.key, expected: `${p.dataOffset} + ${p.payloadBytes} = ${p.dataOffset + p.payloadBytes} bytes (NPY header)`, actual: `${memberSize} bytes (zip header)`,
    });
  }
}

/**
 * Inflate a deflated member in small input steps. The member's declared size is bounded by the cap
 * (checked by the caller) and by deflate's 1032:1 limit; the first output bytes must hold an NPY
 * preamble that declares that same size ({@link checkPreamble}) before an output buffer is
 * allocated, and that buffer grows with the real output up to the declared size; output beyond the
 * declared size aborts at once (zip bombs), output short of it is a truncated or lying member.
 */
function inflateChecked(
  raw: Uint8Array,
  entry: ZipEntry,
  ctx: NpyHeaderContext,
  bad: (msg: string, expected?: string, actual?: string) => InputError,
): Uint8Array {
  const declared = entry.uncompressedSize;
  if (declared > raw.length * MAX_DEFLATE_RATIO + 1024) {
    throw bad('declared size is impossible for its compressed size (lying header)', `at most ${raw.length * MAX_DEFLATE_RATIO + 1024} bytes`, `${declared} bytes declared`);
  }
  // Until the NPY preamble is complete, output collects in small pieces (≤ 1 MiB + a step).
  let head: Uint8Array[] | undefined = [];
  let headBytes = 0;
  let out: Uint8Array | undefined;
  let written = 0;
  const allocate = (): void => {
    const all = concatBytes(head!, headBytes);
    checkPreamble(all.subarray(0, Math.min(all.length, npyPreambleLength(all))), declared, ctx);
    out = allocateBytes(Math.min(declared, Math.max(all.length, INITIAL_BYTES, raw.length * INITIAL_RATIO)), ctx);
    out.set(all.subarray(0, Math.min(all.length, declared)));
    written = Math.min(all.length, declared);
    head = undefined;
    if (all.length > declared) overflow(all.length);
  };
  // Output grows geometrically up to the declared size, so a header that lies about a huge size
  // costs memory in proportion to what the stream really produces, not to the lie.
  const grow = (need: number): void => {
    const next = allocateBytes(Math.min(declared, Math.max(need, 2 * out!.length)), ctx);
    next.set(out!.subarray(0, written));
    out = next;
  };
  const overflow = (n: number): never => {
    throw bad('member inflates to more than its declared size (lying header or zip bomb)', `at most ${declared} bytes`, `more than ${n - 1} bytes`);
  };
  const inf = new Inflate((chunk) => {
    if (head !== undefined) {
      head.push(chunk.slice());
      headBytes += chunk.length;
      if (headBytes > declared) overflow(headBytes);
      const need = npyPreambleLength(concatBytes(head, Math.min(headBytes, 12)));
      if (headBytes >= need) allocate();
      return;
    }
    if (written + chunk.length > declared) overflow(written + chunk.length);
    if (written + chunk.length > out!.length) grow(written + chunk.length);
    out!.set(chunk, written);
    written += chunk.length;
  });
  try {
    let p = 0;
    // Feed small steps so a bomb is caught after at most ~1032 × step bytes of output.
    while (p < raw.length) {
      const room = Math.max(0, declared - written);
      const step = Math.max(4096, Math.min(1 << 20, Math.floor(room / MAX_DEFLATE_RATIO) + 1));
      const q = Math.min(raw.length, p + step);
      inf.push(raw.subarray(p, q), q === raw.length);
      p = q;
    }
    if (raw.length === 0) inf.push(raw, true);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw bad(`corrupt deflate stream: ${(e as Error).message}`);
  }
  if (head !== undefined) {
    // The stream ended before a complete preamble: parse what there is for the clearest message.
    allocate();
  }
  if (written !== declared) throw bad('member inflates to fewer bytes than declared (truncated or lying header)', `${declared} bytes`, `${written} bytes`);
  return out!;
}
