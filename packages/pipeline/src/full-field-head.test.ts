import { beforeAll, describe, expect, it } from 'vitest';
import { scanDataFromRaw, toRawData } from '@ptychojs/io';
import { evaluateReconstruction, scanBoxFromPositions } from '@ptychojs/metrics';
import { predictObject, resolveRunConfig, train, type ObjectExtent } from '@ptychojs/model';
import { defocusForRmsRadius, probeEnergyOutsideCentre, simulateScan } from '@ptychojs/physics';
import { useBackend } from '@ptychojs/physics/backends';
import { prepareTrainingData } from './prepare-training-data.js';
import { reconstructScan } from './reconstruct-scan.js';

beforeAll(async () => {
  await useBackend('wasm');
});

/**
 * Issue 8: a probe as wide as real ones (rms radius 15.5 px at N = 64, 27% of its energy outside
 * the central N/2 square) lights a ring that a central-only head cannot explain. The same small
 * U-Net (f = 0.25, gridsize 1, seed 1), trained for the same epochs on the same scan with the
 * central head and with the full N×N head, is scored by its final training NLL and by the SSIM of
 * its stitched object against the truth (SPEC §4, scan box).
 */
const N = 64;
const sim = simulateScan({
  n: N, object: { kind: 'lines-pinn', height: 112, width: 112 },
  probe: { kind: 'default', defocusPhase: defocusForRmsRadius(N, 15.5) },
  scan: { kind: 'jitter', step: 5 }, nphotons: 1e9, seed: 3,
});
const raw = toRawData(sim.arrays, 'wide-probe');

async function trainAndScore(objectExtent: ObjectExtent) {
  const config = resolveRunConfig({ gridsize: 1, nFiltersScale: 0.25, epochs: 12, batchSize: 8, lr: 2e-3, nphotons: 1e9, seed: 1, validationFraction: 0, objectExtent });
  const p = prepareTrainingData(raw, { gridsize: 1, K: 6, seed: 1 }, 1e9);
  const res = await train(config, { N, X: p.data.X, coordsRelative: p.data.coordsRelative, probe: p.probe, intensityScale: p.intensityScale, canvasSize: p.canvasSize });
  const rec = await reconstructScan(scanDataFromRaw(raw), async (b) => predictObject(res.model, b.X, b.coordsRelative), { grouping: { gridsize: 1, K: 6, seed: 1 }, batchSize: 32 });
  res.model.dispose();
  const m = evaluateReconstruction(rec.reconstruction.object, rec.reconstruction.canvasOrigin, sim.object, scanBoxFromPositions(raw.xcoords, raw.ycoords)).metrics;
  return { nll: res.history.at(-1)!.nll, amp: m.amp_ssim, phase: m.phase_ssim };
}

describe('the full-field head on a wide probe (issue 8)', () => {
  it('the probe is as wide as the case asks: ≥ 25% of its energy outside the centre', () => {
    expect(probeEnergyOutsideCentre(raw.probeGuess)).toBeGreaterThan(0.25);
  });

  it('beats the central-only head in training NLL and in amplitude and phase SSIM', async () => {
    const center = await trainAndScore('center');
    const full = await trainAndScore('full');
    // Measured (wasm, this machine): center NLL −1606841, SSIM amp 0.079, phase 0.063; full NLL
    // −1610723, SSIM amp 0.212, phase 0.194. The SSIM gaps (~0.13) are far above float differences
    // between machines; the wasm backend is deterministic for a seed.
    expect(full.nll).toBeLessThan(center.nll);
    expect(full.amp).toBeGreaterThan(center.amp);
    expect(full.phase).toBeGreaterThan(center.phase);
  }, 180_000);
});
