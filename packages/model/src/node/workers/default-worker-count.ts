import os from 'node:os';

/**
 * Worker threads a run uses when `--workers` is not given (issue 10): one per core for the
 * single-threaded backends (wasm, cpu), never more than the groups in a batch (a worker without a
 * shard only waits), and 1 for backends that use every core or a GPU by themselves (tensorflow,
 * webgpu), where replicas would compete for the same device. On tensorflow this was measured
 * (issue 16, 2 cores, bench/train-step.mjs): one process with TensorFlow's own intra-op threads
 * trained 2–5× faster than two single-threaded replicas at f = 0.25 and 2–3× at f = 2.
 */
export function defaultWorkerCount(backend: string, batchSize: number): number {
  if (backend !== 'wasm' && backend !== 'cpu') return 1;
  return Math.max(1, Math.min(os.availableParallelism(), batchSize));
}
