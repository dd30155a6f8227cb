/**
 * The script each ptycho worker thread runs (started by `startWorkerGroup`): it starts its own
 * tfjs backend, then holds either a training replica (`init`, `attach`, `gradients`, `apply`,
 * `evaluate`, `state`, `fingerprint`) or an inference model (`load`, `predict`), and answers
 * requests one at a time, in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type * as tf from '@tensorflow/tfjs-core';
import { BACKEND_NAMES, type BackendName } from '@ptychojs/physics/backends';
import { useBackend } from '@ptychojs/physics/node';
import { registerKernelFills } from '@ptychojs/physics/kernels';
import type { ComplexArray } from '@ptychojs/io';
import { loadInferenceModel } from '../../model/load-inference-model.js';
import { predictObject } from '../../model/predict-object.js';
import type { InferenceModel } from '../../model/ptycho-model.js';
import { createReplica, type Replica } from '../../train/create-replica.js';
import type { ReplicaInit, ReplicaState, TrainingBatch } from '../../train/training-engine.js';
import type { PtychoWorkerData, SerializedError, WorkerRequest, WorkerResponse } from './protocol.js';

const data = workerData as PtychoWorkerData;
const port = parentPort!;

/** The worker's own tfjs backend, started by the one backend start-up with Node's loaders (`@ptychojs/physics/node`). */
async function startBackend(): Promise<void> {
  if (!(BACKEND_NAMES as readonly string[]).includes(data.backend)) throw new Error(`workers cannot start the unknown backend '${data.backend}'`);
  await useBackend(data.backend as BackendName);
  if (data.kernelFills) registerKernelFills(data.backend, data.kernelFills);
}
const ready = startBackend();
ready.catch(() => undefined); // reported to every request instead

let replica: Replica | undefined;
let gradients: Float32Array | undefined;
let inference: InferenceModel | undefined;

/** Gradient slot `k` of the shared buffer. */
const slot = (k: number) => new Float32Array(gradients!.buffer, k * replica!.parameterCount * 4, replica!.parameterCount);

type Handler = (args: never) => Promise<{ result: unknown; transfer?: ArrayBuffer[] }>;
const handlers: Record<string, Handler> = {
  /** Build the replica; @returns its parameter count and fingerprint. */
  async init(init: ReplicaInit) {
    replica?.dispose();
    replica = await createReplica(init);
    return { result: { parameterCount: replica.parameterCount, fingerprint: await replica.fingerprint() } };
  },
  /** The shared (count × parameterCount) float32 gradient buffer. */
  async attach(args: { buffer: SharedArrayBuffer }) {
    if (args.buffer.byteLength !== data.count * replica!.parameterCount * 4) throw new RangeError('gradient buffer of the wrong size');
    gradients = new Float32Array(args.buffer);
    return { result: null };
  },
  /** weight·∇loss of a shard into this worker's slot; @returns the shard's loss terms. */
  async gradients(args: { batch: TrainingBatch; weight: number }) {
    const terms = await replica!.gradients(args.batch, args.weight, slot(data.index));
    return { result: terms, transfer: [terms.buffer as ArrayBuffer] };
  },
  /** Σ of the listed slots (in that order), applied as one Adam step. */
  async apply(args: { lr: number; slots: number[] }) {
    const [first, ...rest] = args.slots.map(slot);
    let sum = first!;
    if (rest.length > 0) {
      sum = Float32Array.from(first!);
      for (const s of rest) for (let k = 0; k < sum.length; k++) sum[k]! += s[k]!;
    }
    replica!.applyGradients(sum, args.lr);
    return { result: null };
  },
  async evaluate(args: { batch: TrainingBatch }) {
    return { result: await replica!.evaluate(args.batch) };
  },
  async state() {
    const s: ReplicaState = await replica!.state();
    return { result: s };
  },
  async fingerprint() {
    return { result: await replica!.fingerprint() };
  },
  /** Load an inference model from in-memory artifacts (model.json with ptychojs metadata). */
  async load(args: { artifacts: tf.io.ModelArtifacts }) {
    inference?.dispose();
    inference = await loadInferenceModel(args.artifacts);
    return { result: null };
  },
  async predict(args: { X: Float32Array; coordsRelative: Float64Array; batchSize: number }) {
    const o: ComplexArray = await predictObject(inference!, args.X, args.coordsRelative, { batchSize: args.batchSize });
    return { result: o, transfer: [o.re.buffer as ArrayBuffer, o.im.buffer as ArrayBuffer] };
  },
};

let queue: Promise<void> = Promise.resolve();
port.on('message', (req: WorkerRequest) => {
  // One request at a time, in arrival order: replicas must see the same sequence of operations.
  queue = queue.then(async () => {
    let res: WorkerResponse;
    let transfer: ArrayBuffer[] = [];
    try {
      await ready;
      const h = handlers[req.op];
      if (h === undefined) throw new Error(`unknown worker request '${req.op}'`);
      const out = await h(req.args as never);
      transfer = out.transfer ?? [];
      res = { id: req.id, ok: true, result: out.result };
    } catch (e) {
      res = { id: req.id, ok: false, error: serializeError(e) };
    }
    port.postMessage(res, transfer);
  });
});

function serializeError(e: unknown): SerializedError {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v) || Array.isArray(v)) fields[k] = v;
  return { name: e.name, message: e.message, ...(e.stack !== undefined ? { stack: e.stack } : {}), fields };
}
