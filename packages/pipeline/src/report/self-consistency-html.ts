import type { EvaluationMetrics } from '@ptychojs/metrics';
import { chartSvg } from './charts/chart-svg.js';
import { selfConsistencyCharts } from './charts/self-consistency-charts.js';
import { base64 } from '../internal/base64.js';
import type { SelfConsistencyRecord } from '../run-dir/self-consistency-record.js';
import { escapeMarkup as esc } from './escape-markup.js';

/** One method's self-consistency for {@link selfConsistencyHtml}. */
export interface SelfConsistencySection {
  /** How the report names the method ('network', 'ePIE from flat', …). */
  readonly label: string;
  readonly record: SelfConsistencyRecord;
  /** Its pictures (residual map, scan over the object, fluence, probe), captioned, in order. */
  readonly images: ReadonlyArray<{ readonly caption: string; readonly png: Uint8Array }>;
  /** The SPEC §4 metrics against objectGuess, shown beside when known. */
  readonly metrics?: EvaluationMetrics | null;
}

const num = (v: number | null | undefined, d = 3) => (v === null || v === undefined ? '' : Number.isFinite(v) ? (Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(2) : v.toFixed(d)) : String(v));
const res = (r: SelfConsistencyRecord) => {
  const f = r.halfScanFrc;
  if (!f) return '';
  return f.reachesNyquist ? '≤ 1 (Nyquist)' : `${num(f.resolutionPixels, 2)}${f.resolutionNm !== null ? ` (${num(f.resolutionNm, 1)} nm)` : ''}`;
};

/**
 * The report's "Quality without ground truth" section (issue 17): a table with every method's
 * data residuals (normalized deviance, R-factor, poorly explained positions), half-scan FRC
 * resolution, overlap and fluence coverage — with the SPEC §4 metrics against the truth in the
 * same rows when there is one — then per method its pictures (residual map, scan over the object,
 * fluence map, probe) and charts (half-scan FRC with the ½-bit threshold, residual histogram),
 * the worst positions and the reasons for anything absent. Pure HTML text, escaped.
 */
export function selfConsistencyHtml(sections: readonly SelfConsistencySection[]): string {
  if (sections.length === 0) return '';
  const truth = sections.some((s) => s.metrics);
  const head = ['method', 'normalized deviance (1 = noise)', 'median per position', 'R-factor', 'positions > 2', 'half-scan FRC resolution, px (½-bit)', 'linear / areal overlap', 'reliable region',
    ...(truth ? ['amp SSIM vs truth', 'phase SSIM vs truth', 'amp FRC50 vs truth', 'phase FRC50 vs truth'] : [])];
  const rows = sections.map(({ label, record: r, metrics: m }) => {
    const cells = [label, num(r.residuals.normalizedDeviance), num(r.residuals.medianNormalizedDeviance), num(r.residuals.rFactor, 4),
      `${r.residuals.poorlyExplained.positions} (${(100 * r.residuals.poorlyExplained.fraction).toFixed(1)}%)`, res(r) || `<small>${esc(r.halfScanFrcAbsent ?? '')}</small>`,
      r.overlap ? `${num(r.overlap.linear, 2)} / ${num(r.overlap.areal, 2)}` : '', `${(100 * r.fluence.reliablePixels / r.fluence.canvasPixels).toFixed(0)}% of the canvas`,
      ...(truth ? [num(m?.amp_ssim, 4), num(m?.phase_ssim, 4), num(m?.amp_frc50, 4), num(m?.phase_frc50, 4)] : [])];
    return `<tr>${cells.map((c, i) => `<td>${i === 0 ? esc(c) : c}</td>`).join('')}</tr>`;
  }).join('\n');
  const blocks = sections.map(({ label, record: r, images }) => {
    const figs = images.map((i) => `<figure><img alt="${esc(i.caption)}" src="data:image/png;base64,${base64(i.png)}"><figcaption>${esc(i.caption)}</figcaption></figure>`).join('\n');
    const charts = selfConsistencyCharts(r, label).map(chartSvg).join('\n');
    const worst = r.residuals.worst.slice(0, 5).map((w) => `#${w.index} at (${num(w.x, 1)}, ${num(w.y, 1)}): ${num(w.normalizedDeviance)}`).join('; ');
    const f = r.halfScanFrc;
    const lines = [
      f ? `Half-scan FRC: ${f.split === 'checkerboard' ? 'checkerboard of the scan grid' : 'even and odd scan positions (not a grid)'}, ${f.positions[0]} + ${f.positions[1]} positions, each half: ${f.reconstruction}; compared on ${f.box.width}×${f.box.height} px, registered by (${num(f.registration.dx, 2)}, ${num(f.registration.dy, 2)}) px. ${f.note}`
        : `Half-scan FRC absent: ${r.halfScanFrcAbsent ?? ''}.`,
      `Worst positions (normalized deviance): ${worst}.`,
      `Probe: rms radius ${num(r.probe.rmsRadius, 1)} px, ${(100 * r.probe.energyOutsideCentre).toFixed(1)}% of its energy outside the central square${r.probe.change ? `, changed by ${(100 * r.probe.change.relativeChange).toFixed(1)}% from the initial probe` : ''} (${r.probe.source}).`,
      `Reliable region: fluence ≥ ${Math.round(100 * r.fluence.fraction)}% of ${num(r.fluence.reference, 1)} photons/px (the 90th percentile); displayed objects are cropped to its box.`,
      ...r.notes,
    ];
    return `<h3>${esc(label)}</h3>
<div class="sc-pictures">${figs}
<div class="charts">${charts}</div></div>
<ul class="sc-notes">${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`;
  }).join('\n');
  return `<h2>Quality without ground truth</h2>
<p>What each reconstruction says about itself, computed from the data alone: how well it explains every measured pattern under the forward model (normalized Poisson deviance: 1 is the counting-noise level, higher means patterns the reconstruction does not explain), the resolution at which two reconstructions from interleaved halves of the scan still agree, and where the scan illuminated the object well enough to trust it.</p>
<table class="self-consistency"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>
${rows}</tbody></table>
${blocks}`;
}
