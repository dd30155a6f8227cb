import type { ScanData } from '@ptychojs/io';
import { formatScanIssue, type ScanSummary } from '@ptychojs/pipeline';
import { colorizeInto, colormapLut } from './colorize.js';
import { el } from './el.js';

const fmt = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : String(v));

/**
 * A raw scan: what `ptycho inspect` reports (`summarizeScan`: arrays with shapes and dtypes,
 * validity and every problem, M, N, extent, step, overlap, counts), and, for a valid scan, a
 * browsable diffraction stack on a log scale (log10(1 + counts), counts = amplitude², one colour
 * range over the whole stack — from the check's largest amplitude — so frames compare) with each
 * frame's position and total counts. Frames are read one at a time, as shown.
 */
export function scanView(s: ScanSummary, raw: ScanData | undefined, maxAmplitude = 0): HTMLElement {
  const rows: Array<[string, string]> = [];
  if (s.M !== undefined && s.N !== undefined) rows.push(['positions M, pattern N', `${s.M}, ${s.N}×${s.N}`]);
  if (s.extent) rows.push(['scan extent (px)', `x ${fmt(s.extent.xmin)} … ${fmt(s.extent.xmax)}, y ${fmt(s.extent.ymin)} … ${fmt(s.extent.ymax)}`]);
  if (s.medianStep !== undefined) rows.push(['median nearest-neighbour step (px)', fmt(s.medianStep)]);
  if (s.probeRmsRadius !== undefined) rows.push(['probe rms radius (px)', fmt(s.probeRmsRadius)]);
  if (s.probeOutsideFraction !== undefined) rows.push(['probe energy outside the central N/2 square', `${(100 * s.probeOutsideFraction).toFixed(1)}% (run's auto object extent: ${s.autoObjectExtent})`]);
  if (s.overlap !== undefined) rows.push(['estimated linear overlap', `${Math.round(100 * s.overlap)}%`]);
  if (s.countsPerPattern) rows.push(['counts per pattern (min, median, max)', `${fmt(s.countsPerPattern.min)}, ${fmt(s.countsPerPattern.median)}, ${fmt(s.countsPerPattern.max)}`]);
  if (s.objectGuess !== undefined) rows.push(['objectGuess', s.objectGuess ? `present (${s.objectGuess.join('×')})` : 'absent (no evaluation against ground truth)']);
  if (s.metadata) rows.push(['metadata', JSON.stringify(s.metadata)]);
  rows.push(['valid', s.valid ? 'yes' : `NO — ${s.problems.length} problem(s)`]);
  const mapped = s.mapping.filter((m) => m.from !== m.field || m.how);
  const box = el('div', { class: 'scan', 'data-file': s.file },
    el('h3', {}, s.file),
    el('p', { class: 'reader', 'data-reader': s.reader.name }, `read by '${s.reader.name}': ${s.reader.format}`),
    ...(mapped.length > 0 ? [el('table', { class: 'mapping' }, el('thead', {}, el('tr', {}, el('th', {}, 'field'), el('th', {}, 'from'), el('th', {}, 'how'))),
      el('tbody', {}, ...mapped.map((m) => el('tr', {}, el('td', {}, m.field), el('td', {}, m.from), el('td', {}, m.how ?? '')))))] : []),
    el('table', { class: 'arrays' }, el('thead', {}, el('tr', {}, el('th', {}, 'array'), el('th', {}, 'shape'), el('th', {}, 'dtype'))),
      el('tbody', {}, ...s.keys.map((k) => el('tr', {}, el('td', {}, k.key), el('td', {}, `(${k.shape.join(', ')}${k.shape.length === 1 ? ',' : ''})`), el('td', {}, k.dtype))))),
    el('table', { class: 'kv scan-summary' }, el('tbody', {}, ...rows.map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', {}, v))))),
  );
  if (s.problems.length > 0) box.append(el('ul', { class: 'problems' }, ...s.problems.map((p) => el('li', {}, formatScanIssue(p)))));
  if (s.warnings.length > 0) box.append(el('ul', { class: 'warnings' }, ...s.warnings.map((w) => el('li', {}, formatScanIssue(w)))));
  if (raw) box.append(diffractionStack(raw, maxAmplitude));
  return box;
}

function diffractionStack(raw: ScanData, maxAmplitude: number): HTMLElement {
  const { M, N } = raw;
  const hi = Math.log10(1 + maxAmplitude ** 2) || 1;
  const frame = new Float32Array(N * N), logCounts = new Float32Array(N * N);
  const lut = colormapLut('viridis');
  const canvas = el('canvas', { class: 'diffraction' });
  canvas.width = N; canvas.height = N;
  const side = Math.max(256, N * 2);
  canvas.style.width = `${side}px`; canvas.style.height = `${side}px`;
  const slider = el('input', { type: 'range', min: '0', max: String(M - 1), value: '0', class: 'frame' });
  const caption = el('div', { class: 'frame-caption' });
  const img = new ImageData(N, N);
  const show = (k: number) => {
    raw.frames.read(k, k + 1, frame);
    let counts = 0;
    for (let p = 0; p < N * N; p++) { counts += frame[p]! ** 2; logCounts[p] = Math.log10(1 + frame[p]! ** 2); }
    colorizeInto(logCounts, N, 0, 0, N, N, lut, 0, hi, img.data);
    canvas.getContext('2d')!.putImageData(img, 0, 0);
    caption.textContent = `frame ${k} of ${M}: position x = ${fmt(raw.xcoords[k]!)}, y = ${fmt(raw.ycoords[k]!)} px; total counts ${fmt(counts)}`;
    canvas.dataset.frame = String(k);
  };
  slider.addEventListener('input', () => show(Number(slider.value)));
  show(0);
  return el('figure', { class: 'stack' }, el('figcaption', {}, `diffraction stack, log10(1 + counts), colour range 0 … ${fmt(hi)}`), canvas, el('div', {}, slider), caption);
}
