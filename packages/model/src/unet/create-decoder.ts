import * as tfl from '@tensorflow/tfjs-layers';
import type { UNetOptions } from './create-encoder.js';
import { unetFilters } from './unet-filters.js';
import { applyDecoder, CENTER_HEADS, InitSeq, type DecoderHeads, type DecoderKind } from './unet-layers.js';

/**
 * One U-Net decoder as a standalone model (SPEC §3 "U-Net"): blocks of [3×3 conv+ReLU ×2, ×2
 * nearest upsampling] with f·{64,32} (N=64), f·{128,64,32} (N=128) or f·{256,128,64,32} (N=256)
 * filters, then the output head (`options.heads`; default: a 3×3 conv to C_out channels with
 * sigmoid (`amplitude`, in [0, 1]) or π·tanh (`phase`, in [−π, π]) on the central N/2×N/2,
 * zero-padded to N×N).
 *
 * @shape input (B, 8, 8, 128·f) float32 (the encoder output) → output (B, N, N, C_out) float32
 * @throws InputError for N not in {64, 128, 256} or an f giving fractional filter counts.
 */
export function createDecoder(N: number, cOut: number, f: number, kind: DecoderKind, options: UNetOptions & { heads?: DecoderHeads } = {}): tfl.LayersModel {
  const { encoder, decoder } = unetFilters(N, f);
  const side = N >> encoder.length;
  const input = tfl.input({ name: 'features', shape: [side, side, encoder[encoder.length - 1]!] });
  const output = applyDecoder(input, decoder, cOut, N, kind, new InitSeq(options.seed), options.heads ?? CENTER_HEADS);
  return tfl.model({ name: `${kind}_decoder`, inputs: input, outputs: output });
}
