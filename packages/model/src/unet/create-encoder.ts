import * as tfl from '@tensorflow/tfjs-layers';
import { unetFilters } from './unet-filters.js';
import { applyEncoder, InitSeq } from './unet-layers.js';

export interface UNetOptions {
  /** Seed of the Glorot-uniform weight initializers; absent = unseeded. */
  readonly seed?: number;
}

/**
 * The U-Net encoder as a standalone model (SPEC §3 "U-Net"): blocks of [3×3 conv+ReLU, 3×3
 * conv+ReLU, 2×2 max-pool] with f·{32,64,128} (N=64), f·{16,32,64,128} (N=128) or
 * f·{8,16,32,64,128} (N=256) filters.
 *
 * @shape input (B, N, N, C_in) float32 → output (B, 8, 8, 128·f) float32
 * @throws InputError for N not in {64, 128, 256} or an f giving fractional filter counts.
 */
export function createEncoder(N: number, cIn: number, f: number, options: UNetOptions = {}): tfl.LayersModel {
  const { encoder } = unetFilters(N, f);
  const input = tfl.input({ name: 'diffraction', shape: [N, N, cIn] });
  const output = applyEncoder(input, encoder, new InitSeq(options.seed));
  return tfl.model({ name: 'encoder', inputs: input, outputs: output });
}
