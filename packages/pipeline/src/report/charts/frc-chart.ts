import type { FrcCurveData } from '../../run-dir/metrics-record.js';
import type { ChartSpec } from './chart-svg.js';

/**
 * The Fourier ring correlation chart (SPEC §4): amplitude and phase FRC against spatial frequency
 * (fraction of Nyquist), with the 0.5 threshold that defines `amp_frc50`/`phase_frc50`. The y
 * axis always spans 0…1.
 */
export function frcChart(frc: { readonly amp: FrcCurveData; readonly phase: FrcCurveData }, profile = 'standard'): ChartSpec {
  return {
    title: `Fourier ring correlation (${profile})`,
    xLabel: 'spatial frequency / Nyquist',
    yLabel: 'FRC',
    xInclude: [0, 1],
    yInclude: [0, 1],
    series: [
      { name: 'amplitude', x: frc.amp.frequency, y: frc.amp.value },
      { name: 'phase', x: frc.phase.frequency, y: frc.phase.value },
      { name: 'threshold 0.5', x: [0, 1], y: [0.5, 0.5], dashed: true },
    ],
  };
}
