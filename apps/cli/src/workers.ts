/**
 * The `--workers` option (issue 10): data-parallel worker threads for training and inference.
 */
import { InputError } from '@ptychojs/io';
import { defaultWorkerCount } from '@ptychojs/model/node';

export const WORKERS_FLAG = '--workers <n>';
export const WORKERS_HELP = "worker threads, each with its own backend and copy of the model; each batch is split between them (default 'auto': one per core on wasm and cpu, 1 on tensorflow and webgpu)";

/**
 * The number of worker threads for `--workers` (undefined or `auto`: {@link defaultWorkerCount}).
 * @throws InputError for a value that is not a positive integer, or more than one worker on a
 *   backend that workers cannot start (tensorflow, webgpu: they use the whole machine themselves)
 */
export function resolveWorkers(flag: unknown, backend: string, batchSize: number): number {
  if (flag === undefined || flag === 'auto') return defaultWorkerCount(backend, batchSize);
  const n = Number(flag);
  if (!Number.isInteger(n) || n < 1) throw new InputError('the number of workers must be a positive integer or auto', { key: '--workers', expected: "integer ≥ 1 or 'auto'", actual: String(flag) });
  if (n > 1 && backend !== 'wasm' && backend !== 'cpu') {
    throw new InputError(`worker threads run the wasm or cpu backend; ${backend} uses the whole machine or a GPU by itself`, { key: '--workers', expected: '1 with this backend', actual: String(n) });
  }
  return n;
}
