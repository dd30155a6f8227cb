/**
 * SIGINT and SIGTERM during training (issue 9): the first one stops training after the current
 * step and saves a checkpoint (the pipeline then throws `TrainingInterruptedError`, which `main`
 * turns into exit code 128 + the signal number); a second one exits at once.
 */
import os from 'node:os';
import type { Ui } from './ui.js';

/** An abort signal fed by SIGINT/SIGTERM until `dispose()` restores the default handling. */
export function interruptOnSignals(ui: Ui): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const handler = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      process.stderr.write(`${name} again: stopping now, without a checkpoint for this epoch\n`);
      process.exit(128 + (os.constants.signals[name] ?? 0));
    }
    ui.warn(`${name}: stopping after the current step and saving a checkpoint (send it again to quit at once)`);
    controller.abort(name);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  for (const s of signals) process.on(s, handler);
  return {
    signal: controller.signal,
    dispose: () => { for (const s of signals) process.off(s, handler); },
  };
}
