import type { RunConfig } from '../config/run-config.js';
import type { ScheduleState } from './types.js';

/** The schedule before the first epoch. */
export function initialSchedule(config: Pick<RunConfig, 'lr'>): ScheduleState {
  return { lr: config.lr, bestVal: Infinity, valWait: 0, bestTrain: Infinity, trainWait: 0 };
}

/**
 * Advance the learning-rate schedule and early stopping after an epoch (SPEC §3: "learning rate
 * halves when validation loss stalls 2 epochs (floor 1e−4); early stop after 3 epochs without
 * training-loss improvement"), with Keras `ReduceLROnPlateau(factor 0.5)` and `EarlyStopping`
 * semantics: a loss improves when strictly below the best so far; after `lrPatience` epochs without
 * improvement the rate halves (not below `minLr`) and the count restarts; after
 * `earlyStopPatience` epochs without training-loss improvement training stops. Without a
 * validation set (`valLoss` null) the schedule follows the training loss.
 *
 * @returns the next state (its `lr` is for the next epoch) and whether to stop
 */
export function updateSchedule(
  state: ScheduleState, trainLoss: number, valLoss: number | null,
  config: Pick<RunConfig, 'minLr' | 'lrPatience' | 'earlyStopPatience'>,
): { state: ScheduleState; stop: boolean } {
  const monitored = valLoss ?? trainLoss;
  let { lr, bestVal, valWait, bestTrain, trainWait } = state;
  if (monitored < bestVal) { bestVal = monitored; valWait = 0; } else valWait++;
  if (valWait >= config.lrPatience) {
    if (lr > config.minLr) lr = Math.max(lr * 0.5, config.minLr);
    valWait = 0;
  }
  if (trainLoss < bestTrain) { bestTrain = trainLoss; trainWait = 0; } else trainWait++;
  return { state: { lr, bestVal, valWait, bestTrain, trainWait }, stop: trainWait >= config.earlyStopPatience };
}
