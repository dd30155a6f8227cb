import { InputError, type ComplexArray } from '@ptychojs/io';
import { resolveObjectExtent, type ObjectExtentDecision } from './resolve-object-extent.js';
import type { ResolvedRunConfig, RunConfig } from './run-config.js';

/** What the data decide of a run: its probe and its dose. */
export interface RunData {
  /** @shape (N, N) complex — the probe the model is built with (any scale). */
  readonly probe: ComplexArray;
  /**
   * Photons per pattern, as the caller resolved them: the requested `nphotons`, else the data's
   * (the pipeline's `resolveDose`: `_metadata.nphotons`, else the measured mean counts).
   */
  readonly nphotons: number;
}

/** What {@link resolveForData} decided. */
export interface ResolvedForData {
  /** The frozen configuration with every data-derived choice made. */
  readonly config: ResolvedRunConfig;
  /** How the object extent was chosen, and why (written to config.json and printed). */
  readonly extent: ObjectExtentDecision;
}

/**
 * Make a requested {@link RunConfig}'s data-derived choices (STYLE §9: loose input → resolved
 * whole): the object extent (`auto` from the probe's energy outside the central N/2 square,
 * `resolveObjectExtent`) and the dose. The one place a requested configuration becomes the
 * {@link ResolvedRunConfig} that `createPtychoModel`, `train` and `config.json` take.
 *
 * @throws InputError when `data.nphotons` is not a finite number > 0
 */
export function resolveForData(requested: RunConfig, data: RunData): ResolvedForData {
  if (!(data.nphotons > 0) || !Number.isFinite(data.nphotons)) {
    throw new InputError('the dose must be a finite number of photons per pattern > 0', { key: 'nphotons', expected: 'number > 0', actual: String(data.nphotons) });
  }
  const extent = resolveObjectExtent(requested.objectExtent, data.probe);
  return { config: Object.freeze({ ...requested, objectExtent: extent.extent, nphotons: data.nphotons }), extent };
}
