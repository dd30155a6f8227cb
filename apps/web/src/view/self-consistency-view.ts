import { chartSvg, selfConsistencyCharts, type SelfConsistencyFile } from '@ptychojs/pipeline';
import { el } from './el.js';
import { svgElement } from './svg-element.js';

/** The pictures of one method's directory, as loaded bytes. */
export interface SelfConsistencyImages {
  readonly residualMap?: Uint8Array;
  readonly scan?: Uint8Array;
  readonly fluence?: Uint8Array;
}

const num = (v: unknown, d = 3) => (typeof v === 'number' ? (Number.isFinite(v) ? v.toFixed(d) : String(v)) : '');

/**
 * One method's quality without ground truth (issue 17), pictures first: the residual map, the scan
 * over the object and the fluence map (the PNGs of its directory), the half-scan FRC with its ½-bit
 * threshold and the residual histogram (drawn from its `metrics.json`), and beside them the
 * numbers — normalized deviance, R-factor, half-scan FRC resolution or why it is absent.
 */
export function selfConsistencyView(label: string, sc: SelfConsistencyFile, images: SelfConsistencyImages): HTMLElement {
  const png = (bytes: Uint8Array | undefined, caption: string) => (bytes
    ? [el('figure', { class: 'sc-image' }, el('figcaption', {}, caption), el('img', { src: URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' })), alt: caption }))]
    : []);
  const f = sc.halfScanFrc;
  const r = sc.residuals;
  const resolution = f ? (f.reachesNyquist ? '≤ 1 px (reaches Nyquist)' : `${num(f.resolutionPixels, 2)} px${f.resolutionNm !== null ? ` = ${num(f.resolutionNm, 1)} nm` : ''}`) : `absent: ${sc.halfScanFrcAbsent ?? ''}`;
  const rows: [string, string][] = [
    ['normalized deviance (1 = counting noise)', num(r.normalizedDeviance)],
    ['median per position', num(r.medianNormalizedDeviance)],
    ['R-factor', num(r.rFactor, 4)],
    ['half-scan FRC resolution (½-bit, half-period; a pessimistic bound)', resolution],
  ];
  const numbers = el('table', { class: 'kv sc-numbers' }, el('tbody', {}, ...rows.map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', {}, v)))));
  const charts = selfConsistencyCharts(sc, label).map((spec) => svgElement(chartSvg(spec)));
  return el('div', { class: 'self-consistency', 'data-method': label },
    el('h3', {}, label),
    el('div', { class: 'sc-row' },
      ...png(images.residualMap, 'data residuals per position'), ...png(images.scan, 'scan over the object'), ...png(images.fluence, 'probe fluence'),
      numbers),
    el('div', { class: 'charts' }, ...charts));
}
