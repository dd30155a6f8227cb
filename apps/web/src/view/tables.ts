import type { EvaluationMetrics } from '@ptychojs/metrics';
import { formatMetric, keyValueRows, metricsRows } from '@ptychojs/pipeline';
import { el } from './el.js';

/** The metrics table (the rows of `metricsRows`, the numbers of `formatMetric`), full values in `data-amplitude`/`data-phase`. */
export function metricsTableElement(m: EvaluationMetrics): HTMLTableElement {
  return el('table', { class: 'metrics' },
    el('thead', {}, el('tr', {}, el('th', {}, 'metric'), el('th', {}, 'amplitude'), el('th', {}, 'phase'))),
    el('tbody', {}, ...metricsRows(m).map((r) => el('tr', { 'data-metric': r.name, 'data-amplitude': String(r.amplitude), 'data-phase': String(r.phase) },
      el('td', { title: r.description }, r.name, ' ', el('small', {}, `(${r.description})`)), el('td', {}, formatMetric(r.amplitude)), el('td', {}, formatMetric(r.phase))))));
}

/** A key/value table of a JSON value (`keyValueRows`), text only. */
export function keyValueTable(value: unknown, cls: string): HTMLTableElement {
  return el('table', { class: `kv ${cls}` }, el('tbody', {}, ...keyValueRows(value).map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', {}, v)))));
}
