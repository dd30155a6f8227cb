import { Worker } from 'node:worker_threads';
import type { KernelFillOptions } from '@ptychojs/physics/kernels';
import type { PtychoWorkerData, SerializedError, WorkerRequest, WorkerResponse } from './protocol.js';
import { WorkerFailedError } from './worker-failed-error.js';
import { workerScriptUrl } from './worker-script-url.js';

/** Options of {@link startWorkerGroup}. */
export interface WorkerGroupOptions {
  /** Number of worker threads (≥ 1). */
  readonly count: number;
  /** tfjs backend each worker starts (`wasm`, `cpu`, …), with our kernel fills. */
  readonly backend: string;
  readonly kernelFills?: KernelFillOptions;
  /** What the group is for, in error messages (`training`, `inference`). */
  readonly label: string;
}

/**
 * Worker threads that run `ptycho-worker` (each with its own tfjs backend) and answer requests.
 * They live and fail together: when one dies, every pending and later request of the group
 * rejects with one {@link WorkerFailedError} and the others are terminated.
 */
export interface WorkerGroup {
  readonly size: number;
  /** The threads (for diagnostics and tests; do not post to them directly). */
  readonly threads: readonly Worker[];
  /** Ask worker `index` to run `op`; `transfer` lists buffers to move rather than copy. */
  call<R>(index: number, op: string, args?: unknown, transfer?: readonly ArrayBuffer[]): Promise<R>;
  /** Terminate every worker; pending requests reject. Safe to call more than once. */
  terminate(): Promise<void>;
}

/**
 * Start `count` worker threads running `ptycho-worker`, each with its own tfjs backend. Worker
 * output goes to this process's stderr, never its stdout (which may carry `--json` results).
 * Requests are plain `postMessage`: buffers in `transfer` move, the rest is copied.
 *
 * Why not a pool library (piscina, workerpool): they hand a task to whichever worker is idle,
 * while data-parallel replicas must be addressed one by one and must fail as a group.
 */
export function startWorkerGroup(options: WorkerGroupOptions): WorkerGroup {
  const { count, label } = options;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`startWorkerGroup: count must be an integer ≥ 1, got ${count}`);
  const script = workerScriptUrl();
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  let nextId = 1;
  let failure: WorkerFailedError | undefined;
  let closing = false;

  const fail = (index: number, what: string, cause?: unknown) => {
    if (failure !== undefined || closing) return;
    failure = new WorkerFailedError(`${label} worker ${index + 1} of ${count} ${what}`, index, cause === undefined ? undefined : { cause });
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
    closing = true;
    for (const t of threads) void t.terminate();
  };

  const threads = Array.from({ length: count }, (_, index) => {
    const workerData: PtychoWorkerData = { backend: options.backend, ...(options.kernelFills ? { kernelFills: options.kernelFills } : {}), index, count };
    const w = new Worker(script, { workerData, stdout: true });
    w.stdout.pipe(process.stderr, { end: false });
    w.on('message', (m: WorkerResponse) => {
      const p = pending.get(m.id);
      if (p === undefined) return;
      pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(deserializeError(m.error));
    });
    w.on('error', (e) => fail(index, `failed: ${e.message}`, e));
    w.on('exit', (code) => fail(index, `exited (code ${code}) before its work was done`));
    return w;
  });

  return {
    size: count,
    threads,
    call<R>(index: number, op: string, args?: unknown, transfer: readonly ArrayBuffer[] = []): Promise<R> {
      if (failure) return Promise.reject(failure);
      if (closing) return Promise.reject(new Error(`${label} workers were terminated`));
      const id = nextId++;
      return new Promise<R>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        const req: WorkerRequest = { id, op, args };
        threads[index]!.postMessage(req, [...transfer]);
      });
    },
    async terminate() {
      closing = true;
      const stopped = new Error(`${label} workers were terminated`);
      for (const p of pending.values()) p.reject(stopped);
      pending.clear();
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}

function deserializeError(s: SerializedError): Error {
  const e = new Error(s.message);
  Object.assign(e, s.fields);
  Object.defineProperty(e, 'name', { value: s.name, configurable: true, writable: true });
  if (s.stack !== undefined) e.stack = s.stack;
  return e;
}
