import type { ComplexArray } from '@ptychojs/io';
import { meanIlluminatedEnergy } from '@ptychojs/physics';
import type { EpochGroups } from '@ptychojs/model';
import { prepareTrainingData } from '../prepare/prepare-training-data.js';
import type { GroupingSettings } from '../types.js';
import type { PretrainScan } from './simulate-pretraining-scan.js';

/**
 * A simulated scan's training groups (SPEC §3 "Grouping", "Normalization"), one group per
 * position: X normalized over this scan, and the true object patches Y in the model's units.
 * The model reproduces normalized data (mean Σ X² = (N/2)²) with the model probe (Σ|P|² = N²),
 * so its object is the truth divided by a per-scan constant: Y·(N/2)/sqrt(mean Σ|P·Y|²) (see
 * `modelProbe`). Y lets a real-space term compare the network's patches with the truth.
 */
export function pretrainingGroups(scan: PretrainScan, grouping: GroupingSettings): EpochGroups & { readonly B: number; readonly probe: ComplexArray } {
  const { data, probe } = prepareTrainingData(scan.raw, grouping, scan.settings.nphotons);
  const Y = data.Y!;
  const k = (scan.raw.N / 2) / Math.sqrt(meanIlluminatedEnergy(probe, Y));
  const re = Float32Array.from(Y.re, (v) => v * k), im = Float32Array.from(Y.im, (v) => v * k);
  return { B: data.B, X: data.X, coordsRelative: data.coordsRelative, Y: { shape: Y.shape, re, im }, probe };
}
