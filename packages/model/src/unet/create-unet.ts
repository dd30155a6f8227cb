import * as tfl from '@tensorflow/tfjs-layers';
import { InputError } from '@ptychojs/io';
import type { UNetOptions } from './create-encoder.js';
import { unetFilters } from './unet-filters.js';
import { applyDecoder, applyEncoder, CENTER_HEADS, InitSeq, type DecoderHeads } from './unet-layers.js';

export interface CreateUNetOptions extends UNetOptions {
  /** Output heads: object extent and activations. Default {@link CENTER_HEADS} (PtychoPINN's). */
  readonly heads?: DecoderHeads;
}

/** Name of the U-Net's input in `model.json`. */
export const UNET_IO = { input: 'diffraction' } as const;

/**
 * The PtychoPINN U-Net (SPEC §3 "U-Net") as one flat tfjs-layers model of standard layers: one
 * encoder shared by two decoders, amplitude and phase, whose heads ({@link DecoderHeads}) cover the
 * central N/2×N/2 (zero outside), add a border branch for the outer ring, or cover all of N×N. The
 * input is the normalized amplitude X (already divided by s). At N=64, f=2, C_in=C_out=1 with the
 * central heads it has 2,252,098 trainable parameters.
 *
 * @param N patch side, one of 64, 128, 256.
 * @param cIn input channels, C = gridsize².
 * @param cOut output channels: C when object.big, else 1.
 * @param f filter multiplier (n_filters_scale).
 * @shape input X (B, N, N, C_in) float32 → outputs [amplitude (B, N, N, C_out), phase (B, N, N, C_out)] float32
 * @throws InputError for an unsupported N or a fractional filter count.
 */
export function createUNet(N: number, cIn: number, cOut: number, f: number, options: CreateUNetOptions = {}): tfl.LayersModel {
  for (const [key, v] of [['C_in', cIn], ['C_out', cOut]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new InputError('channel count must be a positive integer', { key, expected: 'integer ≥ 1', actual: String(v) });
  }
  const { encoder, decoder } = unetFilters(N, f);
  const heads = options.heads ?? CENTER_HEADS;
  const init = new InitSeq(options.seed);
  const input = tfl.input({ name: UNET_IO.input, shape: [N, N, cIn] });
  // Residual heads (the physics-informed input) come with skip connections from the encoder.
  const skips: tfl.SymbolicTensor[] | undefined = heads.residual ? [] : undefined;
  const features = applyEncoder(input, encoder, init, 'encoder', skips);
  const amplitude = applyDecoder(features, decoder, cOut, N, 'amplitude', init, heads, skips);
  const phase = applyDecoder(features, decoder, cOut, N, 'phase', init, heads, skips);
  return tfl.model({ name: 'ptychopinn_unet', inputs: input, outputs: [amplitude, phase] });
}
