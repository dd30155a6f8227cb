import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { createPtychoModel } from '../model/create-ptycho-model.js';
import type { PtychoModel } from '../model/ptycho-model.js';
import type { ReplicaInit, ReplicaState } from './training-engine.js';

/**
 * The training model of a replica's state, rebuilt on the active backend of this thread (how a
 * data-parallel engine hands its trained model back): the U-Net from `state.weights`, the probe
 * and log s from the state, geometry and settings from `init`.
 */
export async function modelFromState(init: ReplicaInit, state: ReplicaState): Promise<PtychoModel> {
  const unet = await tfl.loadLayersModel(tf.io.fromMemory(state.weights));
  const model = createPtychoModel(init.config, { N: init.N, canvasSize: init.canvasSize, unet, probe: state.probe, intensityScale: init.intensityScale });
  if (init.config.intensityScaleTrainable) tf.tidy(() => (model.logScale as tf.Variable).assign(tf.scalar(state.logScale)));
  return model;
}
