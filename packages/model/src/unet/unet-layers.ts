/**
 * Layer stacks of the U-Net (SPEC §3 "U-Net"), applied to symbolic tensors so the encoder, the
 * decoders and the whole U-Net are flat graphs of standard tfjs-layers layers (Conv2D, MaxPooling2D,
 * UpSampling2D, ZeroPadding2D, Rescaling): a saved `model.json` loads with `tf.loadLayersModel` and
 * no custom layer. Internal; the public factories are `createEncoder`, `createDecoder`, `createUNet`.
 */
import * as tfl from '@tensorflow/tfjs-layers';

/** Which decoder: amplitude ends in a sigmoid, phase in π·tanh. */
export type DecoderKind = 'amplitude' | 'phase';

/** Seeded Glorot-uniform initializers, one seed per layer, so a seed gives the same weights. */
export class InitSeq {
  private i = 0;
  constructor(private readonly seed: number | undefined) {}
  next(): ReturnType<typeof tfl.initializers.glorotUniform> | 'glorotUniform' {
    return this.seed === undefined ? 'glorotUniform' : tfl.initializers.glorotUniform({ seed: this.seed * 1009 + this.i++ });
  }
}

function conv(name: string, filters: number, init: InitSeq, activation: 'relu' | 'sigmoid' | 'tanh'): tfl.layers.Layer {
  return tfl.layers.conv2d({
    name, filters, kernelSize: 3, padding: 'same', activation,
    kernelInitializer: init.next(), biasInitializer: 'zeros',
  });
}

const apply = (layer: tfl.layers.Layer, x: tfl.SymbolicTensor): tfl.SymbolicTensor => layer.apply(x) as tfl.SymbolicTensor;

/**
 * Encoder blocks [3×3 conv+ReLU, 3×3 conv+ReLU, 2×2 max-pool] with the given filters.
 *
 * @shape x (B, N, N, C_in) → (B, N/2^L, N/2^L, filters[L−1])
 */
export function applyEncoder(x: tfl.SymbolicTensor, filters: readonly number[], init: InitSeq, prefix = 'encoder'): tfl.SymbolicTensor {
  filters.forEach((nf, i) => {
    x = apply(conv(`${prefix}_block${i + 1}_conv1`, nf, init, 'relu'), x);
    x = apply(conv(`${prefix}_block${i + 1}_conv2`, nf, init, 'relu'), x);
    x = apply(tfl.layers.maxPooling2d({ name: `${prefix}_block${i + 1}_pool`, poolSize: 2, strides: 2 }), x);
  });
  return x;
}

/**
 * Decoder blocks [3×3 conv+ReLU ×2, ×2 nearest upsampling], then a 3×3 conv to C_out channels with
 * sigmoid (amplitude) or π·tanh (phase) on the central N/2×N/2, zero-padded to N×N.
 *
 * @shape x (B, S, S, F) → (B, N, N, C_out) with N = 2·S·2^(blocks)
 */
export function applyDecoder(
  x: tfl.SymbolicTensor, filters: readonly number[], cOut: number, N: number, kind: DecoderKind, init: InitSeq,
): tfl.SymbolicTensor {
  filters.forEach((nf, i) => {
    x = apply(conv(`${kind}_block${i + 1}_conv1`, nf, init, 'relu'), x);
    x = apply(conv(`${kind}_block${i + 1}_conv2`, nf, init, 'relu'), x);
    x = apply(tfl.layers.upSampling2d({ name: `${kind}_block${i + 1}_up`, size: [2, 2], interpolation: 'nearest' }), x);
  });
  x = apply(conv(`${kind}_out`, cOut, init, kind === 'amplitude' ? 'sigmoid' : 'tanh'), x);
  if (kind === 'phase') x = apply(tfl.layers.rescaling({ name: 'phase_times_pi', scale: Math.PI }), x);
  return apply(tfl.layers.zeroPadding2d({ name: `${kind}_pad`, padding: [[N / 4, N / 4], [N / 4, N / 4]] }), x);
}
