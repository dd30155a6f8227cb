import type { ModelCard } from '../model-card/model-card.js';

/** A pretrained model's card as pretrainToDir writes it (small numbers), for the model-card tests. */
export const PRETRAINED_CARD: ModelCard = {
  format: 'ptychojs-model-card', version: 1, kind: 'pretrained', N: 64, gridsize: 1, objectExtent: 'full', nFiltersScale: 0.5,
  probe: { source: 'probeGuess of <demo>.npz', fingerprint: 'fnv1a:0', rmsRadius: 15.5, energyOutsideCentre: 0.27 },
  training: {
    data: ['simulated'], families: ['lines', 'grf'], stepRange: [2, 16], doseRange: [1e4, 1e9], patternsSeen: 1000, epochs: 3, seconds: 60,
    stopReason: 'time-budget', backend: 'wasm', workers: 1, seed: 0,
  },
  validation: { amp_ssim: 0.5, phase_ssim: 0.4 },
  versions: { ptychojs: '0.1.0', tfjs: '4.22.0' },
};
