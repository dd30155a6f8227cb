import type { EpochRecord } from '@ptychojs/model';
import { chartSvg, lossCharts, modelCardWords, type ModelDirCard } from '@ptychojs/pipeline';
import { el } from './el.js';
import { svgElement } from './svg-element.js';
import { keyValueTable } from './tables.js';

/**
 * A model's card (issue 15), words first — what it was trained on and how well it did
 * (`modelCardWords`, the words of report.html) — then its training curve and, when pretraining
 * scored it, its held-out SSIM per epoch (`lossCharts`), then every field of the card.
 */
export function modelCardView(dir: string, d: ModelDirCard, history: readonly EpochRecord[] | undefined): HTMLElement {
  // lossCharts: the weighted total first, the validation scores second when the epochs carry them.
  const charts = history && history.length > 0 ? lossCharts(history).slice(0, history.some((r) => r.scores?.['amp_ssim'] !== undefined) ? 2 : 1) : [];
  return el('div', { class: 'model-card', 'data-dir': dir, 'data-kind': d.card.kind, 'data-stored': String(d.stored) },
    el('h3', {}, `Model card (${dir || './'})`),
    el('p', { class: 'model-card-words' }, modelCardWords(d.card)),
    ...(d.stored ? [] : [el('p', { class: 'model-card-derived' }, 'This directory has no model-card.json (an earlier version wrote it): the card is derived from its config.json, history.json and probe.npz, as ptycho infer derives it.')]),
    ...(charts.length > 0 ? [el('div', { class: 'charts' }, ...charts.map((spec) => svgElement(chartSvg(spec))))] : []),
    el('details', {}, el('summary', {}, 'every field of the card'), keyValueTable(d.card, 'model-card-fields')),
  );
}
