import fs from 'node:fs';
import path from 'node:path';
import type { EvaluationMetrics } from '../src/index.js';

/** Values computed by scripts/make_fixtures.py (numpy + scipy, written independently from the papers). */
export interface PairFixture {
  name: string; height: number; width: number; dataRange: number;
  ssim: number; psnr: number; mae: number; ssimSkimage: number;
  msssim: number; msssimScales: number; msssimPtychopinn: number; ptychopinnLevels: number;
  msssimPtychopinnSigma1?: number;
  frc?: { value: number[]; frc50: number };
  frcPtychopinn?: { value: number[]; frc50: number };
}
export interface Fixtures {
  pairs: PairFixture[];
  evaluation: {
    origin: [number, number]; scanBox: { xmin: number; xmax: number; ymin: number; ymax: number };
    crop: { row0: number; col0: number; height: number; width: number };
    phaseOffset: number; gain: number; msssimScales: number;
    standard: EvaluationMetrics; ptychopinn: EvaluationMetrics;
  };
}

export const fixtures: Fixtures = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, 'fixtures/metrics_expected.json'), 'utf8'),
) as Fixtures;
