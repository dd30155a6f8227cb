import type { DiffractionStats } from '@ptychojs/io';

/** How findings name the patterns the statistics were gathered from: all M, or a sample of them. */
export interface PatternWords {
  /** The frame index of pattern p of the statistics (a sample's patterns are not frames 0…P−1). */
  frame(p: number): number;
  /** `'M'` or `'P sampled'`: "of all …" patterns. */
  readonly ofAll: string;
  /** `'every pattern'` or `'every sampled pattern'`. */
  readonly every: string;
}

/** The words for the patterns of `s`, of a scan of M frames. */
export function patternWords(s: DiffractionStats, M: number): PatternWords {
  return {
    frame: (p) => s.frameIndex?.[p] ?? p,
    ofAll: s.frameIndex ? `${s.patterns} sampled` : `${M}`,
    every: s.frameIndex ? 'every sampled pattern' : 'every pattern',
  };
}
