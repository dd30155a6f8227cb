/**
 * The run directory's `config.json` (SPEC §3 "Run directory": every resolved setting incl. N,
 * gridsize, s, α, probe source, seed, backend, versions). One schema (zod, the project's schema
 * library, as for the model's RunConfig) that both writes and reads go through.
 */
import { z } from 'zod';
import { SUPPORTED_N } from '@ptychojs/io';
import { OBJECT_EXTENTS, runConfigSchema, type ObjectExtent, type RunConfig, type StopReason } from '@ptychojs/model';
import type { DiffractionReading, ScanIssueRecord } from '../types.js';

/** What `ptycho train` (or any caller of `trainToRunDir`) writes as `config.json`. */
export interface RunDirConfig {
  readonly format: 'ptychojs-run';
  readonly version: 1;
  /** Version of @ptychojs/pipeline that wrote it. */
  readonly ptychojs: string;
  /** Version of @tensorflow/tfjs-core. */
  readonly tfjs: string;
  /** The resolved run configuration (model's RunConfig). */
  readonly config: RunConfig;
  /**
   * The scan trained on: file, M positions, N, groups. Pretraining: `kind` `simulated`, the probe's
   * file, the patterns and groups seen; multi-scan training: the files joined by ', '.
   */
  readonly data: { readonly file: string; readonly M: number; readonly N: number; readonly groups: number; readonly kind?: 'scan' | 'simulated' };
  readonly N: number;
  readonly gridsize: number;
  readonly K: number;
  /** Normalization α of the training scan (SPEC §3); null where each scan had its own (pretraining, several scans). */
  readonly alpha: number | null;
  /** Intensity scale s after training (learned when trainable). */
  readonly intensityScale: number;
  readonly intensityScaleSource: 'objectGuess' | 'nphotons';
  /** Factor that scaled the probe to Σ|P|² = N². */
  readonly probeScale: number;
  readonly probeSource: string;
  /** Side of the object.big canvas. */
  readonly canvasSize: number;
  readonly backend: { readonly name: string; readonly reason: string };
  /** Where `config.nphotons` came from (`resolveDose`). */
  readonly nphotonsSource: 'flag' | 'metadata' | 'measured';
  /** How `config.objectExtent` was chosen (`resolveObjectExtent`): the probe's energy outside the centre and the decision. */
  readonly objectExtent: {
    readonly extent: ObjectExtent;
    readonly outsideFraction: number;
    readonly source: 'requested' | 'auto';
    readonly reason: string;
  };
  /**
   * Why training ended (a finished run: an interrupted one writes no config.json), or `snapshot`: a
   * copy of a pretraining still running, taken at one of its `--snapshot-minutes` marks.
   */
  readonly stopReason: Exclude<StopReason, 'interrupted'> | 'snapshot';
  /** Model replicas that shared each batch (data-parallel worker threads; absent in older runs = 1). */
  readonly workers?: number;
  /** Epochs completed. */
  readonly epochs: number;
  readonly seconds: number;
  /** Notes on reading the data (conversions, aliases, unused keys: `checkRawData`). */
  readonly notes: readonly string[];
  /** What the scan check found implausible, each with its fix (`checkScan`); absent in run directories of earlier versions. */
  readonly warnings: readonly ScanIssueRecord[];
  /** How the diffraction was read; earlier versions read amplitudes. */
  readonly diffraction: DiffractionReading;
  /** The pretrained model directory the weights started from (`run --init-model`, `train --init-model`). */
  readonly initModel?: string;
  /** Pretraining (`ptycho pretrain`): the simulated distribution and how much of it was seen. */
  readonly pretraining?: {
    readonly spec: Readonly<Record<string, unknown>>;
    readonly patternsSeen: number;
    /** Final scores against the truth of the held-out simulated scans; null without validation scans. */
    readonly validation: Readonly<Record<string, number>> | null;
  };
}

const positiveFinite = z.number().positive();
const scanIssueRecordSchema = z.strictObject({ code: z.string(), message: z.string(), file: z.string(), key: z.string(), expected: z.string(), actual: z.string(), fix: z.string() });
const count = (min: number) => z.number().int().min(min);

/**
 * The zod schema of {@link RunDirConfig}: every field typed and range-checked, unknown keys
 * refused; `config` is the model's `runConfigSchema`. Cross-field agreement (N, gridsize, K,
 * canvas) is checked by `parseRunDirConfig`.
 */
export const runDirConfigSchema = z.strictObject({
  format: z.literal('ptychojs-run'),
  version: z.literal(1),
  ptychojs: z.string(),
  tfjs: z.string(),
  config: runConfigSchema,
  data: z.strictObject({ file: z.string(), M: count(1), N: count(1), groups: count(1), kind: z.enum(['scan', 'simulated']).optional() }),
  N: count(1).refine((n) => (SUPPORTED_N as readonly number[]).includes(n), { message: `one of ${SUPPORTED_N.join(', ')}` }),
  gridsize: count(1),
  K: count(1),
  alpha: positiveFinite.nullable(),
  intensityScale: positiveFinite,
  intensityScaleSource: z.enum(['objectGuess', 'nphotons']),
  probeScale: positiveFinite,
  probeSource: z.string(),
  canvasSize: count(1),
  backend: z.strictObject({ name: z.string(), reason: z.string() }),
  nphotonsSource: z.enum(['flag', 'metadata', 'measured']),
  objectExtent: z.strictObject({
    extent: z.enum(OBJECT_EXTENTS),
    outsideFraction: z.number().min(0).max(1),
    source: z.enum(['requested', 'auto']),
    reason: z.string(),
  }),
  stopReason: z.enum(['epochs', 'early-stop', 'requested', 'time-budget', 'snapshot']),
  workers: count(1).optional(),
  epochs: count(0),
  seconds: z.number().min(0),
  notes: z.array(z.string()).readonly(),
  warnings: z.array(scanIssueRecordSchema).readonly().default([]),
  diffraction: z.strictObject({ kind: z.enum(['amplitude', 'counts']), stated: z.boolean() }).default({ kind: 'amplitude', stated: false }),
  initModel: z.string().optional(),
  pretraining: z.strictObject({
    spec: z.record(z.string(), z.unknown()),
    patternsSeen: count(0),
    validation: z.record(z.string(), z.number()).nullable(),
  }).optional(),
});

// Compile-time check that the schema's output and the documented interface agree both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _typesAgree: Same<z.output<typeof runDirConfigSchema>, RunDirConfig> = true;
void _typesAgree;
