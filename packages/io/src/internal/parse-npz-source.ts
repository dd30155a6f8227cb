import { Inflate } from 'fflate';
import { InputError } from '../errors.js';
import { DEFAULT_MAX_BYTES, parseNpy } from '../parse-npy.js';
import type { ParseNpzOptions } from '../parse-npz.js';
import type { NdArray } from '../types.js';
import { crc32 } from './crc32.js';
import { ZipFormatError, memberBytes, readZipDirectory, type ByteSource, type ZipEntry } from './zip-read.js';

/** deflate cannot expand by more than 1032:1; a larger declared ratio is a lie. */
const MAX_DEFLATE_RATIO = 1032;

/** @internal `parseNpz` over any byte source (memory or file). */
export function parseNpzSource(src: ByteSource, opts: ParseNpzOptions = {}): Record<string, NdArray> {
  const file = opts.file ?? '<npz>';
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(src);
  } catch (e) {
    if (e instanceof ZipFormatError) throw new InputError(`not a readable NPZ archive: ${e.message}`, { file });
    throw e;
  }
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
    const bad = (msg: string, expected?: string, actual?: string): InputError => new InputError(msg, { file, key, expected, actual });
    if (entry.flags & 1) throw bad('encrypted members are not supported');
    let raw: Uint8Array;
    try {
      raw = memberBytes(src, entry);
    } catch (e) {
      if (e instanceof ZipFormatError) throw bad(e.message);
      throw e;
    }
    let npy: Uint8Array;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) throw bad('stored member sizes disagree', `${entry.compressedSize} bytes`, `${entry.uncompressedSize} bytes declared`);
      total += raw.length;
      if (total > maxBytes) throw bad('archive expands past the size cap', `at most maxBytes = ${maxBytes} bytes in all`, `more than ${total - raw.length} + ${raw.length} bytes`);
      if (opts.verifyCrc && crc32(raw) !== entry.crc) throw bad('CRC-32 mismatch (corrupt member)');
      npy = raw;
    } else if (entry.method === 8) {
      npy = inflateCapped(raw, entry, maxBytes - total, bad);
      total += npy.length;
      if (crc32(npy) !== entry.crc) throw bad('CRC-32 mismatch (corrupt member)');
    } else {
      throw bad('unsupported compression method', '0 (stored) or 8 (deflate)', String(entry.method));
    }
    // defineProperty: a member named '__proto__.npy' must not reach the prototype.
    Object.defineProperty(out, key, { value: parseNpy(npy, { file, key, maxBytes, copy: opts.copy }), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function inflateCapped(
  raw: Uint8Array,
  entry: ZipEntry,
  budget: number,
  bad: (msg: string, expected?: string, actual?: string) => InputError,
): Uint8Array {
  const declared = entry.uncompressedSize;
  if (declared > budget) throw bad('member declares more bytes than the size cap allows', `at most ${budget} bytes`, `${declared} bytes declared`);
  if (declared > raw.length * MAX_DEFLATE_RATIO + 1024) {
    throw bad('declared size is impossible for its compressed size (lying header)', `at most ${raw.length * MAX_DEFLATE_RATIO + 1024} bytes`, `${declared} bytes declared`);
  }
  // The output buffer has the declared size, which is bounded by the cap and by what the
  // compressed bytes can physically produce; the numpy header then lands 64-byte aligned.
  const out = new Uint8Array(declared);
  let written = 0;
  const inf = new Inflate((chunk) => {
    if (written + chunk.length > declared) {
      const limit = Math.min(declared, budget);
      throw bad(declared < budget ? 'member inflates to more than its declared size' : 'archive expands past the size cap', `at most ${limit} bytes`, `more than ${written + chunk.length} bytes`);
    }
    out.set(chunk, written);
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
  if (written !== declared) throw bad('member inflates to fewer bytes than declared (truncated or corrupt)', `${declared} bytes`, `${written} bytes`);
  return out;
}
