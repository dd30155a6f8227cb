import { InputError, type RawData } from '@ptychojs/io';
import { PROBE_REFUSE_BELOW, probeSimilarity } from '@ptychojs/physics';
import type { EpochGroups } from '@ptychojs/model';
import { prepareTrainingData, type PreparedData } from './prepare-training-data.js';
import { resolveDose, type Dose } from './resolve-dose.js';
import type { GroupingSettings } from '../types.js';

/** One or several scans made ready for one training run ({@link prepareTrainingSet}). */
export interface TrainingSet extends Omit<PreparedData, 'data' | 'alpha'> {
  /** Every scan's groups, in scan order. */
  readonly groups: EpochGroups & { readonly B: number; readonly C: number };
  /** α of the one scan; null for several (each normalized over itself). */
  readonly alpha: number | null;
  /** Each scan's dose and where it came from. */
  readonly doses: readonly Dose[];
  /** Each scan's groups. */
  readonly groupsPerScan: readonly number[];
}

/**
 * One training set from one or more scans taken with the same probe and pattern size (issue 15:
 * `ptycho train --data a.npz b.npz …`): each scan grouped and normalized over itself
 * ({@link prepareTrainingData}, its own dose from `requestedNphotons`, its metadata or its counts),
 * the groups concatenated, the probe and its scale from the first scan, the canvas the largest.
 * With several scans, s is the geometric mean of theirs: s only weights each group's Poisson NLL
 * (the network sees X), so every scan counts alike. Y only when every scan has a truth.
 *
 * @throws InputError naming the file when the pattern sizes differ or a probe is not the first one's
 */
export function prepareTrainingSet(scans: readonly RawData[], grouping: GroupingSettings, requestedNphotons: number | undefined): TrainingSet {
  if (scans.length === 0) throw new InputError('no scan to train on', { key: '--data', expected: 'one or more scan files', actual: 'none' });
  const first = scans[0]!;
  for (const raw of scans.slice(1)) {
    if (raw.N !== first.N) throw new InputError(`every scan of one training must have the patterns of ${first.source}`, { file: raw.source, key: 'diff3d', expected: `(M, ${first.N}, ${first.N})`, actual: `(${raw.M}, ${raw.N}, ${raw.N})` });
    const c = probeSimilarity(first.probeGuess, raw.probeGuess).correlation;
    if (c < PROBE_REFUSE_BELOW) {
      throw new InputError(`every scan of one training must be taken with the probe of ${first.source}`, { file: raw.source, key: 'probeGuess', expected: `a probe correlating ≥ ${PROBE_REFUSE_BELOW} with the first scan's`, actual: `correlation ${c.toFixed(3)}` });
    }
  }
  const doses = scans.map((raw) => resolveDose(raw, requestedNphotons));
  const prepared = scans.map((raw, i) => prepareTrainingData(raw, { ...grouping, seed: grouping.seed + i }, doses[i]!.nphotons));
  const p0 = prepared[0]!;
  if (prepared.length === 1) {
    const d = p0.data;
    return { ...p0, groups: { X: d.X, coordsRelative: d.coordsRelative, ...(d.Y ? { Y: d.Y } : {}), B: d.B, C: d.C }, doses, groupsPerScan: [d.B] };
  }
  const C = p0.data.C, N = first.N, per = N * N * C;
  const B = prepared.reduce((n, p) => n + p.data.B, 0);
  const X = new Float32Array(B * per), coordsRelative = new Float64Array(B * 2 * C);
  const withY = prepared.every((p) => p.data.Y !== undefined);
  const re = withY ? new Float32Array(B * per) : undefined, im = withY ? new Float32Array(B * per) : undefined;
  let b = 0;
  for (const p of prepared) {
    X.set(p.data.X, b * per);
    coordsRelative.set(p.data.coordsRelative, b * 2 * C);
    if (re && im) { re.set(p.data.Y!.re, b * per); im.set(p.data.Y!.im, b * per); }
    b += p.data.B;
  }
  const logMean = prepared.reduce((t, p) => t + Math.log(p.intensityScale), 0) / prepared.length;
  return {
    groups: { X, coordsRelative, ...(re && im ? { Y: { shape: [B, N, N, C], re, im } } : {}), B, C },
    probe: p0.probe, probeScale: p0.probeScale, alpha: null,
    intensityScale: Math.exp(logMean), intensityScaleSource: prepared.every((p) => p.intensityScaleSource === 'objectGuess') ? 'objectGuess' : 'nphotons',
    canvasSize: Math.max(...prepared.map((p) => p.canvasSize)), doses, groupsPerScan: prepared.map((p) => p.data.B),
  };
}
