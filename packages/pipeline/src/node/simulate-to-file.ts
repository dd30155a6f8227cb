import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@ptychojs/io';
import { readNpzFile, writeNpzFile } from '@ptychojs/io/node';
import { fromFileName, type SimulationSettings } from '../simulate/simulation-settings.js';
import { simulateFromSettings, type SimulatedFromSettings, type SimulateFromSettingsOptions } from '../simulate/simulate-from-settings.js';
import { makeOutputDir } from './make-output-dir.js';

/** Options of {@link simulateToFile}: as {@link simulateFromSettings}, the file being `out`; `names` may also name `out`. */
export type SimulateToFileOptions = Omit<SimulateFromSettingsOptions, 'file'>;

/**
 * Simulate the scan that resolved settings ask for and write it to `out` as a raw NPZ (SPEC §1
 * `ptycho simulate`, §3 contract): `from:FILE.npz` inputs are read from disk, `out` must not be
 * one of them (inputs are never touched), the simulated scan is checked before anything is written
 * ({@link simulateFromSettings}), then `out`'s folder is made and the file written atomically.
 *
 * @throws InputError when `out` would overwrite an input, or from the simulation and its check;
 *   a file-system error naming `out` when it cannot be written
 */
export function simulateToFile(settings: SimulationSettings, out: string, opts: SimulateToFileOptions): SimulatedFromSettings {
  refuseOverwritingInputs(settings, out, opts.names ?? {});
  const res = simulateFromSettings(settings, (file, keys) => readNpzFile(file, { keys }), { ...opts, file: out });
  makeOutputDir(path.dirname(path.resolve(out)));
  writeNpzFile(out, { ...res.sim.arrays });
  return res;
}

/** `out` must not be one of the files read (`from:FILE.npz`): inputs are never touched (SPEC §1). */
function refuseOverwritingInputs(s: SimulationSettings, out: string, names: Readonly<Record<string, string>>): void {
  const target = realOrResolved(out);
  for (const key of ['object', 'probe', 'scan'] as const) {
    const v = s[key];
    const file = fromFileName(v);
    if (file !== undefined && realOrResolved(file) === target) {
      const flag = names[key] ?? key;
      throw new InputError('the output would overwrite an input', { file: out, key: names['out'] ?? 'out', expected: `a file other than the ${flag} input`, actual: `${flag} from:${file}` });
    }
  }
}

function realOrResolved(p: string): string {
  try { return fs.realpathSync(p); } catch { return path.resolve(p); }
}
