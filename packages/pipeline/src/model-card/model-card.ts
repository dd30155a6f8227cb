/**
 * `model-card.json` of a model directory (issue 15): what a network was trained on and how well it
 * did, for the people and the checks that decide whether to use it on a new scan. Written by
 * `ptycho pretrain` and `ptycho train`; a directory without one (earlier versions) gets a card
 * derived from its `config.json` and `probe.npz` ({@link modelCardFromRun}).
 */
import { OBJECT_EXTENTS } from '@ptychojs/model';
import { z } from 'zod';
import { OBJECT_FAMILIES } from '../pretrain/pretrain-spec.js';

const range = z.tuple([z.number(), z.number()]).readonly();

/** The zod schema of `model-card.json`. */
export const modelCardSchema = z.strictObject({
  format: z.literal('ptychojs-model-card'),
  version: z.literal(1),
  /** `pretrained`: on simulated scans under one probe (`ptycho pretrain`); `trained`: self-supervised on measured scans (`ptycho train`). */
  kind: z.enum(['pretrained', 'trained']),
  N: z.number().int().positive(),
  gridsize: z.number().int().positive(),
  objectExtent: z.enum(OBJECT_EXTENTS),
  nFiltersScale: z.number().positive(),
  /** The probe the network was trained under: where it came from, a fingerprint of the model probe (`probe.npz`), its size. */
  probe: z.strictObject({
    source: z.string(),
    fingerprint: z.string(),
    rmsRadius: z.number(),
    energyOutsideCentre: z.number(),
  }),
  /** What it was trained on. */
  training: z.strictObject({
    /** Measured scans (trained) or `simulated` (pretrained). */
    data: z.array(z.string()).readonly(),
    families: z.array(z.enum(OBJECT_FAMILIES)).readonly().optional(),
    /** Scan steps seen, pixels (median nearest-neighbour distance of the scans, or the simulated range); null: unknown (a directory of an earlier version). */
    stepRange: range.nullable(),
    /** Photons per pattern seen (the scans' doses, or the simulated range); null: unknown. */
    doseRange: range.nullable(),
    amplitudeMinRange: range.optional(),
    phaseMaxRange: range.optional(),
    patternsSeen: z.number().int().min(0),
    epochs: z.number().int().min(0),
    seconds: z.number().min(0),
    stopReason: z.string(),
    backend: z.string(),
    workers: z.number().int().min(1),
    seed: z.number().int().min(0),
  }),
  /** Scores of the final model against the truth of held-out simulated scans (pretrained), or null. */
  validation: z.record(z.string(), z.number()).nullable(),
  versions: z.strictObject({ ptychojs: z.string(), tfjs: z.string() }),
});

/** A model card (see {@link modelCardSchema}). */
export type ModelCard = z.output<typeof modelCardSchema>;
