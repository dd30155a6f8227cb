import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { InputError, type ComplexArray } from '@ptychojs/io';
import type { ComplexTensor } from '@ptychojs/physics';
import type { ResolvedRunConfig } from '../config/run-config.js';
import { createPtychoModel } from '../model/create-ptycho-model.js';
import { forwardTrain } from '../model/forward-train.js';
import { unetArtifacts } from '../model/model-artifacts.js';
import type { PtychoModel } from '../model/ptycho-model.js';
import type { ReplicaInit, ReplicaState, TrainingBatch } from './training-engine.js';
import { LOSS_TERMS } from './loss-terms.js';
import { trainingLoss } from './training-loss.js';
import type { Checkpoint, NamedArray } from './types.js';

/** Adam hyper-parameters of SPEC §3 (β₁ 0.9, β₂ 0.999, ε 1e−7; lr from the config). */
const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } as const;

/** One copy of the model with its optimizer: what a training engine steps. */
export interface Replica {
  readonly model: PtychoModel;
  /** Number of trainable values: every trainable variable flattened, in `model.trainableVariables` order. */
  readonly parameterCount: number;
  /** One Adam step (`optimizer.minimize`) on the batch; @returns its loss terms (`LOSS_TERMS` order). */
  step(batch: TrainingBatch, lr: number): Promise<Float64Array>;
  /**
   * The gradient of the batch's mean weighted loss, times `weight`, written into `into` (all
   * trainable variables flattened in order); nothing is applied.
   * @shape into (parameterCount,) float32
   * @returns the batch's loss terms (`LOSS_TERMS` order)
   */
  gradients(batch: TrainingBatch, weight: number, into: Float32Array): Promise<Float64Array>;
  /**
   * One Adam step with a given gradient (`optimizer.applyGradients`): with the gradient
   * `gradients` computed on the same batch, the same update as {@link Replica.step}, bit for bit.
   * @shape gradient (parameterCount,) float32
   */
  applyGradients(gradient: Float32Array, lr: number): void;
  /** The batch's mean weighted loss, without gradients. */
  evaluate(batch: TrainingBatch): Promise<number>;
  /** Weights and Adam state, for a checkpoint. */
  state(): Promise<ReplicaState>;
  /** A 32-bit hash (FNV-1a) of every trainable value's bits: equal replicas have equal fingerprints. */
  fingerprint(): Promise<number>;
  /** Free the optimizer and hand the model over to the caller. */
  release(): PtychoModel;
  /** Free the model and the optimizer. */
  dispose(): void;
}

/**
 * Build a model replica and its Adam optimizer (SPEC §3: Adam, lr from the config, β 0.9/0.999,
 * ε 1e−7) for a run: a fresh model seeded by `config.seed`, or the weights, Adam state and log s
 * of `init.resume`. Replicas built from the same init on the same backend are identical, and stay
 * so when they apply the same gradients. Browser-safe; uses the active tfjs backend.
 *
 * @throws InputError when the checkpoint's optimizer state does not fit the model
 */
export async function createReplica(init: ReplicaInit): Promise<Replica> {
  const { config, N, canvasSize, resume } = init;
  const C = config.gridsize * config.gridsize;
  const start = resume?.weights ?? init.initialWeights;
  const unet = start ? await tfl.loadLayersModel(tf.io.fromMemory(start)) : undefined;
  const model = createPtychoModel(config, { N, canvasSize, unet, probe: init.probe, intensityScale: init.intensityScale });
  const optimizer = tf.train.adam(config.lr, ADAM.beta1, ADAM.beta2, ADAM.epsilon);
  const vars = [...model.trainableVariables];
  // 1 where the detector measured, (1, N, N, 1): broadcast over batch and channels in the loss.
  const measured = init.badPixels ? tf.keep(tf.tensor4d(Float32Array.from(init.badPixels, (b) => (b ? 0 : 1)), [1, N, N, 1])) : undefined;
  const parameterCount = vars.reduce((n, v) => n + v.size, 0);
  try {
    if (resume) await restoreState(model, optimizer, resume, config);
  } catch (e) {
    model.dispose();
    optimizer.dispose();
    measured?.dispose();
    throw e;
  }

  /** The weighted loss of a batch and, when `keepTerms`, its terms as a kept (5,) tensor. Call inside a tape or tidy. */
  const lossOf = (b: TrainingBatch, keepTerms: boolean): { total: tf.Scalar; terms?: tf.Tensor1D } => {
    const xScaled = tf.tensor4d(b.xs, [b.nb, N, N, C]);
    const Y: ComplexTensor<tf.Tensor4D> | undefined = b.yre && b.yim ? { re: tf.tensor4d(b.yre, [b.nb, N, N, C]), im: tf.tensor4d(b.yim, [b.nb, N, N, C]) } : undefined;
    const out = forwardTrain(model, { xScaled, coordsRelative: b.coords }, { extractionCoords: b.extraction });
    const L = trainingLoss(out, xScaled, config, Y, measured);
    return { total: L.total, terms: keepTerms ? tf.keep(tf.stack(LOSS_TERMS.map((k) => L[k]))) as tf.Tensor1D : undefined };
  };
  const readTerms = async (t: tf.Tensor1D): Promise<Float64Array> => {
    try {
      return Float64Array.from(await t.data());
    } finally {
      t.dispose();
    }
  };

  return {
    model, parameterCount,

    async step(batch, lr) {
      setLearningRate(optimizer, lr);
      let terms: tf.Tensor1D | undefined;
      const cost = optimizer.minimize(() => {
        const r = lossOf(batch, true);
        terms = r.terms;
        return r.total;
      }, true, vars);
      cost?.dispose();
      return readTerms(terms!);
    },

    async gradients(batch, weight, into) {
      let terms: tf.Tensor1D | undefined;
      const { value, grads } = tf.variableGrads(() => {
        const r = lossOf(batch, true);
        terms = r.terms;
        return r.total;
      }, vars);
      value.dispose();
      try {
        const values = await Promise.all(vars.map((v) => grads[v.name]!.data()));
        let offset = 0;
        for (const g of values) {
          if (weight === 1) into.set(g, offset);
          else for (let k = 0; k < g.length; k++) into[offset + k] = g[k]! * weight;
          offset += g.length;
        }
      } finally {
        for (const g of Object.values(grads)) g.dispose();
      }
      return readTerms(terms!);
    },

    applyGradients(gradient, lr) {
      if (gradient.length !== parameterCount) throw new RangeError(`applyGradients: ${gradient.length} values for ${parameterCount} parameters`);
      setLearningRate(optimizer, lr);
      // In `vars` order, as `variableGrads` hands them to `minimize` (Adam matches its moments by position).
      let offset = 0;
      const named: { name: string; tensor: tf.Tensor }[] = vars.map((v) => {
        const tensor = tf.tensor(gradient.slice(offset, offset + v.size), v.shape, 'float32');
        offset += v.size;
        return { name: v.name, tensor };
      });
      try {
        optimizer.applyGradients(named);
      } finally {
        for (const t of named) t.tensor.dispose();
      }
    },

    async evaluate(batch) {
      const t = tf.tidy(() => lossOf(batch, false).total);
      try {
        return (await t.data())[0]!;
      } finally {
        t.dispose();
      }
    },

    async state() {
      const weights = await unetArtifacts(model.unet);
      const named = await optimizer.getWeights();
      let opt: NamedArray[];
      try {
        opt = await Promise.all(named.map((w) => toNamedArray(w.name, w.tensor)));
      } finally {
        named[0]?.tensor.dispose(); // the `iter` scalar is a fresh tensor; the moments are Adam's own variables
      }
      const [pre, pim, ls] = await Promise.all([model.probe.re.data(), model.probe.im.data(), model.logScale.data()]);
      const probe: ComplexArray = { shape: [N, N], re: Float32Array.from(pre as Float32Array), im: Float32Array.from(pim as Float32Array) };
      const powers = await getAdamBetaPowers(optimizer);
      return { weights, optimizer: opt, ...(powers ? { adamBetaPowers: powers } : {}), probe, logScale: ls[0]! };
    },

    async fingerprint() {
      let h = 0x811c9dc5;
      for (const v of vars) {
        const d = await v.data();
        const u = new Uint32Array(d.buffer, d.byteOffset, d.length);
        for (let k = 0; k < u.length; k++) h = Math.imul(h ^ u[k]!, 0x01000193) >>> 0;
      }
      return h;
    },

    release() {
      optimizer.dispose();
      measured?.dispose();
      return model;
    },

    dispose() {
      optimizer.dispose();
      measured?.dispose();
      model.dispose();
    },
  };
}

/** Adam's learning rate is a plain field read at every step; tfjs has no setter for it. */
function setLearningRate(optimizer: tf.AdamOptimizer, lr: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = lr;
}

/**
 * Adam's running β₁ᵗ, β₂ᵗ (tfjs keeps them as scalar variables multiplied by β each step). Its
 * `setWeights` recomputes them as `pow(β, t + 1)`, which differs from the running product in the
 * last float32 bit; saving and restoring them makes a resumed run bit-identical to an
 * uninterrupted one. Private fields of tfjs-core 4.22's AdamOptimizer: skipped if absent.
 */
type AdamInternals = { accBeta1?: tf.Variable; accBeta2?: tf.Variable };

async function getAdamBetaPowers(optimizer: tf.AdamOptimizer): Promise<[number, number] | undefined> {
  const { accBeta1, accBeta2 } = optimizer as unknown as AdamInternals;
  if (!(accBeta1 instanceof tf.Variable) || !(accBeta2 instanceof tf.Variable)) return undefined;
  return [(await accBeta1.data())[0]!, (await accBeta2.data())[0]!];
}

function setAdamBetaPowers(optimizer: tf.AdamOptimizer, [b1, b2]: readonly [number, number]): void {
  const { accBeta1, accBeta2 } = optimizer as unknown as AdamInternals;
  if (!(accBeta1 instanceof tf.Variable) || !(accBeta2 instanceof tf.Variable)) return;
  tf.tidy(() => { accBeta1.assign(tf.scalar(b1)); accBeta2.assign(tf.scalar(b2)); });
}

async function toNamedArray(name: string, t: tf.Tensor): Promise<NamedArray> {
  const d = await t.data();
  return t.dtype === 'int32'
    ? { name, shape: [...t.shape], dtype: 'int32', data: Int32Array.from(d as Int32Array) }
    : { name, shape: [...t.shape], dtype: 'float32', data: Float32Array.from(d as Float32Array) };
}

async function restoreState(model: PtychoModel, optimizer: tf.AdamOptimizer, ck: Checkpoint, config: ResolvedRunConfig): Promise<void> {
  const expected = 1 + 2 * model.trainableVariables.length;
  if (ck.optimizer.length !== expected && ck.optimizer.length !== 1) {
    throw new InputError('checkpoint optimizer state does not match the model', { key: 'optimizer', expected: `${expected} arrays`, actual: String(ck.optimizer.length) });
  }
  if (ck.optimizer.length > 1) {
    const tensors = ck.optimizer.map((w) => ({ name: w.name, tensor: tf.tensor(w.data, [...w.shape], w.dtype) }));
    try {
      await optimizer.setWeights(tensors);
    } finally {
      tensors.forEach((w) => w.tensor.dispose());
    }
  }
  if (ck.adamBetaPowers) setAdamBetaPowers(optimizer, ck.adamBetaPowers);
  if (config.intensityScaleTrainable) tf.tidy(() => (model.logScale as tf.Variable).assign(tf.scalar(ck.physics.logScale)));
}
