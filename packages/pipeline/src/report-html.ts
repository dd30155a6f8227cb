import type { EvaluationMetrics } from '@ptychojs/metrics';
import { base64 } from './internal/base64.js';
import type { ScanIssueRecord } from './types.js';
import type { MethodResult } from './method-result.js';
import { methodsTableHtml } from './methods-table-html.js';

/** What {@link reportHtml} shows. */
export interface ReportInput {
  readonly title: string;
  /** PNG images, in order, with captions. */
  readonly images: ReadonlyArray<{ readonly caption: string; readonly png: Uint8Array }>;
  /** The ten SPEC §4 metrics, when there was ground truth to score against… */
  readonly metrics?: EvaluationMetrics;
  /** …else why they are absent (no objectGuess, a metrics crop too small…). */
  readonly metricsAbsent?: string;
  /** What the scan check found implausible, each with its fix: shown first. */
  readonly warnings?: readonly ScanIssueRecord[];
  /** Network, refined and ePIE side by side (`run --refine`, `--compare-epie`). */
  readonly methods?: readonly MethodResult[];
  readonly summary: Record<string, unknown>;
  readonly config: unknown;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * `report.html`: one self-contained page (images inlined as data URLs) with the warnings about the
 * data and what to do about each, the reconstruction, the ground truth when known, loss and FRC
 * curves, the metrics table (or why there are no metrics), the run summary and the configuration.
 * Pure; the same page in Node and in a browser.
 */
export function reportHtml(r: ReportInput): string {
  const figures = r.images.map((i) =>
    `<figure><img alt="${esc(i.caption)}" src="data:image/png;base64,${base64(i.png)}"><figcaption>${esc(i.caption)}</figcaption></figure>`).join('\n');
  const m = r.metrics;
  const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : String(v));
  const metrics = m ? `<h2>Metrics vs ground truth</h2>
<table><tr><th>metric</th><th>amplitude</th><th>phase</th></tr>
<tr><td>MS-SSIM</td><td>${fmt(m.amp_msssim)}</td><td>${fmt(m.phase_msssim)}</td></tr>
<tr><td>SSIM</td><td>${fmt(m.amp_ssim)}</td><td>${fmt(m.phase_ssim)}</td></tr>
<tr><td>PSNR (dB)</td><td>${fmt(m.amp_psnr)}</td><td>${fmt(m.phase_psnr)}</td></tr>
<tr><td>MAE</td><td>${fmt(m.amp_mae)}</td><td>${fmt(m.phase_mae)}</td></tr>
<tr><td>FRC = 0.5 (fraction of Nyquist)</td><td>${fmt(m.amp_frc50)}</td><td>${fmt(m.phase_frc50)}</td></tr></table>`
    : `<h2>Metrics</h2><p class="absent">Metrics absent: ${esc(r.metricsAbsent ?? 'no ground truth (objectGuess) in the data: nothing to score against')}.</p>`;
  const w = r.warnings ?? [];
  const warnings = w.length === 0 ? '' : `<h2>Warnings about the data (${w.length})</h2>
<ul class="warnings">
${w.map((i) => `<li><code>${esc(i.code)}</code> ${esc(i.message)}<br><b>What to do:</b> ${esc(i.fix)}</li>`).join('\n')}
</ul>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(r.title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px}figure{display:inline-block;margin:0 1em 1em 0;vertical-align:top}
img{max-width:420px;image-rendering:pixelated}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}
td:first-child,th:first-child{text-align:left}pre{background:#f6f6f6;padding:1em;overflow:auto}
.warnings li{background:#fff4e5;border-left:4px solid #e69500;padding:.5em;margin:.4em 0;list-style:none}</style></head>
<body><h1>${esc(r.title)}</h1>
${warnings}
<h2>Reconstruction</h2>
${figures}
${metrics}
${r.methods ? methodsTableHtml(r.methods) : ''}
<h2>Summary</h2><pre>${esc(JSON.stringify(r.summary, null, 2))}</pre>
<h2>Configuration</h2><pre>${esc(JSON.stringify(r.config, null, 2))}</pre>
</body></html>
`;
}
