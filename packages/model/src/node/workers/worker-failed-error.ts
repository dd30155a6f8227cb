/**
 * A worker thread died (exited, crashed, ran out of memory, or was terminated) while the work it
 * shared was running: the whole operation is over. An internal failure (CLI exit 1), not bad input.
 */
export class WorkerFailedError extends Error {
  override readonly name = 'WorkerFailedError';
  /** 0-based index of the worker in its group. */
  readonly worker: number;

  constructor(message: string, worker: number, options?: { cause?: unknown }) {
    super(message, options);
    this.worker = worker;
  }
}
