import { InputError } from '@ptychojs/io';
import { AMPLITUDE_ACTIVATIONS, CENTER_HEADS, OBJECT_EXTENTS, PHASE_ACTIVATIONS, type DecoderHeads } from '../unet/unet-layers.js';
import type { InferenceModel } from './ptycho-model.js';

/**
 * What `model.json` records besides the U-Net (its `userDefinedMetadata.ptychojs`): the geometry
 * and scales inference needs, so a browser can run `predictObject` from `model.json` alone.
 */
export interface ModelMetadata {
  readonly format: 'ptychojs-model';
  readonly version: 1;
  readonly N: number;
  readonly gridsize: number;
  readonly C: number;
  readonly objectBig: boolean;
  readonly canvasSize: number;
  /** The dataset's s: model inputs are `X·s`. */
  readonly intensityScale: number;
  /** log of the scale the model divides by (= log s unless s was trained). */
  readonly logScale: number;
  /** The U-Net's output heads; absent in models saved before heads existed (= {@link CENTER_HEADS}). */
  readonly heads?: DecoderHeads;
  /**
   * The physics-informed input (issue 15; `InferenceModel.input`): its ePIE iterations and the model
   * probe it uses, as plain arrays (row-major N×N, float32 values); absent: the U-Net sees X alone.
   */
  readonly input?: { readonly iterations: number; readonly probe: { readonly re: readonly number[]; readonly im: readonly number[] } };
}

/** The metadata of a model, read from its tensors (async: works on WebGPU). */
export async function modelMetadata(model: InferenceModel): Promise<ModelMetadata> {
  const logScale = (await model.logScale.data())[0]!;
  const input = model.input && model.input.iterations > 0
    ? { iterations: model.input.iterations, probe: { re: Array.from(await model.input.probe.re.data()), im: Array.from(await model.input.probe.im.data()) } }
    : undefined;
  return {
    format: 'ptychojs-model', version: 1, N: model.N, gridsize: model.gridsize, C: model.C, objectBig: model.objectBig,
    canvasSize: model.canvasSize, intensityScale: model.intensityScale, logScale, heads: model.heads, ...(input ? { input } : {}),
  };
}

/**
 * Check an unknown `userDefinedMetadata` (from `model.json`) and return the ptychojs part.
 * @throws InputError naming the missing or wrong field
 */
export function parseModelMetadata(meta: unknown, file?: string): ModelMetadata {
  const m = (meta as { ptychojs?: unknown } | undefined)?.ptychojs as Record<string, unknown> | undefined;
  if (m === undefined || m === null || typeof m !== 'object' || m['format'] !== 'ptychojs-model') {
    throw new InputError('model.json has no ptychojs metadata (was it saved by @ptychojs/model?)', {
      file, key: 'userDefinedMetadata.ptychojs', expected: "{ format: 'ptychojs-model', … }", actual: JSON.stringify(m ?? null).slice(0, 80),
    });
  }
  for (const k of ['N', 'gridsize', 'C', 'canvasSize', 'intensityScale', 'logScale'] as const) {
    if (typeof m[k] !== 'number' || !Number.isFinite(m[k])) {
      throw new InputError('bad model metadata field', { file, key: `userDefinedMetadata.ptychojs.${k}`, expected: 'a finite number', actual: String(m[k]) });
    }
  }
  if (typeof m['objectBig'] !== 'boolean') {
    throw new InputError('bad model metadata field', { file, key: 'userDefinedMetadata.ptychojs.objectBig', expected: 'boolean', actual: String(m['objectBig']) });
  }
  const heads = m['heads'] ?? CENTER_HEADS;
  const h = heads as Record<string, unknown>;
  const allowed = { extent: OBJECT_EXTENTS, amplitudeActivation: AMPLITUDE_ACTIVATIONS, phaseActivation: PHASE_ACTIVATIONS } as const;
  for (const [k, values] of Object.entries(allowed)) {
    if (typeof h !== 'object' || h === null || !(values as readonly unknown[]).includes(h[k])) {
      throw new InputError('bad model metadata field', { file, key: `userDefinedMetadata.ptychojs.heads.${k}`, expected: values.join(' | '), actual: String(h?.[k]) });
    }
  }
  const input = m['input'] as { iterations?: unknown; probe?: { re?: unknown; im?: unknown } } | undefined;
  if (input !== undefined) {
    const n = (m['N'] as number) ** 2;
    const ok = typeof input === 'object' && input !== null && Number.isInteger(input.iterations) && (input.iterations as number) > 0
      && [input.probe?.re, input.probe?.im].every((a) => Array.isArray(a) && a.length === n && a.every((v) => typeof v === 'number' && Number.isFinite(v)));
    if (!ok) throw new InputError('bad model metadata field', { file, key: 'userDefinedMetadata.ptychojs.input', expected: `{ iterations: integer ≥ 1, probe: { re, im: ${n} finite numbers each } }`, actual: JSON.stringify(input).slice(0, 80) });
  }
  return { ...(m as unknown as ModelMetadata), heads: heads as DecoderHeads };
}
