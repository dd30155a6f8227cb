/**
 * The ptychojs viewer (SPEC §1 `ptycho view`, §2 apps/web): shows a results folder served by
 * `ptycho view`, or files and folders dropped onto the page — reconstructions (amplitude and phase
 * with zoom, pan, colour bars, the value under the cursor, scan positions; cropped to the reliably
 * reconstructed region by default), quality without ground truth per method (residual map, half-scan
 * FRC, fluence, scan over the object), loss and FRC curves,
 * the metrics table, the run's summary and configuration, raw scans with a diffraction stack — and
 * reconstructs a scan with a model directory (pretrained or trained) in a Web Worker, showing the
 * model card and checking the scan against the model as `ptycho infer` does. File content is data: parsed by the
 * packages' validating readers, shown as text nodes, never as HTML or code.
 */
import * as Comlink from 'comlink';
import { parseNpz, parseReconstruction, type ScanData as ScanArrays, type ScanSource } from '@ptychojs/io';
import {
  chartSvg, frcChart, INFERENCE_BATCH_SIZE, lossCharts, methodLabel, parseJsonText, parseMetricsRecord, parseRunDirConfig, parseRunSummary, parseTrainingHistory, RUN_FILES, summarizeScan, checkScan,
  type MetricsFile, type ModelDirCard, type RunSummaryFile,
} from '@ptychojs/pipeline';
import { classifyFiles, type Classified, type ModelFiles } from './load/classify-files.js';
import { droppedFiles, servedFiles } from './load/sources.js';
import { isProduct, openScan } from './load/open-scan.js';
import type { SourceFile } from './load/source-file.js';
import { el } from './view/el.js';
import { errorLines } from './view/error-lines.js';
import { finiteRange } from './view/colorize.js';
import { imageView, type ImageView } from './view/image-view.js';
import { scanView } from './view/scan-view.js';
import { svgElement } from './view/svg-element.js';
import { keyValueTable, metricsTableElement } from './view/tables.js';
import { selfConsistencyView } from './view/self-consistency-view.js';
import { modelCardView } from './view/model-card-view.js';
import { compatibilityView } from './view/compatibility-view.js';
import { readHistory, readModelDirCard } from './load/read-model-dir-card.js';
import { reconstructionMethod } from './load/reconstruction-method.js';
import { sharedTransform } from './view/view-transform.js';
import { WEB_BACKENDS, type InferRequest, type InferWorkerApi, type WebBackend } from './infer/protocol.js';
import './style.css';

const files = new Map<string, SourceFile>();
let folderName = '';
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Show a file's error the way the CLI prints it. */
function report(e: unknown): void {
  const err = e as Error & { problems?: string[] };
  const lines = errorLines({ name: err?.name, message: err?.message ?? String(e), problems: err?.problems ?? [] });
  $('messages').append(el('pre', { class: 'error' }, lines.join('\n')));
}

async function readJson(f: SourceFile): Promise<unknown> {
  return parseJsonText(new TextDecoder().decode(await f.bytes()), f.path);
}

/** Read one file with its reader; on failure, report it and go on with the others. */
async function attempt<T>(f: SourceFile | undefined, read: (f: SourceFile) => Promise<T>): Promise<T | undefined> {
  if (!f) return undefined;
  try { return await read(f); } catch (e) { report(e); return undefined; }
}

function section(id: string, title: string, ...children: Array<Node | string>): HTMLElement {
  const s = el('section', { id }, el('h2', {}, title), ...children);
  $('content').append(s);
  return s;
}

interface ScanData { file: SourceFile; summary: ReturnType<typeof summarizeScan>; raw?: ScanArrays; maxAmplitude?: number; positions?: SourceFile }

/**
 * A scan file through the registry of scan readers (as `ptycho inspect` reads it): our NPZ, a
 * ptychodus product or diffraction file, CXI. A ptychodus diffraction file takes its positions from
 * a ptychodus product dropped with it (the CLI's `--positions`).
 */
async function readScan(f: SourceFile, others: readonly SourceFile[]): Promise<ScanData> {
  const bytes = await f.bytes();
  let source: ScanSource = await openScan({ path: f.path, bytes });
  let positions: SourceFile | undefined;
  if (source.reader === 'ptychodus-diffraction-h5' && source.problems.length > 0) {
    for (const o of others) {
      if (o === f) continue;
      const ob = await o.bytes();
      if (!(await isProduct({ path: o.path, bytes: ob }))) continue;
      source.close();
      source = await openScan({ path: f.path, bytes }, { path: o.path, bytes: ob });
      positions = o;
      break;
    }
  }
  const check = checkScan(source, { command: 'run' });
  const summary = summarizeScan(check);
  return {
    file: f, summary, ...(positions ? { positions } : {}),
    ...(summary.valid && check.raw ? { raw: check.raw, maxAmplitude: check.stats?.max ?? 0 } : {}),
  };
}

/** Amplitude and phase side by side, sharing zoom and pan, with the positions toggle. */
function reconstructionViews(H: number, W: number, amplitude: Float32Array, phase: Float32Array, origin: readonly [number, number], positions?: ScanArrays): HTMLElement {
  const transform = sharedTransform();
  const [amin, amax] = finiteRange(amplitude);
  const mid = (amin + amax) / 2;
  const views: ImageView[] = [
    imageView({ title: 'amplitude', plane: amplitude, H, W, colormap: 'gray', vmin: amin, vmax: amax, barLabels: [amax, mid, amin].map((v) => v.toPrecision(3)), origin, transform }),
    imageView({ title: 'phase (rad)', plane: phase, H, W, colormap: 'twilight', vmin: -Math.PI, vmax: Math.PI, barLabels: ['π', 'π/2', '0', '−π/2', '−π'], origin, transform }),
  ];
  const toggle = el('input', { type: 'checkbox', id: `pos-${Math.random().toString(36).slice(2)}`, class: 'show-positions' });
  const controls = el('div', { class: 'controls' }, el('span', {}, `${H}×${W} px, canvas origin (x0, y0) = (${origin.join(', ')}); wheel zooms, drag pans, double-click fits.`));
  if (positions) {
    for (const v of views) v.setPositions(positions.xcoords, positions.ycoords);
    toggle.addEventListener('change', () => { for (const v of views) v.showPositions(toggle.checked); });
    controls.append(el('label', {}, toggle, ` show the ${positions.M} scan positions of ${positions.source}`));
  }
  return el('div', { class: 'recon' }, controls, el('div', { class: 'images' }, ...views.map((v) => v.element)));
}

async function showReconstruction(c: Classified, scans: ScanData[], summary: RunSummaryFile | undefined): Promise<void> {
  if (c.reconstructions.length === 0) return;
  const body = el('div');
  const label = (f: SourceFile) => { const m = reconstructionMethod(f.path, c.summary?.path, summary?.fields['methods']); return m ? `${methodLabel(m)}: ${f.path}` : f.path; };
  const pick = el('select', { class: 'pick-recon' }, ...c.reconstructions.map((f, i) => el('option', { value: String(i) }, label(f))));
  const sec = section('reconstruction', 'Reconstruction', ...(c.reconstructions.length > 1 ? [pick] : []), body);
  const dataName = typeof summary?.fields.data === 'string' ? summary.fields.data.split('/').pop() : undefined;
  const positions = (scans.find((s) => s.raw && s.file.path.split('/').pop() === dataName) ?? scans.find((s) => s.raw))?.raw;
  const show = async () => {
    body.replaceChildren();
    const f = c.reconstructions[Number(pick.value)]!;
    const rec = await attempt(f, async (file) => parseReconstruction(parseNpz(await file.bytes(), { file: file.path }), file.path));
    if (!rec) return;
    const [H, W] = rec.object.shape as [number, number];
    // Issue 17: crop to the reliably reconstructed region of its metrics.json by default, saying so.
    const box = await reliableBox(f.path, H, W);
    const views = el('div');
    const draw = (crop: boolean) => {
      if (!crop || !box) { views.replaceChildren(reconstructionViews(H, W, rec.amplitude, rec.phase, rec.canvasOrigin, positions)); return; }
      const cut = (p: Float32Array) => { const o = new Float32Array(box.height * box.width); for (let r = 0; r < box.height; r++) o.set(p.subarray((box.row0 + r) * W + box.col0, (box.row0 + r) * W + box.col0 + box.width), r * box.width); return o; };
      views.replaceChildren(reconstructionViews(box.height, box.width, cut(rec.amplitude), cut(rec.phase), [rec.canvasOrigin[0] + box.col0, rec.canvasOrigin[1] + box.row0], positions));
    };
    const extra: HTMLElement[] = [];
    if (box) {
      const toggle = el('input', { type: 'checkbox', class: 'crop-reliable' });
      toggle.checked = true;
      toggle.addEventListener('change', () => draw(toggle.checked));
      extra.push(el('p', { class: 'crop-note' }, el('label', {}, toggle, ` cropped to the reliably reconstructed region (${box.height}×${box.width} of the ${H}×${W} canvas: where the probe's fluence reaches half the reference, from metrics.json); untick to see the whole canvas`)));
    }
    body.append(el('p', { class: 'file' }, label(f)), ...extra, views);
    draw(true);
  };
  pick.addEventListener('change', () => void show());
  await show();
  sec.dataset.file = c.reconstructions[0]!.path;
}

/** The reliable region's box of the metrics.json beside a reconstruction (issue 17), when it has one that fits the canvas. */
async function reliableBox(reconPath: string, H: number, W: number): Promise<{ row0: number; col0: number; height: number; width: number } | undefined> {
  const dir = reconPath.includes('/') ? reconPath.slice(0, reconPath.lastIndexOf('/') + 1) : '';
  const m = files.get(`${dir}metrics.json`);
  if (!m) return undefined;
  const rec = await attempt(m, async (f) => parseMetricsRecord(await readJson(f), f.path));
  const b = (rec?.selfConsistency?.fluence as { box?: unknown } | undefined)?.box as Record<string, unknown> | null | undefined;
  if (!b) return undefined;
  const [row0, col0, height, width] = [b.row0, b.col0, b.height, b.width].map(Number) as [number, number, number, number];
  const ok = [row0, col0, height, width].every(Number.isInteger) && row0 >= 0 && col0 >= 0 && height > 0 && width > 0 && row0 + height <= H && col0 + width <= W;
  return ok ? { row0, col0, height, width } : undefined;
}

/** Quality without ground truth (issue 17): every method directory whose metrics.json has a selfConsistency block, with its pictures. */
async function showSelfConsistency(c: Classified): Promise<void> {
  const blocks: HTMLElement[] = [];
  for (const f of c.metricsAll) {
    const rec = await attempt(f, async (file) => parseMetricsRecord(await readJson(file), file.path));
    const sc = rec?.selfConsistency;
    if (!sc) continue;
    const dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/') + 1) : '';
    const bytes = async (name: string) => { const g = files.get(`${dir}${name}`); return g ? await g.bytes() : undefined; };
    const [residualMap, scan, fluence] = [await bytes(RUN_FILES.residualMap), await bytes(RUN_FILES.scanChart), await bytes(RUN_FILES.fluence)];
    const label = typeof sc.method === 'string' ? `${methodLabel(sc.method)} (${dir || './'})` : dir || f.path;
    blocks.push(selfConsistencyView(label, sc, { ...(residualMap ? { residualMap } : {}), ...(scan ? { scan } : {}), ...(fluence ? { fluence } : {}) }));
  }
  if (blocks.length > 0) section('quality', 'Quality without ground truth', el('p', {}, 'How well each reconstruction explains its own data (normalized Poisson deviance: 1 = counting noise), where two reconstructions from interleaved halves of the scan still agree (half-scan FRC against the ½-bit threshold), and where the probe illuminated the object.'), ...blocks);
}

function showMetricsAndCurves(metrics: MetricsFile | undefined, summary: RunSummaryFile | undefined, history: ReturnType<typeof parseTrainingHistory> | undefined): void {
  const m = metrics?.metrics ?? summary?.metrics ?? undefined;
  if (m) section('metrics', 'Metrics vs ground truth', metricsTableElement(m));
  else if (summary) section('metrics', 'Metrics vs ground truth', el('p', {}, 'No ground truth (objectGuess) in the data: nothing to score against.'));
  const charts = [...(history && history.length > 0 ? lossCharts(history) : []), ...(metrics?.frc ? [frcChart(metrics.frc, metrics.profile)] : [])];
  if (charts.length > 0) section('curves', 'Curves', el('div', { class: 'charts' }, ...charts.map((spec) => svgElement(chartSvg(spec)))));
}

async function showScans(scans: ScanData[]): Promise<void> {
  if (scans.length === 0) return;
  const body = el('div');
  const pick = el('select', { class: 'pick-scan' }, ...scans.map((s, i) => el('option', { value: String(i) }, s.file.path)));
  section('scans', scans.length > 1 ? `Raw scans (${scans.length})` : 'Raw scan', ...(scans.length > 1 ? [pick] : []), body);
  const show = () => { const s = scans[Number(pick.value)]!; body.replaceChildren(scanView(s.summary, s.raw, s.maxAmplitude)); };
  pick.addEventListener('change', show);
  show();
}

/** A model directory the page can check a scan against and reconstruct with: its model, config.json and probe.npz. */
type UsableModel = ModelFiles & { readonly runConfig: SourceFile; readonly probe: SourceFile };

/** The model (run) directory of a model.json, as `ptycho infer --model DIR` names it. */
const modelDirOf = (m: ModelFiles) => { const d = m.json.path.split('/').slice(0, -1); if (d.at(-1) === 'model') d.pop(); return d.join('/'); };

/**
 * The in-browser reconstruction panel (issue 15): a model directory (pretrained or trained) with
 * its card shown, a scan, then the worker — the model checked against the scan as `ptycho infer`
 * does (verdict and findings shown; a refusal shown as the CLI's error, with "Reconstruct anyway",
 * the CLI's `--force`), the reconstruction and its download.
 */
async function showInference(models: readonly ModelFiles[], scanFiles: readonly SourceFile[], scans: readonly ScanData[]): Promise<void> {
  const usable = models.filter((m): m is UsableModel => Boolean(m.runConfig && m.probe));
  if (usable.length === 0) {
    if (models.length > 0) section('infer', 'Reconstruct in the browser', el('p', {}, 'A model was found without its run\'s config.json (grouping settings) or probe.npz (the model probe a scan is checked against): drop the whole run directory (model/, config.json, probe.npz, model-card.json).'));
    return;
  }
  const modelPick = el('select', { class: 'pick-model' }, ...usable.map((m, i) => el('option', { value: String(i) }, modelDirOf(m) || m.json.path)));
  const card = el('div', { class: 'model-card-slot' });
  const sec = section('infer', 'Reconstruct in the browser', el('div', { class: 'controls' }, el('label', {}, 'model ', modelPick)), card);
  let shown = 0;
  const showCard = async () => {
    const m = usable[Number(modelPick.value)]!, mine = ++shown;
    card.replaceChildren();
    sec.dataset.card = 'loading';
    const history = await attempt(m.history, readHistory);
    let d: ModelDirCard | undefined;
    try { d = await readModelDirCard(m, history); } catch (e) { report(e); }
    if (mine !== shown) return; // another model was chosen meanwhile
    if (d) card.append(modelCardView(modelDirOf(m), d, history));
    sec.dataset.card = d ? 'shown' : 'failed';
  };
  await showCard();
  if (scanFiles.length === 0) {
    sec.append(el('p', {}, 'Drop a raw scan (NPZ, ptychodus .h5/.npz, CXI) to check it against this model and reconstruct it.'));
    modelPick.addEventListener('change', () => void showCard());
    return;
  }
  const scanPick = el('select', { class: 'pick-infer-scan' }, ...scanFiles.map((f, i) => el('option', { value: String(i) }, f.path)));
  const button = el('button', { type: 'button', class: 'run-infer' }, 'Reconstruct');
  const backend = el('div', { class: 'backend' }, 'backend: not started');
  const progress = el('progress', { max: '1', value: '0' });
  const status = el('div', { class: 'status' });
  const compat = el('div', { class: 'compat' });
  const result = el('div', { class: 'infer-result' });
  sec.querySelector('.controls')!.append(el('label', {}, 'scan ', scanPick), button);
  sec.append(backend, progress, status, compat, result);
  sec.dataset.state = 'idle';
  const reset = () => { compat.replaceChildren(); result.replaceChildren(); status.textContent = ''; sec.dataset.state = 'idle'; };
  modelPick.addEventListener('change', () => { reset(); void showCard(); });
  scanPick.addEventListener('change', reset);
  let worker: Comlink.Remote<InferWorkerApi> | undefined;
  const run = async (force: boolean) => {
    button.disabled = true;
    sec.dataset.state = 'running';
    compat.replaceChildren();
    result.replaceChildren();
    status.textContent = 'reading files…';
    try {
      const model = usable[Number(modelPick.value)]!, scan = scanFiles[Number(scanPick.value)]!;
      const order = (new URLSearchParams(location.search).get('backend')?.split(',').filter((b): b is WebBackend => (WEB_BACKENDS as readonly string[]).includes(b))) || [...WEB_BACKENDS];
      if (!worker) {
        worker = Comlink.wrap<InferWorkerApi>(new Worker(new URL('./infer/infer-worker.ts', import.meta.url), { type: 'module' }));
        const b = await worker.startBackend(order.length > 0 ? order : [...WEB_BACKENDS]);
        backend.textContent = `backend: ${b.name} (${b.reason})`;
        backend.dataset.name = b.name;
      }
      const text = async (f: SourceFile) => ({ path: f.path, text: new TextDecoder().decode(await f.bytes()) });
      const buffer = async (f: SourceFile) => ({ path: f.path, bytes: (await f.bytes()).slice().buffer });
      const shards: Record<string, ArrayBuffer> = {};
      for (const s of model.shards) shards[s.path.split('/').pop()!] = (await s.bytes()).slice().buffer;
      const pos = scans.find((s) => s.file === scan)?.positions;
      const req: InferRequest = {
        modelDir: modelDirOf(model), modelJson: await text(model.json), shards, runConfig: await text(model.runConfig), probe: await buffer(model.probe),
        ...(model.card ? { modelCard: await text(model.card) } : {}), ...(model.history ? { history: await text(model.history) } : {}),
        scan: await buffer(scan), ...(pos ? { positions: await buffer(pos) } : {}), batchSize: INFERENCE_BATCH_SIZE, force,
      };
      const t0 = performance.now();
      status.textContent = 'checking the model against the scan, then reconstructing…';
      const res = await worker.reconstruct(Comlink.transfer(req, [req.scan.bytes, req.probe.bytes, ...(req.positions ? [req.positions.bytes] : []), ...Object.values(shards)]), Comlink.proxy((done: number, total: number) => {
        progress.max = total; progress.value = done;
        const secs = (performance.now() - t0) / 1000, rate = done / Math.max(secs, 1e-3);
        status.textContent = `${done}/${total} groups | ${rate.toFixed(1)} groups/s | ETA ${Math.max(0, Math.round((total - done) / Math.max(rate, 1e-9)))} s`;
      }));
      if (res.compatibility) compat.append(compatibilityView(res.compatibility, force));
      if (!res.ok && res.compatibility?.verdict === 'refuse' && !force) {
        // The CLI's refusal (exit 2) and its --force, as a button.
        const again = el('button', { type: 'button', class: 'force-infer' }, 'Reconstruct anyway');
        again.addEventListener('click', () => void run(true));
        compat.append(el('pre', { class: 'error' }, errorLines(res.error).join('\n')),
          el('p', { class: 'force' }, again, ' — as ptycho infer --force: the refusal becomes a warning; the result may be meaningless.'));
        status.textContent = 'refused by the model check';
        sec.dataset.state = 'refused';
        return;
      }
      if (!res.ok) { report(res.error); status.textContent = 'failed'; sec.dataset.state = 'failed'; return; }
      status.textContent = `done: ${res.groups} groups, inference ${res.seconds.inference.toFixed(2)} s, stitching ${res.seconds.stitching.toFixed(3)} s`;
      const url = URL.createObjectURL(new Blob([res.npz as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
      result.append(el('p', {}, el('a', { href: url, download: RUN_FILES.reconstruction, class: 'download' }, 'Download reconstruction.npz'), ' (object, amplitude, phase, canvasOrigin: the contract of ptycho infer)'),
        reconstructionViews(res.H, res.W, res.amplitude, res.phase, res.canvasOrigin));
      sec.dataset.state = 'done';
    } catch (e) {
      report(e);
      status.textContent = 'failed';
      sec.dataset.state = 'failed';
    } finally {
      button.disabled = false;
    }
  };
  button.addEventListener('click', () => void run(false));
}

/** Classify the current files and rebuild every view. */
async function render(): Promise<void> {
  document.body.dataset.ready = '0';
  $('messages').replaceChildren();
  $('content').replaceChildren();
  const c = classifyFiles([...files.values()]);
  $('source').textContent = folderName ? `${folderName}: ${files.size} files` : files.size > 0 ? `${files.size} dropped files` : 'no files yet';
  if (folderName && files.has(RUN_FILES.report)) $('source').append(' — ', el('a', { href: 'data/report.html', target: '_blank', rel: 'noopener' }, RUN_FILES.report));
  const summary = await attempt(c.summary, async (f) => parseRunSummary(await readJson(f), f.path));
  const metrics = await attempt(c.metrics, async (f) => parseMetricsRecord(await readJson(f), f.path));
  const history = await attempt(c.history, async (f) => parseTrainingHistory(await readJson(f), f.path));
  const runConfig = await attempt(c.runConfig, async (f) => { const v = await readJson(f); parseRunDirConfig(v, f.path); return v; });
  const scans: ScanData[] = [];
  for (const f of c.scans) { const s = await attempt(f, (file) => readScan(file, c.scans)); if (s) scans.push(s); }
  await showReconstruction(c, scans, summary);
  await showSelfConsistency(c);
  showMetricsAndCurves(metrics, summary, history);
  if (summary || runConfig) {
    section('run', 'Run', ...(summary ? [el('h3', {}, 'Summary'), keyValueTable(summary.fields, 'summary')] : []), ...(runConfig ? [el('h3', {}, `Configuration (${c.runConfig!.path})`), keyValueTable(runConfig, 'config')] : []));
  }
  await showScans(scans);
  await showInference(c.models, c.scans, scans);
  if ($('content').childElementCount === 0 && $('messages').childElementCount === 0) {
    $('content').append(el('p', { class: 'empty' }, 'Nothing to show yet: drop a results folder, reconstruction.npz, summary.json, history.json, metrics.json, a raw scan (NPZ, ptychodus .h5/.npz, CXI) or a model folder here.'));
  }
  document.body.dataset.ready = '1';
}

async function addFiles(list: Promise<import('./load/source-file.js').SourceFile[]>): Promise<void> {
  for (const f of await list) files.set(f.path, f);
  await render();
}

function main(): void {
  const input = $<HTMLInputElement>('file');
  input.addEventListener('change', () => { if (input.files) void addFiles(droppedFiles(input.files)); input.value = ''; });
  const folder = $<HTMLInputElement>('folder');
  folder.addEventListener('change', () => { if (folder.files) void addFiles(droppedFiles(folder.files)); folder.value = ''; });
  document.addEventListener('dragover', (e) => { e.preventDefault(); document.body.classList.add('dragging'); });
  document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    document.body.classList.remove('dragging');
    if (e.dataTransfer) void addFiles(droppedFiles(e.dataTransfer));
  });
  void (async () => {
    const served = await servedFiles();
    if (served) {
      folderName = served.name;
      for (const f of served.files) files.set(f.path, f);
      if (served.truncated) $('messages').append(el('p', { class: 'warning' }, 'The folder has more files than the listing shows; open a smaller folder.'));
    }
    await render();
  })();
}

main();
