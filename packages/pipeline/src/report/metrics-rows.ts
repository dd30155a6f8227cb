import type { EvaluationMetrics } from '@ptychojs/metrics';

/** One row of the metrics table: the metric's name and the amplitude and phase values. */
export interface MetricsRow {
  readonly name: string;
  /** Longer words for a table header or tooltip. */
  readonly description: string;
  readonly amplitude: number;
  readonly phase: number;
}

/**
 * The ten SPEC §4 metrics as five rows (MS-SSIM, SSIM, PSNR, MAE, FRC50) of amplitude and phase:
 * the one layout of every metrics table (terminal, `report.html`, web app).
 */
export function metricsRows(m: EvaluationMetrics): MetricsRow[] {
  return [
    { name: 'MS-SSIM', description: 'multi-scale structural similarity', amplitude: m.amp_msssim, phase: m.phase_msssim },
    { name: 'SSIM', description: 'structural similarity', amplitude: m.amp_ssim, phase: m.phase_ssim },
    { name: 'PSNR', description: 'peak signal-to-noise ratio (dB)', amplitude: m.amp_psnr, phase: m.phase_psnr },
    { name: 'MAE', description: 'mean absolute error', amplitude: m.amp_mae, phase: m.phase_mae },
    { name: 'FRC50', description: 'FRC = 0.5 resolution (fraction of Nyquist)', amplitude: m.amp_frc50, phase: m.phase_frc50 },
  ];
}
