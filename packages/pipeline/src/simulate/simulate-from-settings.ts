import { memoryScanSource } from '@ptychojs/io';
import { simulateScan, type SimulatedScan } from '@ptychojs/physics';
import type { Reporter } from '../reporter.js';
import { checkScan } from '../scan/check-scan.js';
import { usableScan, type UsableScan } from '../scan/usable-scan.js';
import type { SettingsOptions } from '../types.js';
import type { SimulationSettings } from './simulation-settings.js';
import { simulationSpec, type ReadNpzArrays } from './simulation-spec.js';

/** Options of {@link simulateFromSettings}. */
export interface SimulateFromSettingsOptions extends Pick<SettingsOptions, 'names'> {
  /** Where the scan will go (or what to call it): the scan check names it. */
  readonly file: string;
  /** Progress of the diffraction pass (shown from 2000 patterns on). */
  readonly reporter: Reporter;
  /** Warnings of the scan check are problems (`--strict`). */
  readonly strict?: boolean;
}

/** A simulated scan, checked as any scan is. */
export interface SimulatedFromSettings {
  readonly sim: SimulatedScan;
  /** The default probe's defocus, radians at the pupil edge; undefined for a probe from a file. */
  readonly probeDefocus: number | undefined;
  /** The check of the simulated scan for `simulate` (its warnings are what to print). */
  readonly checked: UsableScan;
}

/**
 * Simulate the scan that resolved settings ask for ({@link simulationSpec}, then `simulateScan`
 * of `@ptychojs/physics`), then check it as any scan is (`checkScan` for `simulate`: positions
 * inside the object), before anything is written. Browser-safe: `from:FILE.npz` arrays are read
 * through `read`.
 *
 * @throws InputError from the spec (a file without its array, an rms radius no defocus gives) or
 *   the check (the scan's problems)
 */
export function simulateFromSettings(settings: SimulationSettings, read: ReadNpzArrays, opts: SimulateFromSettingsOptions): SimulatedFromSettings {
  const spec = simulationSpec(settings, read, opts.names ? { names: opts.names } : {});
  let bar: ReturnType<Reporter['progress']> | undefined;
  const sim = simulateScan({
    ...spec.options,
    onProgress: (done, total) => {
      if (total >= 2000 && !bar) bar = opts.reporter.progress('simulate', total, 'patterns');
      if (bar && (done % 64 === 0 || done === total)) bar.update(done);
    },
  });
  bar?.stop();
  const checked = usableScan(checkScan(memoryScanSource({ ...sim.arrays }, opts.file), { command: 'simulate', strict: Boolean(opts.strict) }));
  return { sim, probeDefocus: spec.probeDefocus, checked };
}
