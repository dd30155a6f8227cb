import { InputError, SUPPORTED_N } from '@ptychojs/io';

/** Filter counts of the U-Net blocks (SPEC §3 "U-Net"). */
export interface UNetFilters {
  /** Filters of each encoder block, shallow to deep, e.g. f·{32,64,128} at N=64. */
  readonly encoder: readonly number[];
  /** Filters of each decoder block, deep to shallow, e.g. f·{64,32} at N=64. */
  readonly decoder: readonly number[];
}

const BASE: Readonly<Record<(typeof SUPPORTED_N)[number], { encoder: number[]; decoder: number[] }>> = {
  64: { encoder: [32, 64, 128], decoder: [64, 32] },
  128: { encoder: [16, 32, 64, 128], decoder: [128, 64, 32] },
  256: { encoder: [8, 16, 32, 64, 128], decoder: [256, 128, 64, 32] },
};

/**
 * Block filter counts for patch side N and filter multiplier f (SPEC §3 "U-Net"). The encoder
 * halves the side once per block; the decoders double it once per block, so their output is N/2
 * and is zero-padded to N.
 *
 * @throws InputError for an N outside {@link SUPPORTED_N}, or an f that does not give a whole
 *   number of filters in every block.
 */
export function unetFilters(N: number, f: number): UNetFilters {
  const base = BASE[N as (typeof SUPPORTED_N)[number]];
  if (base === undefined) {
    throw new InputError(`unsupported patch size N = ${N} for the U-Net`, { key: 'N', expected: SUPPORTED_N.join(' | '), actual: String(N) });
  }
  const scale = (b: number): number => {
    const n = f * b;
    if (!(n >= 1) || Math.abs(n - Math.round(n)) > 1e-9) {
      throw new InputError(`nFiltersScale ${f} gives ${n} filters for a ${b}-filter block at N = ${N}`, {
        key: 'nFiltersScale', expected: `a multiple of 1/${Math.min(...base.encoder)} (whole filter counts)`, actual: String(f),
      });
    }
    return Math.round(n);
  };
  return { encoder: base.encoder.map(scale), decoder: base.decoder.map(scale) };
}
