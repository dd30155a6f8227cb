import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { InputError, type ComplexArray } from '@ptychojs/io';
import type { ResolvedRunConfig } from '../config/run-config.js';
import { createUNet } from '../unet/create-unet.js';
import type { DecoderHeads } from '../unet/unet-layers.js';
import type { PtychoModel } from './ptycho-model.js';
import { releaseLayersGraphs } from './release-layers-graphs.js';

let nextModelId = 0;

/** Data-derived values a model is built from. */
export interface PtychoModelInit {
  /** Patch side. */
  readonly N: number;
  /** @shape (N, N) complex — the probe (initial value when trainable). */
  readonly probe: ComplexArray;
  /** Intensity scale s (SPEC §3 "Normalization"); initial value when trainable. */
  readonly intensityScale: number;
  /** Object canvas side S (`objectCanvasSize` over the dataset); S ≥ N, S − N even. */
  readonly canvasSize: number;
  /** A U-Net to use instead of a fresh one (e.g. loaded weights). Its shapes are checked. */
  readonly unet?: tfl.LayersModel;
  /** The heads of `unet` (required with it, for a U-Net made elsewhere); default from the config and the probe. */
  readonly heads?: DecoderHeads;
}

/**
 * Build the training model for a run (SPEC §3 "Model I/O"): a fresh U-Net with
 * C_in = gridsize², C_out = C when object.big else 1, filters scaled by `nFiltersScale`, heads from
 * the resolved config (`resolveForData` chose the object extent), weights
 * seeded by `config.seed`; the probe and log s as constants, or as variables when
 * `probeTrainable` / `intensityScaleTrainable`.
 *
 * @throws InputError for a bad N, probe shape, non-positive s, or a bad canvas side.
 */
export function createPtychoModel(config: ResolvedRunConfig, init: PtychoModelInit): PtychoModel {
  const { N, probe, intensityScale, canvasSize } = init;
  const C = config.gridsize * config.gridsize;
  if (probe.shape.length !== 2 || probe.shape[0] !== N || probe.shape[1] !== N || probe.re.length !== N * N || probe.im.length !== N * N) {
    throw new InputError('probe must be N×N', { key: 'probe', expected: `(${N}, ${N}) complex`, actual: `(${probe.shape.join(', ')})` });
  }
  if (!(intensityScale > 0) || !Number.isFinite(intensityScale)) {
    throw new InputError('intensity scale s must be finite and > 0', { key: 'intensityScale', expected: '> 0', actual: String(intensityScale) });
  }
  if (!Number.isInteger(canvasSize) || canvasSize < N || (canvasSize - N) % 2 !== 0) {
    throw new InputError('canvas side must be ≥ N with an even margin', { key: 'canvasSize', expected: `integer ≥ ${N}, S − N even`, actual: String(canvasSize) });
  }
  const cOut = config.objectBig ? C : 1;
  const T = config.inputIterations;
  // With the physics-informed input the U-Net sees X and the estimate's real and imaginary parts.
  const cIn = T > 0 ? 3 * C : C;
  const heads: DecoderHeads = init.heads ?? {
    extent: config.objectExtent, amplitudeActivation: config.amplitudeActivation, phaseActivation: config.phaseActivation,
    ...(T > 0 ? { residual: true } : {}),
  };
  const unet = init.unet ?? createUNet(N, cIn, cOut, config.nFiltersScale, { seed: config.seed, heads });
  const inShape = unet.inputs[0]?.shape;
  const outShape = unet.outputs[0]?.shape;
  if (unet.outputs.length !== 2 || inShape?.[1] !== N || inShape[3] !== cIn || outShape?.[1] !== N || outShape[3] !== cOut) {
    throw new InputError('the U-Net does not match the run configuration', {
      key: 'model', expected: `input (B, ${N}, ${N}, ${cIn}), 2 outputs (B, ${N}, ${N}, ${cOut})`,
      actual: `input ${JSON.stringify(inShape)}, ${unet.outputs.length} outputs ${JSON.stringify(outShape)}`,
    });
  }
  // Named variables (not tfjs's numeric default names) keep the optimizer's variable order stable:
  // Object.keys would list integer-like names first.
  const uid = nextModelId++;
  const probeRe = tf.tensor2d(probe.re, [N, N]);
  const probeIm = tf.tensor2d(probe.im, [N, N]);
  const probeT = config.probeTrainable
    ? { re: tf.variable(probeRe, true, `ptycho_probe_re_${uid}`, 'float32') as tf.Variable<tf.Rank.R2>, im: tf.variable(probeIm, true, `ptycho_probe_im_${uid}`, 'float32') as tf.Variable<tf.Rank.R2> }
    : { re: probeRe, im: probeIm };
  if (config.probeTrainable) { probeRe.dispose(); probeIm.dispose(); }
  const logScale = config.intensityScaleTrainable
    ? tf.tidy(() => tf.variable(tf.scalar(Math.log(intensityScale)), true, `ptycho_log_scale_${uid}`))
    : tf.scalar(Math.log(intensityScale));
  const vars: tf.Variable[] = unet.trainableWeights.map((w) => w.read() as tf.Variable);
  if (config.probeTrainable) vars.push(probeT.re as tf.Variable, probeT.im as tf.Variable);
  if (config.intensityScaleTrainable) vars.push(logScale as tf.Variable);
  return {
    unet, N, gridsize: config.gridsize, C, heads, objectBig: config.objectBig, canvasSize, intensityScale,
    logScale, probe: probeT, probeMask: config.probeMask, smoothingSigma: config.smoothingSigma,
    ...(T > 0 ? { input: { iterations: T, probe: probeT } } : {}),
    trainableVariables: vars,
    dispose() {
      unet.dispose();
      probeT.re.dispose();
      probeT.im.dispose();
      logScale.dispose();
      releaseLayersGraphs();
    },
  };
}
