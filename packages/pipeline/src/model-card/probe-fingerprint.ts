import type { ComplexArray } from '@ptychojs/io';

/**
 * A short fingerprint of a probe's values: two 32-bit FNV-1a hashes of the bytes of its float32 real
 * then imaginary planes (the second over the bytes rotated by one), as `fnv1a:<16 hex digits>`. Equal probes have equal fingerprints;
 * it identifies a probe in a model card (similarity is `probeSimilarity`'s business). Browser-safe.
 */
export function probeFingerprint(probe: ComplexArray): string {
  let h1 = 0x811c9dc5, h2 = 0xcbf29ce4;
  for (const plane of [probe.re, probe.im]) {
    const bytes = new Uint8Array(Float32Array.from(plane).buffer);
    for (let i = 0; i < bytes.length; i++) {
      h1 = Math.imul(h1 ^ bytes[i]!, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ bytes[(i + 1) % bytes.length]!, 0x01000193) >>> 0;
    }
  }
  return `fnv1a:${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}
