import type { ModelCard } from './model-card.js';

/**
 * A model card in words (plain text, not escaped): what the network was trained on — the probe,
 * object families, steps, doses, patterns, epochs, time, backend, architecture — and, when the
 * card has them, its scores on held-out simulated scans. The first thing `report.html` and the
 * web app show of a model, before the card's fields.
 */
export function modelCardWords(c: ModelCard): string {
  const t = c.training;
  const range = (r: readonly [number, number] | null, unit = '') => (r === null ? 'unknown' : `${r[0].toPrecision(3)}–${r[1].toPrecision(3)}${unit}`);
  const v = c.validation;
  return `${c.kind === 'pretrained' ? 'Pretrained on scans simulated under' : 'Trained on measured scans taken with'} ${c.probe.source} `
    + `(rms radius ${c.probe.rmsRadius.toFixed(1)} px, ${(100 * c.probe.energyOutsideCentre).toFixed(1)}% of its energy outside the central square): `
    + `${t.families ? `${t.families.join(', ')} objects, ` : ''}steps ${range(t.stepRange, ' px')}, doses ${range(t.doseRange)} photons per pattern; `
    + `${t.patternsSeen} patterns in ${t.epochs} epoch${t.epochs === 1 ? '' : 's'}, ${(t.seconds / 60).toFixed(1)} min on ${t.backend}. U-Net f = ${c.nFiltersScale}, gridsize ${c.gridsize}, extent ${c.objectExtent}.`
    + (v && v['amp_ssim'] !== undefined ? ` On held-out simulated scans: SSIM ${v['amp_ssim'].toFixed(3)} (amplitude), ${(v['phase_ssim'] ?? Number.NaN).toFixed(3)} (phase).` : '');
}
