import { createRng, toRawData, type ComplexArray, type RawData, type Rng } from '@ptychojs/io';
import { simulateScan, type ObjectSpec } from '@ptychojs/physics';
import type { ObjectFamily, PretrainSpec, Range } from './pretrain-spec.js';

/** The settings one simulated pretraining scan was drawn with (recorded with validation scores). */
export interface PretrainScanSettings {
  readonly family: ObjectFamily;
  /** Scan step, pixels (jittered grid, jitter step/4). */
  readonly step: number;
  /** Mean photons per pattern. */
  readonly nphotons: number;
  readonly amplitudeMin: number;
  readonly phaseMax: number;
  /** Object side, pixels (square). */
  readonly objectSize: number;
  /** Seed of `simulateScan` (object, scan, noise). */
  readonly seed: number;
}

/** A simulated scan with its truth and the settings it was drawn with. */
export interface PretrainScan {
  readonly raw: RawData;
  readonly settings: PretrainScanSettings;
}

const logUniform = (rng: Rng, [lo, hi]: Range) => Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * rng.next());
const uniform = (rng: Rng, [lo, hi]: Range) => lo + (hi - lo) * rng.next();

/**
 * Draw one scan from the pretraining distribution ({@link PretrainSpec}) and simulate it under
 * `probe` (`simulateScan`, Poisson noise): a family, a step (log-uniform), a dose (log-uniform), the
 * contrast, and an object just large enough that its jittered grid has about
 * `spec.positionsPerScan` positions. A pure function of `seed` (and `family`, which, when given,
 * replaces the drawn one: validation scans cover the families in turn).
 *
 * @shape probe (N, N) complex — the measured probe (any scale)
 */
export function simulatePretrainingScan(spec: PretrainSpec, probe: ComplexArray, seed: number, family?: ObjectFamily): PretrainScan {
  const rng = createRng(seed);
  const drawn = spec.families[rng.int(spec.families.length)]!;
  family ??= drawn;
  const step = logUniform(rng, spec.stepRange);
  const nphotons = logUniform(rng, spec.doseRange);
  const amplitudeMin = uniform(rng, spec.amplitudeMinRange);
  const phaseMax = uniform(rng, spec.phaseMaxRange);
  const simSeed = rng.int(2 ** 31);
  const N = spec.N, jitter = step / 4;
  const perSide = Math.max(2, Math.round(Math.sqrt(spec.positionsPerScan)));
  const objectSize = Math.ceil(N + step * (perSide - 1) + 2 * jitter) + 1;
  const size = { height: objectSize, width: objectSize };
  const object: ObjectSpec =
    family === 'lines' ? { kind: 'lines', ...size, amplitudeRange: [amplitudeMin, 1], phaseMax }
    : family === 'lines-pinn' ? { kind: 'lines-pinn', ...size }
    : family === 'grf' ? { kind: 'grf', ...size, amplitudeRange: [amplitudeMin, 1], phaseMax, correlationLength: uniform(rng, [2, 8]) }
    : family === 'blobs' ? { kind: 'blobs', ...size, amplitudeMin, phaseMax }
    : { kind: 'polygons', ...size, amplitudeMin, phaseMax };
  const sim = simulateScan({ n: N, object, probe: { kind: 'array', array: probe, label: 'pretraining probe' }, scan: { kind: 'jitter', step, jitter }, nphotons, seed: simSeed });
  const raw = toRawData({ ...sim.arrays }, `pretraining scan ${seed} (${family})`);
  return { raw, settings: { family, step, nphotons, amplitudeMin, phaseMax, objectSize, seed: simSeed } };
}
