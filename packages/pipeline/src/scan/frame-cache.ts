import type { FrameReader } from '@ptychojs/io';

/** Reads of a {@link frameCache}, for benchmarks and tests. */
export interface FrameCacheStats {
  /** Blocks read from the file. */
  readonly reads: number;
  /** Blocks found in the cache. */
  readonly hits: number;
  /** Bytes the cache may hold, and the frames per block. */
  readonly capacityBytes: number;
  readonly blockFrames: number;
}

/** Frames gathered by index through a bounded cache ({@link frameCache}). */
export interface FrameCache {
  /**
   * Amplitudes of frames `indices[0], indices[1], …` into `out` (k-th frame at `k·N²`).
   * @shape out (indices.length, N, N) float32
   */
  gather(indices: ArrayLike<number>, out: Float32Array): void;
  stats(): FrameCacheStats;
}

/**
 * Frames read by index through a least-recently-used cache of contiguous blocks (one ranged read
 * per block), holding at most `bytes` of amplitudes: what inference reads each batch through, so
 * a scan larger than memory reconstructs in bounded memory while neighbouring groups (which share
 * frames) are read once. Frames already in memory are copied without a cache.
 */
export function frameCache(frames: FrameReader, bytes: number): FrameCache {
  const nn = frames.N * frames.N, frameBytes = 4 * nn;
  // Blocks of ~2 MiB (1 frame of 512² is 1 MiB) keep reads large and the cache fine-grained.
  const blockFrames = Math.max(1, Math.min(256, Math.floor(2 ** 21 / frameBytes)));
  const capacity = Math.max(2, Math.floor(bytes / (blockFrames * frameBytes)));
  const blocks = new Map<number, Float32Array>(); // insertion order = recency
  let reads = 0, hits = 0;
  const block = (b: number): Float32Array => {
    const have = blocks.get(b);
    if (have) { hits++; blocks.delete(b); blocks.set(b, have); return have; }
    if (blocks.size >= capacity) blocks.delete(blocks.keys().next().value!);
    const start = b * blockFrames, end = Math.min(frames.M, start + blockFrames);
    const data = frames.read(start, end);
    reads++;
    blocks.set(b, data);
    return data;
  };
  return {
    gather(indices, out) {
      if (frames.access === 'memory') {
        for (let k = 0; k < indices.length; k++) frames.read(indices[k]!, indices[k]! + 1, out.subarray(k * nn, (k + 1) * nn));
        return;
      }
      for (let k = 0; k < indices.length; k++) {
        const f = indices[k]!;
        const b = Math.floor(f / blockFrames);
        const data = block(b);
        const o = (f - b * blockFrames) * nn;
        out.set(data.subarray(o, o + nn), k * nn);
      }
    },
    stats: () => ({ reads, hits, capacityBytes: capacity * blockFrames * frameBytes, blockFrames }),
  };
}
