import type { KernelFillOptions } from '@ptychojs/physics/kernels';
import { modelFromState } from '../../train/model-from-state.js';
import type { ReplicaInit, ReplicaState, TrainingBatch, TrainingEngine, TrainingEngineFactory } from '../../train/training-engine.js';
import { startWorkerGroup, type WorkerGroup } from './start-worker-group.js';

/** Options of {@link workerTrainingEngine}. */
export interface WorkerTrainingOptions {
  /** Worker threads, one model replica each (≥ 1). */
  readonly workers: number;
  /** tfjs backend each worker starts (`wasm` or `cpu`), with our kernel fills. */
  readonly backend: string;
  readonly kernelFills?: KernelFillOptions;
  /** Called with the started worker group (diagnostics and tests). */
  readonly onStart?: (group: WorkerGroup) => void;
}

/**
 * Data-parallel training on worker threads (issue 10): each worker holds a replica of the model
 * and its Adam optimizer on its own tfjs backend. A step splits the batch into contiguous shards,
 * one per worker (sizes differ by at most one group); worker i writes (nᵢ/n)·∇Lᵢ — its shard's
 * gradient weighted by its share of the batch — into its slot of a SharedArrayBuffer; then every
 * worker sums the slots in the same order and applies that one Adam step, so the replicas stay
 * bit-identical (checked by a fingerprint whenever the state is read). The loss terms are the
 * same weighted sums: the batch mean, as in one thread. With one worker the step is the one of
 * `optimizer.minimize`, bit for bit; with W workers, the same to float32 rounding.
 *
 * The main thread needs no model while training; {@link TrainingEngine.finish} rebuilds the
 * trained one on this thread's active backend. A worker that dies ends training with a
 * `WorkerFailedError` naming it (checkpoints already saved stay as they are).
 */
export function workerTrainingEngine(options: WorkerTrainingOptions): TrainingEngineFactory {
  return async (init: ReplicaInit): Promise<TrainingEngine> => {
    const W = options.workers;
    const group = startWorkerGroup({ count: W, backend: options.backend, label: 'training', ...(options.kernelFills ? { kernelFills: options.kernelFills } : {}) });
    options.onStart?.(group);
    const all = <R>(op: string, args?: (i: number) => unknown) => Promise.all(Array.from({ length: W }, (_, i) => group.call<R>(i, op, args?.(i))));
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await group.terminate();
    };
    try {
      const started = await all<{ parameterCount: number; fingerprint: number }>('init', () => init);
      checkIdentical(started.map((s) => s.fingerprint), 'after initialisation');
      const P = started[0]!.parameterCount;
      const buffer = new SharedArrayBuffer(W * P * 4); // one buffer, seen by every worker
      await all('attach', () => ({ buffer }));
    } catch (e) {
      await close();
      throw e;
    }

    /** The state of worker 0, after checking that every replica has the same weights. */
    const state = async (): Promise<ReplicaState> => {
      checkIdentical(await all<number>('fingerprint'), 'during training');
      return group.call<ReplicaState>(0, 'state');
    };

    return {
      replicas: W,
      description: `${W} worker thread${W === 1 ? '' : 's'} (${options.backend}), data-parallel`,

      async step(batch, lr) {
        const shards = splitBatch(batch, W);
        const active = shards.map((s, i) => (s.nb > 0 ? i : -1)).filter((i) => i >= 0);
        const terms = await Promise.all(active.map((i) => {
          const s = shards[i]!;
          return group.call<Float64Array>(i, 'gradients', { batch: s, weight: s.nb / batch.nb }, transferables(s));
        }));
        const total = weightedSum(terms, active.map((i) => shards[i]!.nb / batch.nb));
        if (total.every(Number.isFinite)) await all('apply', () => ({ lr, slots: active }));
        return total;
      },

      async evaluate(batch) {
        const shards = splitBatch(batch, W);
        const active = shards.map((s, i) => (s.nb > 0 ? i : -1)).filter((i) => i >= 0);
        const losses = await Promise.all(active.map((i) => group.call<number>(i, 'evaluate', { batch: shards[i]! }, transferables(shards[i]!))));
        return weightedSum(losses.map((l) => Float64Array.of(l)), active.map((i) => shards[i]!.nb / batch.nb))[0]!;
      },

      state,

      async finish() {
        try {
          return await modelFromState(init, await state());
        } finally {
          await close();
        }
      },

      dispose: close,
    };
  };
}

/** Σ wᵢ·xᵢ elementwise; a single part is returned as it is (one worker = one thread, exactly). */
function weightedSum(parts: readonly Float64Array[], weights: readonly number[]): Float64Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Float64Array(parts[0]!.length);
  parts.forEach((p, i) => p.forEach((v, k) => { out[k]! += weights[i]! * v; }));
  return out;
}

function checkIdentical(fingerprints: readonly number[], when: string): void {
  if (new Set(fingerprints).size > 1) {
    throw new Error(`the model replicas of the training workers differ ${when} (weight fingerprints ${fingerprints.map((f) => f.toString(16)).join(', ')}); a backend computed non-deterministically`);
  }
}

/** Contiguous shards of a batch, one per worker, sizes ⌈n/W⌉ then ⌊n/W⌋ (possibly 0). */
function splitBatch(b: TrainingBatch, W: number): TrainingBatch[] {
  const per = b.xs.length / b.nb;
  const pos = b.coords.length / b.nb;
  const out: TrainingBatch[] = [];
  let start = 0;
  for (let i = 0; i < W; i++) {
    const nb = Math.floor(b.nb / W) + (i < b.nb % W ? 1 : 0);
    const cut = <T extends Float32Array | Float64Array>(a: T, stride: number) => a.slice(start * stride, (start + nb) * stride) as T;
    out.push({
      nb, xs: cut(b.xs, per), coords: cut(b.coords, pos),
      ...(b.extraction ? { extraction: cut(b.extraction, pos) } : {}),
      ...(b.yre && b.yim ? { yre: cut(b.yre, per), yim: cut(b.yim, per) } : {}),
    });
    start += nb;
  }
  return out;
}

function transferables(b: TrainingBatch): ArrayBuffer[] {
  return [b.xs, b.coords, b.extraction, b.yre, b.yim].filter((a) => a !== undefined).map((a) => a.buffer as ArrayBuffer);
}
