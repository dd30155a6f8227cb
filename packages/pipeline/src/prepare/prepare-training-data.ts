import type { ComplexArray, RawData } from '@ptychojs/io';
import { assembleGroupedData, groupScan, type GroupedData } from '@ptychojs/grouping';
import { intensityScaleFactor, meanIlluminatedEnergy, modelProbe } from '@ptychojs/physics';
import { objectCanvasSize } from '@ptychojs/model';
import type { GroupingSettings } from '../types.js';

/** Where the intensity scale s comes from (SPEC §3 "Normalization"): the known object, or the dose. */
export const INTENSITY_SCALE_SOURCES = ['objectGuess', 'nphotons'] as const;

/** A scan made ready for training ({@link prepareTrainingData}). */
export interface PreparedData {
  readonly data: GroupedData;
  /** @shape (N, N) complex — the probe scaled to Σ|P|² = N² (`modelProbe`). */
  readonly probe: ComplexArray;
  readonly probeScale: number;
  readonly alpha: number;
  readonly intensityScale: number;
  readonly intensityScaleSource: (typeof INTENSITY_SCALE_SOURCES)[number];
  /** Side of the object.big canvas (`objectCanvasSize`): N + 2·⌈max |coords_relative|⌉, rounded up to even. */
  readonly canvasSize: number;
}

/**
 * Group, gather and normalize a whole scan for training (SPEC §3 "Grouping", "Normalization";
 * workflow steps 2–4), the same way for every caller: ground-truth patches Y when objectGuess is
 * present; the model probe; the intensity scale s = sqrt(nphotons / mean Σ|P·Y|²) when Y is
 * known and non-zero, else sqrt(nphotons)/(N/2); the object.big canvas side.
 *
 * @throws InputError from grouping (gridsize² > M, bad K…) or physics (nphotons ≤ 0)
 */
export function prepareTrainingData(raw: RawData, grouping: GroupingSettings, nphotons: number): PreparedData {
  const groups = groupScan(raw.xcoords, raw.ycoords, grouping);
  const data = assembleGroupedData(groups, {
    diff3d: raw.diff3d,
    N: raw.N,
    ...(raw.objectGuess ? { objectGuess: raw.objectGuess, truePositions: { x: raw.xcoordsStart, y: raw.ycoordsStart } } : {}),
  });
  const { probe, probeScale } = modelProbe(raw.probeGuess, raw.N);
  const energy = data.Y ? meanIlluminatedEnergy(probe, data.Y) : 0;
  const known = energy > 0;
  return {
    data, probe, probeScale, alpha: data.alpha,
    intensityScale: known ? intensityScaleFactor(nphotons, raw.N, energy) : intensityScaleFactor(nphotons, raw.N),
    intensityScaleSource: known ? 'objectGuess' : 'nphotons',
    canvasSize: objectCanvasSize(raw.N, groups.coordsRelative),
  };
}
