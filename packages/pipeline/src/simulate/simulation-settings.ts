/**
 * The settings of a simulated scan (`ptycho simulate`; SPEC §1, STYLE §9): one loose input (CLI
 * flags, a form, a JSON object) is validated by {@link resolveSimulationSettings} into one frozen
 * {@link SimulationSettings}, with the defaults of {@link SIMULATION_SETTINGS_DEFAULTS};
 * `simulationSpec` turns it into `simulateScan`'s options.
 */
import { z } from 'zod';
import { SUPPORTED_N } from '@ptychojs/io';
import { looseNumber, quotedChoices } from '@ptychojs/model';
import type { ObjectSpec, ScanSpec, SimulateScanOptions } from '@ptychojs/physics';
import { resolveSettings, type SameType, type SettingName, type SettingsProblem } from '../internal/resolve-settings.js';
import type { SettingsOptions } from '../types.js';

/** The generated objects a simulation offers (`simulateScan`'s object kinds); or `from:FILE.npz`. */
export const SIMULATION_OBJECTS = ['lines', 'lines-pinn', 'grf'] as const satisfies readonly ObjectSpec['kind'][];
/** The generated probes: `default`, a defocused disk pupil (`defaultProbe`); or `from:FILE.npz`. */
export const SIMULATION_PROBES = ['default'] as const;
/** The generated scans (`simulateScan`'s scan kinds); or `from:FILE.npz`. */
export const SIMULATION_SCANS = ['grid', 'jitter', 'random', 'spiral'] as const satisfies readonly ScanSpec['kind'][];
/** The noise models: Poisson counts, or the noise-free amplitude at the same dose. */
export const NOISE_MODELS = ['poisson', 'none'] as const satisfies readonly NonNullable<SimulateScanOptions['noise']>[];

/** An array taken from a file: `from:FILE.npz` (its `objectGuess`, `probeGuess` or `xcoords`/`ycoords`). */
export type FromFile = `from:${string}`;

/** `from:FILE.npz` → FILE.npz; undefined for anything else (a generated kind). */
export function fromFileName(v: string): string | undefined {
  return v.startsWith('from:') && v.length > 'from:'.length ? v.slice('from:'.length) : undefined;
}

/** Every setting of a simulated scan, resolved. */
export interface SimulationSettings {
  /** Pattern side N, one of `SUPPORTED_N`. */
  readonly n: (typeof SUPPORTED_N)[number];
  /** Mean total counts per pattern. */
  readonly nphotons: number;
  readonly noise: (typeof NOISE_MODELS)[number];
  /** Seed of the object, scan and noise streams. */
  readonly seed: number;
  readonly object: (typeof SIMULATION_OBJECTS)[number] | FromFile;
  /** Number of lines of a line object; absent: the generator's density. */
  readonly lines?: number | undefined;
  /** Object size in pixels of a generated object; absent: round(2.5·N) square. */
  readonly objectSize?: { readonly height: number; readonly width: number } | undefined;
  readonly probe: (typeof SIMULATION_PROBES)[number] | FromFile;
  /** Size of the default probe as its rms radius, pixels (the defocus is solved for). */
  readonly probeRms?: number | undefined;
  /** Defocus of the default probe: the pupil-edge phase, radians; absent: `defaultProbeDefocus`. */
  readonly probeDefocus?: number | undefined;
  readonly scan: (typeof SIMULATION_SCANS)[number] | FromFile;
  /** Scan step in pixels (grid, jitter, spiral); absent: N/16. */
  readonly step?: number | undefined;
  /** Number of positions (random; a cap for spiral). */
  readonly count?: number | undefined;
}

/** The one place where the defaults of a simulation's settings live (sizes left out follow N). */
export const SIMULATION_SETTINGS_DEFAULTS = Object.freeze({
  n: 64,
  nphotons: 1e6,
  noise: 'poisson',
  seed: 0,
  object: 'lines',
  probe: 'default',
  scan: 'jitter',
} as const) satisfies Readonly<Partial<SimulationSettings>>;

const d = SIMULATION_SETTINGS_DEFAULTS;
const num = <T extends z.ZodType<number>>(s: T) => z.preprocess(looseNumber, s);
const fromFile = z.custom<FromFile>((v) => typeof v === 'string' && fromFileName(v) !== undefined);
const kindOrFile = <T extends readonly [string, ...string[]]>(kinds: T) => z.union([z.enum(kinds), fromFile]);
const SIZE = /^(\d+)(?:x(\d+))?$/;
const objectSize = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : v),
  z.string().regex(SIZE).transform((s) => {
    const m = SIZE.exec(s)!;
    return { height: Number(m[1]), width: Number(m[2] ?? m[1]) };
  }),
);

/** Each setting's schema (strings from flags converted) with its default, and its expected value in words. */
const SIMULATION_SETTINGS_FIELDS = {
  n: { schema: num(z.literal(SUPPORTED_N)).default(d.n), expected: `one of ${SUPPORTED_N.join(', ')}` },
  nphotons: { schema: num(z.number().positive()).default(d.nphotons), expected: 'number > 0' },
  noise: { schema: z.enum(NOISE_MODELS).default(d.noise), expected: quotedChoices(NOISE_MODELS) },
  seed: { schema: num(z.number().int()).default(d.seed), expected: 'integer' },
  object: { schema: kindOrFile(SIMULATION_OBJECTS).default(d.object), expected: quotedChoices([...SIMULATION_OBJECTS, 'from:FILE.npz']) },
  lines: { schema: num(z.number().int().min(1)).optional(), expected: 'integer ≥ 1' },
  objectSize: { schema: objectSize.optional(), expected: 'H or HxW in pixels, e.g. 160 or 200x240' },
  probe: { schema: kindOrFile(SIMULATION_PROBES).default(d.probe), expected: quotedChoices([...SIMULATION_PROBES, 'from:FILE.npz']) },
  probeRms: { schema: num(z.number().positive()).optional(), expected: 'number > 0 (pixels)' },
  probeDefocus: { schema: num(z.number()).optional(), expected: 'finite number (radians)' },
  scan: { schema: kindOrFile(SIMULATION_SCANS).default(d.scan), expected: quotedChoices([...SIMULATION_SCANS, 'from:FILE.npz']) },
  step: { schema: num(z.number().positive()).optional(), expected: 'number > 0 (pixels)' },
  count: { schema: num(z.number().int().min(1)).optional(), expected: 'integer ≥ 1' },
} as const;

const simulationSettingsSchema = z.strictObject({
  n: SIMULATION_SETTINGS_FIELDS.n.schema,
  nphotons: SIMULATION_SETTINGS_FIELDS.nphotons.schema,
  noise: SIMULATION_SETTINGS_FIELDS.noise.schema,
  seed: SIMULATION_SETTINGS_FIELDS.seed.schema,
  object: SIMULATION_SETTINGS_FIELDS.object.schema,
  lines: SIMULATION_SETTINGS_FIELDS.lines.schema,
  objectSize: SIMULATION_SETTINGS_FIELDS.objectSize.schema,
  probe: SIMULATION_SETTINGS_FIELDS.probe.schema,
  probeRms: SIMULATION_SETTINGS_FIELDS.probeRms.schema,
  probeDefocus: SIMULATION_SETTINGS_FIELDS.probeDefocus.schema,
  scan: SIMULATION_SETTINGS_FIELDS.scan.schema,
  step: SIMULATION_SETTINGS_FIELDS.step.schema,
  count: SIMULATION_SETTINGS_FIELDS.count.schema,
});

const EXPECTED = Object.fromEntries(Object.entries(SIMULATION_SETTINGS_FIELDS).map(([k, f]) => [k, f.expected]));

/** Settings that are each valid but do not go together. */
function conflicts(s: SimulationSettings, name: SettingName): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  if (s.lines !== undefined && s.object !== 'lines' && s.object !== 'lines-pinn') {
    problems.push({ message: `${name('lines')} applies to line objects only`, key: 'lines', expected: `${name('object')} lines or lines-pinn`, actual: `${name('object')} ${s.object}` });
  }
  if (s.probe !== 'default' && (s.probeRms !== undefined || s.probeDefocus !== undefined)) {
    problems.push({ message: 'a probe read from a file has its own size', key: s.probeRms !== undefined ? 'probeRms' : 'probeDefocus', expected: `${name('probe')} default`, actual: `${name('probe')} ${s.probe}` });
  } else if (s.probeRms !== undefined && s.probeDefocus !== undefined) {
    problems.push({ message: 'give the probe size one way', key: 'probeRms', expected: `${name('probeRms')} or ${name('probeDefocus')}`, actual: 'both' });
  }
  if (s.scan === 'random' && s.count === undefined) {
    problems.push({ message: 'a random scan needs a position count', key: 'count', expected: 'integer ≥ 1', actual: 'absent' });
  }
  return problems;
}

/**
 * Validate loose simulation settings (any subset; numbers possibly as text; `undefined` for "not
 * given") into one frozen {@link SimulationSettings}, absent keys taking
 * {@link SIMULATION_SETTINGS_DEFAULTS}. Settings that do not go together are refused too: lines
 * for a non-line object, a size for a probe read from a file, both `probeRms` and `probeDefocus`,
 * a random scan without a count.
 *
 * @throws InputError naming the key (as `options.names` names it: `--probe-rms`), the expected
 *   value and the actual one
 */
export function resolveSimulationSettings(input: unknown = {}, options: SettingsOptions = {}): SimulationSettings {
  return resolveSettings('simulation setting', simulationSettingsSchema, EXPECTED, input, options, conflicts);
}

// Compile-time check that the schema's output and the documented interface agree both ways.
const _typesAgree: SameType<z.output<typeof simulationSettingsSchema>, SimulationSettings> = true;
