import { createRng, type ComplexArray } from '@ptychojs/io';
import { intensityScaleFactor, modelProbe } from '@ptychojs/physics';
import { objectCanvasSize, type EpochGroups, type TrainingStream } from '@ptychojs/model';
import type { GroupingSettings } from '../types.js';
import { pretrainingGroups } from './pretraining-groups.js';
import type { PretrainSpec } from './pretrain-spec.js';
import { simulatePretrainingScan, type PretrainScan } from './simulate-pretraining-scan.js';

/** A pretraining data stream and the held-out scans it validates on. */
export interface PretrainingStream {
  readonly stream: TrainingStream;
  /** The held-out scans (never trained on), with their truth, for scores against the truth. */
  readonly validationScans: readonly PretrainScan[];
}

/** Seed of scan `j` of epoch `epoch` (validation: epoch −1), from the run's seed. */
function scanSeed(seed: number, epoch: number, j: number): number {
  return createRng(seed * 2 ** 21 + (epoch + 1) * 4099 + j).int(2 ** 31);
}

/** Concatenate the groups of several scans. */
function concatGroups(parts: readonly (EpochGroups & { B: number })[], per: number, C: number): EpochGroups {
  const B = parts.reduce((n, p) => n + p.B, 0);
  const X = new Float32Array(B * per), coordsRelative = new Float64Array(B * 2 * C);
  const re = new Float32Array(B * per), im = new Float32Array(B * per);
  let b = 0;
  for (const p of parts) {
    X.set(p.X, b * per);
    coordsRelative.set(p.coordsRelative, b * 2 * C);
    re.set(p.Y!.re, b * per);
    im.set(p.Y!.im, b * per);
    b += p.B;
  }
  const N = Math.round(Math.sqrt(per / C));
  return { X, coordsRelative, Y: { shape: [B, N, N, C], re, im } };
}

/**
 * Pretraining data (issue 15): every epoch a fresh set of scans drawn from `spec`
 * ({@link simulatePretrainingScan}) under the user's probe, until `spec.patternsPerEpoch`
 * patterns, grouped with `grouping` (one group per position) — a pure function of (seed, epoch), so
 * a resumed run regenerates its epochs — and `spec.validationScans` held-out scans from their
 * own seeds, one family after another. Memory is one epoch's groups, whatever the number of epochs.
 *
 * The intensity scale s is that of the geometric-mean dose: with a shared s each group's Poisson
 * NLL is its own likelihood times a constant, so every dose counts alike (the network sees X, not
 * X·s). The canvas fits the largest step of the range (jitter included).
 *
 * @shape probe (N, N) complex — the measured probe (scaled to the model probe here)
 */
export function pretrainingStream(spec: PretrainSpec, probe: ComplexArray, grouping: GroupingSettings): PretrainingStream {
  const { N } = spec;
  const C = grouping.gridsize * grouping.gridsize, per = N * N * C;
  const seed = grouping.seed;
  // Validation scans cover the families in turn, so every family is scored.
  const validationScans = Array.from({ length: spec.validationScans }, (_, j) => simulatePretrainingScan(spec, probe, scanSeed(seed, -1, j), spec.families[j % spec.families.length]));
  const groupsOf = (scan: PretrainScan, j: number) => pretrainingGroups(scan, { ...grouping, seed: seed + j });
  const validationParts = validationScans.map(groupsOf);
  // The largest relative offset a group can have: neighbours at up to ~2 jittered steps.
  const maxStep = spec.stepRange[1];
  const canvasSize = C === 1 ? N : Math.max(objectCanvasSize(N, [2 * 1.25 * maxStep]), ...validationParts.map((p) => objectCanvasSize(N, p.coordsRelative)));
  const stream: TrainingStream = {
    N,
    probe: modelProbe(probe, N).probe,
    intensityScale: intensityScaleFactor(Math.sqrt(spec.doseRange[0] * spec.doseRange[1]), N),
    canvasSize,
    async epoch(epoch: number): Promise<EpochGroups> {
      const parts = [];
      let patterns = 0;
      for (let j = 0; patterns < spec.patternsPerEpoch; j++) {
        const g = groupsOf(simulatePretrainingScan(spec, probe, scanSeed(seed, epoch, j)), j);
        parts.push(g);
        patterns += g.B * C;
      }
      return concatGroups(parts, per, C);
    },
    ...(validationParts.length > 0 ? { validation: concatGroups(validationParts, per, C) } : {}),
  };
  return { stream, validationScans };
}
