/**
 * From a validated scan to model-ready arrays (SPEC §3 "Grouping", "Normalization"; workflow
 * steps 2–4), shared by `train`, `infer` and `run` so that both see the data the same way.
 */
import type { ComplexArray, RawData } from '@ptychojs/io';
import { intensityScaleFactor } from '@ptychojs/physics';
import { assembleGroupedData, groupScan, normalizationAlpha, sliceGroups, type GroupedData, type Groups } from '@ptychojs/grouping';
import { objectCanvasSize } from '@ptychojs/model';

export interface GroupingSettings {
  readonly gridsize: number;
  readonly K: number;
  readonly nGroups?: number;
  readonly seed: number;
  readonly sampling?: 'random' | 'sequential';
}

/**
 * The probe the model multiplies by: the measured probe scaled so that Σ|P|² = N². Normalized data
 * have mean Σ X² = (N/2)² (SPEC §3), so an object of mean amplitude ½ reproduces their energy and
 * the sigmoid amplitude head works mid-range instead of saturating. The factor is stored with the
 * model so inference uses the same probe.
 */
export function modelProbe(probe: ComplexArray, N: number): { probe: ComplexArray; probeScale: number } {
  let e = 0;
  for (let i = 0; i < probe.re.length; i++) e += probe.re[i]! ** 2 + probe.im[i]! ** 2;
  const probeScale = e > 0 ? N / Math.sqrt(e) : 1;
  const re = Float32Array.from(probe.re, (v) => v * probeScale), im = Float32Array.from(probe.im, (v) => v * probeScale);
  return { probe: { shape: probe.shape, re, im }, probeScale };
}

/**
 * Intensity scale s (SPEC §3): sqrt(nphotons / mean Σ|P·O_patch|²) when ground-truth patches are
 * known, else sqrt(nphotons)/(N/2). Mean over every (group, channel) patch.
 * @shape Y (B, N, N, C) complex
 */
export function intensityScale(nphotons: number, N: number, probe: ComplexArray, Y?: ComplexArray): { s: number; source: 'objectGuess' | 'nphotons' } {
  if (!Y) return { s: intensityScaleFactor(nphotons, N), source: 'nphotons' };
  const C = Y.shape[3]!, NN = N * N, B = Y.shape[0]!;
  let total = 0;
  for (let b = 0; b < B; b++) for (let p = 0; p < NN; p++) {
    const pr = probe.re[p]!, pi = probe.im[p]!;
    for (let c = 0; c < C; c++) {
      const k = (b * NN + p) * C + c, or = Y.re[k]!, oi = Y.im[k]!;
      total += (pr * or - pi * oi) ** 2 + (pr * oi + pi * or) ** 2;
    }
  }
  const mean = total / (B * C);
  return mean > 0 ? { s: intensityScaleFactor(nphotons, N, mean), source: 'objectGuess' } : { s: intensityScaleFactor(nphotons, N), source: 'nphotons' };
}

export interface PreparedData {
  readonly data: GroupedData;
  readonly probe: ComplexArray;
  readonly probeScale: number;
  readonly alpha: number;
  readonly intensityScale: number;
  readonly intensityScaleSource: 'objectGuess' | 'nphotons';
  /** Side of the object.big canvas: N + 2·⌈max |coords_relative|⌉, rounded up to even. */
  readonly canvasSize: number;
}

/** Group, gather and normalize a whole scan for training (ground-truth patches when objectGuess is present). */
export function prepareTrainingData(raw: RawData, grouping: GroupingSettings, nphotons: number): PreparedData {
  const groups = groupScan(raw.xcoords, raw.ycoords, grouping);
  const data = assembleGroupedData(groups, {
    diff3d: raw.diff3d,
    N: raw.N,
    ...(raw.objectGuess ? { objectGuess: raw.objectGuess, truePositions: { x: raw.xcoordsStart, y: raw.ycoordsStart } } : {}),
  });
  const { probe, probeScale } = modelProbe(raw.probeGuess, raw.N);
  const { s, source } = intensityScale(nphotons, raw.N, probe, data.Y);
  return { data, probe, probeScale, alpha: data.alpha, intensityScale: s, intensityScaleSource: source, canvasSize: objectCanvasSize(raw.N, groups.coordsRelative) };
}

/**
 * Groups for inference and a batch iterator that gathers X lazily, so memory stays bounded in the
 * number of patterns (only one batch of (b, N, N, C) is alive at a time). α follows the training
 * rule, computed over this scan.
 */
export function prepareInference(raw: RawData, grouping: GroupingSettings): { groups: Groups; alpha: number; batches: (size: number) => Generator<{ start: number; data: GroupedData }> } {
  const groups = groupScan(raw.xcoords, raw.ycoords, { ...grouping, sampling: grouping.sampling ?? 'sequential' });
  const alpha = normalizationAlpha(raw.diff3d, raw.N);
  function* batches(size: number): Generator<{ start: number; data: GroupedData }> {
    const { B } = groups;
    for (let start = 0; start < B; start += size) {
      const slice = sliceGroups(groups, start, Math.min(B, start + size));
      yield { start, data: assembleGroupedData(slice, { diff3d: raw.diff3d, N: raw.N, alpha }) };
    }
  }
  return { groups, alpha, batches };
}
