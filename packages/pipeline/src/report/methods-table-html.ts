import type { MethodResult } from '../run-dir/method-result.js';
import { methodLabel } from './method-label.js';

/**
 * The side-by-side table of `report.html` (issue 8): per method its amplitude and phase SSIM,
 * MS-SSIM and FRC50 (when there is ground truth), ePIE iterations and α, and wall times. Pure HTML
 * text, escaped.
 */
export function methodsTableHtml(methods: readonly MethodResult[]): string {
  const f = (v: number | undefined, d = 4) => (v === undefined ? '' : Number.isFinite(v) ? v.toFixed(d) : String(v));
  const rows = methods.map((m) => {
    const q = m.metrics;
    const cells = [methodLabel(m.method), m.iterations === undefined ? '' : String(m.iterations), f(m.alpha, 2),
      f(q?.amp_ssim), f(q?.phase_ssim), f(q?.amp_msssim), f(q?.phase_msssim), f(q?.amp_frc50), f(q?.phase_frc50), f(m.seconds, 1), f(m.totalSeconds, 1)];
    return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  }).join('\n');
  return `<h2>Methods side by side</h2>
<table><tr><th>method</th><th>ePIE iterations</th><th>α</th><th>amp SSIM</th><th>phase SSIM</th><th>amp MS-SSIM</th><th>phase MS-SSIM</th><th>amp FRC50</th><th>phase FRC50</th><th>seconds (step)</th><th>seconds (total)</th></tr>
${rows}</table>`;
}
