/**
 * What pretraining simulates (issue 15): the distribution of scans a network is trained on before
 * it sees a user's scan — object families, contrast, scan steps, doses — and how much of it. One
 * loose input (CLI flags, a JSON file) is validated by {@link resolvePretrainSpec} into one frozen
 * {@link PretrainSpec}; every default lives in {@link pretrainSpecDefaults}.
 */
import { z } from 'zod';
import { looseNumber } from '@ptychojs/model';
import { resolveSettings } from '../internal/resolve-settings.js';
import type { SettingsOptions } from '../types.js';

/**
 * The object families scans are simulated from (`@ptychojs/physics` generators). `lines`: thin
 * random lines, independent amplitude and phase maps; `lines-pinn`: PtychoPINN's blurred-lines
 * recipe (phase follows amplitude); `grf`: Gaussian random fields (smooth blobs, independent
 * amplitude and phase); `blobs`: overlapping soft-edged ellipses of random thickness (amplitude
 * and phase both from the thickness, as a thin sample's transmission exp(−(μ + iδ)·t)); `polygons`:
 * sharp-edged random polygons of random thickness (same transmission model).
 */
export const OBJECT_FAMILIES = ['lines', 'lines-pinn', 'grf', 'blobs', 'polygons'] as const;
export type ObjectFamily = (typeof OBJECT_FAMILIES)[number];

/** A closed range `[min, max]` (min ≤ max); values are drawn log-uniformly or uniformly, as each field says. */
export type Range = readonly [number, number];

/** The resolved pretraining distribution. */
export interface PretrainSpec {
  /** Patch side N (the probe's side). */
  readonly N: number;
  /** Families an object is drawn from, uniformly. */
  readonly families: readonly ObjectFamily[];
  /** Scan step in pixels, drawn log-uniformly (jittered grid; jitter up to step/4). Default [N/32, N/4]. */
  readonly stepRange: Range;
  /** Mean photons per pattern, drawn log-uniformly; Poisson noise. Default [1e4, 1e9]. */
  readonly doseRange: Range;
  /** Lowest amplitude of an object (its highest is 1), drawn uniformly. Default [0.2, 0.9]. */
  readonly amplitudeMinRange: Range;
  /** Largest phase excursion in radians, drawn uniformly (not for `lines-pinn`, whose phase follows its recipe). Default [0.3, π]. */
  readonly phaseMaxRange: Range;
  /** Scan positions per simulated scan: the object is sized so that its scan has about this many. Default 144. */
  readonly positionsPerScan: number;
  /** Patterns simulated per epoch (fresh objects every epoch). Default 8192. */
  readonly patternsPerEpoch: number;
  /** Held-out simulated scans scored against their truth after every epoch (never trained on). Default 5 (one per family). */
  readonly validationScans: number;
}

/** The defaults for patch side N. */
export function pretrainSpecDefaults(N: number): PretrainSpec {
  return Object.freeze({
    N,
    families: OBJECT_FAMILIES,
    stepRange: [N / 32, N / 4] as const,
    doseRange: [1e4, 1e9] as const,
    amplitudeMinRange: [0.2, 0.9] as const,
    phaseMaxRange: [0.3, Math.PI] as const,
    positionsPerScan: 144,
    patternsPerEpoch: 8192,
    validationScans: 5,
  });
}

/** `'a, b'` → `['a', 'b']` (a list as a flag gives it); anything else passes through for the schema's check. */
function looseList(v: unknown): unknown {
  return typeof v === 'string' ? v.split(',').map((x) => x.trim()).filter(Boolean) : v;
}

/** `'1e4,1e9'` → `[1e4, 1e9]` (a range as a flag gives it; a part that is not a number stays text and fails the check). */
function looseRange(v: unknown): unknown {
  return typeof v === 'string' ? v.split(',').map((x) => looseNumber(x.trim())) : v;
}

const range = (lo: number, hi = Infinity) => z.preprocess(looseRange, z.tuple([z.number().min(lo).max(hi), z.number().min(lo).max(hi)]).refine(([a, b]) => a <= b, { message: 'min ≤ max' }));
const int = (min: number, max = Number.MAX_SAFE_INTEGER) => z.preprocess(looseNumber, z.number().int().min(min).max(max));

/** Each field's schema (flag strings converted: lists and ranges comma-separated) and its expected value in words. */
const PRETRAIN_SPEC_FIELDS = {
  families: { schema: z.preprocess(looseList, z.array(z.enum(OBJECT_FAMILIES)).min(1)).optional(), expected: `one or more of ${OBJECT_FAMILIES.join(', ')}, comma-separated` },
  stepRange: { schema: range(0.25).optional(), expected: 'lo,hi in pixels, 0.25 ≤ lo ≤ hi' },
  doseRange: { schema: range(1).optional(), expected: 'lo,hi photons per pattern, 1 ≤ lo ≤ hi (e.g. 1e4,1e9)' },
  amplitudeMinRange: { schema: range(0, 1).optional(), expected: 'lo,hi in [0, 1], lo ≤ hi' },
  phaseMaxRange: { schema: range(0, 2 * Math.PI).optional(), expected: 'lo,hi radians in [0, 2π], lo ≤ hi' },
  positionsPerScan: { schema: int(4, 100_000).optional(), expected: 'integer in 4..100000' },
  patternsPerEpoch: { schema: int(16).optional(), expected: 'integer ≥ 16' },
  validationScans: { schema: int(0, 64).optional(), expected: 'integer in 0..64' },
} as const;

/** The zod schema of a loose spec (every field optional; N given separately; strings from flags converted). */
export const pretrainSpecSchema = z.strictObject({
  families: PRETRAIN_SPEC_FIELDS.families.schema,
  stepRange: PRETRAIN_SPEC_FIELDS.stepRange.schema,
  doseRange: PRETRAIN_SPEC_FIELDS.doseRange.schema,
  amplitudeMinRange: PRETRAIN_SPEC_FIELDS.amplitudeMinRange.schema,
  phaseMaxRange: PRETRAIN_SPEC_FIELDS.phaseMaxRange.schema,
  positionsPerScan: PRETRAIN_SPEC_FIELDS.positionsPerScan.schema,
  patternsPerEpoch: PRETRAIN_SPEC_FIELDS.patternsPerEpoch.schema,
  validationScans: PRETRAIN_SPEC_FIELDS.validationScans.schema,
});

export type PretrainSpecInput = z.input<typeof pretrainSpecSchema>;

const EXPECTED = Object.fromEntries(Object.entries(PRETRAIN_SPEC_FIELDS).map(([k, f]) => [k, f.expected]));

/**
 * Validate a loose spec (typed values, or the strings of flags: `'1e4,1e9'`, `'grf,blobs'`,
 * `'144'`) and fill the defaults for patch side N.
 * @throws InputError naming the field (as `options.names` names it: `--dose-range`), what was
 *   expected and what was given
 */
export function resolvePretrainSpec(N: number, input: PretrainSpecInput | Readonly<Record<string, unknown>> = {}, options: SettingsOptions = {}): PretrainSpec {
  // Steps beyond N/2 leave no overlap; the default range, N/32…N/4, never does.
  const maxStep = N / 2;
  const given = resolveSettings('pretraining setting', pretrainSpecSchema, EXPECTED, input, options, (g) => (g.stepRange && g.stepRange[1] > maxStep
    ? [{ message: 'scan steps beyond N/2 leave no overlap', key: 'stepRange', expected: `max ≤ ${maxStep} px at N = ${N}`, actual: `[${g.stepRange.join(', ')}]` }]
    : []));
  const spec = { ...pretrainSpecDefaults(N), ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) } as PretrainSpec;
  return Object.freeze({ ...spec, families: Object.freeze([...new Set(spec.families)]) });
}
