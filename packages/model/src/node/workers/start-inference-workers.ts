import type * as tf from '@tensorflow/tfjs-core';
import type { ComplexArray } from '@ptychojs/io';
import type { KernelFillOptions } from '@ptychojs/physics/kernels';
import { startWorkerGroup, type WorkerGroup } from './start-worker-group.js';

/** Options of {@link startInferenceWorkers}. */
export interface InferenceWorkersOptions {
  /** Worker threads, one copy of the model each (≥ 1). */
  readonly workers: number;
  /** tfjs backend each worker starts (`wasm` or `cpu`), with our kernel fills. */
  readonly backend: string;
  readonly kernelFills?: KernelFillOptions;
}

/** Inference on worker threads: `predict` runs `predictObject` on whichever worker is free. */
export interface InferenceWorkers {
  readonly size: number;
  /**
   * `predictObject` of the model on one worker (the least busy). Calls may overlap (up to
   * `size` run at once); each result is exactly what `predictObject` gives on that backend.
   * @shape X (B, N, N, C) float32 · coordsRelative (B, 1, 2, C) → (B, N, N, 1) complex
   */
  predict(X: Float32Array, coordsRelative: Float64Array, options?: { batchSize?: number }): Promise<ComplexArray>;
  /** Stop the workers. */
  close(): Promise<void>;
  /** The underlying group (diagnostics and tests). */
  readonly group: WorkerGroup;
}

/**
 * Start `workers` threads and load the model into each (issue 10, inference spread over the
 * workers). `artifacts` are a saved model's (`model.json` with ptychojs metadata and its weights,
 * e.g. `fileModelHandler(dir).load()`).
 *
 * @throws the worker's error (InputError for bad metadata) when a model does not load
 */
export async function startInferenceWorkers(artifacts: tf.io.ModelArtifacts, options: InferenceWorkersOptions): Promise<InferenceWorkers> {
  const group = startWorkerGroup({ count: options.workers, backend: options.backend, label: 'inference', ...(options.kernelFills ? { kernelFills: options.kernelFills } : {}) });
  try {
    await Promise.all(group.threads.map((_, i) => group.call(i, 'load', { artifacts })));
  } catch (e) {
    await group.terminate();
    throw e;
  }
  const busy = new Array<number>(group.size).fill(0);
  return {
    size: group.size,
    group,
    async predict(X, coordsRelative, opts = {}) {
      let i = 0;
      for (let k = 1; k < busy.length; k++) if (busy[k]! < busy[i]!) i = k;
      busy[i]!++;
      try {
        // Copies: the caller keeps its arrays.
        return await group.call<ComplexArray>(i, 'predict', { X, coordsRelative, batchSize: opts.batchSize ?? 32 });
      } finally {
        busy[i]!--;
      }
    },
    close: () => group.terminate(),
  };
}
