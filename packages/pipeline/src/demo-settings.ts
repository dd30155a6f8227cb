/**
 * The demo's settings, in one place (`ptycho demo`, and a browser demo alike): PtychoPINN's
 * blurred-lines object (amplitude and phase), a probe as wide as real ones, a dense jittered grid,
 * Poisson noise at 1e9 photons; under 3 minutes on 2 CPU cores (SPEC §6).
 *
 * Measured on this scan shape (issue 8; 441 positions, probe rms 12.5 px, 100 s of training on 2
 * workers, f = 0.25): gridsize 1 reaches SSIM 0.291/0.207 (amplitude/phase) in 33 epochs,
 * gridsize 2 0.276/0.182 in 17; batch 4 instead of 16: 0.299/0.203 (gridsize 1) and 0.240/0.151
 * (gridsize 2); learning rate 3e-3: 0.197/0.152; f = 0.5: 0.214/0.155. The network alone stays
 * blurred in this budget, so the demo also refines its object with ePIE (`run --refine`) and runs
 * ePIE from a flat start (`--compare-epie`), and the report shows the three side by side.
 */
export const DEMO = {
  object: { kind: 'lines-pinn', height: 128, width: 128 } as const,
  scan: { kind: 'jitter', step: 3 } as const,
  // The default probe defocused to an rms radius of 15.0 px at N = 64: 23.6% of its energy lies
  // outside the central N/2 square (`defocusForRmsRadius(64, 15)`; checked in demo-settings.test.ts).
  probe: { kind: 'default', defocusPhase: 17.006315711513 } as const,
  nphotons: 1e9,
  config: { gridsize: 1, nFiltersScale: 0.25, epochs: 60, batchSize: 16, lr: 1e-3, validationFraction: 0.05 },
  /** Training stops after the step that crosses this many seconds. */
  maxTrainSeconds: 140,
  /** ePIE iterations refining the network's object, and from a flat object (rPIE α below). */
  refineIterations: 20,
  epieIterations: 30,
  epieAlpha: 1,
};
