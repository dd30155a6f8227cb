import type { RawData } from '@ptychojs/io';
import type { RunConfig } from '@ptychojs/model';

/**
 * Settings in the scan's `_metadata` that disagree with the run's (SPEC §3: "when present it is
 * checked against the run's settings and disagreements are reported"), as warnings that say what
 * to do. Today: an explicit nphotons (relative difference above 1e-6).
 */
export function metadataDisagreements(raw: RawData, config: RunConfig): string[] {
  const notes: string[] = [];
  const meta = raw.metadata;
  const np = meta?.nphotons;
  if (typeof np === 'number' && config.nphotons !== undefined && Math.abs(np - config.nphotons) > 1e-6 * Math.max(np, config.nphotons)) {
    notes.push(`${raw.source}: _metadata says nphotons = ${np} but this run uses ${config.nphotons} (set --nphotons to match the data)`);
  }
  return notes;
}
