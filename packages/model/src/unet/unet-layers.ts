/**
 * Layer stacks of the U-Net (SPEC §3 "U-Net"), applied to symbolic tensors so the encoder, the
 * decoders and the whole U-Net are flat graphs of standard tfjs-layers layers (Conv2D, MaxPooling2D,
 * UpSampling2D, ZeroPadding2D, Rescaling): a saved `model.json` loads with `tf.loadLayersModel` and
 * no custom layer. Internal; the public factories are `createEncoder`, `createDecoder`, `createUNet`.
 */
import * as tfl from '@tensorflow/tfjs-layers';

/** Which decoder: amplitude or phase. */
export type DecoderKind = 'amplitude' | 'phase';

/**
 * How much of each N×N patch the decoders can predict (SPEC §3 "U-Net", issue 8):
 * - `center`: the central N/2×N/2, zero-padded to N×N (PtychoPINN's default);
 * - `border`: that, plus PtychoPINN's probe.big border branch — an extra up-block on the last
 *   decoder features, a 3×3 conv, swish, kept only on the ring outside the central N/2 square and
 *   added to the central prediction;
 * - `full`: one more up-block to N×N and the head's activation everywhere (no zero padding).
 */
export const OBJECT_EXTENTS = ['center', 'border', 'full'] as const;

/** One of {@link OBJECT_EXTENTS}. */
export type ObjectExtent = (typeof OBJECT_EXTENTS)[number];

/** Amplitude head activations: `sigmoid` (0, 1); `softplus` (0, ∞); `swish` (≈ −0.278, ∞). */
export const AMPLITUDE_ACTIVATIONS = ['sigmoid', 'softplus', 'swish'] as const;

/** One of {@link AMPLITUDE_ACTIVATIONS}. */
export type AmplitudeActivation = (typeof AMPLITUDE_ACTIVATIONS)[number];

/**
 * Phase head activations: `pi-tanh` (π·tanh, (−π, π), PtychoPINN's) or `linear` (unbounded
 * radians: the object is `A·exp(iφ)`, so any φ is as good as φ mod 2π, and the unobservable global
 * phase cannot push the head into a saturated range).
 */
export const PHASE_ACTIVATIONS = ['pi-tanh', 'linear'] as const;

/** One of {@link PHASE_ACTIVATIONS}. */
export type PhaseActivation = (typeof PHASE_ACTIVATIONS)[number];

/** The decoders' output heads. */
export interface DecoderHeads {
  readonly extent: ObjectExtent;
  readonly amplitudeActivation: AmplitudeActivation;
  readonly phaseActivation: PhaseActivation;
  /**
   * Corrections of a physics estimate (issue 15; the model's `input.iterations` > 0): both heads
   * are linear 3×3 convolutions whose kernels start at zero, read as a log-amplitude and a phase
   * correction of the single-pattern estimate (`objectPatches`), so an untrained network returns
   * the estimate itself, and the decoders get skip connections from the encoder (each decoder block
   * concatenates the encoder features of its resolution, as in Ronneberger et al. 2015), so a local
   * correction need not pass through the bottleneck. The activations above are then unused.
   * Absent: false (PtychoPINN's encoder–decoder, no skips).
   */
  readonly residual?: boolean;
}

/** PtychoPINN's heads: central N/2 square, sigmoid amplitude, π·tanh phase. */
export const CENTER_HEADS: DecoderHeads = Object.freeze({ extent: 'center', amplitudeActivation: 'sigmoid', phaseActivation: 'pi-tanh' });

/**
 * The range a head's values can take (before float rounding): the activation's range, widened by
 * swish's for the border branch. Used to check predictions (`predictObject`).
 */
export function amplitudeRange(heads: DecoderHeads): readonly [number, number] {
  // A correction of the estimate: |estimate|·exp(a), a unbounded.
  if (heads.residual) return [0, Infinity];
  const r: Record<AmplitudeActivation, [number, number]> = { sigmoid: [0, 1], softplus: [0, Infinity], swish: [SWISH_MIN, Infinity] };
  const [lo, hi] = r[heads.amplitudeActivation];
  return heads.extent === 'border' ? [Math.min(lo, SWISH_MIN), Infinity] : [lo, hi];
}

/** min over x of x·sigmoid(x) (at x ≈ −1.2785). */
const SWISH_MIN = -0.2784645427610738;

/** Seeded Glorot-uniform initializers, one seed per layer, so a seed gives the same weights. */
export class InitSeq {
  private i = 0;
  constructor(private readonly seed: number | undefined) {}
  next(): ReturnType<typeof tfl.initializers.glorotUniform> | 'glorotUniform' {
    return this.seed === undefined ? 'glorotUniform' : tfl.initializers.glorotUniform({ seed: this.seed * 1009 + this.i++ });
  }
}

type Activation = 'relu' | 'sigmoid' | 'tanh' | 'softplus' | 'swish' | 'linear';

function conv(name: string, filters: number, init: InitSeq, activation: Activation, zeroKernel = false): tfl.layers.Layer {
  const kernelInitializer = init.next();
  return tfl.layers.conv2d({
    name, filters, kernelSize: 3, padding: 'same', activation,
    kernelInitializer: zeroKernel ? 'zeros' : kernelInitializer, biasInitializer: 'zeros',
  });
}

const apply = (layer: tfl.layers.Layer, x: tfl.SymbolicTensor): tfl.SymbolicTensor => layer.apply(x) as tfl.SymbolicTensor;

/**
 * Encoder blocks [3×3 conv+ReLU, 3×3 conv+ReLU, 2×2 max-pool] with the given filters.
 *
 * @shape x (B, N, N, C_in) → (B, N/2^L, N/2^L, filters[L−1])
 */
export function applyEncoder(x: tfl.SymbolicTensor, filters: readonly number[], init: InitSeq, prefix = 'encoder', skips?: tfl.SymbolicTensor[]): tfl.SymbolicTensor {
  filters.forEach((nf, i) => {
    x = apply(conv(`${prefix}_block${i + 1}_conv1`, nf, init, 'relu'), x);
    x = apply(conv(`${prefix}_block${i + 1}_conv2`, nf, init, 'relu'), x);
    // Each block's features before pooling, for skip connections (shallow first).
    skips?.push(x);
    x = apply(tfl.layers.maxPooling2d({ name: `${prefix}_block${i + 1}_pool`, poolSize: 2, strides: 2 }), x);
  });
  return x;
}

/** Concatenate the encoder features of x's resolution (a skip connection), when there are any. */
function withSkip(x: tfl.SymbolicTensor, name: string, skips: readonly tfl.SymbolicTensor[] | undefined): tfl.SymbolicTensor {
  const side = x.shape[1];
  const skip = skips?.find((s) => s.shape[1] === side);
  return skip ? tfl.layers.concatenate({ name: `${name}_skip`, axis: -1 }).apply([x, skip]) as tfl.SymbolicTensor : x;
}

/** [3×3 conv+ReLU ×2, ×2 nearest upsampling] (PtychoPINN's Conv_Up_block). */
function upBlock(x: tfl.SymbolicTensor, name: string, nf: number, init: InitSeq): tfl.SymbolicTensor {
  x = apply(conv(`${name}_conv1`, nf, init, 'relu'), x);
  x = apply(conv(`${name}_conv2`, nf, init, 'relu'), x);
  return apply(tfl.layers.upSampling2d({ name: `${name}_up`, size: [2, 2], interpolation: 'nearest' }), x);
}

/** 3×3 conv to C_out with the head's activation (π·tanh as tanh then ×π). */
function head(x: tfl.SymbolicTensor, name: string, cOut: number, kind: DecoderKind, heads: DecoderHeads, init: InitSeq): tfl.SymbolicTensor {
  // Residual heads: linear, zero kernels (an untrained network corrects nothing).
  if (heads.residual) return apply(conv(name, cOut, init, 'linear', true), x);
  if (kind === 'amplitude') return apply(conv(name, cOut, init, heads.amplitudeActivation), x);
  if (heads.phaseActivation === 'linear') return apply(conv(name, cOut, init, 'linear'), x);
  return apply(tfl.layers.rescaling({ name: `${name}_times_pi`, scale: Math.PI }), apply(conv(name, cOut, init, 'tanh'), x));
}

/**
 * Decoder blocks [3×3 conv+ReLU ×2, ×2 nearest upsampling] up to N/2×N/2, then the output head
 * ({@link ObjectExtent}): a 3×3 conv to C_out channels with the amplitude (sigmoid, softplus,
 * swish) or phase (π·tanh, linear) activation on the central N/2×N/2, zero-padded to N×N
 * (`center`); plus a swish border branch on the outer ring (`border`); or one more up-block and
 * the head over the whole N×N (`full`). Standard layers only (the ring mask is
 * `b − pad(crop(b))`, exactly zero inside the centre).
 *
 * @shape x (B, S, S, F) → (B, N, N, C_out) with N = 2·S·2^(blocks)
 */
export function applyDecoder(
  x: tfl.SymbolicTensor, filters: readonly number[], cOut: number, N: number, kind: DecoderKind, init: InitSeq, heads: DecoderHeads = CENTER_HEADS,
  skips?: readonly tfl.SymbolicTensor[],
): tfl.SymbolicTensor {
  filters.forEach((nf, i) => {
    x = upBlock(withSkip(x, `${kind}_block${i + 1}`, skips), `${kind}_block${i + 1}`, nf, init);
  });
  const last = filters[filters.length - 1]!;
  if (heads.extent === 'full') {
    const up = upBlock(withSkip(x, `${kind}_full`, skips), `${kind}_full`, last, init);
    return head(withSkip(up, `${kind}_out`, skips), `${kind}_out`, cOut, kind, heads, init);
  }
  const q = N / 4;
  const centre = apply(tfl.layers.zeroPadding2d({ name: `${kind}_pad`, padding: [[q, q], [q, q]] }), head(x, `${kind}_out`, cOut, kind, heads, init));
  if (heads.extent === 'center') return centre;
  const b = apply(conv(`${kind}_border_out`, cOut, init, 'swish', heads.residual === true), upBlock(x, `${kind}_border`, last, init));
  const inner = apply(tfl.layers.cropping2D({ name: `${kind}_border_crop`, cropping: [[q, q], [q, q]] }), b);
  const innerPadded = apply(tfl.layers.zeroPadding2d({ name: `${kind}_border_crop_pad`, padding: [[q, q], [q, q]] }), inner);
  const minusInner = apply(tfl.layers.rescaling({ name: `${kind}_border_inner_negated`, scale: -1 }), innerPadded);
  // b + (−b) is exactly 0 inside the centre, and the centre + 0 exactly the centre.
  const ring = tfl.layers.add({ name: `${kind}_border_ring` }).apply([b, minusInner]) as tfl.SymbolicTensor;
  return tfl.layers.add({ name: `${kind}_with_border` }).apply([centre, ring]) as tfl.SymbolicTensor;
}
