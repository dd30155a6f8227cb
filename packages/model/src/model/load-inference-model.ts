import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { InputError } from '@ptychojs/io';
import { CENTER_HEADS } from '../unet/unet-layers.js';
import { parseModelMetadata } from './model-metadata.js';
import type { InferenceModel } from './ptycho-model.js';
import { releaseLayersGraphs } from './release-layers-graphs.js';

/**
 * Load a saved model for inference: `model.json` + weight shards through any tfjs IO handler or
 * URL (`tf.loadLayersModel`; standard layers only, so this also works in a browser), plus the
 * ptychojs metadata stored in `model.json`.
 *
 * @param source a URL/path understood by tfjs, an IO handler, or in-memory artifacts
 */
export async function loadInferenceModel(source: string | tf.io.IOHandler | tf.io.ModelArtifacts): Promise<InferenceModel> {
  const handler = typeof source === 'string' || 'load' in source ? source : tf.io.fromMemory(source);
  const unet = await tfl.loadLayersModel(handler as string | tf.io.IOHandler);
  const label = typeof source === 'string' ? source : undefined;
  let meta;
  try {
    meta = parseModelMetadata(unet.getUserDefinedMetadata(), label);
    const inShape = unet.inputs[0]?.shape;
    // The physics-informed input adds the estimate's real and imaginary parts to X.
    const cIn = meta.input ? 3 * meta.C : meta.C;
    if (inShape?.[1] !== meta.N || inShape[3] !== cIn) {
      throw new InputError('U-Net input does not match the metadata', { file: label, key: 'model', expected: `(B, ${meta.N}, ${meta.N}, ${cIn})`, actual: JSON.stringify(inShape) });
    }
  } catch (e) {
    unet.dispose();
    throw e;
  }
  const logScale = tf.scalar(meta.logScale);
  const N = meta.N;
  const probe = meta.input ? { re: tf.tensor2d(meta.input.probe.re as number[], [N, N]), im: tf.tensor2d(meta.input.probe.im as number[], [N, N]) } : undefined;
  return {
    unet, N, gridsize: meta.gridsize, C: meta.C, heads: meta.heads ?? CENTER_HEADS, objectBig: meta.objectBig, canvasSize: meta.canvasSize,
    intensityScale: meta.intensityScale, logScale,
    ...(meta.input && probe ? { input: { iterations: meta.input.iterations, probe } } : {}),
    dispose() { unet.dispose(); logScale.dispose(); probe?.re.dispose(); probe?.im.dispose(); releaseLayersGraphs(); },
  };
}
