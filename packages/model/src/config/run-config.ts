/**
 * The run configuration (SPEC §3 "Model I/O", defaults; STYLE §9): one loose input (CLI flags, a
 * JSON config) is validated by {@link runConfigSchema} into one frozen, fully-resolved
 * {@link RunConfig}. Every default lives in {@link RUN_CONFIG_DEFAULTS} and nowhere else. The
 * resolved object is passed as an argument; nothing reads a global.
 */
import { z } from 'zod';
import { looseBoolean } from './loose-boolean.js';
import { looseNumber } from './loose-number.js';
import { quotedChoices } from './quoted-choices.js';
import { AMPLITUDE_ACTIVATIONS, OBJECT_EXTENTS, PHASE_ACTIVATIONS, type AmplitudeActivation, type ObjectExtent, type PhaseActivation } from '../unet/unet-layers.js';

/**
 * Every setting of a training run as requested: validated, defaults filled, but with the choices
 * that depend on the data still open (`objectExtent` may be `auto`, `nphotons` absent = from the
 * data). {@link resolveForData} makes those choices and gives the {@link ResolvedRunConfig} that
 * the model factory, training and a run directory's `config.json` take.
 */
export interface RunConfig {
  /** Side of the group's scan grid; C = gridsize² patterns per group (SPEC §3 "Grouping"). */
  readonly gridsize: number;
  /** Nearest neighbours considered per seed when grouping (K ≥ C − 1). */
  readonly K: number;
  /** Number of groups to sample; `undefined` = one per scan position. */
  readonly nGroups?: number | undefined;
  /** Reassemble the C predicted patches on a shared canvas (true) or zero-pad one patch (false). */
  readonly objectBig: boolean;
  /**
   * How much of each N×N patch the U-Net predicts (SPEC §3 probe.big; issue 8): `center` (the
   * central N/2 square, zero outside), `border` (plus PtychoPINN's border branch for the outer
   * ring), `full` (the whole N×N), or `auto`: a full-field head when more than 5% of the probe's
   * energy lies outside the central N/2 square (`resolveObjectExtent`). PtychoPINN's `probe.big`
   * key is accepted: true → `border`, false → `center`.
   */
  readonly objectExtent: 'auto' | ObjectExtent;
  /** Amplitude head activation: `sigmoid` (amplitudes in (0, 1) relative to the data's mean scale), `softplus` or `swish` (unbounded above). */
  readonly amplitudeActivation: AmplitudeActivation;
  /** Phase head: `pi-tanh` (PtychoPINN's, bounded) or `linear` (unbounded radians, cannot saturate). */
  readonly phaseActivation: PhaseActivation;
  /** Learn the probe (re/im) with the network weights. */
  readonly probeTrainable: boolean;
  /** Multiply the probe by a disk of radius N/4. */
  readonly probeMask: boolean;
  /** Gaussian smoothing σ (pixels) of the probe; 0 disables. */
  readonly smoothingSigma: number;
  /** Learn the intensity scale s (as log s). */
  readonly intensityScaleTrainable: boolean;
  /** Filter multiplier f of the U-Net (filters f·{32,64,128} at N=64). */
  readonly nFiltersScale: number;
  /** Groups per training step. */
  readonly batchSize: number;
  /** Maximum number of training epochs; 0 trains nothing (a pretrained model used as it is, `run --init-model`). */
  readonly epochs: number;
  /**
   * Photons per pattern (the dose); sets s when the object is unknown (SPEC §3 "Normalization").
   * `undefined` = from the data: `_metadata.nphotons`, else the measured mean counts per pattern
   * (the pipeline's `resolveDose`).
   */
  readonly nphotons?: number | undefined;
  /**
   * Wall-clock training budget in minutes, counted over every epoch of the run (resumed ones
   * included) and checked after every step: training stops after the step that crosses it, the
   * epoch so far is recorded and checkpointed, and the stop reason is `time-budget`;
   * `undefined` = no budget.
   */
  readonly maxMinutes?: number | undefined;
  /** Weight of the Poisson negative log-likelihood. */
  readonly nllWeight: number;
  /** Weight of MAE(s·X, predicted amplitude). */
  readonly maeWeight: number;
  /** Weight of the total variation of the object (real-space regularizer). */
  readonly tvWeight: number;
  /** Weight of the complex MAE against ground-truth patches Y (needs Y). */
  readonly realspaceWeight: number;
  /** Adam learning rate. */
  readonly lr: number;
  /** Floor of the learning rate when it is halved on a validation plateau. */
  readonly minLr: number;
  /** Epochs without validation-loss improvement before the learning rate halves. */
  readonly lrPatience: number;
  /** Epochs without training-loss improvement before training stops. */
  readonly earlyStopPatience: number;
  /** Fraction of groups held out for validation. */
  readonly validationFraction: number;
  /** Seed of every random draw (initial weights, shuffling, split, jitter). */
  readonly seed: number;
  /** Standard deviation (pixels) of Gaussian jitter added to extraction positions in training; 0 disables. */
  readonly positionJitter: number;
  /**
   * The U-Net's physics-informed input (issue 15): 0 = PtychoPINN's (X alone); T > 0 = X plus the
   * single-pattern estimate of T ePIE steps with the probe, which residual heads correct
   * (`singlePatternEstimate`, `DecoderHeads.residual`).
   */
  readonly inputIterations: number;
}

/**
 * A {@link RunConfig} with its data-derived choices made ({@link resolveForData}): the object
 * extent chosen from the probe, the dose known. What `createPtychoModel` and `train` take and what
 * a run directory's `config.json` stores, so that the configuration says what ran.
 */
export interface ResolvedRunConfig extends Omit<RunConfig, 'objectExtent' | 'nphotons'> {
  /** The extent the U-Net predicts (`auto` resolved by `resolveObjectExtent`). */
  readonly objectExtent: ObjectExtent;
  /** Photons per pattern: the requested dose, else the data's (the pipeline's `resolveDose`). */
  readonly nphotons: number;
}

/** The one place where defaults live (SPEC §3 "Defaults"). */
export const RUN_CONFIG_DEFAULTS: Readonly<Omit<RunConfig, 'nGroups' | 'nphotons' | 'maxMinutes'>> = Object.freeze({
  gridsize: 2,
  K: 6,
  objectBig: true,
  objectExtent: 'auto',
  amplitudeActivation: 'sigmoid',
  phaseActivation: 'linear',
  probeTrainable: false,
  probeMask: false,
  smoothingSigma: 0,
  intensityScaleTrainable: false,
  // PtychoPINN uses f = 2; on 2 CPU cores that trains 1–2 epochs in a few minutes. Measured on a
  // wide-probe lines scan (441 positions, probe rms 12.5 px, 100 s budget, gridsize 2): f = 0.25
  // reaches SSIM 0.276/0.182 (amplitude/phase) in 17 epochs, f = 0.5 0.214/0.155 in 9 (issue 8).
  nFiltersScale: 0.25,
  batchSize: 16,
  epochs: 50,
  nllWeight: 1,
  maeWeight: 0,
  tvWeight: 0,
  realspaceWeight: 0,
  lr: 1e-3,
  minLr: 1e-4,
  lrPatience: 2,
  earlyStopPatience: 3,
  validationFraction: 0.05,
  seed: 0,
  positionJitter: 0,
  inputIterations: 0,
});

const EXTENT_CHOICES = ['auto', ...OBJECT_EXTENTS] as const;

const num = (s: z.ZodNumber) => z.preprocess(looseNumber, s);
const bool = () => z.preprocess(looseBoolean, z.boolean());
const int = (min: number, max = Number.MAX_SAFE_INTEGER) => num(z.number().int().min(min).max(max));
const nonNeg = () => num(z.number().min(0));
const positive = () => num(z.number().positive());

const d = RUN_CONFIG_DEFAULTS;

/**
 * Field schemas with their defaults and the "expected" text used in error messages. Keys are the
 * canonical camelCase names.
 */
export const RUN_CONFIG_FIELDS = {
  gridsize: { schema: int(1, 8).default(d.gridsize), expected: 'integer in 1..8' },
  K: { schema: int(1, 64).default(d.K), expected: 'integer in 1..64 (and ≥ gridsize² − 1)' },
  nGroups: { schema: int(1).optional(), expected: 'integer ≥ 1 (or absent for one group per position)' },
  objectBig: { schema: bool().default(d.objectBig), expected: 'boolean' },
  objectExtent: { schema: z.enum(EXTENT_CHOICES).default(d.objectExtent), expected: quotedChoices(EXTENT_CHOICES) },
  amplitudeActivation: { schema: z.enum(AMPLITUDE_ACTIVATIONS).default(d.amplitudeActivation), expected: quotedChoices(AMPLITUDE_ACTIVATIONS) },
  phaseActivation: { schema: z.enum(PHASE_ACTIVATIONS).default(d.phaseActivation), expected: quotedChoices(PHASE_ACTIVATIONS) },
  probeTrainable: { schema: bool().default(d.probeTrainable), expected: 'boolean' },
  probeMask: { schema: bool().default(d.probeMask), expected: 'boolean' },
  smoothingSigma: { schema: nonNeg().default(d.smoothingSigma), expected: 'number ≥ 0' },
  intensityScaleTrainable: { schema: bool().default(d.intensityScaleTrainable), expected: 'boolean' },
  nFiltersScale: { schema: positive().default(d.nFiltersScale), expected: 'number > 0' },
  batchSize: { schema: int(1, 65536).default(d.batchSize), expected: 'integer in 1..65536' },
  epochs: { schema: int(0, 1_000_000).default(d.epochs), expected: 'integer ≥ 0 (0: only with a pretrained model)' },
  nphotons: { schema: positive().optional(), expected: 'number > 0 (or absent: from the data)' },
  maxMinutes: { schema: positive().optional(), expected: 'number > 0 (minutes; or absent for no budget)' },
  nllWeight: { schema: nonNeg().default(d.nllWeight), expected: 'number ≥ 0' },
  maeWeight: { schema: nonNeg().default(d.maeWeight), expected: 'number ≥ 0' },
  tvWeight: { schema: nonNeg().default(d.tvWeight), expected: 'number ≥ 0' },
  realspaceWeight: { schema: nonNeg().default(d.realspaceWeight), expected: 'number ≥ 0' },
  lr: { schema: positive().default(d.lr), expected: 'number > 0' },
  minLr: { schema: positive().default(d.minLr), expected: 'number > 0' },
  lrPatience: { schema: int(1, 1_000_000).default(d.lrPatience), expected: 'integer ≥ 1' },
  earlyStopPatience: { schema: int(1, 1_000_000).default(d.earlyStopPatience), expected: 'integer ≥ 1' },
  validationFraction: { schema: num(z.number().min(0).max(0.5)).default(d.validationFraction), expected: 'number in [0, 0.5]' },
  seed: { schema: int(0, 2 ** 32 - 1).default(d.seed), expected: 'integer in 0..2³²−1' },
  positionJitter: { schema: nonNeg().default(d.positionJitter), expected: 'number ≥ 0 (pixels)' },
  inputIterations: { schema: int(0, 64).default(d.inputIterations), expected: 'integer in 0..64 (0: the U-Net sees X alone)' },
} as const;

/** Canonical configuration keys, in schema order. */
export type RunConfigKey = keyof typeof RUN_CONFIG_FIELDS;

const shape = Object.fromEntries(Object.entries(RUN_CONFIG_FIELDS).map(([k, f]) => [k, f.schema])) as {
  [K in RunConfigKey]: (typeof RUN_CONFIG_FIELDS)[K]['schema'];
};

/**
 * The zod schema of a run configuration with canonical keys: strings from CLI flags are coerced
 * ('16' → 16, 'false' → false), absent keys take {@link RUN_CONFIG_DEFAULTS}, unknown keys fail.
 * Use {@link resolveRunConfig} for alias keys, cross-field checks, `InputError`s and freezing.
 */
export const runConfigSchema = z.strictObject(shape);

/** A loose input as accepted by {@link resolveRunConfig}: any subset, values possibly strings. */
export type RunConfigInput = z.input<typeof runConfigSchema>;

/**
 * The zod schema of a {@link ResolvedRunConfig}: {@link runConfigSchema} with `objectExtent` one of
 * the concrete extents and `nphotons` required (a run directory's `config.json`).
 */
export const resolvedRunConfigSchema = runConfigSchema.extend({
  objectExtent: z.enum(OBJECT_EXTENTS),
  nphotons: positive(),
});

// Compile-time checks that the schemas' outputs and the documented interfaces agree both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _typesAgree: Same<z.output<typeof runConfigSchema>, RunConfig> = true;
const _resolvedTypesAgree: Same<z.output<typeof resolvedRunConfigSchema>, ResolvedRunConfig> = true;
