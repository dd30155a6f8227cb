import type { EvaluationMetrics } from '@ptychojs/metrics';

/** The ten SPEC §4 metrics as an aligned text table (a header, then MS-SSIM, SSIM, PSNR, MAE, FRC50 rows of amplitude and phase). */
export function metricsTable(m: EvaluationMetrics): string[] {
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
