import fs from 'node:fs';
import path from 'node:path';
import type { EvaluationMetrics } from '../src/index.js';

/** Values computed by scripts/make_fixtures.py (numpy + scipy, written independently from the papers). */
interface PairFixture {
  name: string; height: number; width: number; dataRange: number;
  ssim: number; psnr: number; mae: number; ssimSkimage: number;
  msssim: number; msssimScales: number; msssimPtychopinn: number; ptychopinnLevels: number;
  msssimPtychopinnSigma1?: number;
  /** Hann-apodized FRC; ring 0 is null (NaN). */
  frc?: { value: (number | null)[]; frc50: number };
  frcNoWindow?: { value: number[]; frc50: number };
  frcPtychopinn?: { value: number[]; frc50: number };
}
interface EvaluationFixture {
  origin: [number, number]; scanBox: { xmin: number; xmax: number; ymin: number; ymax: number };
  crop: { row0: number; col0: number; height: number; width: number };
  /** Radians added to both phases by evaluationCase(shift). */
  phaseShift: number;
  phaseOffset: number; phaseCentre: number; gain: number; msssimScales: number;
  standard: EvaluationMetrics; ptychopinn: EvaluationMetrics;
}
export interface Fixtures {
  pairs: PairFixture[];
  evaluation: EvaluationFixture;
  /** The same case with π added to both phases (truth near ±π). */
  evaluationStrongPhase: EvaluationFixture;
}

export const fixtures: Fixtures = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, 'fixtures/metrics_expected.json'), 'utf8'),
) as Fixtures;
