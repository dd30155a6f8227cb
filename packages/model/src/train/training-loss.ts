import * as tf from '@tensorflow/tfjs-core';
import { complexMae, mae, poissonNll, totalVariation, type ComplexTensor } from '@ptychojs/physics';
import type { RunConfig } from '../config/run-config.js';
import { LOSS_WEIGHTS, type LossWeightKey } from '../config/loss-weights.js';
import type { LossTerms } from './loss-terms.js';
import type { TrainOutputs } from '../model/forward-train.js';

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
  weights: Pick<RunConfig, LossWeightKey>,
  Y?: ComplexTensor<tf.Tensor4D>,
  measured?: tf.Tensor,
): LossTerms {
  const nll = poissonNll(outputs.intensity, xScaled, measured ? { measured } : {});
  const maeT = mae(xScaled, outputs.amplitude, measured);
  const tv = totalVariation(outputs.object);
  const realspace = Y ? complexMae(outputs.patches, Y) : tf.scalar(0);
  const terms = { nll, mae: maeT, tv, realspace };
  let total = tf.scalar(0);
  for (const [term, key] of Object.entries(LOSS_WEIGHTS) as [keyof typeof LOSS_WEIGHTS, LossWeightKey][]) {
    const w = weights[key];
    if (w > 0) total = tf.add(total, w === 1 ? terms[term] : tf.mul(terms[term], w));
  }
  return { total, ...terms };
}
