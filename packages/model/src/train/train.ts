import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { createRng, InputError, type ComplexArray, type Rng } from '@ptychojs/io';
import { NonFiniteError, type ComplexTensor } from '@ptychojs/physics';
import type { RunConfig } from '../config/run-config.js';
import { createPtychoModel } from '../model/create-ptycho-model.js';
import { forwardTrain } from '../model/forward-train.js';
import { unetArtifacts } from '../model/model-artifacts.js';
import { objectCanvasSize } from '../model/object-canvas-size.js';
import type { PtychoModel } from '../model/ptycho-model.js';
import { checkTrainingData } from './check-training-data.js';
import { splitGroups } from './split-groups.js';
import { LOSS_TERMS, trainingLoss } from './training-loss.js';
import type { Checkpoint, EpochRecord, NamedArray, ScheduleState, StopReason, TrainHooks, TrainingData, TrainResult } from './types.js';
import { initialSchedule, updateSchedule } from './update-schedule.js';

/** Adam hyper-parameters of SPEC §3 (β₁ 0.9, β₂ 0.999, ε 1e−7; lr from the config). */
const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } as const;

/** Settings a checkpoint must share with the run that resumes it. */
const STRUCTURAL: readonly (keyof RunConfig)[] = ['gridsize', 'objectBig', 'objectExtent', 'amplitudeActivation', 'phaseActivation', 'nFiltersScale', 'probeTrainable', 'intensityScaleTrainable', 'seed', 'validationFraction'];

/** The random stream of one epoch: derived from (seed, epoch), so `{seed, epoch}` is the whole RNG state. */
function epochRng(seed: number, epoch: number): Rng {
  return createRng(seed * 2 ** 20 + epoch + 1);
}

/**
 * Train the PtychoPINN model on grouped, normalized data (SPEC §3 "Loss", optimizer, defaults):
 * Adam (`tf.train.adam`, lr from the config, β 0.9/0.999, ε 1e−7) on the loss of
 * {@link trainingLoss}; seeded shuffling each epoch; `validationFraction` of the groups held out;
 * the learning rate halves after `lrPatience` epochs without validation improvement (floor
 * `minLr`); training stops after `earlyStopPatience` epochs without training-loss improvement, or
 * after the epoch that brings the run's total time past `maxMinutes`.
 * After every epoch: `hooks.onEpoch(record)` and, with a store, `saveCheckpoint` (weights as
 * tfjs-layers artifacts, Adam state, history, schedule, RNG state). `hooks.resume` continues
 * from such a checkpoint with the same result as an uninterrupted run.
 *
 * The backend is the caller's choice (on wasm, register `@ptychojs/physics/kernels` fills first).
 * Tensors: none leak; the returned model is the caller's to dispose.
 *
 * @throws InputError for data that does not fit the config, or an incompatible checkpoint
 * @throws NonFiniteError when the loss becomes NaN or Inf (SPEC §3: an error, not a silent zero)
 */
export async function train(config: RunConfig, data: TrainingData, hooks: TrainHooks = {}): Promise<TrainResult> {
  const B = checkTrainingData(data, config);
  const { N } = data;
  const C = config.gridsize * config.gridsize;
  const resume = hooks.resume;
  if (resume) checkResumable(resume, config, N);
  const canvasSize = resume?.physics.canvasSize ?? data.canvasSize ?? objectCanvasSize(N, data.coordsRelative);

  const unet = resume ? await tfl.loadLayersModel(tf.io.fromMemory(resume.weights)) : undefined;
  const model = createPtychoModel(config, {
    N, canvasSize, unet,
    probe: resume && config.probeTrainable ? resume.physics.probe : data.probe,
    intensityScale: data.intensityScale,
  });
  const optimizer = tf.train.adam(config.lr, ADAM.beta1, ADAM.beta2, ADAM.epsilon);
  try {
    if (resume) await restoreState(model, optimizer, resume, config);
    return await runEpochs(config, data, hooks, model, optimizer, B, C);
  } catch (e) {
    model.dispose();
    throw e;
  } finally {
    optimizer.dispose();
  }
}

async function runEpochs(
  config: RunConfig, data: TrainingData, hooks: TrainHooks, model: PtychoModel, optimizer: tf.AdamOptimizer, B: number, C: number,
): Promise<TrainResult> {
  const { N, X, coordsRelative, Y } = data;
  const s0 = data.intensityScale;
  const per = N * N * C;
  const split = splitGroups(B, config.validationFraction, config.seed);
  const history: EpochRecord[] = [...(hooks.resume?.history ?? [])];
  let schedule: ScheduleState = hooks.resume?.schedule ?? initialSchedule(config);
  let stopReason: StopReason = 'epochs';
  const vars = [...model.trainableVariables];

  /** Host arrays of one batch: X·s, positions, jittered positions, Y. */
  const gather = (idx: ArrayLike<number>, jitter?: Rng) => {
    const nb = idx.length;
    const xs = new Float32Array(nb * per);
    const coords = new Float64Array(nb * 2 * C);
    const yre = Y ? new Float32Array(nb * per) : undefined;
    const yim = Y ? new Float32Array(nb * per) : undefined;
    for (let k = 0; k < nb; k++) {
      const g = idx[k]!;
      const src = X.subarray(g * per, (g + 1) * per);
      for (let i = 0; i < per; i++) xs[k * per + i] = src[i]! * s0;
      coords.set(coordsRelative.subarray(g * 2 * C, (g + 1) * 2 * C), k * 2 * C);
      if (Y) { yre!.set(Y.re.subarray(g * per, (g + 1) * per), k * per); yim!.set(Y.im.subarray(g * per, (g + 1) * per), k * per); }
    }
    const extraction = jitter && config.positionJitter > 0 ? coords.map((v) => v + config.positionJitter * jitter.normal()) : undefined;
    return { nb, xs, coords, extraction, yre, yim };
  };

  /**
   * The weighted loss of one batch, and its terms as a kept (5,) tensor (`total` first) when
   * `keepTerms`. Call inside a tape or tidy.
   */
  const lossVector = (b: ReturnType<typeof gather>, keepTerms: boolean): { total: tf.Scalar; terms?: tf.Tensor1D } => {
    const xScaled = tf.tensor4d(b.xs, [b.nb, N, N, C]);
    const Yt: ComplexTensor<tf.Tensor4D> | undefined = b.yre ? { re: tf.tensor4d(b.yre, [b.nb, N, N, C]), im: tf.tensor4d(b.yim!, [b.nb, N, N, C]) } : undefined;
    const out = forwardTrain(model, { xScaled, coordsRelative: b.coords }, { extractionCoords: b.extraction });
    const L = trainingLoss(out, xScaled, config, Yt);
    return { total: L.total, terms: keepTerms ? tf.keep(tf.stack(LOSS_TERMS.map((k) => L[k]))) as tf.Tensor1D : undefined };
  };

  const startEpoch = hooks.resume?.epoch ?? 0;
  for (let epoch = startEpoch; epoch < config.epochs; epoch++) {
    const t0 = now();
    setLearningRate(optimizer, schedule.lr);
    const rng = epochRng(config.seed, epoch);
    const order = rng.shuffle(split.train.slice());
    const jitter = rng.fork();
    const batches = Math.ceil(order.length / config.batchSize);
    const sums = new Float64Array(LOSS_TERMS.length);
    let seen = 0;
    let trainSeconds = 0;
    for (let bi = 0; bi < batches; bi++) {
      const ts = now();
      const batch = gather(order.subarray(bi * config.batchSize, (bi + 1) * config.batchSize), jitter);
      let terms: tf.Tensor1D | undefined;
      const cost = optimizer.minimize(() => {
        const r = lossVector(batch, true);
        terms = r.terms;
        return r.total;
      }, true, vars);
      cost?.dispose();
      const v = await terms!.data();
      terms!.dispose();
      checkFinite(v, epoch, bi);
      for (let k = 0; k < sums.length; k++) sums[k]! += v[k]! * batch.nb;
      seen += batch.nb;
      const dt = (now() - ts) / 1000;
      trainSeconds += dt;
      hooks.onBatch?.({ epoch, batch: bi, batches, loss: v[0]!, samplesPerSec: (batch.nb * C) / dt });
      if (hooks.shouldStop?.()) { stopReason = 'requested'; break; }
    }
    if (stopReason === 'requested') break;

    let valLoss: number | null = null;
    if (split.val.length > 0) {
      let sum = 0;
      for (let v0 = 0; v0 < split.val.length; v0 += config.batchSize) {
        const batch = gather(split.val.subarray(v0, v0 + config.batchSize));
        const t = tf.tidy(() => lossVector(batch, false).total);
        sum += (await t.data())[0]! * batch.nb;
        t.dispose();
      }
      valLoss = sum / split.val.length;
    }
    const mean = Array.from(sums, (x) => x / seen);
    const record: EpochRecord = {
      epoch, loss: mean[0]!, nll: mean[1]!, mae: mean[2]!, tv: mean[3]!, realspace: mean[4]!, valLoss,
      lr: schedule.lr, seconds: (now() - t0) / 1000, samplesPerSec: (seen * C) / trainSeconds,
    };
    history.push(record);
    const next = updateSchedule(schedule, record.loss, valLoss, config);
    schedule = next.state;
    hooks.onEpoch?.(record);
    if (hooks.store) {
      await hooks.store.saveCheckpoint(await makeCheckpoint(config, model, optimizer, history, schedule, epoch + 1));
    }
    if (next.stop) { stopReason = 'early-stop'; break; }
    // The budget counts every epoch of the run, resumed ones included.
    if (config.maxMinutes !== undefined && history.reduce((t, r) => t + r.seconds, 0) > 60 * config.maxMinutes) { stopReason = 'time-budget'; break; }
  }
  const [pre, pim, ls] = await Promise.all([model.probe.re.data(), model.probe.im.data(), model.logScale.data()]);
  return {
    model, history, stopReason,
    probe: { shape: [N, N], re: Float32Array.from(pre as Float32Array), im: Float32Array.from(pim as Float32Array) },
    learnedScale: Math.exp(ls[0]!),
  };
}

function now(): number {
  return globalThis.performance.now();
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

function checkFinite(v: ArrayLike<number>, epoch: number, batch: number): void {
  for (let k = 0; k < LOSS_TERMS.length; k++) {
    if (!Number.isFinite(v[k]!)) {
      const terms = LOSS_TERMS.map((name, i) => `${name}=${v[i]}`).join(', ');
      throw new NonFiniteError(`training loss is not finite at epoch ${epoch}, batch ${batch} (${terms}); SPEC §3: NaN in the predicted intensity is an error`);
    }
  }
}

async function toNamedArray(name: string, t: tf.Tensor): Promise<NamedArray> {
  const d = await t.data();
  return t.dtype === 'int32'
    ? { name, shape: [...t.shape], dtype: 'int32', data: Int32Array.from(d as Int32Array) }
    : { name, shape: [...t.shape], dtype: 'float32', data: Float32Array.from(d as Float32Array) };
}

async function makeCheckpoint(
  config: RunConfig, model: PtychoModel, optimizer: tf.AdamOptimizer, history: readonly EpochRecord[], schedule: ScheduleState, epoch: number,
): Promise<Checkpoint> {
  const weights = await unetArtifacts(model.unet);
  const named = await optimizer.getWeights();
  let opt: NamedArray[];
  try {
    opt = await Promise.all(named.map((w) => toNamedArray(w.name, w.tensor)));
  } finally {
    named[0]?.tensor.dispose(); // the `iter` scalar is a fresh tensor; the moments are Adam's own variables
  }
  const [pre, pim, ls] = await Promise.all([model.probe.re.data(), model.probe.im.data(), model.logScale.data()]);
  const probe: ComplexArray = { shape: [model.N, model.N], re: Float32Array.from(pre as Float32Array), im: Float32Array.from(pim as Float32Array) };
  return {
    format: 'ptychojs-checkpoint', version: 1, epoch, config, weights, optimizer: opt, adamBetaPowers: await getAdamBetaPowers(optimizer),
    physics: { probe, logScale: ls[0]!, intensityScale: model.intensityScale, canvasSize: model.canvasSize, N: model.N },
    history: history.slice(), schedule, rng: { seed: config.seed, epoch },
  };
}

function checkResumable(ck: Checkpoint, config: RunConfig, N: number): void {
  if (ck.format !== 'ptychojs-checkpoint' || ck.version !== 1) {
    throw new InputError('not a ptychojs checkpoint', { key: 'checkpoint', expected: 'format ptychojs-checkpoint, version 1', actual: `${String(ck.format)} v${String(ck.version)}` });
  }
  for (const k of STRUCTURAL) {
    if (ck.config[k] !== config[k]) {
      throw new InputError('the checkpoint was trained with a different setting', { key: k, expected: String(ck.config[k]), actual: String(config[k]) });
    }
  }
  if (ck.physics.N !== N) throw new InputError('the checkpoint was trained on another patch size', { key: 'N', expected: String(ck.physics.N), actual: String(N) });
}

async function restoreState(model: PtychoModel, optimizer: tf.AdamOptimizer, ck: Checkpoint, config: RunConfig): Promise<void> {
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
