/**
 * What pretraining simulates (issue 15): the distribution of scans a network is trained on before
 * it sees a user's scan — object families, contrast, scan steps, doses — and how much of it. One
 * loose input (CLI flags, a JSON file) is validated by {@link resolvePretrainSpec} into one frozen
 * {@link PretrainSpec}; every default lives in {@link pretrainSpecDefaults}.
 */
import { z } from 'zod';
import { InputError } from '@ptychojs/io';

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

const range = (lo: number, hi = Infinity) => z.tuple([z.number().min(lo).max(hi), z.number().min(lo).max(hi)]).refine(([a, b]) => a <= b, { message: 'min ≤ max' });

/** The zod schema of a loose spec (every field optional; N given separately). */
export const pretrainSpecSchema = z.strictObject({
  families: z.array(z.enum(OBJECT_FAMILIES)).min(1).optional(),
  stepRange: range(0.25).optional(),
  doseRange: range(1).optional(),
  amplitudeMinRange: range(0, 1).optional(),
  phaseMaxRange: range(0, 2 * Math.PI).optional(),
  positionsPerScan: z.number().int().min(4).max(100_000).optional(),
  patternsPerEpoch: z.number().int().min(16).optional(),
  validationScans: z.number().int().min(0).max(64).optional(),
});

export type PretrainSpecInput = z.input<typeof pretrainSpecSchema>;

/**
 * Validate a loose spec and fill the defaults for patch side N.
 * @throws InputError naming the field, what was expected and what was given
 */
export function resolvePretrainSpec(N: number, input: PretrainSpecInput = {}, file?: string): PretrainSpec {
  const r = pretrainSpecSchema.safeParse(input);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const key = issue.path.join('.') || 'spec';
    throw new InputError(`bad pretraining setting ${key}: ${issue.message}`, { file, key, expected: 'see docs/cli.md "ptycho pretrain"', actual: JSON.stringify((input as Record<string, unknown>)[String(issue.path[0])]) });
  }
  const d = pretrainSpecDefaults(N);
  const spec = { ...d, ...Object.fromEntries(Object.entries(r.data).filter(([, v]) => v !== undefined)) } as PretrainSpec;
  const maxStep = N / 2;
  if (spec.stepRange[1] > maxStep) {
    throw new InputError('scan steps beyond N/2 leave no overlap', { file, key: 'stepRange', expected: `max ≤ ${maxStep} px at N = ${N}`, actual: `[${spec.stepRange.join(', ')}]` });
  }
  return Object.freeze({ ...spec, families: Object.freeze([...new Set(spec.families)]) });
}
