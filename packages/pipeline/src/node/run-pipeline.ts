import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { writeFileAtomic, writeJsonAtomic } from '@ptychojs/io/node';
import type { ScanIssue } from '@ptychojs/grouping';
import type { EvaluationMetrics, EvaluationResult } from '@ptychojs/metrics';
import type { EpochRecord, RunConfig } from '@ptychojs/model';
import { amplitudePhasePngs } from '../amplitude-phase-pngs.js';
import { jsonSafe } from '../json-safe.js';
import type { MethodResult } from '../method-result.js';
import { metricsTable } from '../metrics-table.js';
import { reportHtml } from '../report-html.js';
import type { Reporter } from '../reporter.js';
import type { RunDirConfig } from '../run-dir-config.js';
import { scanTruth } from '../scan-truth.js';
import { truthInFrame } from '../truth-in-frame.js';
import { PIPELINE_VERSION } from '../version.js';
import type { BackendUsed, DiffractionReading } from '../types.js';
import type { UsableScan } from '../usable-scan.js';
import { checkRunOut } from './check-run-out.js';
import { compareWithEpie } from './compare-with-epie.js';
import { evaluateAndWrite } from './evaluate-and-write.js';
import { inferToDir } from './infer-to-dir.js';
import { makeOutputDir } from './make-output-dir.js';
import { readModelCard } from './read-model-card.js';
import { readRunDirConfig } from './read-run-dir-config.js';
import { readTrainingHistory } from './read-training-history.js';
import { trainToRunDir } from './train-to-run-dir.js';

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
  /** Wall-clock training budget in seconds. */
  readonly maxTrainSeconds?: number;
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
 * `out/recon/` → evaluate against objectGuess when the metrics can be computed (metrics, FRC,
 * truth images in the reconstruction's frame; else the reason they are absent) → `report.html`
 * and `summary.json`, written last, both with the scan check's warnings. Re-running into the same
 * directory reuses a finished training, resumes an interrupted one and refuses a finished run;
 * nothing is silently overwritten.
 *
 * @throws InputError for a finished output directory or bad data; a file-system error naming the
 *   directory when it cannot be made or written
 */
export async function runPipeline(scan: UsableScan, out: string, config: RunConfig, opts: RunPipelineOptions): Promise<RunSummary> {
  const { reporter } = opts;
  const { raw } = scan;
  const t0 = performance.now();
  checkRunOut(out);
  makeOutputDir(out);
  const truth = scanTruth(scan);
  // A pretrained network as it is, before any training on this scan (issue 15).
  let pretrained: MethodResult | undefined;
  if (opts.initModel !== undefined && config.epochs > 0) {
    const dir = path.join(out, 'pretrained');
    reporter.info(`reconstructing with the pretrained network of ${opts.initModel} as it is, into ${dir}`);
    const p = await inferToDir(opts.initModel, scan, dir, { batchSize: opts.batchSize ?? 64, reporter, backend: opts.backend.name, workers: opts.workers ?? 1 });
    const seconds = p.seconds.inference + p.seconds.stitching;
    pretrained = { method: 'pretrained', dir: 'pretrained', seconds, totalSeconds: seconds, metrics: truth ? evaluateAndWrite(p.reconstruction, truth, dir).result.metrics : null };
  }
  const trainDir = path.join(out, 'train');
  let trainInfo: RunSummary['train'];
  let runConfig: RunDirConfig;
  let history: readonly EpochRecord[];
  if (fs.existsSync(path.join(trainDir, 'config.json'))) {
    runConfig = readRunDirConfig(trainDir);
    const hist = readTrainingHistory(trainDir);
    history = hist;
    reporter.info(`training already finished in ${trainDir}; reusing it`);
    trainInfo = { epochs: runConfig.epochs, stopReason: runConfig.stopReason, finalLoss: hist.at(-1)?.loss, seconds: runConfig.seconds };
  } else {
    const resume = fs.existsSync(path.join(trainDir, 'checkpoint'));
    const res = await trainToRunDir(scan, config, trainDir, {
      backend: opts.backend, resume, reporter, workers: opts.workers ?? 1,
      ...(opts.initModel !== undefined ? { initModel: opts.initModel } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.maxTrainSeconds !== undefined ? { maxSeconds: opts.maxTrainSeconds } : {}),
    });
    runConfig = res.runConfig;
    history = res.history;
    trainInfo = { epochs: res.history.length, stopReason: res.runConfig.stopReason, finalLoss: res.history.at(-1)?.loss, seconds: res.runConfig.seconds };
  }
  const reconDir = path.join(out, 'recon');
  const rec = await inferToDir(trainDir, scan, reconDir, { batchSize: opts.batchSize ?? 64, reporter, backend: opts.backend.name, workers: opts.workers ?? 1 });
  let metrics: EvaluationMetrics | null = null;
  let frc: EvaluationResult['frc'] | undefined;
  const metricsAbsent = truth ? null : scan.evaluation.reason ?? 'metrics not computable';
  if (truth) {
    const ev = evaluateAndWrite(rec.reconstruction, truth, reconDir);
    metrics = ev.result.metrics;
    frc = ev.result.frc;
    reporter.info('metrics vs objectGuess:');
    for (const line of metricsTable(metrics)) reporter.info(line);
  } else {
    reporter.info(`metrics absent: ${metricsAbsent}`);
  }
  if (raw.objectGuess) {
    const [H, W] = rec.reconstruction.object.shape as [number, number];
    const t = truthInFrame(raw.objectGuess, rec.reconstruction.canvasOrigin, [H, W]);
    const png = amplitudePhasePngs(t.amplitude, t.phase, H, W, 'true ');
    writeFileAtomic(path.join(reconDir, 'truth_amplitude.png'), png.amplitudePng);
    writeFileAtomic(path.join(reconDir, 'truth_phase.png'), png.phasePng);
  }
  let methods: MethodResult[] | undefined;
  if (opts.refineIterations || opts.epieIterations || opts.initModel !== undefined) {
    const networkSeconds = trainInfo.seconds + rec.seconds.inference + rec.seconds.stitching;
    methods = [
      ...(pretrained ? [pretrained] : []),
      { method: opts.initModel !== undefined && config.epochs === 0 ? 'pretrained' : 'network', dir: 'recon', seconds: networkSeconds, totalSeconds: networkSeconds, metrics },
      ...compareWithEpie(scan, out, rec.reconstruction, {
        refineIterations: opts.refineIterations, epieIterations: opts.epieIterations, alpha: opts.epieAlpha, seed: config.seed,
        ...(truth ? { truth } : {}), networkSeconds, reporter,
      }),
    ];
    for (const m of methods) {
      const q = m.metrics, f = (v: number | undefined) => (v === undefined ? 'n/a' : v.toFixed(4));
      reporter.info(`${m.method.padEnd(10)} SSIM amp ${f(q?.amp_ssim)} phase ${f(q?.phase_ssim)}, ${m.seconds.toFixed(1)} s (total ${m.totalSeconds.toFixed(1)} s)${m.iterations ? `, ${m.iterations} iterations, α ${m.alpha}, final cost ${m.finalCost?.toPrecision(3)}` : ''}`);
    }
  }
  const reportFile = path.join(out, 'report.html');
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
    ...(opts.initModel !== undefined ? { initModel: opts.initModel } : {}),
  };
  const images = reportImages(out, Boolean(raw.objectGuess)).filter((i) => fs.existsSync(i.file)).map((i) => ({ caption: i.caption, png: new Uint8Array(fs.readFileSync(i.file)) }));
  writeFileAtomic(reportFile, reportHtml({
    title: opts.title ?? `ptychojs reconstruction of ${path.basename(raw.source)}`, images,
    ...(metrics ? { metrics } : { metricsAbsent: metricsAbsent! }), ...(frc ? { frc, profile: 'standard' as const } : {}), history,
    ...(methods ? { methods } : {}), warnings: scan.warnings, summary: { ...summary, ...opts.extra }, config: runConfig,
    ...(opts.initModel !== undefined ? { modelCard: readModelCard(opts.initModel).card } : {}),
  }));
  writeJsonAtomic(path.join(out, 'summary.json'), JSON.parse(JSON.stringify({ ...summary, ...opts.extra }, jsonSafe)));
  return summary;
}

/** The report's images (the curves are drawn as charts from the data), in order, as files of the run directory (those absent are skipped). */
function reportImages(outDir: string, hasTruth: boolean): { caption: string; file: string }[] {
  const list = [
    // run --init-model: the pretrained network as it is (absent otherwise).
    { caption: 'pretrained network, not trained on this scan: amplitude', file: path.join(outDir, 'pretrained', 'amplitude.png') },
    { caption: 'pretrained network, not trained on this scan: phase', file: path.join(outDir, 'pretrained', 'phase.png') },
    { caption: 'reconstructed amplitude', file: path.join(outDir, 'recon', 'amplitude.png') },
    { caption: 'reconstructed phase', file: path.join(outDir, 'recon', 'phase.png') },
  ];
  if (hasTruth) list.push(
    { caption: 'true amplitude (same frame as the reconstruction)', file: path.join(outDir, 'recon', 'truth_amplitude.png') },
    { caption: 'true phase (same frame as the reconstruction)', file: path.join(outDir, 'recon', 'truth_phase.png') },
  );
  // run --refine / --compare-epie (absent files are skipped).
  for (const [dir, what] of [['refined', 'network + ePIE refinement'], ['epie', 'ePIE from flat']] as const) {
    list.push(
      { caption: `${what}: amplitude`, file: path.join(outDir, dir, 'amplitude.png') },
      { caption: `${what}: phase`, file: path.join(outDir, dir, 'phase.png') },
      { caption: `${what}: cost per iteration`, file: path.join(outDir, dir, 'cost.png') },
    );
  }
  return list;
}
