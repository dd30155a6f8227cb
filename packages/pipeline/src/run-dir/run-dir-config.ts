/**
 * The run directory's `config.json` (SPEC §3 "Run directory": every resolved setting incl. N,
 * gridsize, s, α, probe source, seed, backend, versions). One schema (zod, the project's schema
 * library, as for the model's RunConfig) that both writes and reads go through. Format version 2
 * states each fact once (N in `data`, gridsize, K and the object extent in `config`); version 1
 * files, which repeated them, are still read (`parseRunDirConfig`).
 */
import { z } from 'zod';
import { DIFFRACTION_KINDS, SUPPORTED_N } from '@ptychojs/io';
import { EXTENT_SOURCES, FINISHED_STOP_REASONS, OBJECT_EXTENTS, resolvedRunConfigSchema, runConfigSchema, type ObjectExtentDecision, type ResolvedRunConfig, type StopReason } from '@ptychojs/model';
import type { DiffractionReading, ScanIssueRecord } from '../types.js';
import { DOSE_SOURCES, type Dose } from '../prepare/resolve-dose.js';
import { INTENSITY_SCALE_SOURCES, type PreparedData } from '../prepare/prepare-training-data.js';

/** What a run trained on: measured scans, or scans simulated for pretraining. */
const DATA_KINDS = ['scan', 'simulated'] as const;

/** The format version {@link RunDirConfig} files are written in. */
export const RUN_DIR_CONFIG_VERSION = 2;

/** What `ptycho train` (or any caller of `trainToRunDir`) writes as `config.json`. */
export interface RunDirConfig {
  readonly format: 'ptychojs-run';
  readonly version: typeof RUN_DIR_CONFIG_VERSION;
  /** Version of @ptychojs/pipeline that wrote it. */
  readonly ptychojs: string;
  /** Version of @tensorflow/tfjs-core. */
  readonly tfjs: string;
  /** The run configuration as it ran (`resolveForData`): gridsize, K, the object extent and the dose are here. */
  readonly config: ResolvedRunConfig;
  /**
   * The scan trained on: file, M positions, N (the pattern side, of the model too), groups.
   * Pretraining: `kind` `simulated`, the probe's file, the patterns and groups seen; multi-scan
   * training: the files joined by ', '.
   */
  readonly data: { readonly file: string; readonly M: number; readonly N: number; readonly groups: number; readonly kind?: (typeof DATA_KINDS)[number] };
  /** Normalization α of the training scan (SPEC §3); null where each scan had its own (pretraining, several scans). */
  readonly alpha: number | null;
  /** Intensity scale s after training (learned when trainable). */
  readonly intensityScale: number;
  readonly intensityScaleSource: PreparedData['intensityScaleSource'];
  /** Factor that scaled the probe to Σ|P|² = N². */
  readonly probeScale: number;
  readonly probeSource: string;
  /** Side of the object.big canvas. */
  readonly canvasSize: number;
  readonly backend: { readonly name: string; readonly reason: string };
  /** Where `config.nphotons` came from (`resolveDose`). */
  readonly nphotonsSource: Dose['source'];
  /** Why `config.objectExtent` is what it is (`resolveObjectExtent`): the probe's energy outside the centre and whether it was requested or chosen. */
  readonly objectExtentChoice: Omit<ObjectExtentDecision, 'extent'>;
  /**
   * Why training ended (a finished run: an interrupted one writes no config.json), or `snapshot`: a
   * copy of a pretraining still running, taken at one of its `--snapshot-minutes` marks.
   */
  readonly stopReason: Exclude<StopReason, 'interrupted'> | 'snapshot';
  /** Model replicas that shared each batch (data-parallel worker threads; absent in older runs = 1). */
  readonly workers?: number;
  /** Epochs completed (the last one partly when the time budget stopped it). */
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
const supportedN = count(1).refine((n) => (SUPPORTED_N as readonly number[]).includes(n), { message: `one of ${SUPPORTED_N.join(', ')}` });
const extentChoice = {
  outsideFraction: z.number().min(0).max(1),
  source: z.enum(EXTENT_SOURCES),
  reason: z.string(),
};

/** The fields versions 1 and 2 share, with their schemas. */
const shared = {
  format: z.literal('ptychojs-run'),
  ptychojs: z.string(),
  tfjs: z.string(),
  alpha: positiveFinite.nullable(),
  intensityScale: positiveFinite,
  intensityScaleSource: z.enum(INTENSITY_SCALE_SOURCES),
  probeScale: positiveFinite,
  probeSource: z.string(),
  canvasSize: count(1),
  backend: z.strictObject({ name: z.string(), reason: z.string() }),
  nphotonsSource: z.enum(DOSE_SOURCES),
  stopReason: z.enum([...FINISHED_STOP_REASONS, 'snapshot']),
  workers: count(1).optional(),
  epochs: count(0),
  seconds: z.number().min(0),
  notes: z.array(z.string()).readonly(),
  warnings: z.array(scanIssueRecordSchema).readonly().default([]),
  diffraction: z.strictObject({ kind: z.enum(DIFFRACTION_KINDS), stated: z.boolean() }).default({ kind: 'amplitude', stated: false }),
  initModel: z.string().optional(),
  pretraining: z.strictObject({
    spec: z.record(z.string(), z.unknown()),
    patternsSeen: count(0),
    validation: z.record(z.string(), z.number()).nullable(),
  }).optional(),
};

/**
 * The zod schema of {@link RunDirConfig} (format version 2): every field typed and range-checked,
 * unknown keys refused; `config` is the model's `resolvedRunConfigSchema`. The canvas side is
 * checked against N by `parseRunDirConfig`.
 */
export const runDirConfigSchema = z.strictObject({
  ...shared,
  version: z.literal(RUN_DIR_CONFIG_VERSION),
  config: resolvedRunConfigSchema,
  data: z.strictObject({ file: z.string(), M: count(1), N: supportedN, groups: count(1), kind: z.enum(DATA_KINDS).optional() }),
  objectExtentChoice: z.strictObject(extentChoice),
});

/**
 * Format version 1 (run directories written before version 2): N, gridsize
 * and K repeated beside `data.N` and `config`, the extent decision with its extent, and the
 * demo's budget stop called `requested`. Read only; `parseRunDirConfig` checks the copies agree
 * and gives a {@link RunDirConfig}.
 */
export const runDirConfigV1Schema = z.strictObject({
  ...shared,
  version: z.literal(1),
  config: runConfigSchema,
  data: z.strictObject({ file: z.string(), M: count(1), N: count(1), groups: count(1), kind: z.enum(DATA_KINDS).optional() }),
  N: supportedN,
  gridsize: count(1),
  K: count(1),
  objectExtent: z.strictObject({ extent: z.enum(OBJECT_EXTENTS), ...extentChoice }),
  stopReason: z.enum([...FINISHED_STOP_REASONS, 'requested', 'snapshot']),
});

// Compile-time check that the schema's output and the documented interface agree both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _typesAgree: Same<z.output<typeof runDirConfigSchema>, RunDirConfig> = true;
void _typesAgree;
