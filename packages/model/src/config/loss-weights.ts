import type { RunConfig } from './run-config.js';

/**
 * The weighted terms of the training loss (SPEC §3 "Loss") and the RunConfig key of each one's
 * weight, in the order the total sums them. The configuration owns the names (its check that some
 * weight is > 0 reads them); training's `LossTerms` has exactly these terms and the total.
 */
export const LOSS_WEIGHTS = {
  nll: 'nllWeight',
  mae: 'maeWeight',
  tv: 'tvWeight',
  realspace: 'realspaceWeight',
} as const satisfies Record<string, keyof RunConfig>;

/** A weighted term of the loss (every term but the total). */
export type WeightedTerm = keyof typeof LOSS_WEIGHTS;

/** The RunConfig keys of the loss weights. */
export type LossWeightKey = (typeof LOSS_WEIGHTS)[WeightedTerm];
