/**
 * Scoring a reconstruction against ground truth and writing what a person looks at (SPEC §4):
 * the ten metrics as JSON and the FRC curves as `frc.png`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError, toComplexArray, toFloat64Array, type ComplexArray, type NdArray, type Reconstruction } from '@ptychojs/io';
import { writeFileAtomic, writeJsonAtomic } from '@ptychojs/io/node';
import { evaluateReconstruction, renderCurvesPng, scanBoxFromPositions, type EvaluationResult } from '@ptychojs/metrics';
import { jsonSafe } from '../ui.js';

export interface Truth {
  readonly object: ComplexArray;
  /** Box spanned by the scan positions, when the truth file has them. */
  readonly scanBox?: ReturnType<typeof scanBoxFromPositions>;
}

/** Ground truth from a raw scan NPZ (objectGuess + positions) or any NPZ with `objectGuess`. */
export function truthFromArrays(arrays: Record<string, NdArray>, file: string): Truth {
  const og = arrays.objectGuess;
  if (!og) throw new InputError('no ground truth in this file', { file, key: 'objectGuess', expected: '(H, W) complex', actual: 'absent' });
  if (og.shape.length !== 2) throw new InputError('objectGuess must be 2-D', { file, key: 'objectGuess', expected: '(H, W) complex', actual: `(${og.shape.join(', ')})` });
  const object = toComplexArray(og, { file, key: 'objectGuess' });
  const xs = arrays.xcoords, ys = arrays.ycoords;
  if (xs && ys) return { object, scanBox: scanBoxFromPositions(toFloat64Array(xs, { file, key: 'xcoords' }), toFloat64Array(ys, { file, key: 'ycoords' })) };
  return { object };
}

export interface EvaluationOutputs {
  readonly result: EvaluationResult;
  readonly frcPng: string;
  readonly metricsJson: string;
}

/** Score `recon` against `truth`, write `metrics.json` and `frc.png` into `outDir`. */
export function evaluateAndWrite(recon: Reconstruction, truth: Truth, outDir: string, profile: 'standard' | 'ptychopinn' = 'standard'): EvaluationOutputs {
  const result = evaluateReconstruction(recon.object, recon.canvasOrigin, truth.object, truth.scanBox, { profile });
  fs.mkdirSync(outDir, { recursive: true });
  const frcPng = path.join(outDir, 'frc.png');
  const metricsJson = path.join(outDir, 'metrics.json');
  writeFileAtomic(frcPng, renderCurvesPng({
    series: [
      { name: 'amplitude', x: result.frc.amp.frequency, y: result.frc.amp.value },
      { name: 'phase', x: result.frc.phase.frequency, y: result.frc.phase.value },
      { name: 'threshold 0.5', x: [0, 1], y: [0.5, 0.5] },
    ],
    xLabel: 'spatial frequency / Nyquist',
    yLabel: 'FRC',
    title: `Fourier ring correlation (${profile})`,
  }));
  writeJsonAtomic(metricsJson, JSON.parse(JSON.stringify({ ...result.metrics, profile, box: result.box, origin: result.origin, msssimScales: result.msssimScales, phaseOffset: result.phaseOffset, gain: result.gain, notes: result.notes }, jsonSafe)));
  return { result, frcPng, metricsJson };
}

/** The ten metrics as an aligned two-column table for the terminal. */
export function formatMetrics(m: EvaluationResult['metrics']): string[] {
  const row = (name: string, a: number, p: number) => `  ${name.padEnd(8)} ${fmt4(a).padStart(10)} ${fmt4(p).padStart(10)}`;
  return [
    `  ${'metric'.padEnd(8)} ${'amplitude'.padStart(10)} ${'phase'.padStart(10)}`,
    row('MS-SSIM', m.amp_msssim, m.phase_msssim),
    row('SSIM', m.amp_ssim, m.phase_ssim),
    row('PSNR', m.amp_psnr, m.phase_psnr),
    row('MAE', m.amp_mae, m.phase_mae),
    row('FRC50', m.amp_frc50, m.phase_frc50),
  ];
}

function fmt4(v: number): string {
  return Number.isFinite(v) ? v.toFixed(4) : String(v);
}
