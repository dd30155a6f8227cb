import { createRng, InputError, type Rng } from '@ptychojs/io';
import { NonFiniteError } from '@ptychojs/physics';
import type { ResolvedRunConfig } from '../config/run-config.js';
import { objectCanvasSize } from '../model/object-canvas-size.js';
import type { PtychoModel } from '../model/ptycho-model.js';
import { checkTrainingData } from './check-training-data.js';
import { localTrainingEngine } from './local-training-engine.js';
import { splitGroups } from './split-groups.js';
import type { ReplicaState, TrainingBatch, TrainingEngine } from './training-engine.js';
import { LOSS_TERMS, lossTermsByName } from './loss-terms.js';
import type { TrainHooks } from './train-hooks.js';
import type { Checkpoint, CheckpointStep, EpochGroups, EpochRecord, ScheduleState, StopReason, TrainingData, TrainingStream, TrainResult } from './types.js';
import { initialSchedule, updateSchedule } from './update-schedule.js';

/** Settings a checkpoint must share with the run that resumes it. */
const STRUCTURAL: readonly (keyof ResolvedRunConfig)[] = ['gridsize', 'objectBig', 'objectExtent', 'amplitudeActivation', 'phaseActivation', 'nFiltersScale', 'inputIterations', 'probeTrainable', 'intensityScaleTrainable', 'seed', 'validationFraction'];

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
 * after the step that brings the run's total time (every epoch, resumed ones included) past
 * `maxMinutes`: the epoch so far is then validated, recorded (its `patterns` say how much of it
 * ran) and checkpointed, and the stop reason is `time-budget`.
 * After every epoch: `hooks.onEpoch(record)` and, with a store, `saveCheckpoint` (weights as
 * tfjs-layers artifacts, Adam state, history, schedule, RNG state). `hooks.resume` continues
 * from such a checkpoint with the same result as an uninterrupted run. When `hooks.signal` is
 * aborted, training stops after the current step, saves a mid-epoch checkpoint (with a store)
 * that resumes exactly there, and returns with `stopReason` `interrupted`.
 *
 * The steps run on `hooks.engine` (default {@link localTrainingEngine}: this thread, the active
 * backend; on wasm, register `@ptychojs/physics/kernels` fills first). Any engine gives the same
 * schedule, batches and checkpoints; a data-parallel one the same history to float32 rounding.
 * Tensors: none leak; the returned model is the caller's to dispose.
 *
 * @throws InputError for data that does not fit the config, or an incompatible checkpoint
 * @throws NonFiniteError when the loss becomes NaN or Inf (SPEC §3: an error, not a silent
 *   zero); the checkpoint saved before that step is left as it was
 */
export async function train(config: ResolvedRunConfig, data: TrainingData | TrainingStream, hooks: TrainHooks = {}): Promise<TrainResult> {
  const stream = isStream(data) ? data : undefined;
  const B = stream ? 0 : checkTrainingData(data as TrainingData, config);
  const { N } = data;
  const C = config.gridsize * config.gridsize;
  const resume = hooks.resume;
  if (resume) checkResumable(resume, config, N);
  const canvasSize = resume?.physics.canvasSize ?? data.canvasSize ?? objectCanvasSize(N, (data as TrainingData).coordsRelative);
  const engine = await (hooks.engine ?? localTrainingEngine)({
    config, N, canvasSize,
    probe: resume && config.probeTrainable ? resume.physics.probe : data.probe,
    intensityScale: data.intensityScale,
    ...(!stream && (data as TrainingData).badPixels ? { badPixels: (data as TrainingData).badPixels! } : {}),
    ...(resume ? { resume } : hooks.initialWeights ? { initialWeights: hooks.initialWeights } : {}),
  });
  let model: PtychoModel | undefined;
  try {
    const { history, stopReason } = await runEpochs(config, data, hooks, engine, B, C, { N, canvasSize, intensityScale: data.intensityScale });
    model = await engine.finish();
    const [pre, pim, ls] = await Promise.all([model.probe.re.data(), model.probe.im.data(), model.logScale.data()]);
    return {
      model, history, stopReason, replicas: engine.replicas, engine: engine.description,
      probe: { shape: [N, N], re: Float32Array.from(pre as Float32Array), im: Float32Array.from(pim as Float32Array) },
      learnedScale: Math.exp(ls[0]!),
    };
  } catch (e) {
    model?.dispose();
    throw e;
  } finally {
    await engine.dispose();
  }
}

/** A stream draws each epoch's groups; fixed data has them as arrays. */
function isStream(data: TrainingData | TrainingStream): data is TrainingStream {
  return typeof (data as TrainingStream).epoch === 'function';
}

/** Check a stream's epoch (or validation) groups as fixed data are checked; @returns their count. */
function checkGroups(stream: TrainingStream, groups: EpochGroups, config: ResolvedRunConfig): number {
  return checkTrainingData({ ...groups, N: stream.N, probe: stream.probe, intensityScale: stream.intensityScale }, config);
}

async function runEpochs(
  config: ResolvedRunConfig, data: TrainingData | TrainingStream, hooks: TrainHooks, engine: TrainingEngine, B: number, C: number, geometry: Geometry,
): Promise<{ history: EpochRecord[]; stopReason: StopReason }> {
  const { N } = data;
  const s0 = data.intensityScale;
  const per = N * N * C;
  const stream = isStream(data) ? data : undefined;
  // Fixed data: a seeded split of its groups. A stream: every group of an epoch trains, its own
  // validation groups validate.
  const split = stream
    ? { train: new Int32Array(0), val: Int32Array.from({ length: stream.validation ? checkGroups(stream, stream.validation, config) : 0 }, (_, i) => i) }
    : splitGroups(B, config.validationFraction, config.seed);
  const resume = hooks.resume;
  const history: EpochRecord[] = [...(resume?.history ?? [])];
  let schedule: ScheduleState = resume?.schedule ?? initialSchedule(config);
  let stopReason: StopReason = 'epochs';
  /** Epochs completed by the checkpoint on disk (for the NaN message); undefined when none. */
  let savedEpoch = resume?.epoch;
  const save = async (epoch: number, step?: CheckpointStep, state?: ReplicaState) => {
    if (!hooks.store) return;
    await hooks.store.saveCheckpoint(makeCheckpoint(config, geometry, state ?? await engine.state(), history, schedule, epoch, step));
    savedEpoch = epoch;
  };

  /** Host arrays of one batch of `groups`: X·s, positions, jittered positions (drawn from `jitter`), Y. */
  const gather = (groups: EpochGroups, idx: ArrayLike<number>, jitter?: Rng): TrainingBatch => {
    const { X, coordsRelative, Y } = groups;
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
    return { nb, xs, coords, ...(extraction ? { extraction } : {}), ...(yre && yim ? { yre, yim } : {}) };
  };

  const startEpoch = resume?.epoch ?? 0;
  // The budget counts every epoch of the run, resumed ones included, and is checked after every step.
  const budgetSeconds = config.maxMinutes === undefined ? undefined : 60 * config.maxMinutes;
  let secondsBefore = history.reduce((t, r) => t + r.seconds, 0);
  if (hooks.signal?.aborted) return { history, stopReason: 'interrupted' };
  for (let epoch = startEpoch; epoch < config.epochs; epoch++) {
    // An epoch's seconds (and so the time budget) count the drawing of a stream's groups too.
    const epochStart = now();
    const rng = epochRng(config.seed, epoch);
    let groups: EpochGroups = data as TrainingData;
    let trainIdx = split.train;
    if (stream) {
      groups = await stream.epoch(epoch);
      trainIdx = Int32Array.from({ length: checkGroups(stream, groups, config) }, (_, i) => i);
    }
    const order = rng.shuffle(trainIdx.slice());
    const jitter = rng.fork();
    const batches = Math.ceil(order.length / config.batchSize);
    const batchIdx = (bi: number) => order.subarray(bi * config.batchSize, (bi + 1) * config.batchSize);
    // A mid-epoch checkpoint continues this epoch where it stopped: replay the jitter draws of its steps.
    const partial = epoch === startEpoch ? resume?.step : undefined;
    const startBatch = partial?.batch ?? 0;
    if (config.positionJitter > 0) for (let bi = 0; bi < startBatch; bi++) for (let k = batchIdx(bi).length * 2 * C; k > 0; k--) jitter.normal();
    const sums = Float64Array.from(partial?.sums ?? new Array<number>(LOSS_TERMS.length).fill(0));
    let seen = partial?.seen ?? 0;
    let trainSeconds = partial?.trainSeconds ?? 0;
    const t0 = epochStart - 1000 * (partial?.seconds ?? 0);
    let overBudget = false;
    for (let bi = startBatch; bi < batches; bi++) {
      const ts = now();
      const batch = gather(groups, batchIdx(bi), jitter);
      const v = await engine.step(batch, schedule.lr);
      checkFinite(v, epoch, bi, hooks.store ? savedEpoch ?? null : undefined);
      for (let k = 0; k < sums.length; k++) sums[k]! += v[k]! * batch.nb;
      seen += batch.nb;
      const dt = (now() - ts) / 1000;
      trainSeconds += dt;
      hooks.onBatch?.({ epoch, batch: bi, batches, loss: lossTermsByName(v).total, samplesPerSec: (batch.nb * C) / dt });
      if (hooks.signal?.aborted) {
        await save(epoch, { batch: bi + 1, sums: Array.from(sums), seen, trainSeconds, seconds: (now() - t0) / 1000 });
        return { history, stopReason: 'interrupted' };
      }
      if (budgetSeconds !== undefined && secondsBefore + (now() - t0) / 1000 > budgetSeconds) { overBudget = true; break; }
    }

    let valLoss: number | null = null;
    if (split.val.length > 0) {
      let sum = 0;
      for (let v0 = 0; v0 < split.val.length; v0 += config.batchSize) {
        const batch = gather(stream?.validation ?? groups, split.val.subarray(v0, v0 + config.batchSize));
        sum += (await engine.evaluate(batch)) * batch.nb;
      }
      valLoss = sum / split.val.length;
    }
    const mean = lossTermsByName(Array.from(sums, (x) => x / seen));
    // One read of the replicas' state serves the scores and the checkpoint.
    const state = hooks.store || hooks.validate ? await engine.state() : undefined;
    const scores = hooks.validate ? await hooks.validate(state!, epoch) : undefined;
    const record: EpochRecord = {
      epoch, loss: mean.total, nll: mean.nll, mae: mean.mae, tv: mean.tv, realspace: mean.realspace, valLoss,
      lr: schedule.lr, seconds: (now() - t0) / 1000, samplesPerSec: (seen * C) / trainSeconds, patterns: seen * C, ...(scores ? { scores } : {}),
    };
    history.push(record);
    const next = updateSchedule(schedule, record.loss, valLoss, config);
    schedule = next.state;
    await hooks.onEpoch?.(record);
    await save(epoch + 1, undefined, state);
    if (overBudget) { stopReason = 'time-budget'; break; }
    if (next.stop) { stopReason = 'early-stop'; break; }
    secondsBefore += record.seconds;
  }
  return { history, stopReason };
}

function now(): number {
  return globalThis.performance.now();
}

/**
 * @param saved epochs completed by the checkpoint on disk; null: a store but no checkpoint yet;
 *   undefined: no store
 */
function checkFinite(v: ArrayLike<number>, epoch: number, batch: number, saved: number | null | undefined): void {
  for (let k = 0; k < LOSS_TERMS.length; k++) {
    if (!Number.isFinite(v[k]!)) {
      const terms = LOSS_TERMS.map((name, i) => `${name}=${v[i]}`).join(', ');
      const kept = saved === undefined ? '' : saved === null
        ? ' No checkpoint had been saved yet.'
        : ` The last good checkpoint (after ${saved} epoch${saved === 1 ? '' : 's'}) is kept; resume from it with a lower learning rate, or check the data's scale.`;
      throw new NonFiniteError(`training loss is not finite at epoch ${epoch}, batch ${batch} (${terms}); SPEC §3: NaN in the predicted intensity is an error.${kept}`);
    }
  }
}

/** What a checkpoint records about the data the model was built for. */
interface Geometry { readonly N: number; readonly canvasSize: number; readonly intensityScale: number }

function makeCheckpoint(
  config: ResolvedRunConfig, geometry: Geometry, state: ReplicaState, history: readonly EpochRecord[], schedule: ScheduleState, epoch: number, step?: CheckpointStep,
): Checkpoint {
  return {
    format: 'ptychojs-checkpoint', version: 1, epoch, config, weights: state.weights, optimizer: state.optimizer,
    ...(state.adamBetaPowers ? { adamBetaPowers: state.adamBetaPowers } : {}),
    physics: { probe: state.probe, logScale: state.logScale, ...geometry },
    history: history.slice(), schedule, rng: { seed: config.seed, epoch }, ...(step ? { step } : {}),
  };
}

function checkResumable(ck: Checkpoint, config: ResolvedRunConfig, N: number): void {
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
