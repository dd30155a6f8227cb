/**
 * Self-supervised training of a scan into a run directory (SPEC §3 "Run directory"):
 * `model/`, `config.json` (written last: its presence marks a finished run), `probe.npz`,
 * `history.json`, `checkpoint/` (resumable) and `loss.png`.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { fromComplexArray, InputError, type RawData } from '@ptychojs/io';
import { writeFileAtomic, writeJsonAtomic, writeNpzFile } from '@ptychojs/io/node';
import { renderCurvesPng } from '@ptychojs/metrics';
import { train, type EpochRecord, type RunConfig, type TrainResult } from '@ptychojs/model';
import { fileCheckpointStore, saveModel } from '@ptychojs/model/node';
import type { BackendInfo } from '../backend.js';
import type { Progress, Ui } from '../ui.js';
import { VERSION } from '../version.js';
import { prepareTrainingData } from './prepare.js';

export interface RunDirConfig {
  readonly format: 'ptychojs-run';
  readonly version: 1;
  readonly ptychojs: string;
  readonly tfjs: string;
  readonly config: RunConfig;
  readonly data: { readonly file: string; readonly M: number; readonly N: number; readonly groups: number };
  readonly N: number;
  readonly gridsize: number;
  readonly K: number;
  readonly alpha: number;
  readonly intensityScale: number;
  readonly intensityScaleSource: 'objectGuess' | 'nphotons';
  readonly probeScale: number;
  readonly probeSource: string;
  readonly canvasSize: number;
  readonly backend: { readonly name: string; readonly reason: string };
  readonly stopReason: string;
  readonly epochs: number;
  readonly seconds: number;
  readonly notes: readonly string[];
}

export interface TrainRunResult {
  readonly runDir: string;
  readonly runConfig: RunDirConfig;
  readonly history: readonly EpochRecord[];
}

/** Settings in the scan's `_metadata` that disagree with the run's (SPEC §3), in words. */
export function metadataDisagreements(raw: RawData, config: RunConfig): string[] {
  const notes: string[] = [];
  const meta = raw.metadata;
  const np = meta?.nphotons;
  if (typeof np === 'number' && Math.abs(np - config.nphotons) > 1e-6 * Math.max(np, config.nphotons)) {
    notes.push(`${raw.source}: _metadata says nphotons = ${np} but this run uses ${config.nphotons} (set --nphotons to match the data)`);
  }
  return notes;
}

/** Refuse to overwrite a finished run; decide whether to resume an interrupted one. */
export function checkRunDir(runDir: string, resume: boolean): void {
  if (fs.existsSync(path.join(runDir, 'config.json'))) {
    throw new InputError('this run directory already holds a finished run; choose another --out or delete it', { file: runDir, key: '--out' });
  }
  if (!resume && fs.existsSync(path.join(runDir, 'checkpoint'))) {
    throw new InputError('this run directory holds an interrupted run; add --resume to continue it, or choose another --out', { file: runDir, key: '--out' });
  }
}

/** Train on `raw` and write the run directory. */
export async function trainToRunDir(raw: RawData, config: RunConfig, runDir: string, opts: { backend: BackendInfo; resume: boolean; ui: Ui; maxSeconds?: number }): Promise<TrainRunResult> {
  const { ui } = opts;
  checkRunDir(runDir, opts.resume);
  const notes = metadataDisagreements(raw, config);
  for (const n of notes) ui.warn(n);
  const t0 = performance.now();
  const prepared = prepareTrainingData(raw, { gridsize: config.gridsize, K: config.K, nGroups: config.nGroups, seed: config.seed }, config.nphotons);
  const { data } = prepared;
  ui.info(`training on ${data.B} groups of ${data.C} pattern(s) (${raw.N}×${raw.N}), α = ${prepared.alpha.toPrecision(4)}, s = ${prepared.intensityScale.toPrecision(4)} (from ${prepared.intensityScaleSource}), backend ${opts.backend.name}`);
  fs.mkdirSync(runDir, { recursive: true });
  const store = fileCheckpointStore(path.join(runDir, 'checkpoint'));
  const resume = opts.resume ? await store.loadCheckpoint() : undefined;
  if (opts.resume && !resume) ui.warn(`no checkpoint in ${runDir}; starting from scratch`);
  if (resume) ui.info(`resuming after epoch ${resume.epoch}`);
  let bar: Progress | undefined;
  let result: TrainResult;
  try {
    result = await train(config, {
      N: raw.N, X: data.X, coordsRelative: data.coordsRelative, probe: prepared.probe,
      intensityScale: prepared.intensityScale, canvasSize: prepared.canvasSize,
      ...(data.Y && config.realspaceWeight > 0 ? { Y: data.Y } : {}),
    }, {
      store,
      ...(resume ? { resume } : {}),
      // A wall-clock budget (the demo's): stop after the current step once it is spent.
      ...(opts.maxSeconds !== undefined ? { shouldStop: () => (performance.now() - t0) / 1000 > opts.maxSeconds! } : {}),
      onBatch: (p) => {
        bar ??= ui.progress(`epoch ${p.epoch + 1}/${config.epochs}`, p.batches, 'steps');
        bar.update(p.batch + 1, { loss: p.loss, 'patterns/s': p.samplesPerSec });
      },
      onEpoch: (r) => {
        bar?.stop();
        bar = undefined;
        ui.info(`epoch ${r.epoch + 1}: loss ${r.loss.toPrecision(5)} (nll ${r.nll.toPrecision(5)}), val ${r.valLoss === null ? 'n/a' : r.valLoss.toPrecision(5)}, lr ${r.lr.toPrecision(2)}, ${r.seconds.toFixed(1)} s, ${r.samplesPerSec.toFixed(1)} patterns/s`);
      },
    });
  } finally {
    bar?.stop();
  }
  try {
    await saveModel(path.join(runDir, 'model'), result.model);
    writeNpzFile(path.join(runDir, 'probe.npz'), { probeGuess: fromComplexArray(result.probe, 'c8') });
    writeJsonAtomic(path.join(runDir, 'history.json'), result.history);
    writeFileAtomic(path.join(runDir, 'loss.png'), lossPng(result.history));
    const runConfig: RunDirConfig = {
      format: 'ptychojs-run', version: 1, ptychojs: VERSION, tfjs: tf.version_core, config,
      data: { file: raw.source, M: raw.M, N: raw.N, groups: data.B },
      N: raw.N, gridsize: config.gridsize, K: config.K, alpha: prepared.alpha,
      intensityScale: result.learnedScale, intensityScaleSource: prepared.intensityScaleSource,
      probeScale: prepared.probeScale, probeSource: `probeGuess of ${raw.source}, scaled to Σ|P|² = N²`,
      canvasSize: prepared.canvasSize, backend: { name: opts.backend.name, reason: opts.backend.reason },
      stopReason: result.stopReason, epochs: result.history.length, seconds: (performance.now() - t0) / 1000, notes,
    };
    writeJsonAtomic(path.join(runDir, 'config.json'), runConfig);
    return { runDir, runConfig, history: result.history };
  } finally {
    result.model.dispose();
  }
}

/** Loss curves per epoch: training loss and validation loss. */
export function lossPng(history: readonly EpochRecord[]): Uint8Array {
  const x = history.map((r) => r.epoch);
  const series = [{ name: 'training loss', x, y: history.map((r) => r.loss) }];
  if (history.some((r) => r.valLoss !== null)) series.push({ name: 'validation loss', x, y: history.map((r) => r.valLoss ?? Number.NaN) });
  return renderCurvesPng({ series, xLabel: 'epoch', yLabel: 'loss (Poisson NLL + weighted terms)', title: 'training history' });
}
