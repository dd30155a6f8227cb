import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { toComplexArray } from '@ptychojs/io';
import { readNpzFile, writeFileAtomic, writeJsonAtomic, type ReconstructionFormat } from '@ptychojs/io/node';
import type { ScanIssue } from '../scan/scan-issue.js';
import type { EvaluationMetrics, EvaluationResult } from '@ptychojs/metrics';
import type { EpochRecord, RunConfig } from '@ptychojs/model';
import { jsonSafe } from '../json-safe.js';
import type { MethodResult } from '../run-dir/method-result.js';
import type { SelfConsistencySection } from '../report/self-consistency-html.js';
import { selfConsistencySummary, type SelfConsistencySummary } from '../run-dir/self-consistency-summary.js';
import { metricsTable } from '../report/metrics-table.js';
import { reportHtml } from '../report/report-html.js';
import type { Reporter } from '../reporter.js';
import type { RunDirConfig } from '../run-dir/run-dir-config.js';
import { scanTruth } from '../scan/scan-truth.js';
import { truthInFrame } from '../scan/truth-in-frame.js';
import { PIPELINE_VERSION } from '../version.js';
import type { BackendUsed, DiffractionReading } from '../types.js';
import type { UsableScan } from '../scan/usable-scan.js';
import { amplitudePhasePngs } from './amplitude-phase-pngs.js';
import { checkRunOut } from './check-run-out.js';
import { compareWithEpie } from './compare-with-epie.js';
import { scanInMemory } from '../scan/scan-in-memory.js';
import { defaultMemoryBudget } from './default-memory-budget.js';
import { inferToDir } from './infer-to-dir.js';
import { makeOutputDir } from './make-output-dir.js';
import { modelSubsetReconstructor } from './model-subset-reconstructor.js';
import { selfConsistencyToDir, type SelfConsistencyOutputs } from './self-consistency-to-dir.js';
import { readModelCard } from './read-model-card.js';
import { readRunDirConfig } from './read-run-dir-config.js';
import { readTrainingHistory } from './read-training-history.js';
import { trainToRunDir } from './train-to-run-dir.js';
import { INFERENCE_BATCH_SIZE } from '../reconstruct/inference-batch-size.js';
import { reliableCrop, RUN_FILES } from '../run-dir/run-files.js';

/** `summary.json` of a `run` (and `demo`) directory. */
export interface RunSummary {
  readonly data: string;
  readonly out: string;
  readonly backend: { readonly name: string; readonly reason: string };
  /** The run's seed, worker threads and package versions (issue 9: recorded in every output). */
  readonly seed: number;
  readonly workers: number;
  readonly versions: { readonly ptychojs: string; readonly tfjs: string };
  readonly train: { readonly epochs: number; readonly stopReason: string; readonly finalLoss: number | undefined; readonly seconds: number };
  readonly infer: { readonly groups: number; readonly shape: readonly number[]; readonly canvasOrigin: readonly [number, number]; readonly seconds: { readonly inference: number; readonly stitching: number } };
  /** The ten SPEC §4 metrics against objectGuess, or null when they cannot be computed… */
  readonly metrics: EvaluationMetrics | null;
  /** …and then why (no objectGuess, a metrics crop under the SSIM window, …); null when present. */
  readonly metricsAbsent: string | null;
  /** What the scan check found implausible, each with its fix. */
  readonly warnings: readonly ScanIssue[];
  /** Notes on reading the data. */
  readonly notes: readonly string[];
  readonly diffraction: DiffractionReading;
  readonly seconds: number;
  readonly report: string;
  /** The methods side by side (pretrained, network, refined, ePIE), when `initModel`, `refineIterations` or `epieIterations` asked for them. */
  readonly methods?: readonly MethodResult[];
  /**
   * Quality without ground truth per method (issue 17; `network`, `refined`, `epie`, …), present
   * with or without objectGuess: residual summary, half-scan FRC resolution, overlap, fluence
   * coverage, probe. The full block (per-position values, curves) is in each method's metrics.json.
   */
  readonly selfConsistency: Readonly<Record<string, SelfConsistencySummary>>;
  /** The pretrained model directory the network started from (`run --init-model`). */
  readonly initModel?: string;
}

/** Options of {@link runPipeline}. */
export interface RunPipelineOptions {
  readonly backend: BackendUsed;
  readonly reporter: Reporter;
  /** Groups per inference pass (default 64). */
  readonly batchSize?: number;
  /** Title of report.html (default: `ptychojs reconstruction of <data file>`). */
  readonly title?: string;
  /** Extra fields for summary.json and the report's summary (the demo's settings). */
  readonly extra?: Record<string, unknown>;
  /** Worker threads for training and inference (issue 10; default 1: this thread). */
  readonly workers?: number;
  /** Interrupt training (SIGINT, SIGTERM): see `trainToRunDir`. */
  readonly signal?: AbortSignal;
  /** ePIE iterations refining the network's object into `out/refined/` (`run --refine K`). */
  readonly refineIterations?: number;
  /** ePIE iterations from a flat object into `out/epie/` (`run --compare-epie K`). */
  readonly epieIterations?: number;
  /** rPIE α of both (default 1). */
  readonly epieAlpha?: number;
  /** Reconstruct each method again from two halves of the scan for the half-scan FRC (issue 17; default true). */
  readonly halfScan?: boolean;
  /** Bytes the scan's frames may take in memory (training, ePIE and the self-consistency checks hold them all; inference reads by batch). */
  readonly memoryBudget?: number;
  /** Also write each reconstruction as a ptychodus product or CXI (`--format`), and `--pixel-size`. */
  readonly formats?: readonly ReconstructionFormat[];
  readonly pixelSizeM?: number;
  /**
   * A pretrained model directory (issue 15): it reconstructs the scan as it is into `pretrained/`
   * (method `pretrained`), then training starts from its weights (fine-tuning; `config` must have
   * its structural settings). With `config.epochs` 0 nothing is trained and `recon/` is the
   * pretrained network's reconstruction.
   */
  readonly initModel?: string;
}

/**
 * The whole pipeline on a checked scan ({@link UsableScan}, checked for `run` with this
 * configuration) into `out` (SPEC §1 `run`): train into `out/train/` → reconstruct into
 * `out/recon/` → quality without ground truth for every method (`selfConsistencyToDir`, issue 17:
 * data residuals, half-scan FRC, fluence, reliable region, probe) and, when the metrics can be
 * computed, against objectGuess (metrics, FRC, truth images in the reconstruction's frame; else the
 * reason they are absent) → `report.html` and `summary.json`, written last, both with the scan
 * check's warnings. Re-running into the same
 * directory reuses a finished training, resumes an interrupted one and refuses a finished run;
 * nothing is silently overwritten.
 *
 * @throws InputError for a finished output directory or bad data; a file-system error naming the
 *   directory when it cannot be made or written
 */
export async function runPipeline(scan: UsableScan, out: string, config: RunConfig, opts: RunPipelineOptions): Promise<RunSummary> {
  const { reporter } = opts;
  const t0 = performance.now();
  checkRunOut(out);
  // Training, ePIE and the self-consistency checks hold every frame; inference reads them by batch.
  const budget = opts.memoryBudget ?? defaultMemoryBudget();
  const raw = scanInMemory(scan.raw, budget, 'run (training)');
  const inferOpts = { memoryBudget: budget, ...(opts.formats ? { formats: opts.formats } : {}), ...(opts.pixelSizeM !== undefined ? { pixelSizeM: opts.pixelSizeM } : {}) };
  makeOutputDir(out);
  const truth = scanTruth(scan);
  const metricsAbsent = truth ? null : scan.evaluation.reason ?? 'metrics not computable';
  const halfScan = opts.halfScan ?? true;
  // Every picture written, by its path under `out` ('recon/amplitude.png'): what the report shows, never read back.
  const pngs = new Map<string, Uint8Array>();
  const keep = (dir: string, written: Iterable<readonly [string, Uint8Array]>) => { for (const [name, bytes] of written) pngs.set(`${dir}/${name}`, bytes); };
  const keepImages = (dir: string, q: SelfConsistencyOutputs) => keep(dir, q.images.map((i) => [path.basename(i.file), i.png] as const));
  // Quality without ground truth of every method, in the order the report shows them (issue 17).
  const quality: { method: string; label: string; outputs: SelfConsistencyOutputs; metrics: EvaluationMetrics | null }[] = [];
  // A pretrained network as it is, before any training on this scan (issue 15).
  let pretrained: MethodResult | undefined;
  if (opts.initModel !== undefined && config.epochs > 0) {
    const dir = path.join(out, RUN_FILES.pretrained);
    reporter.info(`reconstructing with the pretrained network of ${opts.initModel} as it is, into ${dir}`);
    const p = await inferToDir(opts.initModel, scan, dir, { batchSize: opts.batchSize ?? INFERENCE_BATCH_SIZE, reporter, backend: opts.backend.name, workers: opts.workers ?? 1, memoryBudget: budget });
    const seconds = p.seconds.inference + p.seconds.stitching;
    keep(RUN_FILES.pretrained, p.pngs);
    const halves = halfScan ? modelSubsetReconstructor(opts.initModel, raw, { batchSize: opts.batchSize ?? INFERENCE_BATCH_SIZE }) : undefined;
    let q: SelfConsistencyOutputs;
    try {
      q = await selfConsistencyToDir(raw, dir, p.reconstruction, {
        method: 'pretrained', reporter, ...(truth ? { truth } : { metricsAbsent: metricsAbsent! }),
        ...(halves ? { reconstructSubset: halves.reconstructSubset, reconstructSubsetLabel: halves.label } : { halfScanAbsent: 'not asked for (--no-half-scan)' }),
      });
    } finally {
      await halves?.close();
    }
    keepImages(RUN_FILES.pretrained, q);
    pretrained = { method: 'pretrained', dir: 'pretrained', seconds, totalSeconds: seconds, metrics: q.evaluation?.metrics ?? null };
    quality.push({ method: 'pretrained', label: 'pretrained network (not trained on this scan)', outputs: q, metrics: pretrained.metrics });
  }
  const trainDir = path.join(out, RUN_FILES.train);
  let trainInfo: RunSummary['train'];
  let runConfig: RunDirConfig;
  let history: readonly EpochRecord[];
  if (fs.existsSync(path.join(trainDir, RUN_FILES.config))) {
    runConfig = readRunDirConfig(trainDir);
    const hist = readTrainingHistory(trainDir);
    history = hist;
    reporter.info(`training already finished in ${trainDir}; reusing it`);
    trainInfo = { epochs: runConfig.epochs, stopReason: runConfig.stopReason, finalLoss: hist.at(-1)?.loss, seconds: runConfig.seconds };
  } else {
    const resume = fs.existsSync(path.join(trainDir, RUN_FILES.checkpoint));
    const res = await trainToRunDir(scan, config, trainDir, {
      backend: opts.backend, resume, reporter, workers: opts.workers ?? 1, memoryBudget: budget,
      ...(opts.initModel !== undefined ? { initModel: opts.initModel } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    runConfig = res.runConfig;
    history = res.history;
    trainInfo = { epochs: res.history.length, stopReason: res.runConfig.stopReason, finalLoss: res.history.at(-1)?.loss, seconds: res.runConfig.seconds };
  }
  const reconDir = path.join(out, RUN_FILES.recon);
  const rec = await inferToDir(trainDir, scan, reconDir, { batchSize: opts.batchSize ?? INFERENCE_BATCH_SIZE, reporter, backend: opts.backend.name, workers: opts.workers ?? 1, ...inferOpts });
  keep(RUN_FILES.recon, rec.pngs);
  let metrics: EvaluationMetrics | null = null;
  let frc: EvaluationResult['frc'] | undefined;
  const networkHalves = halfScan ? modelSubsetReconstructor(trainDir, raw, { batchSize: opts.batchSize ?? INFERENCE_BATCH_SIZE }) : undefined;
  // With --init-model and no epochs, recon/ is the pretrained network's reconstruction.
  const networkMethod = opts.initModel !== undefined && config.epochs === 0 ? 'pretrained' : 'network';
  let methods: MethodResult[] | undefined;
  try {
    // The network's probe: the run's model probe (trained when probeTrainable), whose change from the scan's is then reported.
    const probeFile = path.join(trainDir, RUN_FILES.probe);
    const trained = fs.existsSync(probeFile) ? readNpzFile(probeFile, { keys: ['probeGuess'] }).probeGuess : undefined;
    const netProbe = trained && trained.shape.join() === raw.probeGuess.shape.join() ? toComplexArray(trained, { file: probeFile, key: 'probeGuess' }) : undefined;
    const net = await selfConsistencyToDir(raw, reconDir, rec.reconstruction, {
      method: networkMethod, reporter, ...(truth ? { truth } : { metricsAbsent: metricsAbsent! }),
      ...(netProbe ? { probe: netProbe, probeSource: `${probeFile}${runConfig.config.probeTrainable ? ' (trained)' : ' (the scan\'s probe, scaled)'}` } : {}),
      ...(netProbe && runConfig.config.probeTrainable ? { initialProbe: raw.probeGuess } : {}),
      ...(networkHalves ? { reconstructSubset: networkHalves.reconstructSubset, reconstructSubsetLabel: networkHalves.label } : { halfScanAbsent: 'not asked for (--no-half-scan)' }),
    });
    keepImages(RUN_FILES.recon, net);
    if (net.evaluation) {
      metrics = net.evaluation.metrics;
      frc = net.evaluation.frc;
      reporter.info('metrics vs objectGuess:');
      for (const line of metricsTable(metrics)) reporter.info(line);
    } else {
      reporter.info(`metrics absent: ${metricsAbsent}`);
    }
    quality.push({ method: networkMethod, label: networkMethod === 'pretrained' ? 'pretrained network' : 'network', outputs: net, metrics });
    if (raw.objectGuess) {
      const [H, W] = rec.reconstruction.object.shape as [number, number];
      const t = truthInFrame(raw.objectGuess, rec.reconstruction.canvasOrigin, [H, W]);
      const png = amplitudePhasePngs(t.amplitude, t.phase, H, W, 'true ');
      const truthPngs = new Map<string, Uint8Array>([[RUN_FILES.truthAmplitude, png.amplitudePng], [RUN_FILES.truthPhase, png.phasePng]]);
      const box = net.selfConsistency.region.box;
      if (box) {
        const crop = (p: Float32Array) => { const o = new Float32Array(box.height * box.width); for (let r = 0; r < box.height; r++) o.set(p.subarray((box.row0 + r) * W + box.col0, (box.row0 + r) * W + box.col0 + box.width), r * box.width); return o; };
        const c = amplitudePhasePngs(crop(t.amplitude), crop(t.phase), box.height, box.width, 'true ');
        truthPngs.set(reliableCrop(RUN_FILES.truthAmplitude), c.amplitudePng);
        truthPngs.set(reliableCrop(RUN_FILES.truthPhase), c.phasePng);
      }
      for (const [name, bytes] of truthPngs) writeFileAtomic(path.join(reconDir, name), bytes);
      keep(RUN_FILES.recon, truthPngs);
    }
    if (opts.refineIterations || opts.epieIterations || opts.initModel !== undefined) {
      const networkSeconds = trainInfo.seconds + rec.seconds.inference + rec.seconds.stitching;
      const compared = await compareWithEpie(scan, out, rec.reconstruction, {
        refineIterations: opts.refineIterations, epieIterations: opts.epieIterations, rpieAlpha: opts.epieAlpha, seed: config.seed,
        ...(truth ? { truth } : { metricsAbsent: metricsAbsent! }), networkSeconds, reporter, halfScan,
        ...(networkHalves ? { networkSubset: networkHalves.reconstructSubset } : {}), ...inferOpts,
      });
      methods = [
        ...(pretrained ? [pretrained] : []),
        { method: networkMethod, dir: 'recon', seconds: networkSeconds, totalSeconds: networkSeconds, metrics },
        ...compared.map(({ quality: _q, pngs: _p, ...m }) => m),
      ];
      for (const c of compared) { keep(c.dir, c.pngs); keepImages(c.dir, c.quality); }
      for (const c of compared) quality.push({ method: c.method, label: c.method === 'refined' ? 'network + ePIE refinement' : 'ePIE from flat', outputs: c.quality, metrics: c.metrics });
      for (const m of methods) {
        const q = m.metrics, f = (v: number | undefined) => (v === undefined ? 'n/a' : v.toFixed(4));
        reporter.info(`${m.method.padEnd(10)} SSIM amp ${f(q?.amp_ssim)} phase ${f(q?.phase_ssim)}, ${m.seconds.toFixed(1)} s (total ${m.totalSeconds.toFixed(1)} s)${m.iterations ? `, ${m.iterations} iterations, α ${m.alpha}, final cost ${m.finalCost?.toPrecision(3)}` : ''}`);
      }
    }
  } finally {
    await networkHalves?.close();
  }
  for (const q of quality) {
    const r = q.outputs.selfConsistency.record, h = r.halfScanFrc;
    reporter.info(`${q.method.padEnd(10)} data residual ${r.residuals.normalizedDeviance.toPrecision(3)} × noise (R-factor ${r.residuals.rFactor.toFixed(4)}, ${r.residuals.poorlyExplained.positions} positions > 2), half-scan FRC ${h ? (h.reachesNyquist ? '≤ 1 px (Nyquist)' : `${h.resolutionPixels.toFixed(2)} px${h.resolutionNm !== null ? ` (${h.resolutionNm.toPrecision(3)} nm)` : ''}`) : `absent: ${r.halfScanFrcAbsent}`}`);
  }
  const reportFile = path.join(out, RUN_FILES.report);
  const summary: RunSummary = {
    data: raw.source, out,
    backend: { name: opts.backend.name, reason: opts.backend.reason },
    seed: runConfig.config.seed, workers: opts.workers ?? 1, versions: { ptychojs: PIPELINE_VERSION, tfjs: tf.version_core },
    train: trainInfo,
    infer: { groups: rec.groups, shape: rec.reconstruction.object.shape, canvasOrigin: rec.reconstruction.canvasOrigin, seconds: rec.seconds },
    metrics, metricsAbsent,
    warnings: scan.warnings, notes: scan.notes, diffraction: scan.diffraction,
    seconds: (performance.now() - t0) / 1000,
    report: reportFile,
    ...(methods ? { methods } : {}),
    selfConsistency: Object.fromEntries(quality.map((q) => [q.method, selfConsistencySummary(q.outputs.selfConsistency.record)])),
    ...(opts.initModel !== undefined ? { initModel: opts.initModel } : {}),
  };
  const images = reportImages(pngs, Boolean(raw.objectGuess));
  const selfConsistencySections: SelfConsistencySection[] = quality.map((q) => ({
    label: q.label, record: q.outputs.selfConsistency.record, metrics: q.metrics,
    images: q.outputs.images.filter((i) => !/_reliable\.png$/.test(i.file)).map((i) => ({ caption: i.caption, png: i.png })),
  }));
  writeFileAtomic(reportFile, reportHtml({
    title: opts.title ?? `ptychojs reconstruction of ${path.basename(raw.source)}`, images,
    ...(metrics ? { metrics } : { metricsAbsent: metricsAbsent! }), ...(frc ? { frc, profile: 'standard' as const } : {}), history,
    ...(methods ? { methods } : {}), selfConsistency: selfConsistencySections, warnings: scan.warnings, summary: { ...summary, ...opts.extra }, config: runConfig,
    ...(opts.initModel !== undefined ? { modelCard: readModelCard(opts.initModel).card } : {}),
  }));
  writeJsonAtomic(path.join(out, RUN_FILES.summary), JSON.parse(JSON.stringify({ ...summary, ...opts.extra }, jsonSafe)));
  return summary;
}

/**
 * The report's images (the curves are drawn as charts from the data), in order, from the PNGs the
 * run wrote (`written`, by path under the run directory; those not written are skipped). Objects
 * are shown cropped to the reliably reconstructed region (`*_reliable.png`, issue 17), saying so,
 * when that crop exists; else the full canvas.
 */
function reportImages(written: ReadonlyMap<string, Uint8Array>, hasTruth: boolean): { caption: string; png: Uint8Array }[] {
  const cropped = (dir: string, png: string) => written.has(`${dir}/${reliableCrop(png)}`);
  const pick = (dir: string, png: string, caption: string) => (cropped(dir, png)
    ? { caption: `${caption}, cropped to the reliably reconstructed region (fluence ≥ half the reference; full canvas: ${dir}/${png})`, file: `${dir}/${reliableCrop(png)}` }
    : { caption, file: `${dir}/${png}` });
  const list = [
    // run --init-model: the pretrained network as it is (absent otherwise).
    pick(RUN_FILES.pretrained, RUN_FILES.amplitude, 'pretrained network, not trained on this scan: amplitude'),
    pick(RUN_FILES.pretrained, RUN_FILES.phase, 'pretrained network, not trained on this scan: phase'),
    pick(RUN_FILES.recon, RUN_FILES.amplitude, 'reconstructed amplitude'),
    pick(RUN_FILES.recon, RUN_FILES.phase, 'reconstructed phase'),
  ];
  if (hasTruth) list.push(
    pick(RUN_FILES.recon, RUN_FILES.truthAmplitude, 'true amplitude (same frame as the reconstruction)'),
    pick(RUN_FILES.recon, RUN_FILES.truthPhase, 'true phase (same frame as the reconstruction)'),
  );
  // run --refine / --compare-epie (absent files are skipped).
  for (const [dir, what] of [[RUN_FILES.refined, 'network + ePIE refinement'], [RUN_FILES.epie, 'ePIE from flat']] as const) {
    list.push(
      pick(dir, RUN_FILES.amplitude, `${what}: amplitude`),
      pick(dir, RUN_FILES.phase, `${what}: phase`),
      { caption: `${what}: cost per iteration`, file: `${dir}/${RUN_FILES.costChart}` },
    );
  }
  return list.flatMap(({ caption, file }) => { const png = written.get(file); return png ? [{ caption, png }] : []; });
}
