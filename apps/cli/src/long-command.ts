/**
 * The start every training command shares (`run`, `train`, `pretrain`, `demo`): the backend
 * chosen and said, the worker threads for the batch size, and SIGINT/SIGTERM turned into a
 * checkpoint-and-stop for as long as the work runs.
 */
import { selectBackend, type BackendChoice, type BackendInfo } from './backend.js';
import { interruptOnSignals } from './interrupt.js';
import type { Ui } from './ui.js';
import { resolveWorkers } from './workers.js';

/** What the work of a long command is given: spread it into the pipeline's options. */
export interface LongCommandContext {
  readonly backend: BackendInfo;
  readonly reporter: Ui;
  readonly workers: number;
  readonly signal: AbortSignal;
}

/** The flags it reads: `--backend` and `--workers`, as commander gives them. */
interface LongCommandFlags {
  readonly backend?: unknown;
  readonly workers?: unknown;
}

/**
 * Select the backend (`--backend`), say which, resolve `--workers` for `batchSize`, and run `work`
 * with the signals turned into an abort; the default signal handling is back when it settles.
 * @returns the work's result, with the backend and workers it ran on (for what follows, such as
 *   `train --test`'s reconstruction)
 */
export async function runLongCommand<T>(
  ui: Ui, flags: LongCommandFlags | Readonly<Record<string, unknown>>, batchSize: number, work: (context: LongCommandContext) => Promise<T>,
): Promise<{ result: T; backend: BackendInfo; workers: number }> {
  const { backend: requested, workers: workersFlag } = flags as LongCommandFlags;
  const backend = await selectBackend(requested as BackendChoice);
  ui.info(`backend: ${backend.name} (${backend.reason})`);
  const workers = resolveWorkers(workersFlag, backend.name, batchSize);
  const interrupt = interruptOnSignals(ui);
  try {
    return { result: await work({ backend, reporter: ui, workers, signal: interrupt.signal }), backend, workers };
  } finally {
    interrupt.dispose();
  }
}
