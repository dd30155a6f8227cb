import type { EvaluationMetrics, MetricsProfile } from '@ptychojs/metrics';
import type { EpochRecord } from '@ptychojs/model';
import { chartSvg } from './charts/chart-svg.js';
import { frcChart } from './charts/frc-chart.js';
import type { FrcCurveData } from '../run-dir/metrics-record.js';
import { lossCharts } from './charts/loss-charts.js';
import { formatMetric } from './format-metric.js';
import { base64 } from '../internal/base64.js';
import type { ScanIssueRecord } from '../types.js';
import type { MethodResult } from '../run-dir/method-result.js';
import { methodsTableHtml } from './methods-table-html.js';
import { keyValueRows } from './key-value-rows.js';
import { metricsRows } from './metrics-rows.js';
import { selfConsistencyHtml, type SelfConsistencySection } from './self-consistency-html.js';
import type { ModelCard } from '../model-card/model-card.js';
import { modelCardWords } from '../model-card/model-card-words.js';
import { escapeMarkup as esc } from './escape-markup.js';

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
  /** Quality without ground truth per method (issue 17): shown after the reconstruction, before the metrics vs truth. */
  readonly selfConsistency?: readonly SelfConsistencySection[];
  /** The FRC curves behind the metrics, and the profile they were computed with. */
  readonly frc?: { readonly amp: FrcCurveData; readonly phase: FrcCurveData };
  readonly profile?: MetricsProfile;
  /** The training history (`history.json`): drawn as loss curves, one chart per term. */
  readonly history?: readonly EpochRecord[];
  readonly summary: Record<string, unknown>;
  readonly config: unknown;
  /** The model card of the network used (a pretrained model, `run --init-model`; issue 15). */
  readonly modelCard?: ModelCard;
}

/** A two-column key/value table ({@link keyValueRows}), every cell escaped. */
function kvTable(value: unknown, cls: string): string {
  const rows = keyValueRows(value).map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('');
  return `<table class="kv ${cls}"><tbody>${rows}</tbody></table>`;
}

const STYLE = `body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#222;margin:2em auto;max-width:1200px;padding:0 1em}
h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ddd;padding-bottom:.2em}
figure{display:inline-block;margin:0 1em 1em 0;vertical-align:top;max-width:440px}figcaption{font-size:.9em;color:#555}
img{max-width:420px;image-rendering:pixelated}.charts svg{margin:0 1em 1em 0;border:1px solid #eee;vertical-align:top}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:4px 10px;text-align:right;font-variant-numeric:tabular-nums}
td:first-child,th:first-child{text-align:left}table.kv th{font-weight:500;background:#f7f7f7;font-family:ui-monospace,monospace;font-size:.9em}
table.kv td{text-align:left;word-break:break-word;max-width:700px}
.warnings li{background:#fff4e5;border-left:4px solid #e69500;padding:.5em;margin:.4em 0;list-style:none}
.sc-pictures figure{max-width:320px}.sc-pictures figure img{max-width:300px}.sc-pictures .charts{display:inline-block;vertical-align:top}.sc-notes{font-size:.92em;color:#333}`;

/**
 * `report.html`: one self-contained offline page (images inlined as data URLs, charts as inline
 * SVG, no script) with the warnings about the data and what to do about each, the reconstruction,
 * the ground truth when known, quality without ground truth per method (issue 17,
 * {@link selfConsistencyHtml}: residual maps, half-scan FRC, fluence, scan over the object), the metrics table (or why there are no metrics), network, refined
 * and ePIE side by side when asked for, the loss and FRC curves ({@link chartSvg}, the same
 * renderer as the web app), and the run summary and configuration as tables
 * ({@link keyValueRows}). Every text taken from data is escaped.
 * Pure; the same page in Node and in a browser.
 */
export function reportHtml(r: ReportInput): string {
  const figures = r.images.map((i) =>
    `<figure><img alt="${esc(i.caption)}" src="data:image/png;base64,${base64(i.png)}"><figcaption>${esc(i.caption)}</figcaption></figure>`).join('\n');
  const m = r.metrics;
  const metrics = m
    ? `<table class="metrics"><thead><tr><th>metric</th><th>amplitude</th><th>phase</th></tr></thead><tbody>${metricsRows(m).map((row) =>
      `<tr><td title="${esc(row.description)}">${esc(row.name)} <small>(${esc(row.description)})</small></td><td>${formatMetric(row.amplitude)}</td><td>${formatMetric(row.phase)}</td></tr>`).join('')}</tbody></table>`
    : `<p class="absent">Metrics absent: ${esc(r.metricsAbsent ?? 'no ground truth (objectGuess) in the data: nothing to score against')}.</p>`;
  const w = r.warnings ?? [];
  const warnings = w.length === 0 ? '' : `<h2>Warnings about the data (${w.length})</h2>
<ul class="warnings">
${w.map((i) => `<li><code>${esc(i.code)}</code> ${esc(i.message)}<br><b>What to do:</b> ${esc(i.fix)}</li>`).join('\n')}
</ul>`;
  const charts = [...(r.history && r.history.length > 0 ? lossCharts(r.history) : []), ...(r.frc ? [frcChart(r.frc, r.profile)] : [])].map(chartSvg).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(r.title)}</title>
<style>${STYLE}</style></head>
<body><h1>${esc(r.title)}</h1>
${warnings}
<h2>Reconstruction</h2>
${figures}
${r.selfConsistency ? selfConsistencyHtml(r.selfConsistency) : ''}
<h2>Metrics vs ground truth</h2>
${metrics}
${r.methods ? methodsTableHtml(r.methods) : ''}
<h2>Curves</h2>
<div class="charts">${charts || '<p>No training history or FRC curves.</p>'}</div>
${r.modelCard ? `<h2>Model card</h2>\n${modelCardHtml(r.modelCard)}` : ''}
<h2>Summary</h2>
${kvTable(r.summary, 'summary')}
<h2>Configuration</h2>
${kvTable(r.config, 'config')}
</body></html>
`;
}

/** The model card in words first (what it was trained on, how well it did: {@link modelCardWords}), then every field. */
function modelCardHtml(c: ModelCard): string {
  return `<p>${esc(modelCardWords(c))}</p>\n${kvTable(c, 'model-card')}`;
}
