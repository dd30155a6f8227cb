/**
 * The terms of the training loss (SPEC §3 "Loss"), by name: what each is, the setting that weighs
 * it, and the one order in which they travel as numbers (a replica's step returns them stacked).
 */
import type * as tf from '@tensorflow/tfjs-core';
import { LOSS_WEIGHTS, type WeightedTerm } from '../config/loss-weights.js';

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

/** Names of the loss terms in the order a step returns their values: the total, then {@link LOSS_WEIGHTS}' terms. */
export const LOSS_TERMS = ['total', ...(Object.keys(LOSS_WEIGHTS) as WeightedTerm[])] as readonly (keyof LossTerms)[];

/** The terms by name from their values in {@link LOSS_TERMS} order (a step's or an epoch's means). */
export function lossTermsByName(values: ArrayLike<number>): LossTerms<number> {
  return Object.fromEntries(LOSS_TERMS.map((name, i) => [name, values[i]!])) as unknown as LossTerms<number>;
}

// Compile-time check: the terms of LossTerms are the total and exactly the weighted terms of LOSS_WEIGHTS.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _termsAgree: Same<Exclude<keyof LossTerms, 'total'>, WeightedTerm> = true;
void _termsAgree;
