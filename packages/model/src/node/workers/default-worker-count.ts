import os from 'node:os';

/**
 * Worker threads a run uses when `--workers` is not given (issue 10): one per core for the
 * single-threaded backends (wasm, cpu), never more than the groups in a batch (a worker without a
 * shard only waits), and 1 for backends that use every core or a GPU by themselves (tensorflow,
 * webgpu), where replicas would compete for the same device.
 */
export function defaultWorkerCount(backend: string, batchSize: number): number {
  if (backend !== 'wasm' && backend !== 'cpu') return 1;
  return Math.max(1, Math.min(os.availableParallelism(), batchSize));
}
