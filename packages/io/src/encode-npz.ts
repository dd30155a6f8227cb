import { Deflate } from 'fflate';
import { npyHeader } from './encode-npy.js';
import { crc32Parts, zipParts, type ZipMember } from './internal/zip-write.js';
import type { NdArray } from './types.js';

/** Options of {@link encodeNpz}. */
export interface EncodeNpzOptions {
  /** Deflate members like `np.savez_compressed` (default false: stored, like `np.savez`). */
  readonly compress?: boolean;
  /** Deflate level 1–9 when compressing (default 6, as Python's zlib). */
  readonly level?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

/**
 * Encode arrays as an NPZ archive that `numpy.load` reads (SPEC §2–§3): one `<key>.npy` member
 * per entry, in insertion order. Equal input gives identical bytes (fixed timestamps).
 */
export function encodeNpz(arrays: Readonly<Record<string, NdArray>>, opts: EncodeNpzOptions = {}): Uint8Array {
  const parts = encodeNpzParts(arrays, opts);
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/**
 * @internal The archive as byte pieces, for writers that stream them to disk without one big
 * concatenation. Stored members reference the input arrays' bytes (no copy); do not modify them
 * until the pieces are written.
 */
export function encodeNpzParts(arrays: Readonly<Record<string, NdArray>>, opts: EncodeNpzOptions = {}): Uint8Array[] {
  const members: ZipMember[] = [];
  for (const [key, a] of Object.entries(arrays)) {
    const { header, payloadBytes } = npyHeader(a);
    // C-ordered little-endian payload: the array's own bytes (read, never written).
    const payload = new Uint8Array(a.data.buffer, a.data.byteOffset, payloadBytes);
    const uncompressedSize = header.length + payloadBytes;
    const crc = crc32Parts([header, payload]);
    if (opts.compress) {
      const chunks: Uint8Array[] = [];
      const d = new Deflate({ level: opts.level ?? 6 }, (c) => { chunks.push(c); });
      d.push(header);
      d.push(payload, true);
      members.push({ name: `${key}.npy`, method: 8, crc, uncompressedSize, parts: chunks });
    } else {
      members.push({ name: `${key}.npy`, method: 0, crc, uncompressedSize, parts: [header, payload] });
    }
  }
  return zipParts(members);
}
