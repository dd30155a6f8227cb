/**
 * The demo's settings, in one place (`ptycho demo`, and a browser demo alike): a smooth
 * Gaussian-random-field object, the default probe, a jittered grid, Poisson noise; small enough
 * for under 3 minutes on 2 CPU cores (SPEC §6), large enough to show something.
 */
export const DEMO = {
  object: { kind: 'grf', height: 128, width: 128, correlationLength: 8 } as const,
  scan: { kind: 'jitter', step: 4 } as const,
  // A probe that fits inside the central N/2 × N/2 the model predicts (rms radius 7.3 px at N = 64),
  // so the forward model can explain the data fully.
  probe: { kind: 'default', pupilRadius: 12, defocusPhase: 6 } as const,
  nphotons: 1e6,
  // A small U-Net (f = 0.25) trained for many epochs learns far more in the budget than f = 2 for a few:
  // on the golden scan, patch correlation reaches 0.56/0.60 (amplitude/phase) after 60 epochs of 64 groups.
  config: { gridsize: 1, nFiltersScale: 0.25, epochs: 40, batchSize: 16, lr: 1e-3, nphotons: 1e6, validationFraction: 0.05 },
  /** Training stops after the step that crosses this many seconds. */
  maxTrainSeconds: 100,
};
