import { InputError } from '@ptychojs/io';
import type { RunConfig } from '../config/run-config.js';
import type { TrainingData } from './types.js';

/**
 * Validate training data against the configuration (SPEC §3: shapes, finite values, and
 * "Mismatched channel counts between X and ground-truth patches SHALL raise").
 *
 * @returns B, the number of groups
 * @throws InputError naming the array, the expected shape and the actual one
 */
export function checkTrainingData(data: TrainingData, config: RunConfig): number {
  const { N, X, coordsRelative, Y, probe, intensityScale } = data;
  const C = config.gridsize * config.gridsize;
  if (!Number.isInteger(N) || N < 1) throw new InputError('N must be a positive integer', { key: 'N', expected: 'integer ≥ 1', actual: String(N) });
  const per = N * N * C;
  const B = X.length / per;
  if (!Number.isInteger(B) || B < 1) {
    throw new InputError(`X must hold whole groups of C = gridsize² = ${C} patterns`, { key: 'X', expected: `(B, ${N}, ${N}, ${C}) float32`, actual: `${X.length} values (${X.length / (N * N)} patterns of ${N}×${N})` });
  }
  for (let i = 0; i < X.length; i++) {
    const v = X[i]!;
    if (!(v >= 0) || v === Infinity) {
      throw new InputError('X must be finite, non-negative amplitudes', { key: 'X', expected: 'finite ≥ 0', actual: `${v} at flat index ${i}` });
    }
  }
  if (coordsRelative.length !== B * 2 * C) {
    throw new InputError('coords_relative does not match X', { key: 'coordsRelative', expected: `(${B}, 1, 2, ${C})`, actual: `${coordsRelative.length} values` });
  }
  if (Y !== undefined) {
    const [yb, yn, yn2, yc] = Y.shape;
    if (Y.shape.length !== 4 || yn !== N || yn2 !== N || yb !== B || Y.re.length !== B * per || Y.im.length !== B * per) {
      throw new InputError(yc !== C && Y.shape.length === 4 ? `ground-truth patches Y have ${yc} channels but X has ${C}` : 'ground-truth patches Y do not match X', {
        key: 'Y', expected: `(${B}, ${N}, ${N}, ${C}) complex`, actual: `(${Y.shape.join(', ')})`,
      });
    }
  }
  if (config.realspaceWeight > 0 && Y === undefined) {
    throw new InputError('the real-space loss needs ground-truth patches Y', { key: 'realspaceWeight', expected: '0 without Y', actual: String(config.realspaceWeight) });
  }
  if (probe.shape.length !== 2 || probe.shape[0] !== N || probe.shape[1] !== N) {
    throw new InputError('probe must be N×N', { key: 'probe', expected: `(${N}, ${N}) complex`, actual: `(${probe.shape.join(', ')})` });
  }
  if (data.badPixels !== undefined && (data.badPixels.length !== N * N || data.badPixels.every((b) => b !== 0))) {
    throw new InputError(data.badPixels.length !== N * N ? 'bad-pixel mask does not match the patterns' : 'the bad-pixel mask excludes every pixel', { key: 'badPixels', expected: `(${N}, ${N}) with some measured pixels`, actual: `${data.badPixels.length} values` });
  }
  if (!(intensityScale > 0) || !Number.isFinite(intensityScale)) {
    throw new InputError('intensity scale s must be finite and > 0', { key: 'intensityScale', expected: '> 0', actual: String(intensityScale) });
  }
  return B;
}
