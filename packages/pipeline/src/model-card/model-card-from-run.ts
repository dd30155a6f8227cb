import type { ComplexArray } from '@ptychojs/io';
import { probeEnergyOutsideCentre, probeRmsRadius } from '@ptychojs/physics';
import type { EpochRecord } from '@ptychojs/model';
import type { ObjectFamily, Range } from '../pretrain/pretrain-spec.js';
import type { RunDirConfig } from '../run-dir/run-dir-config.js';
import { PIPELINE_VERSION } from '../version.js';
import type { ModelCard } from './model-card.js';
import { probeFingerprint } from './probe-fingerprint.js';

/** What a run directory's `config.json` does not say about the data a model saw. */
export interface ModelCardExtras {
  /** Steps seen, pixels; null: unknown. */
  readonly stepRange: Range | null;
  /** Doses seen, photons per pattern; null: unknown. */
  readonly doseRange: Range | null;
  readonly families?: readonly ObjectFamily[];
  readonly amplitudeMinRange?: Range;
  readonly phaseMaxRange?: Range;
  readonly validation?: Readonly<Record<string, number>> | null;
}

/**
 * The model card of a finished run directory: its `config.json` (`rc`), the model probe it wrote
 * (`probe.npz`), its history and what the caller knows besides (`extras`). Pure; browser-safe.
 *
 * @shape probe (N, N) complex — the model probe (`probe.npz` of the run)
 */
export function modelCardFromRun(rc: RunDirConfig, probe: ComplexArray, history: readonly EpochRecord[], extras: ModelCardExtras): ModelCard {
  const N = rc.data.N;
  const patternsSeen = rc.pretraining?.patternsSeen ?? history.reduce((n, r) => n + (r.patterns ?? 0), 0);
  return {
    format: 'ptychojs-model-card', version: 1,
    kind: rc.pretraining ? 'pretrained' : 'trained',
    N, gridsize: rc.config.gridsize, objectExtent: rc.config.objectExtent, nFiltersScale: rc.config.nFiltersScale,
    probe: {
      source: rc.probeSource, fingerprint: probeFingerprint(probe), rmsRadius: probeRmsRadius(probe),
      energyOutsideCentre: N % 4 === 0 ? probeEnergyOutsideCentre(probe) : Number.NaN,
    },
    training: {
      data: rc.pretraining ? ['simulated'] : rc.data.file.split(', '),
      ...(extras.families ? { families: [...extras.families] } : {}),
      stepRange: extras.stepRange, doseRange: extras.doseRange,
      ...(extras.amplitudeMinRange ? { amplitudeMinRange: extras.amplitudeMinRange } : {}),
      ...(extras.phaseMaxRange ? { phaseMaxRange: extras.phaseMaxRange } : {}),
      patternsSeen, epochs: rc.epochs, seconds: rc.seconds, stopReason: rc.stopReason,
      backend: rc.backend.name, workers: rc.workers ?? 1, seed: rc.config.seed,
    },
    validation: extras.validation ?? null,
    versions: { ptychojs: rc.ptychojs ?? PIPELINE_VERSION, tfjs: rc.tfjs },
  };
}
