import { InputError, toComplexArray, toFloat64Array, type NdArray } from '@ptychojs/io';
import { defaultProbeDefocus, defocusForRmsRadius, type ObjectSpec, type ProbeSpec, type ScanSpec, type SimulateScanOptions } from '@ptychojs/physics';
import type { SettingsOptions } from '../types.js';
import { fromFileName, type FromFile, type SimulationSettings } from './simulation-settings.js';

/**
 * Reads the named arrays of an NPZ file for a `from:FILE.npz` setting (absent keys are simply not
 * returned): `readNpzFile` in Node, the bytes of a chosen file in a browser.
 */
export type ReadNpzArrays = (file: string, keys: readonly string[]) => Readonly<Record<string, NdArray | undefined>>;

/** What {@link simulationSpec} makes of the settings. */
export interface SimulationSpec {
  /** `simulateScan`'s options (without progress). */
  readonly options: Required<Omit<SimulateScanOptions, 'onProgress'>>;
  /** The default probe's defocus, radians at the pupil edge (given, solved from `probeRms`, or the default); undefined for a probe from a file. */
  readonly probeDefocus: number | undefined;
}

/**
 * The simulation that resolved settings ask for, as `simulateScan`'s options (SPEC §1 `ptycho
 * simulate`): a generated object, probe and scan, or the arrays of `from:FILE.npz` files read
 * through `read` (`objectGuess`, `probeGuess`, `xcoords`/`ycoords`). A default probe given by its
 * rms radius gets the defocus `defocusForRmsRadius` solves for; a scan step left out is N/16.
 * Browser-safe: files are read only through `read`.
 *
 * @param settings from `resolveSimulationSettings`
 * @param options `names`: how errors name the settings (`--probe-rms`), as for the resolver
 * @throws InputError naming the file and key when a file lacks its array, or the setting when no
 *   defocus gives the rms radius asked for
 */
export function simulationSpec(settings: SimulationSettings, read: ReadNpzArrays, options: Pick<SettingsOptions, 'names'> = {}): SimulationSpec {
  const name = (key: string) => options.names?.[key] ?? key;
  const { n } = settings;
  // Object, probe, scan: in this order, so the first problem found is the same every time.
  const object = objectSpec(settings, read);
  const probe = probeSpec(settings, read, name);
  const scan = scanSpec(settings, read);
  return {
    options: { n, object, probe, scan, nphotons: settings.nphotons, noise: settings.noise, seed: settings.seed },
    probeDefocus: probe.kind === 'default' ? probe.defocusPhase ?? defaultProbeDefocus(n) : undefined,
  };
}

function objectSpec(s: SimulationSettings, read: ReadNpzArrays): ObjectSpec {
  const file = fromFileName(s.object);
  if (file !== undefined) {
    const a = read(file, ['objectGuess']).objectGuess;
    if (!a) throw new InputError('no objectGuess to simulate from', { file, key: 'objectGuess', expected: '(H, W) complex', actual: 'absent' });
    return { kind: 'array', array: toComplexArray(a, { file, key: 'objectGuess' }), label: s.object };
  }
  const size = s.objectSize ?? {};
  const lines = s.lines === undefined ? {} : { lines: s.lines };
  const kind = s.object as Exclude<SimulationSettings['object'], FromFile>;
  return kind === 'grf' ? { kind, ...size } : { kind, ...size, ...lines };
}

function probeSpec(s: SimulationSettings, read: ReadNpzArrays, name: (key: string) => string): ProbeSpec {
  const file = fromFileName(s.probe);
  if (file !== undefined) {
    const a = read(file, ['probeGuess']).probeGuess;
    if (!a) throw new InputError('no probeGuess to simulate with', { file, key: 'probeGuess', expected: '(N, N) complex', actual: 'absent' });
    return { kind: 'array', array: toComplexArray(a, { file, key: 'probeGuess' }), label: s.probe };
  }
  if (s.probeDefocus !== undefined) return { kind: 'default', defocusPhase: s.probeDefocus };
  if (s.probeRms !== undefined) {
    try {
      return { kind: 'default', defocusPhase: defocusForRmsRadius(s.n, s.probeRms) };
    } catch (e) {
      if (e instanceof InputError) throw new InputError('no defocus of the default probe gives this rms radius', { key: name('probeRms'), expected: e.expected, actual: String(s.probeRms) });
      throw e;
    }
  }
  return { kind: 'default' };
}

function scanSpec(s: SimulationSettings, read: ReadNpzArrays): ScanSpec {
  const file = fromFileName(s.scan);
  if (file !== undefined) {
    const a = read(file, ['xcoords', 'ycoords']);
    if (!a.xcoords || !a.ycoords) throw new InputError('no scan positions to reuse', { file, key: a.xcoords ? 'ycoords' : 'xcoords', expected: '(M,) float', actual: 'absent' });
    return { kind: 'positions', xs: toFloat64Array(a.xcoords, { file, key: 'xcoords' }), ys: toFloat64Array(a.ycoords, { file, key: 'ycoords' }), label: s.scan };
  }
  const step = s.step ?? s.n / 16;
  switch (s.scan as Exclude<SimulationSettings['scan'], FromFile>) {
    case 'grid': return { kind: 'grid', step };
    case 'jitter': return { kind: 'jitter', step };
    case 'spiral': return s.count === undefined ? { kind: 'spiral', step } : { kind: 'spiral', step, count: s.count };
    case 'random': return { kind: 'random', count: s.count! };
  }
}
