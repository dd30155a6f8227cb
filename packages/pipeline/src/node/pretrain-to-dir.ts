import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { fromComplexArray, type ComplexArray } from '@ptychojs/io';
import { writeFileAtomic, writeJsonAtomic, writeNpzFile } from '@ptychojs/io/node';
import { modelProbe } from '@ptychojs/physics';
import { modelFromState, resolveForData, train, type EpochRecord, type PtychoModel, type ReplicaInit, type RunConfig, type TrainResult } from '@ptychojs/model';
import { saveModel, workerTrainingEngine } from '@ptychojs/model/node';
import { checkpointWriteError } from './checkpoint-write-error.js';
import { lossPng } from './loss-png.js';
import { modelCardFromRun } from '../model-card/model-card-from-run.js';
import type { ModelCard } from '../model-card/model-card.js';
import type { PretrainSpec } from '../pretrain/pretrain-spec.js';
import { pretrainingStream } from '../pretrain/pretraining-stream.js';
import { scoreOnScans } from '../pretrain/score-on-scans.js';
import type { Progress, Reporter } from '../reporter.js';
import { RUN_DIR_CONFIG_VERSION, type RunDirConfig } from '../run-dir/run-dir-config.js';
import { TrainingInterruptedError } from '../training-interrupted-error.js';
import type { BackendUsed } from '../types.js';
import { PIPELINE_VERSION } from '../version.js';
import { checkRunDir } from './check-run-dir.js';
import { makeOutputDir } from './make-output-dir.js';
import { openTrainingDir } from './open-training-dir.js';
import { RUN_FILES } from '../run-dir/run-files.js';

/** Options of {@link pretrainToDir}. */
export interface PretrainToDirOptions {
  readonly backend: BackendUsed;
  readonly reporter: Reporter;
  /** Continue an interrupted pretraining from its checkpoint. */
  readonly resume: boolean;
  /** Data-parallel worker threads (as `trainToRunDir`); default 1. */
  readonly workers?: number;
  /** Interrupt: a mid-epoch checkpoint is saved, then {@link TrainingInterruptedError}. */
  readonly signal?: AbortSignal;
  /** Where the probe came from, in words (recorded in the card). */
  readonly probeSource: string;
  /**
   * Save a complete model directory as `snapshots/<m>min/` after the epoch that crosses each of these
   * minutes of training (quality against pretraining time from one run).
   */
  readonly snapshotMinutes?: readonly number[];
}

/** What {@link pretrainToDir} wrote. */
export interface PretrainResult {
  readonly runDir: string;
  readonly runConfig: RunDirConfig;
  readonly card: ModelCard;
  readonly history: readonly EpochRecord[];
}

const fmtMin = (s: number) => (s < 120 ? `${s.toFixed(0)} s` : `${(s / 60).toFixed(1)} min`);

/**
 * Pretrain the network on scans simulated under the user's probe (issue 15) into a model directory
 * that `ptycho infer --model` and `ptycho run --init-model` take: every epoch fresh scans drawn from
 * `spec` ({@link pretrainingStream}), trained with `config` (the loss of SPEC §3, plus the
 * real-space term against the simulated truth when `config.realspaceWeight` > 0); after every
 * epoch the model reconstructs the held-out simulated scans and is scored against their truth
 * ({@link scoreOnScans}: `scores` in `history.json`), and a checkpoint is saved (`--resume`
 * continues). Training stops at `config.maxMinutes` (after the step that crosses it) or
 * `config.epochs`. Writes `model/`, `probe.npz`, `history.json`, `loss.png`, `model-card.json`
 * and `config.json` (last: its presence marks a finished directory), atomically.
 *
 * @shape probe (N, N) complex — the measured probe
 * @throws InputError for a finished directory or an interrupted one without `resume`
 * @throws TrainingInterruptedError after `signal` stopped training (the checkpoint resumes it)
 */
export async function pretrainToDir(probe: ComplexArray, spec: PretrainSpec, requested: RunConfig, runDir: string, opts: PretrainToDirOptions): Promise<PretrainResult> {
  const { reporter } = opts;
  checkRunDir(runDir, opts.resume);
  const t0 = performance.now();
  const N = spec.N;
  // The dose recorded is the middle (geometric mean) of the simulated range.
  const { config, extent } = resolveForData(requested, { probe: modelProbe(probe, N).probe, nphotons: Math.sqrt(spec.doseRange[0] * spec.doseRange[1]) });
  const grouping = { gridsize: config.gridsize, K: config.K, seed: config.seed };
  const { stream, validationScans } = pretrainingStream(spec, probe, grouping);
  reporter.info(`pretraining on scans simulated under ${opts.probeSource}: ${spec.families.join(', ')} objects; steps ${spec.stepRange.map((v) => v.toPrecision(3)).join('–')} px; doses ${spec.doseRange.map((v) => v.toExponential(0)).join('–')} photons per pattern; ${spec.patternsPerEpoch} fresh patterns per epoch; ${validationScans.length} held-out scans scored every epoch`);
  reporter.info(`object extent '${extent.extent}': ${extent.reason}`);
  reporter.info(`U-Net f = ${config.nFiltersScale}, gridsize ${config.gridsize}, batch ${config.batchSize}, lr ${config.lr}${config.realspaceWeight > 0 ? `, real-space weight ${config.realspaceWeight}` : ''}; budget ${config.maxMinutes === undefined ? 'none' : `${config.maxMinutes} min`}, backend ${opts.backend.name}`);
  const { store, resume } = await openTrainingDir(runDir, opts.resume, reporter);
  const init: ReplicaInit = { config, N, canvasSize: stream.canvasSize, probe: stream.probe, intensityScale: stream.intensityScale };
  const workers = opts.workers ?? 1;
  const budget = config.maxMinutes === undefined ? undefined : 60 * config.maxMinutes;
  let elapsed = resume?.history.reduce((t, r) => t + r.seconds, 0) ?? 0;
  let bar: Progress | undefined;
  let result: TrainResult;
  let reached = '';
  let epochStart = performance.now();
  /** Every epoch so far, resumed ones included. */
  const history: EpochRecord[] = [...(resume?.history ?? [])];
  let pending: { model: PtychoModel; probe: ComplexArray } | undefined;
  const snapshots = [...(opts.snapshotMinutes ?? [])].sort((a, b) => a - b);
  const saved = new Set<number>(snapshots.filter((m) => fs.existsSync(path.join(runDir, RUN_FILES.snapshots, `${m}min`, RUN_FILES.config))));

  /** A finished model directory (the final one, or a snapshot): model, probe, history, loss chart, card, config.json last. */
  const writeModelDir = async (dir: string, model: PtychoModel, modelProbeNow: ComplexArray, history: readonly EpochRecord[], stopReason: RunDirConfig['stopReason'], seconds: number) => {
    makeOutputDir(dir);
    await saveModel(path.join(dir, RUN_FILES.model), model);
    writeNpzFile(path.join(dir, RUN_FILES.probe), { probeGuess: fromComplexArray(modelProbeNow, 'c8') });
    writeJsonAtomic(path.join(dir, RUN_FILES.history), history);
    if (history.length > 0) writeFileAtomic(path.join(dir, RUN_FILES.lossChart), lossPng(history)); // no curve to draw after 0 epochs
    const patternsSeen = history.reduce((n, r) => n + (r.patterns ?? 0), 0);
    const validation = history.at(-1)?.scores ?? null;
    const { N: _n, ...specRecord } = spec;
    const runConfig: RunDirConfig = {
      format: 'ptychojs-run', version: RUN_DIR_CONFIG_VERSION, ptychojs: PIPELINE_VERSION, tfjs: tf.version_core, config,
      data: { file: opts.probeSource, M: Math.max(1, patternsSeen), N, groups: Math.max(1, Math.round(patternsSeen / (config.gridsize * config.gridsize))), kind: 'simulated' },
      alpha: null,
      intensityScale: Math.exp((await model.logScale.data())[0]!), intensityScaleSource: 'nphotons',
      probeScale: modelProbe(probe, N).probeScale, probeSource: opts.probeSource,
      canvasSize: stream.canvasSize, backend: { name: opts.backend.name, reason: opts.backend.reason },
      nphotonsSource: 'flag',
      objectExtentChoice: { outsideFraction: extent.outsideFraction, source: extent.source, reason: extent.reason },
      stopReason, workers, epochs: history.length, seconds,
      notes: [], warnings: [], diffraction: { kind: 'counts', stated: true },
      pretraining: { spec: { ...specRecord }, patternsSeen, validation },
    };
    const card = modelCardFromRun(runConfig, modelProbeNow, history, {
      stepRange: spec.stepRange, doseRange: spec.doseRange, families: spec.families,
      amplitudeMinRange: spec.amplitudeMinRange, phaseMaxRange: spec.phaseMaxRange, validation,
    });
    writeJsonAtomic(path.join(dir, RUN_FILES.modelCard), card);
    writeJsonAtomic(path.join(dir, RUN_FILES.config), runConfig);
    return { runConfig, card };
  };
  try {
    result = await train(config, stream, {
      store,
      ...(resume ? { resume } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(workers > 1 ? { engine: workerTrainingEngine({ workers, backend: opts.backend.name }) } : {}),
      async validate(state) {
        const due = snapshots.some((m) => !saved.has(m) && elapsed + (performance.now() - epochStart) / 1000 >= 60 * m);
        if (validationScans.length === 0 && !due) return {};
        const model = await modelFromState(init, state);
        try {
          const scores = validationScans.length === 0 ? {} : await scoreOnScans(model, validationScans, grouping);
          // Kept for the snapshot written once the epoch's record exists (onEpoch).
          if (due) pending = { model, probe: state.probe };
          return scores;
        } finally {
          if (!due) model.dispose();
        }
      },
      onBatch: (p) => {
        bar ??= reporter.progress(`epoch ${p.epoch + 1}`, p.batches, 'steps', { logEvery: 0 });
        bar.update(p.batch + 1, { loss: p.loss, 'patterns/s': p.samplesPerSec });
        reached = `after step ${p.batch + 1} of ${p.batches} in epoch ${p.epoch + 1}`;
      },
      onEpoch: async (r) => {
        bar?.stop();
        bar = undefined;
        elapsed += r.seconds;
        epochStart = performance.now();
        history.push(r);
        if (pending) {
          const { model, probe: p } = pending;
          pending = undefined;
          try {
            for (const m of snapshots.filter((x) => !saved.has(x) && elapsed >= 60 * x)) {
              saved.add(m);
              const dir = path.join(runDir, RUN_FILES.snapshots, `${m}min`);
              await writeModelDir(dir, model, p, history, 'snapshot', elapsed);
              reporter.info(`snapshot after ${fmtMin(elapsed)} of pretraining (the ${m}-minute mark): ${dir}`);
            }
          } finally {
            model.dispose();
          }
        }
        const s = r.scores;
        const val = s && s['amp_ssim'] !== undefined ? `, held-out SSIM ${s['amp_ssim'].toFixed(3)}/${s['phase_ssim']!.toFixed(3)} (amplitude/phase)` : '';
        const eta = budget === undefined ? '' : `; ${fmtMin(elapsed)} of ${fmtMin(budget)}, ETA ${fmtMin(Math.max(0, budget - elapsed))}`;
        reporter.info(`epoch ${r.epoch + 1}: loss ${r.loss.toPrecision(5)}, val ${r.valLoss === null ? 'n/a' : r.valLoss.toPrecision(5)}${val}, lr ${r.lr.toPrecision(2)}, ${r.samplesPerSec.toFixed(0)} patterns/s${eta}`);
      },
    });
  } catch (e) {
    throw checkpointWriteError(e, path.join(runDir, RUN_FILES.checkpoint)) ?? e;
  } finally {
    bar?.stop();
    pending?.model.dispose();
  }
  if (result.stopReason === 'interrupted') {
    result.model.dispose();
    throw new TrainingInterruptedError(String(opts.signal?.reason ?? 'abort'), path.join(runDir, RUN_FILES.checkpoint), reached || 'before its first step');
  }
  try {
    const history = result.history;
    reporter.info(`pretraining stopped after ${history.length} epoch(s) (${result.stopReason}), ${history.reduce((n, r) => n + (r.patterns ?? 0), 0)} patterns seen`);
    const { runConfig, card } = await writeModelDir(runDir, result.model, result.probe, history, result.stopReason, (performance.now() - t0) / 1000);
    return { runDir, runConfig, card, history };
  } finally {
    result.model.dispose();
  }
}
