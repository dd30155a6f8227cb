import { renderCurvesPng, type EvaluationResult } from '@ptychojs/metrics';

/** `frc.png`: the amplitude and phase FRC curves of an evaluation with the 0.5 threshold (SPEC §4). */
export function frcPng(result: EvaluationResult, profile: 'standard' | 'ptychopinn'): Uint8Array {
  return renderCurvesPng({
    series: [
      { name: 'amplitude', x: result.frc.amp.frequency, y: result.frc.amp.value },
      { name: 'phase', x: result.frc.phase.frequency, y: result.frc.phase.value },
      { name: 'threshold 0.5', x: [0, 1], y: [0.5, 0.5] },
    ],
    xLabel: 'spatial frequency / Nyquist',
    yLabel: 'FRC',
    title: `Fourier ring correlation (${profile})`,
  });
}
