import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { fromComplexArray, InputError } from '@ptychojs/io';
import { writeFileAtomic, writeJsonAtomic, writeNpzFile } from '@ptychojs/io/node';
import { resolveForData, train, type EpochRecord, type ResolvedRunConfig, type RunConfig, type TrainResult } from '@ptychojs/model';
import { fileModelHandler, saveModel, WorkerFailedError, workerTrainingEngine } from '@ptychojs/model/node';
import { medianStep } from '@ptychojs/grouping';
import { checkpointWriteError } from './checkpoint-write-error.js';
import { lossPng } from './loss-png.js';
import { modelCardFromRun } from '../model-card/model-card-from-run.js';
import { prepareTrainingSet } from '../prepare/prepare-training-set.js';
import type { Progress, Reporter } from '../reporter.js';
import { RUN_DIR_CONFIG_VERSION, type RunDirConfig } from '../run-dir/run-dir-config.js';
import { TrainingInterruptedError } from '../training-interrupted-error.js';
import type { BackendUsed } from '../types.js';
import { scanInMemory } from '../scan/scan-in-memory.js';
import type { UsableScan } from '../scan/usable-scan.js';
import { defaultMemoryBudget } from './default-memory-budget.js';
import { PIPELINE_VERSION } from '../version.js';
import { checkRunDir } from './check-run-dir.js';
import { openTrainingDir } from './open-training-dir.js';
import { RUN_FILES } from '../run-dir/run-files.js';

/** Options of {@link trainToRunDir}. */
export interface TrainToRunDirOptions {
  /** The backend in use (the caller started it), stored in config.json. */
  readonly backend: BackendUsed;
  /** Continue an interrupted run from its checkpoint. */
  readonly resume: boolean;
  readonly reporter: Reporter;
  /**
   * Data-parallel worker threads (issue 10; wasm or cpu, each worker starts `backend.name`).
   * Default 1: this thread. The history agrees with one thread's to float32 rounding.
   */
  readonly workers?: number;
  /**
   * Interrupt (SIGINT, SIGTERM): training stops after the current step and saves a mid-epoch
   * checkpoint; {@link trainToRunDir} then throws {@link TrainingInterruptedError} and writes
   * nothing else, so `resume` continues the run.
   */
  readonly signal?: AbortSignal;
  /**
   * Bytes the scan's frames may take in memory (training holds them all; default
   * {@link defaultMemoryBudget}). A larger scan is refused with the sizes; `infer` reads by batch.
   */
  readonly memoryBudget?: number;
  /**
   * A pretrained model directory to start from (issue 15): its U-Net weights, a fresh optimizer;
   * `config` must have its structural settings (`initModelConfig`). With `config.epochs` 0 the
   * run directory holds the pretrained network as it is.
   */
  readonly initModel?: string;
}

/** What a stop reason means, for people. */
function stopReasonText(reason: string, config: ResolvedRunConfig): string {
  switch (reason) {
    case 'epochs': return `the requested ${config.epochs} epochs`;
    case 'early-stop': return `early stop: the training loss did not improve for ${config.earlyStopPatience} epochs (a plateau)`;
    case 'time-budget': return `the training time budget of ${config.maxMinutes} min was reached`;
    default: return reason;
  }
}

const DOSE_SOURCE = { flag: 'from --nphotons', metadata: "from the scan's _metadata", measured: 'measured: mean counts per pattern of the data' } as const;

/** What {@link trainToRunDir} wrote. */
export interface TrainRunResult {
  readonly runDir: string;
  readonly runConfig: RunDirConfig;
  readonly history: readonly EpochRecord[];
}

/**
 * Self-supervised training of a checked scan ({@link UsableScan}, checked for `train` or `run`
 * with this configuration's gridsize and K) into a run directory (SPEC §3 "Run directory"):
 * `model/`, `probe.npz`, `history.json`, `checkpoint/` (resumable), `loss.png` and `config.json`,
 * written last so that its presence marks a finished run, with the scan check's warnings, notes
 * and diffraction reading. Every file is written atomically; the directory is made only once the
 * data are grouped. Progress: a step bar per epoch (no log lines) and one line per epoch.
 *
 * With `workers` > 1, training runs data-parallel on worker threads; `signal` interrupts it (a
 * mid-epoch checkpoint is saved; nothing else is written).
 *
 * @throws InputError for a finished run directory, an interrupted one without `resume`, a checkpoint
 *   that could not be written (a full disk; the previous one is kept), or data
 *   that do not fit the configuration; a file-system error naming the directory when it cannot be
 *   made or written
 * @throws TrainingInterruptedError after `signal` stopped training (the checkpoint resumes it)
 * @throws WorkerFailedError when a worker thread died (the last checkpoint is kept)
 */
export async function trainToRunDir(scanOrScans: UsableScan | readonly UsableScan[], requested: RunConfig, runDir: string, opts: TrainToRunDirOptions): Promise<TrainRunResult> {
  const { reporter } = opts;
  const scans: readonly UsableScan[] = Array.isArray(scanOrScans) ? scanOrScans : [scanOrScans as UsableScan];
  const scan = scans[0]!;
  const budget = opts.memoryBudget ?? defaultMemoryBudget();
  const raws = scans.map((s) => scanInMemory(s.raw, budget, 'training'));
  const raw = raws[0]!;
  // One mask for the loss: a pixel not measured in any of the scans is left out of all (X is 0 there).
  let badPixels: Uint8Array | undefined;
  for (const r of raws) if (r.badPixels) { badPixels ??= new Uint8Array(r.N * r.N); r.badPixels.forEach((b, i) => { if (b) badPixels![i] = 1; }); }
  checkRunDir(runDir, opts.resume);
  if (requested.epochs === 0 && opts.initModel === undefined) {
    throw new InputError('0 epochs trains nothing: give a pretrained model to use as it is (--init-model), or a number of epochs ≥ 1', { key: 'epochs', expected: '≥ 1 without --init-model', actual: '0' });
  }
  const initialWeights = opts.initModel === undefined ? undefined : await fileModelHandler(path.join(opts.initModel, RUN_FILES.model)).load();
  const t0 = performance.now();
  const prepared = prepareTrainingSet(raws, { gridsize: requested.gridsize, K: requested.K, nGroups: requested.nGroups, seed: requested.seed }, requested.nphotons);
  const dose = prepared.doses[0]!;
  const doses = prepared.doses.map((d) => d.nphotons);
  // The resolved whole: data-derived choices made concrete, so config.json says what ran.
  const { config, extent } = resolveForData(requested, { probe: prepared.probe, nphotons: dose.nphotons });
  const data = prepared.groups;
  scans.forEach((s, i) => reporter.info(`${scans.length > 1 ? `${s.raw.source}: ` : ''}dose ${prepared.doses[i]!.nphotons.toPrecision(4)} photons per pattern (${DOSE_SOURCE[prepared.doses[i]!.source]})${scans.length > 1 ? `, ${prepared.groupsPerScan[i]} groups` : ''}`));
  reporter.info(`object extent '${extent.extent}': ${extent.reason}`);
  reporter.info(`training on ${data.B} groups of ${data.C} pattern(s) (${raw.N}×${raw.N}), α = ${prepared.alpha === null ? 'per scan' : prepared.alpha.toPrecision(4)}, s = ${prepared.intensityScale.toPrecision(4)} (from ${prepared.intensityScaleSource}), backend ${opts.backend.name}`);
  const { store, resume } = await openTrainingDir(runDir, opts.resume, reporter);
  if (!resume && opts.initModel !== undefined) reporter.info(config.epochs === 0 ? `using the pretrained network of ${opts.initModel} as it is (0 epochs)` : `starting from the pretrained network of ${opts.initModel} (fine-tuning on this scan)`);
  let bar: Progress | undefined;
  let result: TrainResult;
  const workers = opts.workers ?? 1;
  if (workers > 1) reporter.info(`training on ${workers} worker threads (${opts.backend.name}), each batch split between them`);
  let reached = '';
  try {
    result = await train(config, {
      N: raw.N, X: data.X, coordsRelative: data.coordsRelative, probe: prepared.probe,
      ...(badPixels ? { badPixels } : {}),
      intensityScale: prepared.intensityScale, canvasSize: prepared.canvasSize,
      ...(data.Y && config.realspaceWeight > 0 ? { Y: data.Y } : {}),
    }, {
      store,
      ...(resume ? { resume } : {}),
      ...(initialWeights ? { initialWeights } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(workers > 1 ? { engine: workerTrainingEngine({ workers, backend: opts.backend.name }) } : {}),
      onBatch: (p) => {
        bar ??= reporter.progress(`epoch ${p.epoch + 1}/${config.epochs}`, p.batches, 'steps', { logEvery: 0 });
        bar.update(p.batch + 1, { loss: p.loss, 'patterns/s': p.samplesPerSec });
        reached = `after step ${p.batch + 1} of ${p.batches} in epoch ${p.epoch + 1}`;
      },
      onEpoch: (r) => {
        bar?.stop();
        bar = undefined;
        reporter.info(`epoch ${r.epoch + 1}: loss ${r.loss.toPrecision(5)} (nll ${r.nll.toPrecision(5)}), val ${r.valLoss === null ? 'n/a' : r.valLoss.toPrecision(5)}, lr ${r.lr.toPrecision(2)}, ${r.seconds.toFixed(1)} s, ${r.samplesPerSec.toFixed(1)} patterns/s`);
      },
    });
  } catch (e) {
    const dir = path.join(runDir, RUN_FILES.checkpoint);
    if (e instanceof WorkerFailedError) {
      e.message += fs.existsSync(dir) ? `; the last checkpoint is kept in ${dir}: continue with --resume` : '; no checkpoint had been saved yet';
    }
    throw checkpointWriteError(e, dir) ?? e;
  } finally {
    bar?.stop();
  }
  if (result.stopReason === 'interrupted') {
    result.model.dispose();
    throw new TrainingInterruptedError(String(opts.signal?.reason ?? 'abort'), path.join(runDir, RUN_FILES.checkpoint), reached || 'before its first step');
  }
  const stopReason = result.stopReason;
  reporter.info(`training stopped after ${result.history.length} epoch(s): ${stopReasonText(stopReason, config)}`);
  try {
    await saveModel(path.join(runDir, RUN_FILES.model), result.model);
    writeNpzFile(path.join(runDir, RUN_FILES.probe), { probeGuess: fromComplexArray(result.probe, 'c8') });
    writeJsonAtomic(path.join(runDir, RUN_FILES.history), result.history);
    if (result.history.length > 0) writeFileAtomic(path.join(runDir, RUN_FILES.lossChart), lossPng(result.history)); // no curve to draw after 0 epochs
    const runConfig: RunDirConfig = {
      format: 'ptychojs-run', version: RUN_DIR_CONFIG_VERSION, ptychojs: PIPELINE_VERSION, tfjs: tf.version_core, config,
      data: { file: scans.map((s) => s.raw.source).join(', '), M: scans.reduce((m, s) => m + s.raw.M, 0), N: raw.N, groups: data.B },
      alpha: prepared.alpha,
      intensityScale: result.learnedScale, intensityScaleSource: prepared.intensityScaleSource,
      probeScale: prepared.probeScale, probeSource: `probeGuess of ${raw.source}, scaled to Σ|P|² = N²`,
      canvasSize: prepared.canvasSize, backend: { name: opts.backend.name, reason: opts.backend.reason },
      nphotonsSource: dose.source,
      objectExtentChoice: { outsideFraction: extent.outsideFraction, source: extent.source, reason: extent.reason },
      stopReason, workers: result.replicas, epochs: result.history.length, seconds: (performance.now() - t0) / 1000,
      notes: scans.flatMap((s) => s.notes), warnings: scans.flatMap((s) => s.warnings), diffraction: scan.diffraction,
      ...(opts.initModel !== undefined ? { initModel: opts.initModel } : {}),
    };
    const steps = scans.map((s) => medianStep(s.raw.xcoords, s.raw.ycoords)).filter(Number.isFinite);
    const card = modelCardFromRun(runConfig, result.probe, result.history, {
      stepRange: steps.length > 0 ? [Math.min(...steps), Math.max(...steps)] : null, doseRange: [Math.min(...doses), Math.max(...doses)],
    });
    writeJsonAtomic(path.join(runDir, RUN_FILES.modelCard), card);
    writeJsonAtomic(path.join(runDir, RUN_FILES.config), runConfig);
    return { runDir, runConfig, history: result.history };
  } finally {
    result.model.dispose();
  }
}
