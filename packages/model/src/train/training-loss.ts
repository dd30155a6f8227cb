import * as tf from '@tensorflow/tfjs-core';
import { complexMae, mae, poissonNll, totalVariation, type ComplexTensor } from '@ptychojs/physics';
import type { RunConfig } from '../config/run-config.js';
import type { TrainOutputs } from '../model/forward-train.js';

/** The loss and its terms, unweighted (SPEC §3 "Loss"). */
export interface LossTerms<T = tf.Scalar> {
  /** `w_nll·nll + w_mae·mae + w_tv·tv + w_rs·realspace`. */
  readonly total: T;
  /** Poisson NLL, mean of `Î − Y·log(max(Î, 1e−12))` with `Y = (s·X)²`, Î = output 3. */
  readonly nll: T;
  /** `mean |s·X − output 2|`. */
  readonly mae: T;
  /** Total variation of the object (output 1), per group. */
  readonly tv: T;
  /** Complex MAE of the object patches vs the ground truth Y; 0 without Y. */
  readonly realspace: T;
}

/** Names of the loss terms in {@link LossTerms} order. */
export const LOSS_TERMS = ['total', 'nll', 'mae', 'tv', 'realspace'] as const;

/**
 * The training loss (SPEC §3 "Loss"): `w_nll·PoissonNLL + w_mae·MAE(s·X, output 2) + w_tv·TV +
 * w_rs·complexMAE(patches, Y)`. Every term is computed (they are cheap next to the U-Net) so the
 * history shows them all; only weighted ones contribute to `total` and its gradient. Allocates
 * tensors: call inside `tf.tidy` or `minimize`.
 *
 * A bad-pixel mask (`measured`, 0 at pixels the detector did not measure) excludes those pixels
 * from the Poisson NLL and the MAE — means over the measured pixels — so their values change
 * neither the loss nor its gradient.
 *
 * @shape xScaled (B, N, N, C) float32 — s·X, the model input and the amplitude target
 * @shape Y (B, N, N, C) float32 pair — ground-truth object patches, optional
 * @shape measured (1, N, N, 1) float32 0/1, optional
 */
export function trainingLoss(
  outputs: TrainOutputs, xScaled: tf.Tensor4D,
  weights: Pick<RunConfig, 'nllWeight' | 'maeWeight' | 'tvWeight' | 'realspaceWeight'>,
  Y?: ComplexTensor<tf.Tensor4D>,
  measured?: tf.Tensor,
): LossTerms {
  const nll = poissonNll(outputs.intensity, xScaled, measured ? { measured } : {});
  const maeT = mae(xScaled, outputs.amplitude, measured);
  const tv = totalVariation(outputs.object);
  const realspace = Y ? complexMae(outputs.patches, Y) : tf.scalar(0);
  let total = tf.scalar(0);
  for (const [w, t] of [[weights.nllWeight, nll], [weights.maeWeight, maeT], [weights.tvWeight, tv], [weights.realspaceWeight, realspace]] as const) {
    if (w > 0) total = tf.add(total, w === 1 ? t : tf.mul(t, w));
  }
  return { total, nll, mae: maeT, tv, realspace };
}
