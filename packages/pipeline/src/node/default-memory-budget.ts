import os from 'node:os';

/**
 * The memory a run may use for scan frames when the user does not say (`--memory-budget`): half of
 * this machine's memory (the rest is for the model, the canvas, the system and other programs).
 */
export function defaultMemoryBudget(): number {
  return Math.floor(os.totalmem() / 2);
}
