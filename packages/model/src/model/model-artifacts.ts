import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

/**
 * The U-Net as tfjs-layers `model.save` artifacts (topology, weight specs, one weight buffer), held
 * in memory: what `model.json` + weight shards contain. `userDefinedMetadata` is attached when given.
 */
export async function unetArtifacts(unet: tfl.LayersModel, userDefinedMetadata?: Record<string, object>): Promise<tf.io.ModelArtifacts> {
  let captured: tf.io.ModelArtifacts | undefined;
  await unet.save(tf.io.withSaveHandler(async (artifacts) => {
    captured = artifacts;
    return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
  }), { includeOptimizer: false });
  const a = captured!;
  const weightData = a.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(a.weightData);
  return { ...a, weightData, ...(userDefinedMetadata ? { userDefinedMetadata } : {}) };
}
