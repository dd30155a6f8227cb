import { describe, expect, it } from 'vitest';
import type { FrameReader } from '@ptychojs/io';
import { frameCache } from './frame-cache.js';

/** Frames whose every value is its frame index + pixel/1e4, read "from a file" (counted). */
function fileLike(M: number, N: number): FrameReader & { reads: number; framesRead: number } {
  const nn = N * N;
  const r = {
    M, N, access: 'ranged' as const, bytes: 4 * M * nn, reads: 0, framesRead: 0,
    read(start: number, end: number, out?: Float32Array) {
      r.reads++; r.framesRead += end - start;
      const o = out ?? new Float32Array((end - start) * nn);
      for (let f = start; f < end; f++) for (let p = 0; p < nn; p++) o[(f - start) * nn + p] = f + p / 1e4;
      return o;
    },
  };
  return r;
}

describe('frameCache', () => {
  it('gathers any frames by index exactly, reading whole blocks once while they stay in its bounded memory', () => {
    const N = 64, M = 2000, nn = N * N; // 16 KiB frames: blocks of 128 frames (2 MiB)
    const file = fileLike(M, N);
    const cache = frameCache(file, 8 * 2 ** 20); // 4 blocks
    const want = (f: number, p: number) => Math.fround(f + p / 1e4);
    // Neighbouring groups, as inference asks for them: a sliding window, with repeats.
    for (let b = 0; b < 1900; b += 50) {
      const idx = [b, b + 1, b + 60, b + 99, b + 3];
      const out = new Float32Array(idx.length * nn);
      cache.gather(idx, out);
      idx.forEach((f, k) => { expect(out[k * nn]).toBe(want(f, 0)); expect(out[k * nn + nn - 1]).toBe(want(f, nn - 1)); });
    }
    const s = cache.stats();
    expect(s.blockFrames).toBe(128);
    expect(s.capacityBytes).toBe(8 * 2 ** 20);
    // Each of the 16 blocks touched is read once: the window never goes back past the 4 blocks held.
    expect(file.reads).toBe(16);
    expect(s.hits).toBeGreaterThan(s.reads);
  });

  it('holds no more than its capacity: going back to an evicted block reads it again', () => {
    const file = fileLike(2000, 64);
    const cache = frameCache(file, 4 * 2 ** 20); // 2 blocks of 128 frames
    const out = new Float32Array(64 * 64);
    for (const f of [0, 200, 400, 0]) cache.gather([f], out);
    expect(file.reads).toBe(4);
    expect(out[0]).toBe(0);
  });
});
